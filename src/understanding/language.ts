// "Is this message in another language?" franc guesses the language from
// trigrams; short English chat full of jargon fools it, so a message only
// counts as foreign when franc says so *and* most of its words are unknown
// to the mentor's English vocabulary.
import { franc } from "franc-min";

const MIN_LENGTH = 12;
const MAX_KNOWN_SHARE = 0.4;

/** ISO 639-3 code of a non-English message, or null. */
export function detectForeignLanguage(text: string, isKnownWord: (w: string) => boolean): string | null {
  const letters = text.replace(/[^\p{L}\s]/gu, "").trim();
  if (letters.length < MIN_LENGTH) return null;
  const lang = franc(letters, { minLength: MIN_LENGTH });
  if (lang === "und" || lang === "eng" || lang === "sco") return null;
  const words = letters.toLowerCase().split(/\s+/).filter(Boolean);
  // One long token ("aaaa…") or two words are too little to call a language.
  if (new Set(words).size < 3) return null;
  const known = words.filter(isKnownWord).length;
  return words.length > 0 && known / words.length <= MAX_KNOWN_SHARE ? lang : null;
}
