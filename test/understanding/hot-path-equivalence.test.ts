// The per-message hot path was made cheaper without changing a result: the
// typo distance reuses three rows instead of allocating a matrix, naive Bayes
// adds precomputed log terms instead of taking logs per label and feature,
// and the topic phrases are found with indexOf instead of a regular
// expression per phrase. Each is checked against the implementation it
// replaced, on generated input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { typoDistance } from "../../src/understanding/edit-distance.ts";
import { NaiveBayes } from "../../src/understanding/naive-bayes.ts";
import { hasPhrase } from "../../src/knowledge/topic-match.ts";
import { SpellingCorrector } from "../../src/understanding/spelling.ts";
import { createLanguageDetector } from "../../src/understanding/language.ts";

function matrixTypoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    row[0] = i;
    let best = row[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Naive Bayes ranking as it was computed: a log per label and feature on every call. */
function directRank(examples: [string[], string][], features: string[], temperature: number, uniformPrior: boolean, alpha: number) {
  const docCount = new Map<string, number>();
  const featureCount = new Map<string, Map<string, number>>();
  const vocabulary = new Set<string>();
  for (const [fs, label] of examples) {
    docCount.set(label, (docCount.get(label) ?? 0) + 1);
    const counts = featureCount.get(label) ?? new Map<string, number>();
    for (const f of new Set(fs)) (counts.set(f, (counts.get(f) ?? 0) + 1), vocabulary.add(f));
    featureCount.set(label, counts);
  }
  const known = [...new Set(features)].filter((f) => vocabulary.has(f));
  const logs = [...docCount].map(([label, docs]) => {
    const counts = featureCount.get(label)!;
    const denom = Math.log(docs + 2 * alpha);
    let log = uniformPrior ? 0 : Math.log(docs / examples.length);
    for (const f of known) log += Math.log((counts.get(f) ?? 0) + alpha) - denom;
    return { label, log: log / temperature };
  });
  const max = Math.max(...logs.map((l) => l.log));
  const sum = logs.reduce((s, l) => s + Math.exp(l.log - max), 0);
  return logs.map((l) => ({ label: l.label, p: Math.exp(l.log - max) / sum })).sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1));
}

function regexHasPhrase(text: string, phrase: string): boolean {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const normal = ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(/[–—]/g, "-")} `;
  return new RegExp(`(^|[^a-z0-9+#])${escape(phrase.toLowerCase().trim())}([^a-z0-9+#]|$)`).test(normal);
}

const word = fc.string({ unit: fc.constantFrom(..."abcdeéø😀"), maxLength: 12 });

describe("the cheaper hot path gives the results of the code it replaced", () => {
  it("typo distance", () => {
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
      expect(typoDistance(a, b, max)).toBe(matrixTypoDistance(a, b, max));
    }), { numRuns: 5000 });
    // A long word after short ones (the reused rows grow) and short ones after it.
    for (const [a, b] of [["x".repeat(80), "x".repeat(79) + "y"], ["teh", "the"], ["enigneer", "engineer"]] as const)
      expect(typoDistance(a, b, 2)).toBe(matrixTypoDistance(a, b, 2));
  });

  it("naive Bayes ranking, to the last bit of every probability, also when learning continues after a ranking", () => {
    const feature = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h");
    const example = fc.tuple(fc.array(feature, { maxLength: 5 }), fc.constantFrom("x", "y", "z"));
    fc.assert(fc.property(fc.array(example, { minLength: 1, maxLength: 30 }), fc.array(example, { maxLength: 5 }), fc.array(fc.oneof(feature, fc.constant("unseen")), { maxLength: 6 }), fc.double({ min: 0.2, max: 3, noNaN: true }), fc.boolean(), (first, more, query, temperature, uniform) => {
      const nb = new NaiveBayes<string>(temperature, uniform, 0.1);
      for (const [fs, label] of first) nb.learn(fs, label);
      expect(nb.rank(query)).toStrictEqual(directRank(first, query, temperature, uniform, 0.1));
      for (const [fs, label] of more) nb.learn(fs, label);
      expect(nb.rank(query)).toStrictEqual(directRank([...first, ...more], query, temperature, uniform, 0.1));
    }), { numRuns: 1000 });
  });

  it("whole-word phrase matching", () => {
    const piece = fc.constantFrom("tf", "pdf", "c++", "c#", "aws", "gcp", " ", " or ", "-", "—", "’", "'", "+", "#", "A", "Ü", "1", "?", "😀", "");
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));
    fc.assert(fc.property(text, fc.oneof(piece, text), (t, p) => {
      expect(hasPhrase(t, p)).toBe(regexHasPhrase(t, p));
    }), { numRuns: 5000 });
  });

  it("spelling corrections remembered per token, also past the memory's bound", () => {
    const vocabulary = ["machine", "learning", "engineer", "engineers", "hello", "help", "scientist", "data", "pipeline", "pipelines", "model"];
    const dictionary = new Set(["the", "and", "hello"]);
    const typo = fc.array(fc.constantFrom(..."aeilnmrstcdhpo"), { minLength: 1, maxLength: 10 }).map((cs) => cs.join(""));
    const token = fc.oneof(typo, fc.constantFrom(...vocabulary).map((w) => w.slice(1)), fc.constantFrom(...vocabulary).map((w) => w + w.at(-1)!.repeat(3)));
    const remembering = new SpellingCorrector(vocabulary, dictionary);
    fc.assert(fc.property(fc.array(token, { maxLength: 20 }), (tokens) => {
      for (const t of [...tokens, ...tokens]) expect(remembering.correct(t)).toBe(new SpellingCorrector(vocabulary, dictionary).correct(t));
    }), { numRuns: 400 }); // 16,000 tokens: the memory of 4,096 is emptied and refilled many times
  });

  it("language check on plain ASCII gives the result of the Unicode letter scan", () => {
    const isEnglish = (w: string) => ["data", "scientist", "how", "become", "engineer"].includes(w);
    const detect = createLanguageDetector(isEnglish);
    // The same text with an invisible non-ASCII character takes the Unicode scan; the ASCII fast path must agree with it.
    const piece = fc.constantFrom("Como", "SER", "Wie", "como", "ser", "de", "que", "wie", "werde", "ich", "data", "scientist", "how", "to", "become", "ohne", "sans", "pour", "un", " ", "?", "1", "-", "xyzzy", "lorem ipsum dolor sit amet consectetur");
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join(" ")), (text) => {
      const viaUnicodeScan = detect(`${text} \u00a0`); // a trailing no-break space: not a letter, and blank to franc
      expect(detect(text)).toBe(viaUnicodeScan);
    }), { numRuns: 2000 });
  });
});
