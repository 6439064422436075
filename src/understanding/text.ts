// Turning raw chat text into comparable tokens: Unicode clean-up, mentions
// and markup removed, lower case, and Porter stems so that "engineers",
// "engineering" and "engineer" meet.
import { stemmer } from "stemmer";

/** Zero-width characters, BOM, bidi controls and C0/C1 controls (not \n \t). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Platform mention and markup syntax: <@123>, <@&1>, <#1>, <!channel>, <!here|here>, @everyone, @here. */
const MENTIONS = /<[@#!][^>\s]*>|@(?:everyone|here|channel)\b/gi;
const URLS = /\bhttps?:\/\/\S+/gi;

/** Text as a person meant it: invisible and control characters dropped, mentions and links removed, spaces folded. */
export function cleanText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(MENTIONS, " ")
    .replace(URLS, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower-case word tokens. Keeps "c++" and "c#"; arrows ("->", "=>", "→") become the token "→", which reads "moving to". */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/-+>|→|=>|⇒|➡️?/g, " → ")
    .replace(/\b(\w+)'(s|re|ve|ll|d|m|t)\b/g, (_, w: string, s: string) => (s === "t" ? `${w}t` : `${w} ${s}`))
    .replace(/'/g, "")
    .split(/[^\p{L}\p{N}+#→]+/u)
    .filter((t) => t.length > 0);
}

const stemCache = new Map<string, string>();
/** Porter stem, cached; short jargon tokens (ml, ai, llm) stay as they are. */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    // Porter mangles short jargon; a short plural ("dbs") just loses its s.
    s = token.length > 3 ? stemmer(token) : token.length === 3 && token.endsWith("s") && !token.endsWith("ss") ? token.slice(0, 2) : token;
    if (stemCache.size < 50_000) stemCache.set(token, s);
  }
  return s;
}
