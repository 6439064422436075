// Which region a message names ("I'm in Berlin", "what about the uk",
// "ml engineer salary in germany"): whole-word, case-insensitive matching of
// each region's places from knowledge/regions.yaml. Pure.
import type { KnowledgeBase } from "./knowledge-base.ts";
import type { Region, RegionId } from "./regions-schema.ts";

/** Accents written without them still match: "Munchen", "Dusseldorf", "Montreal". */
const plain = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where in the text a place first occurs as whole words ("uk" in "the uk?", not in "ukulele"), or -1. */
function firstAt(text: string, place: string): number {
  const m = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(place.toLowerCase().trim())}(?=[^\\p{L}\\p{N}]|$)`, "u").exec(text.toLowerCase().replace(/[’‘]/g, "'"));
  return m ? m.index + m[1]!.length : -1;
}

/**
 * The region a message names. When it names several ("uk or germany?") the
 * first one mentioned wins; a longer place wins at the same position
 * ("british columbia" over "british").
 */
export function findRegion(kb: Pick<KnowledgeBase, "regions">, text: string): RegionId | undefined {
  const t = plain(text);
  let best: { id: RegionId; at: number; length: number } | undefined;
  for (const region of kb.regions) {
    for (const place of region.places) {
      const at = firstAt(t, plain(place));
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && place.length > best.length)) best = { id: region.id, at, length: place.length };
    }
  }
  return best?.id;
}

export function regionById(kb: Pick<KnowledgeBase, "regions">, id: string): Region | undefined {
  return kb.regions.find((r) => r.id === id);
}

/**
 * Whether the text says nothing but where someone is: a place of `region`
 * and filler words ("I'm in Berlin", "what about the uk?", "in canada?").
 */
export function onlyPlace(kb: Pick<KnowledgeBase, "regions" | "regionFiller">, text: string, region: RegionId): boolean {
  let rest = ` ${plain(text).toLowerCase().replace(/[’‘]/g, "'")} `;
  const places = [...(regionById(kb, region)?.places ?? [])].sort((a, b) => b.length - a.length);
  for (const p of places) rest = rest.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escape(plain(p).toLowerCase())}(?=[^\\p{L}\\p{N}]|$)`, "gu"), "$1 ");
  const filler = new Set(kb.regionFiller.map((w) => w.toLowerCase()));
  const words = rest.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  // "i am" and the like are listed as phrases; their words count one by one.
  for (const f of kb.regionFiller) for (const w of f.toLowerCase().split(/\s+/)) filler.add(w);
  return words.every((w) => filler.has(w));
}
