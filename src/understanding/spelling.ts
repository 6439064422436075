// Corrects chat typos towards the vocabulary the knowledge base uses
// ("mashine lerning enginer" → "machine learning engineer"). Only tokens the
// vocabulary does not know are touched, and only when one known word is
// clearly closest, so ordinary words are never bent into domain words.
import { typoDistance } from "./edit-distance.ts";

/** How many corrections a corrector remembers. */
const CORRECTIONS_KEPT = 4096;

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

  /** Corrections already worked out: chat repeats its typos and words (bounded; the oldest go first). */
  private readonly corrected = new Map<string, string>();

  /** The known word this token was meant to be, or the token itself. */
  correct(token: string): string {
    if (this.has(token)) return token;
    const seen = this.corrected.get(token);
    if (seen !== undefined) return seen;
    const fixed = this.search(token);
    if (this.corrected.size >= CORRECTIONS_KEPT) this.corrected.delete(this.corrected.keys().next().value!);
    this.corrected.set(token, fixed);
    return fixed;
  }

  private search(token: string): string {
    if (/\d/.test(token)) return token;
    // Chat stretches words for tone ("hellooo", "heyyy", "pleaseee"): three or more of a letter is
    // one or two of it. Tried before any edit, so a stretched word is never bent into another.
    if (/(\p{L})\1\1/u.test(token)) {
      for (const n of [2, 1]) {
        const squeezed = token.replace(/(\p{L})\1{2,}/gu, (run) => run[0]!.repeat(n));
        if (this.has(squeezed)) return squeezed;
      }
    }
    if (token.length < 4) return token;
    const max = token.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestScore = Infinity;
    let tie = false;
    for (let len = token.length - max; len <= token.length + max; len++) {
      for (const w of this.byLength.get(len) ?? []) {
        if (w.length < 4) continue;
        const d = typoDistance(token, w, max);
        if (d > max) continue;
        // Same first letter is far more likely for a typo, and so is a doubled letter typed once
        // ("helo" is "hello" rather than "help", "enginer" "engineer"); frequency breaks ties.
        const score = d * 10 + (w[0] === token[0] ? 0 : 5) - (d === 1 && undoubles(w, token) ? 3 : 0) - Math.min(this.known.get(w)! / 100, 1);
        if (score < bestScore - 1e-9) { best = w; bestScore = score; tie = false; }
        else if (Math.abs(score - bestScore) < 1e-9) tie = true;
      }
    }
    return best && !tie ? best : token;
  }
}

/** `typed` is `word` with one of its doubled letters typed once ("helo" for "hello"). */
function undoubles(word: string, typed: string): boolean {
  if (word.length !== typed.length + 1) return false;
  for (let i = 1; i < word.length; i++) {
    if (word[i] === word[i - 1] && word.slice(0, i) + word.slice(i + 1) === typed) return true;
  }
  return false;
}
