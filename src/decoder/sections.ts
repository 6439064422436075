// Which part of a posting a line belongs to (duties, requirements, nice to
// have, company blurb), and the stated years and seniority. Pure functions.
import type { Segment } from "./clean.ts";

export type SectionKind = "duties" | "requirements" | "nice" | "about" | "unknown";

const KINDS: [SectionKind, RegExp][] = [
  ["nice", /nice[- ]to[- ]have|preferred|bonus|plus|desirable|ideal|great if|extra credit/i],
  ["requirements", /require|qualification|must[- ]have|minimum|basic|skills|what you(?:'|’)?ll (?:bring|need)|who you are|you (?:have|bring)|looking for|experience|education|competenc|knowledge|expertise/i],
  ["duties", /responsibilit|duties|what you(?:'|’)?(?:ll|d)(?: actually)? do|role|the job|in this role|day[- ]to[- ]day|key tasks|you will|mission|what the job|hands-on/i],
  ["about", /about (?:us|the company|the team)|benefit|perks|we offer|compensation|salary|why join|equal opportunity|our (?:company|culture|values)|privacy|cookie/i],
];

/** The kind of section a heading opens. */
export function headingKind(text: string): SectionKind {
  // "About the role" describes the work; "About us" the company.
  if (/about (?:the|this) (?:role|job|position)/i.test(text)) return "duties";
  for (const [kind, re] of KINDS) if (re.test(text)) return kind;
  return "unknown";
}

/** Each segment's section, from the nearest heading above it. */
export function sectionsOf(segments: readonly Segment[]): SectionKind[] {
  let current: SectionKind = "unknown";
  return segments.map((s) => {
    if (s.heading) current = headingKind(s.text);
    return current;
  });
}

/** A line states a nice-to-have itself ("… is a plus"), whatever section it is in. */
export const saysNice = (text: string) => /\b(?:is a (?:big )?plus|a plus|nice to have|preferred|bonus|desirable|is an advantage|would be (?:great|a plus)|ideally)\b/i.test(text);
/** A line states a must-have itself. */
export const saysMust = (text: string) => /\b(?:required|must have|must be|you have|minimum|at least|\d+\+? years(?= (?:of )?(?:\w+ )?experience)|degree in|proven experience|strong (?:experience|background|proficiency)|proficiency in|expertise in)\b/i.test(text);

/** A line that is mostly a list of tools ("Python, SQL, Spark, Airflow"). */
export function isToolList(text: string): boolean {
  const parts = text.split(/,|\/|;| or | and /).map((p) => p.trim()).filter(Boolean);
  const short = parts.filter((p) => p.split(/\s+/).length <= 3).length;
  return parts.length >= 4 && short / parts.length >= 0.7;
}

export interface Seniority {
  /** Years of experience as stated, e.g. "5+ years", "3–5 years". */
  years: string | null;
  /** The most senior level word in the title (or the text when the title has none). */
  level: string | null;
}

const LEVELS: [string, RegExp][] = [
  ["principal", /\bprincipal\b/i],
  ["staff", /\bstaff\b/i],
  ["lead", /\b(?:lead|head of)\b/i],
  ["senior", /\b(?:senior|sr\.?)(?=\s|$|,)/i],
  ["mid-level", /\bmid[- ]?(?:level|senior)\b/i],
  ["junior", /\b(?:junior|jr\.?|associate)(?=\s|$|,)/i],
  ["entry-level", /\b(?:entry[- ]level|graduate|new grad)\b/i],
  ["intern", /\bintern(?:ship)?\b/i],
];

/** "5+ years", "3-5 years", "2 to 4 yrs": only on a line that speaks of experience (not "7+ years of retention"). */
const YEARS = /\b(\d{1,2})\s*(?:(?:-|–|to)\s*(\d{1,2})\s*|(\+)\s*|plus\s+)?(?:years?|yrs?)\b/i;
const EXPERIENCE = /\bexperience\b|\bexp\b|\bexperienced\b/i;

/** Stated years of experience and seniority level. */
export function seniorityOf(title: string, text: string): Seniority {
  const line = text.split(/\n|(?<=[.;])\s+/).find((l) => EXPERIENCE.test(l) && YEARS.test(l));
  const m = line ? YEARS.exec(line) : null;
  let years: string | null = null;
  if (m) {
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : undefined;
    if (a <= 30 && (b === undefined || (b >= a && b <= 40))) years = b !== undefined ? `${a}–${b} years` : m[3] || /plus/i.test(m[0]) ? `${a}+ years` : `${a} years`;
  }
  const level = LEVELS.find(([, re]) => re.test(title))?.[0] ?? (title.trim() ? null : LEVELS.find(([, re]) => re.test(text.slice(0, 300)))?.[0] ?? null);
  return { years, level };
}
