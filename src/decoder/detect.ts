// Which free-text messages the decoder answers: a pasted posting (long, with
// duties or requirements cues), or a short question about a job title from
// titles.yaml ("what is an applied scientist?"). Pure functions.
import type { RoleId } from "../knowledge/schema.ts";
import type { JobTitle } from "../knowledge/titles-schema.ts";
import type { TitleIndex } from "./titles.ts";

const POSTING_CUES = [
  /\b(?:responsibilities|duties)\b/i,
  /\b(?:requirements|qualifications)\b/i,
  /\bwhat you(?:'|’)?(?:ll| will|'d| would)(?: actually)? (?:do|bring|need)\b/i,
  /\b(?:nice[- ]to[- ]have|preferred|bonus points|a plus)\b/i,
  /\b(?:you will|you'll|in this role|the role|about the role|about the job|job description|role overview)\b/i,
  /\b\d{1,2}\+?\s*(?:-|–|to)?\s*\d{0,2}\s*years? (?:of )?(?:\w+ )?experience\b/i,
  /\b(?:we are|we're) (?:looking for|seeking|hiring)\b|\bjoin (?:our|the) team\b/i,
  /\b(?:bachelor|master|phd|degree) in\b/i,
  /\b(?:benefits|salary range|equal opportunity|apply now|how to apply)\b/i,
];
const BULLET_LINE = /^\s*(?:[-*•·▪●◦‣]|\d{1,2}[.)])\s+\S/;
/** Lines that start like a duty ("Design …", "Build and maintain …"). */
const DUTY_LINE = /^\s*(?:[-*•·▪●◦‣]|\d{1,2}[.)])?\s*(?:design|build|develop|implement|maintain|lead|own|collaborate|work|optimi[sz]e|deploy|create|drive|partner|monitor|run|write|ensure|support|architect|integrate|evaluate|research|analy[sz]e|manage|automate|containeri[sz]e|set up|define|conduct)\b/i;

/** A message that is clearly a job posting: long, with at least two posting cues (bullet lists count as one). */
export function looksLikePosting(text: string): boolean {
  const t = text.trim();
  if (t.length < 400) return false;
  const bullets = t.split("\n").filter((l) => BULLET_LINE.test(l)).length;
  const duties = t.split(/\n|(?<=[.;])\s+/).filter((l) => DUTY_LINE.test(l)).length;
  const cues = POSTING_CUES.filter((re) => re.test(t)).length + (bullets >= 3 ? 1 : 0) + (duties >= 3 ? 1 : 0);
  return cues >= (t.length >= 800 ? 2 : 3);
}

const QUESTION = /\?|^\s*(?:what|what's|whats|who|is|are|does|do|how|explain|define|meaning)\b|\b(?:mean|means|meaning|stand for|difference|same as|kind of|type of|counts? as|like an?)\b/i;
const MAX_QUESTION_WORDS = 25;

export interface TitleQuestion {
  title: JobTitle;
  /** Roles the question weighs the title against ("… an AI engineer?"). */
  asked: RoleId[];
}

/** A short question about a titles.yaml title; not when the title is a field ("prompt engineering"). */
export function titleQuestion(titles: TitleIndex, text: string): TitleQuestion | undefined {
  if (text.split(/\s+/).filter(Boolean).length > MAX_QUESTION_WORDS || !QUESTION.test(text)) return undefined;
  const found = titles.mentions(text);
  const hit = found.find((m) => {
    if (m.named.kind !== "title") return false;
    // "engineering" names a field, "engineer" a job; "prompt design" a skill, "prompt designer" a job:
    // stems cannot tell them apart, the last word as written can (a plural still names the job).
    const last = (m.words[m.words.length - 1] ?? "").toLowerCase();
    const phrases = [m.named.title.title, ...m.named.title.aliases].map((p) => p.toLowerCase());
    return phrases.some((p) => {
      const end = p.split(/\s+/).pop() ?? "";
      return last === end || last === `${end}s` || last === `${end}es`;
    });
  });
  if (!hit || hit.named.kind !== "title") return undefined;
  const asked = [...new Set(found.flatMap((m) => (m.named.kind === "role" ? [m.named.role] : [])))];
  return { title: hit.named.title, asked };
}
