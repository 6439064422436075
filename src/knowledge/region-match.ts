// Which region a message names ("I'm in Berlin", "what about the uk",
// "ml engineer salary in germany"): whole-word, case-insensitive matching of
// each region's places from knowledge/regions.yaml. Pure.
import type { KnowledgeBase } from "./knowledge-base.ts";
import type { Region, RegionId } from "./regions-schema.ts";

/** Accents written without them still match: "Munchen", "Dusseldorf", "Montreal". */
const plain = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the code point ending just before `at` (before) or starting at `at` (after) is a letter or digit. */
function wordBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const pair = at >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return WORD_CHAR.test(text.slice(pair ? at - 2 : at - 1, at));
}
const wordAfter = (text: string, at: number) => at < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!));

/**
 * Where in the (lower-cased) text a (lower-cased) place first occurs as whole words
 * ("uk" in "the uk?", not in "ukulele"), or -1. A scan with indexOf: one regular
 * expression per place cost a compile per place on every message.
 */
function firstAt(text: string, place: string): number {
  for (let at = text.indexOf(place); at >= 0; at = at < text.length ? text.indexOf(place, at + 1) : -1)
    if (!wordBefore(text, at) && !wordAfter(text, at + place.length)) return at;
  return -1;
}

/** Each region's places as matched (accents dropped, lower case), computed once per knowledge base. */
const matchedPlaces = new WeakMap<readonly Region[], { id: RegionId; place: string; key: string }[]>();
function placesOf(regions: readonly Region[]) {
  let list = matchedPlaces.get(regions);
  if (!list) {
    list = regions.flatMap((r) => r.places.map((place) => ({ id: r.id, place, key: plain(place).toLowerCase().trim() })));
    matchedPlaces.set(regions, list);
  }
  return list;
}

/**
 * The region a message names. When it names several ("uk or germany?") the
 * first one mentioned wins; a longer place wins at the same position
 * ("british columbia" over "british").
 */
export function findRegion(kb: Pick<KnowledgeBase, "regions">, text: string): RegionId | undefined {
  const t = plain(text).toLowerCase().replace(/[’‘]/g, "'");
  let best: { id: RegionId; at: number; length: number } | undefined;
  for (const { id, place, key } of placesOf(kb.regions)) {
    const at = firstAt(t, key);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && place.length > best.length)) best = { id, at, length: place.length };
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
