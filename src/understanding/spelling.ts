// Corrects chat typos towards the vocabulary the knowledge base uses
// ("mashine lerning enginer" → "machine learning engineer"). Only tokens the
// vocabulary does not know are touched, and only when one known word is
// clearly closest, so ordinary words are never bent into domain words.
import { typoDistance } from "./edit-distance.ts";

export class SpellingCorrector {
  private readonly known = new Map<string, number>();
  private readonly byLength = new Map<number, string[]>();

  /**
   * @param words the vocabulary to correct towards (with repeats, for frequency)
   * @param dictionary ordinary words that are never corrected
   */
  constructor(words: Iterable<string>, private readonly dictionary: ReadonlySet<string> = new Set()) {
    for (const w of words) this.known.set(w, (this.known.get(w) ?? 0) + 1);
    for (const w of this.known.keys()) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** A word of the vocabulary or the dictionary. */
  has(word: string): boolean {
    return this.known.has(word) || this.dictionary.has(word);
  }

  /** The known word this token was meant to be, or the token itself. */
  correct(token: string): string {
    if (token.length < 4 || this.has(token) || /\d/.test(token)) return token;
    const max = token.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestScore = Infinity;
    let tie = false;
    for (let len = token.length - max; len <= token.length + max; len++) {
      for (const w of this.byLength.get(len) ?? []) {
        if (w.length < 4) continue;
        const d = typoDistance(token, w, max);
        if (d > max) continue;
        // Same first letter is far more likely for a typo; frequency breaks ties.
        const score = d * 10 + (w[0] === token[0] ? 0 : 5) - Math.min(this.known.get(w)! / 100, 1);
        if (score < bestScore - 1e-9) { best = w; bestScore = score; tie = false; }
        else if (Math.abs(score - bestScore) < 1e-9) tie = true;
      }
    }
    return best && !tie ? best : token;
  }
}
