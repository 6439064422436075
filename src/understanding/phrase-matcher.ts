// Finds known phrases (role names, aspect cues, glossary aliases) in a
// token sequence: longest match first, no overlaps, compared on stems.
import { stem, tokenize } from "./text.ts";

export interface PhraseMatch<T> {
  value: T;
  start: number;
  /** Exclusive. */
  end: number;
  phrase: string;
}

export class PhraseMatcher<T> {
  /** first stem → phrases starting with it, longest first. */
  private readonly index = new Map<string, { stems: string[]; value: T; phrase: string }[]>();

  add(phrase: string, value: T): this {
    const stems = tokenize(phrase).map(stem);
    if (stems.length === 0) return this;
    const list = this.index.get(stems[0]!) ?? [];
    list.push({ stems, value, phrase });
    list.sort((a, b) => b.stems.length - a.stems.length);
    this.index.set(stems[0]!, list);
    return this;
  }

  /** Non-overlapping matches, scanning left to right and preferring the longest phrase at each position. */
  find(stems: readonly string[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < stems.length; ) {
      const candidates = this.index.get(stems[i]!);
      const hit = candidates?.find((c) => c.stems.every((s, k) => stems[i + k] === s));
      if (hit) {
        out.push({ value: hit.value, start: i, end: i + hit.stems.length, phrase: hit.phrase });
        i += hit.stems.length;
      } else i++;
    }
    return out;
  }

  /** Every token of every phrase, for the spelling corrector's vocabulary. */
  *words(): Iterable<string> {
    for (const list of this.index.values()) for (const c of list) yield* tokenize(c.phrase);
  }
}
