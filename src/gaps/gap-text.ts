// What of a message may go into the anonymous knowledge-gap log: a short,
// scrubbed question, never a mention, link, address or number that could point
// back at a person, and never a pasted job posting.

/** Longest text kept per record. */
export const GAP_TEXT_MAX = 200;

const MENTION = /<(?:@[!&]?|#|!subteam\^)[^>\s]*>|<!(?:here|channel|everyone)[^>]*>|@(?:everyone|here)\b|@[\p{L}\p{N}_.-]+/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// Numbers of any shape (phone numbers, ids, salaries a person shares about themselves).
const NUMBER = /[+$€£₹]?\p{N}[\p{N},.:/-]*/gu;
const CONTROL = /[\p{Cc}\p{Cf}]+/gu;

/** Lines and cues of a job ad: such a paste is the decoder's, and too personal to keep. */
const POSTING_CUES = /\b(responsibilities|requirements|qualifications|what you(?:'|’)ll do|about the role|nice to have|we offer|benefits|apply now|years of experience)\b/giu;

/** True for text that reads as a pasted posting rather than a question. */
export function looksLikePosting(text: string): boolean {
  const cues = new Set((text.match(POSTING_CUES) ?? []).map((c) => c.toLowerCase())).size;
  const lines = text.split(/\n/).filter((l) => l.trim().length > 0).length;
  return text.length > 600 || cues >= 2 || (lines >= 6 && cues >= 1);
}

/** The scrubbed, shortened text to record, or undefined when nothing may be kept. */
export function scrubGapText(text: string): string | undefined {
  if (looksLikePosting(text)) return undefined;
  const scrubbed = text
    .replace(CONTROL, " ")
    .replace(URL, " ")
    .replace(EMAIL, " ")
    .replace(MENTION, " ")
    .replace(NUMBER, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!/[\p{L}]/u.test(scrubbed)) return undefined;
  if (scrubbed.length <= GAP_TEXT_MAX) return scrubbed;
  const cut = scrubbed.slice(0, GAP_TEXT_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}
