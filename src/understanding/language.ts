// "Is this message in another language?" Three kinds of evidence, strongest first:
// 1. the script of the letters (Devanagari, Han, kana, Cyrillic, Arabic, Hangul …):
//    most letters outside the Latin script settle it at any length, even "你好";
// 2. function words: a Latin-script message whose little words ("que", "wie",
//    "você", "est-ce") belong to another language and outnumber the English ones
//    is that language, however much English jargon it carries ("Comment devenir
//    data scientist sans diplôme ?");
// 3. franc's trigram guess, only on messages long enough for it to be reliable
//    and with no English function word at all: on short chat it is noise (it
//    calls "who gets paid better" Dutch and "ok quiz me" Igbo).
import { franc } from "franc-min";
import * as stopwords from "stopword";

/** A script other than Latin, with the language reported for it (ISO 639-3). */
const SCRIPTS: { pattern: RegExp; lang: string }[] = [
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: "jpn" }, // before Han: Japanese mixes both
  { pattern: /\p{Script=Hangul}/u, lang: "kor" },
  { pattern: /\p{Script=Han}/u, lang: "cmn" },
  { pattern: /\p{Script=Devanagari}/u, lang: "hin" },
  { pattern: /\p{Script=Cyrillic}/u, lang: "rus" },
  { pattern: /\p{Script=Arabic}/u, lang: "arb" },
  { pattern: /\p{Script=Hebrew}/u, lang: "heb" },
  { pattern: /\p{Script=Greek}/u, lang: "ell" },
  { pattern: /\p{Script=Thai}/u, lang: "tha" },
  { pattern: /\p{Script=Bengali}/u, lang: "ben" },
  { pattern: /\p{Script=Tamil}/u, lang: "tam" },
  { pattern: /\p{Script=Telugu}/u, lang: "tel" },
];

/** Latin-script languages people write to the mentor in, by their stop-word lists. */
const LATIN_LANGUAGES = ["deu", "fra", "spa", "por", "ita", "nld", "pol", "tur", "ind", "swe", "ron", "ces"] as const;

/** Letters franc needs before its guess means anything (measured: below this, English chat is misread). */
const FRANC_MIN_LETTERS = 40;
/** Function words of another language a message needs before it counts as that language. */
const MIN_FOREIGN_WORDS = 2;

const ACCENTED = /[ßà-öø-ÿœ]/u;
const englishStopwords = new Set(stopwords.eng);

/** Function word → languages it is a function word of (English ones excluded). */
function foreignFunctionWords(isEnglishWord: (w: string) => boolean): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const lang of LATIN_LANGUAGES)
    for (const w of (stopwords as unknown as Record<string, string[]>)[lang] ?? []) {
      const word = w.toLowerCase();
      // "me", "a", "come", "do" are English too: they are evidence of nothing.
      if (word.length < 2 || englishStopwords.has(word) || isEnglishWord(word)) continue;
      map.set(word, [...(map.get(word) ?? []), lang]);
    }
  return map;
}

/**
 * A detector: message → ISO 639-3 code when it is clearly not in English, else null.
 * @param isEnglishWord a word English speakers use (dictionary or the mentor's own vocabulary)
 */
export function createLanguageDetector(isEnglishWord: (w: string) => boolean): (text: string) => string | null {
  const foreign = foreignFunctionWords(isEnglishWord);
  return (text) => detectForeignLanguage(text, isEnglishWord, foreign);
}

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_LETTER = /[A-Za-z]/g;

/** The number of letters of a mostly Latin-script text, or the language of its other script. */
function latinOrForeignScript(text: string): number | string {
  // Letters as code points; one match over the text instead of a test per character.
  const letters = text.normalize("NFC").match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const latin = letters.join("").match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin * 2 < letters.length) {
    for (const { pattern, lang } of SCRIPTS) if (letters.some((c) => pattern.test(c))) return lang;
    return "und";
  }
  return letters.length;
}

function detectForeignLanguage(text: string, isEnglishWord: (w: string) => boolean, foreign: Map<string, string[]>): string | null {
  // Most chat is plain ASCII: its letters are A–Z, all Latin, and need no Unicode scan.
  const ascii = !NON_ASCII.test(text);
  const letterCount = ascii ? (text.match(ASCII_LETTER) ?? []).length : latinOrForeignScript(text);
  if (typeof letterCount === "string") return letterCount;
  if (letterCount === 0) return null;

  const lower = text.toLowerCase();
  const words = (ascii ? lower.split(/[^a-z']+/) : lower.normalize("NFC").split(/[^\p{L}']+/u)).map((w) => w.replace(/'/g, "")).filter(Boolean);
  const english = words.filter((w) => englishStopwords.has(w)).length;
  const votes = new Map<string, number>();
  // "¿", "¡" and accented words English does not have ("diplôme", "estás") count as foreign words too (never in ASCII).
  let foreignCount = ascii ? 0 : (text.match(/[¿¡]/g) ?? []).length;
  for (const w of words) {
    const langs = foreign.get(w);
    if (langs) {
      foreignCount++;
      for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1);
    } else if (!ascii && ACCENTED.test(w) && !isEnglishWord(w)) foreignCount++;
  }
  if (foreignCount >= MIN_FOREIGN_WORDS && foreignCount > english) {
    // The function words' language when they agree on one, else franc's pick among the candidates.
    const [first, second] = [...votes].sort((a, b) => b[1] - a[1]);
    if (first && (!second || first[1] > second[1])) return first[0];
    const guess = franc(text, { only: [...LATIN_LANGUAGES], minLength: 3 });
    return guess !== "und" ? guess : first?.[0] ?? "und";
  }

  if (english > 0 || letterCount < FRANC_MIN_LETTERS) return null;
  const lang = franc(text, { minLength: FRANC_MIN_LETTERS });
  if (lang === "und" || lang === "eng" || lang === "sco") return null;
  // Long, no English function word, and mostly words English does not have.
  const known = words.filter(isEnglishWord).length;
  return known * 2 < words.length ? lang : null;
}
