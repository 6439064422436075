// A pasted posting as clean lines: HTML remnants and entities removed, bullets
// normalised, long lines split into sentences, and cut at 10,000 characters.
import { cleanText } from "../understanding/text.ts";

/** Postings longer than this are decoded from their first part (and the reply says so). */
export const MAX_POSTING_CHARS = 10_000;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", bull: "•", hellip: "…", rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"' };

/** HTML and markdown as plain text with one line per paragraph or list item. */
export function plainPosting(raw: string): string {
  return raw
    .replace(/<\s*(script|style)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, " ")
    .replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6]|\/tr|li|p|div|h[1-6]|tr|ul|ol)\b[^>]*>/gi, "\n")
    .replace(/<[^>]{0,300}>/g, " ")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === "#") {
        const code = e[1]?.toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 31 && code < 0x10ffff ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\\n/g, "\n")
    .replace(/\*\*|__|`/g, "")
    .replace(/\r\n?/g, "\n");
}

export interface Segment {
  /** The text of one line, bullet or sentence, cleaned. */
  text: string;
  /** Index of the line it came from (a heading starts a new section). */
  line: number;
  /** The line looked like a heading ("Requirements", "What you'll do:"). */
  heading: boolean;
}

const BULLET = /^\s*(?:[-*•·▪●◦‣–—+>]|\d{1,2}[.)]|[a-z][.)](?=\s))\s*/u;
const SENTENCE = /(?<=[.!?;])\s+(?=[A-Z(])/;
/**
 * A bullet list pasted as one run-on line ("… huge datasets Develop and support tooling …"): a new
 * item starts where a capitalised duty verb follows a lower-case word with no punctuation between.
 */
const RUN_ON_ITEM = /(?<=[a-z0-9)])\s+(?=(?:Design|Develop|Build|Work|Maintain|Own|Lead|Collaborate|Implement|Create|Drive|Partner|Deploy|Write|Manage|Ensure|Support|Monitor|Optimi[sz]e|Define|Contribute|Mentor|Architect|Improve|Automate|Analy[sz]e|Evaluate|Train|Establish|Deliver|Conduct|Integrate|Scale|Operate|Run|Prototype|Translate|Shape)\s+[a-z])/;
/** Longer lines are split into sentences so each one is scored (and quoted) on its own. */
const LONG_LINE = 220;

/** The posting cut to at most MAX_POSTING_CHARS of its cleaned text, and whether anything was cut. */
export function truncatePosting(text: string, max = MAX_POSTING_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const cut = text.slice(0, max);
  const at = Math.max(cut.lastIndexOf("\n"), cut.lastIndexOf(". "));
  return { text: at > max * 0.8 ? cut.slice(0, at + 1) : cut, truncated: true };
}

/** The posting's lines and sentences, in order, without empty ones. */
export function segmentPosting(plain: string): Segment[] {
  const out: Segment[] = [];
  plain.split("\n").forEach((rawLine, line) => {
    const stripped = cleanText(rawLine.replace(BULLET, "")).replace(/^#+\s*/, "");
    if (!/\p{L}/u.test(stripped)) return;
    const heading = isHeading(stripped, rawLine);
    if (heading || stripped.length <= LONG_LINE) {
      out.push({ text: stripped, line, heading });
      return;
    }
    for (const sentence of stripped.split(SENTENCE)) {
      const items = sentence.length > LONG_LINE ? sentence.split(RUN_ON_ITEM) : [sentence];
      for (const s of items) if (/\p{L}/u.test(s)) out.push({ text: s.trim(), line, heading: false });
    }
  });
  return out;
}

/** Short lines ending in a colon, markdown headings, or a known heading word alone on its line. */
function isHeading(text: string, raw: string): boolean {
  if (text.length > 60) return false;
  if (/^\s*#/.test(raw)) return true;
  if (/:\s*$/.test(text) && text.split(/\s+/).length <= 7) return true;
  if (HEADING_WORDS.test(text.replace(/[:.!]\s*$/, ""))) return true;
  // "Preferred Qualifications and Skills": a short title-case line naming a section, without a sentence's commas or full stop.
  const words = text.split(/\s+/);
  const capitalised = words.filter((w) => /^[A-Z&/]/.test(w)).length / words.filter((w) => w.length > 3 || /^[A-Z]/.test(w)).length;
  return words.length <= 8 && !/[,.;]/.test(text) && capitalised >= 0.75 && SECTION_WORDS.test(text);
}

const SECTION_WORDS = /\b(?:responsibilities|duties|requirements|qualifications|skills|experience|preferred|nice to have|benefits|education|about)\b/i;

const HEADING_WORDS = /^(?:(?:key |primary |core |main |your |the )?(?:responsibilities|duties|requirements|qualifications|skills|preferred|minimum|basic|bonus|benefits|perks)(?: qualifications| skills| and (?:responsibilities|qualifications|skills|requirements))?|what you(?:'|’)?ll (?:do|bring|need)|what you(?:'|’)?d actually do|what we(?:'|’)?re looking for|what we offer|about (?:the|this) (?:role|job|team|position)|about (?:us|you)|about the company|role (?:overview|summary)|job (?:overview|description|summary)|nice[- ]to[- ]haves?|who you are|you (?:have|bring)|the role|in this role you will|required|nice to have|must[- ]have(?: skills)?|required skills|preferred skills|education|experience)$/i;
