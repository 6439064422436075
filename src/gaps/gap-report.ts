// Groups the knowledge-gap log into the questions people ask most that the
// mentor could not answer: similar texts (TF-IDF cosine over stemmed words,
// tiny-tfidf) fall into one group, largest first, each with the reading the
// mentor came closest to. Pure: records in, report out.
import { Corpus, Similarity } from "tiny-tfidf";
import { stemmer } from "stemmer";
import type { GapKind, GapRecord } from "./gap-log.ts";

/** Two questions at least this similar are the same gap. */
export const SAME_GAP = 0.35;

export interface GapGroup {
  /** The group's most frequent wording (the shortest among equals). */
  example: string;
  /** Up to three other wordings. */
  others: string[];
  count: number;
  kinds: Partial<Record<GapKind, number>>;
  /** The reading most of the group got: what the mentor thought it was about. */
  closest: { intent: string; roles: string[] };
}

export interface GapReport {
  total: number;
  groups: GapGroup[];
  /** 👍/👎 on answers that carried no text, per reading. */
  ratings: { intent: string; roles: string[]; up: number; down: number }[];
}

const stemmed = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => (w.length > 3 ? stemmer(w) : w)).join(" ");
const readingKey = (r: { intent: string; roles: string[] }) => `${r.intent}|${[...r.roles].sort().join("+")}`;

export function gapReport(records: GapRecord[]): GapReport {
  const withText = records.filter((r): r is GapRecord & { text: string } => r.text !== undefined && r.text.length > 0);
  const groups = groupBySimilarity(withText.map((r) => r.text)).map((members) => describe(members.map((i) => withText[i]!)));
  groups.sort((a, b) => b.count - a.count || a.example.localeCompare(b.example));

  const ratings = new Map<string, GapReport["ratings"][number]>();
  for (const r of records) {
    if (r.text !== undefined || (r.kind !== "thumbs-up" && r.kind !== "thumbs-down")) continue;
    const key = readingKey(r);
    const entry = ratings.get(key) ?? { intent: r.intent, roles: [...r.roles].sort(), up: 0, down: 0 };
    if (r.kind === "thumbs-up") entry.up++;
    else entry.down++;
    ratings.set(key, entry);
  }
  return { total: records.length, groups, ratings: [...ratings.values()].sort((a, b) => b.down - a.down || b.up - a.up) };
}

/** Single-link groups of texts whose similarity reaches SAME_GAP (union-find over the pairwise matrix). */
function groupBySimilarity(texts: string[]): number[][] {
  if (texts.length === 0) return [];
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const docs = texts.map(stemmed);
  // Identical wordings need no vectors (and an all-stopword text has an empty one).
  const firstOf = new Map<string, number>();
  docs.forEach((d, i) => {
    const seen = firstOf.get(d);
    if (seen === undefined) firstOf.set(d, i);
    else parent[find(i)] = find(seen);
  });
  const distinct = [...firstOf.values()];
  if (distinct.length > 1) {
    const corpus = new Corpus(distinct.map(String), distinct.map((i) => docs[i]!));
    const { identifiers, matrix } = new Similarity(corpus).getDistanceMatrix();
    for (let a = 0; a < identifiers.length; a++) {
      for (let b = a + 1; b < identifiers.length; b++) {
        if (1 - matrix[a]![b]! >= SAME_GAP) parent[find(Number(identifiers[a]))] = find(Number(identifiers[b]));
      }
    }
  }
  const byRoot = new Map<number, number[]>();
  texts.forEach((_, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), i]));
  return [...byRoot.values()];
}

function describe(members: (GapRecord & { text: string })[]): GapGroup {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const wordings = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
  const kinds: GapGroup["kinds"] = {};
  for (const m of members) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
  const readings = new Map<string, { intent: string; roles: string[]; n: number }>();
  for (const m of members) {
    const key = readingKey(m);
    const r = readings.get(key) ?? { intent: m.intent, roles: [...m.roles].sort(), n: 0 };
    r.n++;
    readings.set(key, r);
  }
  const closest = [...readings.values()].sort((a, b) => b.n - a.n)[0]!;
  return { example: wordings[0]![0], others: wordings.slice(1, 4).map(([t]) => t), count: members.length, kinds, closest: { intent: closest.intent, roles: closest.roles } };
}
