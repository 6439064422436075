// Decoding a job posting: which taxonomy role the *work* describes. Every
// line of the posting is scored against the knowledge base's role profiles
// (BM25 over responsibilities, focus, applications, skills and tools) and its
// glossary terms; lines count by where they stand (duties over requirements
// over nice-to-haves over the company blurb) and tool lists count less. The
// title is the weakest signal. Pure: the same posting always decodes the same.
import type MiniSearch from "minisearch";
import { franc } from "franc-min";
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import { ROLE_IDS, type RoleId } from "../knowledge/schema.ts";
import type { JobTitle } from "../knowledge/titles-schema.ts";
import type { PhraseMatcher } from "../understanding/phrase-matcher.ts";
import { stem, tokenize } from "../understanding/text.ts";
import { commonEnglishWords } from "../understanding/english-words.ts";
import { plainPosting, segmentPosting, truncatePosting, MAX_POSTING_CHARS, type Segment } from "./clean.ts";
import { isToolList, saysMust, saysNice, sectionsOf, seniorityOf, type SectionKind, type Seniority } from "./sections.ts";
import { FIELD_WEIGHTS, profileDocs, profileIndex, termMatcher, type ProfileDoc, type TermHit } from "./profiles.ts";
import { createTitleIndex, type TitleIndex } from "./titles.ts";

export interface PostingInput {
  title?: string;
  text: string;
}

export interface Evidence {
  quote: string;
  role: RoleId;
}

export interface Decoded {
  /** The role the duties describe; null when none fits. */
  role: RoleId | null;
  /** Shares (integers summing to 100) over the roles that score at all, largest first. */
  scores: Partial<Record<RoleId, number>>;
  /** Roles the title alone names. */
  title_roles: RoleId[];
  /** Known titles (titles.yaml) the title names. */
  title_entries: JobTitle[];
  mismatch: boolean;
  /** 3–5 phrases from the posting that decided it, each with the role it points to. */
  evidence: Evidence[];
  must: string[];
  nice: string[];
  seniority: Seniority;
  /** The text was longer than MAX_POSTING_CHARS: only its start was decoded. */
  truncated: boolean;
  /** Why nothing could be decoded, when nothing could. */
  problem: "empty" | "too-short" | "foreign" | null;
  /** ISO 639-3 code when the posting is not in English. */
  language: string | null;
}

export interface Decoder {
  decode(input: PostingInput): Decoded;
  /** Each scored line with its section, weight and votes (for tuning and tests). */
  explain(input: PostingInput): { text: string; section: SectionKind; weight: number; votes: Partial<Record<RoleId, number>> }[];
  titles: TitleIndex;
}

/** How much a line counts, by the part of the posting it is in. */
const SECTION_WEIGHTS: Record<SectionKind, number> = { duties: 1, unknown: 0.8, requirements: 0.6, nice: 0.35, about: 0.12 };
const TOOL_LIST_WEIGHT = 0.55;
/** The title's vote, in lines' worth: less than one duty line. */
const TITLE_WEIGHT = 0.6;
const TITLE_ENTRY_WEIGHT = 0.3;
/** Term hits add this much per hit (before the line's weight), beside the line's BM25 vote. */
const TERM_WEIGHT = 0.5;
/** A BM25 score this high is a confident match for one line. */
const STRONG_MATCH = 20;
const HITS_PER_LINE = 12;
const SHARPEN = 3;
const FULL_COVERAGE = 3;
const FOCUS_POWER = 1;
/** Shares below this are dropped (they "do not score at all"). */
const MIN_SHARE = 0.05;
/** Less evidence than this (in lines' worth) decodes to no role. */
const MIN_EVIDENCE = 0.6;
const MIN_TOP_SHARE = 0.22;
const MIN_CHARS = 120;
const TERM_ROLE_DECAY = [1, 0.5, 0.3, 0.2, 0.1];

interface LineScore {
  segment: Segment;
  section: SectionKind;
  weight: number;
  votes: Map<RoleId, number>;
}

export function createDecoder(kb: KnowledgeBase): Decoder {
  const titles = createTitleIndex(kb);
  // The profile index is built on the first posting, so start-up (and every message that is no posting) does not wait for it.
  let built: Parts | undefined;
  const parts = (): Parts => {
    if (!built) {
      const docs = profileDocs(kb);
      built = { docs, index: profileIndex(docs), terms: termMatcher(kb), titles, english: commonEnglishWords(), wordHits: new Map() };
    }
    return built;
  };
  return {
    titles,
    decode: (input) => decodePosting(input, parts()),
    explain(input) {
      const segments = segmentPosting(truncatePosting(plainPosting(input.text ?? "")).text);
      const sections = sectionsOf(segments);
      return segments.map((s, i) => scoreLine(s, sections[i]!, parts())).filter((l): l is LineScore => l !== undefined)
        .map((l) => ({ text: l.segment.text, section: l.section, weight: l.weight, votes: Object.fromEntries([...l.votes].map(([r, v]) => [r, Math.round(v * 100) / 100])) }));
    },
  };
}

interface Parts {
  docs: ProfileDoc[];
  index: MiniSearch<ProfileDoc>;
  terms: PhraseMatcher<TermHit>;
  titles: TitleIndex;
  english: ReadonlySet<string>;
  /** Profile matches per word (stem), filled as postings are decoded; the profiles never change. */
  wordHits: Map<string, { id: number; score: number }[]>;
}

function decodePosting(input: PostingInput, p: Parts): Decoded {
  const title = (input.title ?? "").trim();
  const titleReading = p.titles.readTitle(title);
  const { text: plain, truncated } = truncatePosting(plainPosting(input.text ?? ""), MAX_POSTING_CHARS);
  const seniority = seniorityOf(title, plain);
  const base: Decoded = {
    role: null, scores: {}, title_roles: titleReading.roles, title_entries: titleReading.titles, mismatch: false,
    evidence: [], must: [], nice: [], seniority, truncated, problem: null, language: null,
  };
  const letters = plain.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return { ...base, problem: "empty" };
  const language = foreignLanguage(plain, p.english);
  if (language) return { ...base, problem: "foreign", language };
  if (plain.trim().length < MIN_CHARS) return { ...base, problem: "too-short" };

  const segments = segmentPosting(plain);
  const sections = sectionsOf(segments);
  const lines = segments.map((segment, i) => scoreLine(segment, sections[i]!, p)).filter((l): l is LineScore => l !== undefined);

  const totals = new Map<RoleId, number>();
  const add = (role: RoleId, x: number) => totals.set(role, (totals.get(role) ?? 0) + x);
  for (const l of lines) for (const [role, v] of l.votes) add(role, v * l.weight);
  for (const role of titleReading.roles) add(role, TITLE_WEIGHT / titleReading.roles.length);
  for (const t of titleReading.titles) t.roles.forEach((role, i) => add(role, (TITLE_ENTRY_WEIGHT * (TERM_ROLE_DECAY[i] ?? 0.1)) / titleReading.titles.length));

  const scores = shares(totals);
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]) as [RoleId, number][];
  const evidenceMass = [...totals.values()].reduce((a, b) => a + b, 0);
  const top = ranked[0];
  const role = top && evidenceMass >= MIN_EVIDENCE && top[1] / 100 >= MIN_TOP_SHARE ? top[0] : null;
  return {
    ...base,
    role,
    scores,
    mismatch: role !== null && titleReading.roles.length > 0 && !titleReading.roles.includes(role),
    evidence: role ? evidenceFor(lines, ranked.map(([r]) => r)) : [],
    ...requirements(lines),
  };
}

/** One line's votes per role: its BM25 matches against the profiles plus its glossary terms. */
function scoreLine(segment: Segment, section: SectionKind, p: Parts): LineScore | undefined {
  if (segment.heading) return undefined;
  const weight = SECTION_WEIGHTS[section] * (isToolList(segment.text) ? TOOL_LIST_WEIGHT : 1) * (saysNice(segment.text) && section !== "nice" ? 0.6 : 1);
  const raw = new Map<RoleId, number[]>();
  for (const hit of searchLine(segment.text, p)) {
    const doc = p.docs[hit.id]!;
    const list = raw.get(doc.role) ?? [];
    // A profile point that shares one word with the line is a weak match; three or more, a real one.
    const coverage = Math.min(hit.terms.length, FULL_COVERAGE) / FULL_COVERAGE;
    list.push(hit.score * coverage * (FIELD_WEIGHTS[doc.field] ?? 0.5));
    raw.set(doc.role, list);
  }
  // Per role, its best match and half its second: many similar points should not outvote one precise one.
  const bm25 = new Map<RoleId, number>();
  for (const [role, list] of raw) {
    const [a = 0, b = 0] = list.sort((x, y) => y - x);
    bm25.set(role, a + 0.5 * b);
  }
  const best = Math.max(0, ...bm25.values());
  const votes = new Map<RoleId, number>();
  if (best > 0) {
    // Sharpened: a line that matches one role clearly should mostly vote for it.
    const sharp = new Map([...bm25].map(([role, s]) => [role, (s / best) ** SHARPEN]));
    const sum = [...sharp.values()].reduce((x, y) => x + y, 0);
    // A weak match spreads little: strength grows with the best score and saturates.
    const strength = 1 - Math.exp(-best / STRONG_MATCH);
    for (const [role, s] of sharp) votes.set(role, (strength * s) / sum);
  }
  for (const m of p.terms.find(tokenize(segment.text).map(stem))) {
    m.value.roles.forEach((role, i) => votes.set(role, (votes.get(role) ?? 0) + TERM_WEIGHT * m.value.weight * (TERM_ROLE_DECAY[i] ?? 0.1)));
  }
  if (votes.size === 0) return undefined;
  // A line that points at one role says more than one that fits every role ("build production systems").
  const total = [...votes.values()].reduce((a, b) => a + b, 0);
  const focus = Math.max(...votes.values()) / total;
  return { segment, section, weight: weight * focus ** FOCUS_POWER, votes };
}

/**
 * The line's best profile matches, as minisearch scores them for an OR query of its words. Each
 * distinct word is looked up once per decoder and the per-word scores summed per document, which is
 * how minisearch combines OR queries; a posting repeats its words, so this keeps decoding fast.
 */
function searchLine(text: string, p: Parts): { id: number; score: number; terms: string[] }[] {
  const perDoc = new Map<number, { score: number; terms: string[] }>();
  for (const word of new Set(tokenize(text))) {
    const key = stem(word);
    let hits = p.wordHits.get(key);
    if (!hits) {
      hits = p.index.search(word).map((h) => ({ id: h.id as number, score: h.score }));
      if (p.wordHits.size < 20_000) p.wordHits.set(key, hits);
    }
    for (const h of hits) {
      const d = perDoc.get(h.id) ?? { score: 0, terms: [] };
      d.score += h.score;
      d.terms.push(key);
      perDoc.set(h.id, d);
    }
  }
  return [...perDoc].map(([id, d]) => ({ id, ...d })).sort((a, b) => b.score - a.score).slice(0, HITS_PER_LINE);
}

/** Totals as integer shares summing to 100, without roles below MIN_SHARE. */
export function shares(totals: Map<RoleId, number>): Partial<Record<RoleId, number>> {
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  if (sum <= 0) return {};
  const kept = [...totals].filter(([, v]) => v / sum >= MIN_SHARE);
  const keptSum = kept.reduce((a, [, v]) => a + v, 0);
  const exact = kept.map(([role, v]) => ({ role, x: (100 * v) / keptSum }));
  const out = exact.map((e) => ({ role: e.role, n: Math.floor(e.x), rest: e.x - Math.floor(e.x) }));
  let missing = 100 - out.reduce((a, e) => a + e.n, 0);
  for (const e of [...out].sort((a, b) => b.rest - a.rest || ROLE_IDS.indexOf(a.role) - ROLE_IDS.indexOf(b.role))) {
    if (missing <= 0) break;
    e.n += 1;
    missing -= 1;
  }
  const sorted = out.filter((e) => e.n > 0).sort((a, b) => b.n - a.n || ROLE_IDS.indexOf(a.role) - ROLE_IDS.indexOf(b.role));
  return Object.fromEntries(sorted.map((e) => [e.role, e.n]));
}

const QUOTE_MAX = 110;

/** A line as a short quote: whole when short, else cut at a word boundary. */
export function quoteOf(text: string, max = QUOTE_MAX): string {
  const t = text.replace(/\s+/g, " ").trim().replace(/[.;:,]$/, "");
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).replace(/[\s,;:–-]+$/, "")}…`;
}

/** The lines that decided it: the winner's strongest three, then one each for the runners-up. */
function evidenceFor(lines: LineScore[], ranked: RoleId[]): Evidence[] {
  const contribution = (l: LineScore, role: RoleId) => (l.votes.get(role) ?? 0) * l.weight;
  const leaning = (l: LineScore): RoleId => [...l.votes].sort((a, b) => b[1] - a[1])[0]![0];
  const used = new Set<LineScore>();
  const out: Evidence[] = [];
  const take = (role: RoleId, n: number) => {
    const best = lines.filter((l) => !used.has(l) && leaning(l) === role).sort((a, b) => contribution(b, role) - contribution(a, role)).slice(0, n);
    for (const l of best) {
      used.add(l);
      out.push({ quote: quoteOf(l.segment.text), role });
    }
  };
  take(ranked[0]!, 3);
  for (const role of ranked.slice(1, 3)) take(role, 1);
  // Too few distinct leanings: fill from the winner.
  if (out.length < 3) take(ranked[0]!, 3 - out.length);
  return out.slice(0, 5);
}

/** Must-haves and nice-to-haves as the posting states them (short quotes, a few each). */
function requirements(lines: LineScore[]): { must: string[]; nice: string[] } {
  const must: string[] = [];
  const nice: string[] = [];
  for (const l of lines) {
    const t = l.segment.text;
    if (l.section === "nice" || saysNice(t)) nice.push(quoteOf(t, 90));
    else if (l.section === "requirements" || (l.section !== "about" && saysMust(t) && /\b(?:years?|degree|required|must|proficien|experience)\b/i.test(t))) must.push(quoteOf(t, 90));
  }
  return { must: must.slice(0, 4), nice: nice.slice(0, 3) };
}

/** The posting's language when it is clearly not English. */
function foreignLanguage(text: string, english: ReadonlySet<string>): string | null {
  const sample = text.slice(0, 2000);
  const lang = franc(sample, { minLength: 40 });
  if (lang === "und" || lang === "eng" || lang === "sco") return null;
  const words = sample.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2);
  const known = words.filter((w) => english.has(w)).length;
  return words.length >= 8 && known / words.length < 0.5 ? lang : null;
}
