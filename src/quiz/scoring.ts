// Scoring the self-assessment: a weighted sum per role, normalised by the
// most that role could have scored on the items answered (0–100). The
// outcome is on the ML ⇄ AI engineer axis, with "hybrid" when they are close
// and "undecided" when the answers carry no signal for any lean.
// Pure functions: the same answers always give the same result.
import { ROLE_IDS, type Quiz, type QuizItem, type RoleId } from "../knowledge/schema.ts";
import { ADJACENT_ROLES, EVIDENCE_WEIGHT } from "../knowledge/quiz-rules.ts";
export { EVIDENCE_WEIGHT };

/** An answer: a rating index into the scale, or an option index in the item's own order. */
export interface Answer {
  item: string;
  value: number;
}

export type Outcome = "ml-engineer" | "ai-engineer" | "hybrid" | "undecided";
export type Confidence = "high" | "medium" | "low";

/** |ML − AI| below this is a hybrid. */
export const HYBRID_MARGIN = 10;
/** |ML − AI| from this, with enough answers, is a confident lean. */
export const HIGH_MARGIN = 25;
/** Answers needed before a high confidence or an early stop. */
export const MIN_ANSWERS_FOR_HIGH = 10;
export const MIN_ANSWERS_TO_STOP = 8;
/** A margin this wide is clear even from the minimum number of answers (an early stop). */
export const DECISIVE_MARGIN = 35;
/**
 * An adjacent role is "also strong" from ALSO_MIN, within ALSO_WITHIN of the
 * leader, and with at least ALSO_MIN_EVIDENCE answered items keyed to it
 * (weight >= EVIDENCE_WEIGHT) that showed interest. The numbers live in
 * knowledge/quiz.yaml (`also_strong`), where the rule is stated in words.
 */
export const ALSO_MIN = (quiz: Quiz) => quiz.also_strong.min_score;
export const ALSO_WITHIN = (quiz: Quiz) => quiz.also_strong.within;
export const ALSO_MIN_EVIDENCE = (quiz: Quiz) => quiz.also_strong.min_evidence;
/** The rating value that counts as interest (Like and above). */
const INTEREST_VALUE = 0.75;

/**
 * Undecided: fewer than this many answers expressed interest or dislike (an
 * "Unsure" rating expresses neither; a scenario choice always does), …
 */
export const MIN_EXPRESSED = 5;
/** … or every rating was the same, or all six roles score within this many points of each other. */
export const FLAT_SPREAD = 15;

/** One expressed answer's pull on one role: interest in work keyed to it, or dislike of it. */
export interface Contribution {
  item: string;
  role: RoleId;
  /** How strongly the answer speaks for (like, chose) or against (dislike) the role. */
  points: number;
  stance: "like" | "dislike" | "chose";
  /** The item's phrase and the person's answer, for "because you said …". */
  quote: string;
  answer: string;
}

export interface Score {
  scores: Record<RoleId, number>;
  raw: Record<RoleId, number>;
  max: Record<RoleId, number>;
  margin: number;
  outcome: Outcome;
  confidence: Confidence;
  also: RoleId | null;
  /** Per adjacent role: answered items keyed to it that showed interest. */
  evidence: Record<RoleId, number>;
  contributions: Contribution[];
  answered: number;
  /** Answers that expressed interest or dislike (not "Unsure"). */
  expressed: number;
}

const zero = () => Object.fromEntries(ROLE_IDS.map((r) => [r, 0])) as Record<RoleId, number>;

export function itemById(quiz: Quiz, id: string): QuizItem | undefined {
  return quiz.items.find((i) => i.id === id) ?? quiz.tiebreakers.find((i) => i.id === id);
}

/** The most an item can give each role. */
function itemMax(item: QuizItem): Partial<Record<RoleId, number>> {
  if (item.type === "rating") return item.weights;
  const out: Partial<Record<RoleId, number>> = {};
  for (const o of item.options) for (const [r, w] of Object.entries(o.weights) as [RoleId, number][]) out[r] = Math.max(out[r] ?? 0, w);
  return out;
}

/** Points an answer gives each role, with the words to quote and whether it expressed anything. */
function answerPoints(quiz: Quiz, item: QuizItem, value: number): { weights: Partial<Record<RoleId, number>>; quote: string; answer: string; level: number | null } {
  if (item.type === "rating") {
    const step = quiz.scale[value]!;
    const weights = Object.fromEntries(Object.entries(item.weights).map(([r, w]) => [r, w * step.value]));
    return { weights, quote: item.quote, answer: step.label.toLowerCase(), level: step.value };
  }
  const option = item.options[value]!;
  return { weights: option.weights, quote: option.quote, answer: "chose", level: null };
}


export function score(quiz: Quiz, answers: readonly Answer[]): Score {
  const raw = zero();
  const max = zero();
  const evidence = zero();
  const contributions: Contribution[] = [];
  const ratings: number[] = [];
  let expressed = 0;
  for (const a of answers) {
    const item = itemById(quiz, a.item);
    if (!item) continue;
    const itemMaxes = itemMax(item);
    for (const [r, w] of Object.entries(itemMaxes) as [RoleId, number][]) max[r] += w;
    const { weights, quote, answer, level } = answerPoints(quiz, item, a.value);
    for (const [r, w] of Object.entries(weights) as [RoleId, number][]) raw[r] += w;
    if (level !== null) ratings.push(level);
    // "Unsure" (the midpoint) says nothing either way: no evidence, never a reason.
    const neutral = level !== null && Math.abs(level - 0.5) < 1e-9;
    if (neutral) continue;
    expressed++;
    for (const [r, full] of Object.entries(itemMaxes) as [RoleId, number][]) {
      if (level === null) {
        const w = weights[r] ?? 0;
        if (w > 0) contributions.push({ item: item.id, role: r, points: w, stance: "chose", quote, answer });
        if (w >= EVIDENCE_WEIGHT) evidence[r]++;
        continue;
      }
      // Distance from the midpoint, scaled to the item's weight for this role.
      const points = full * Math.abs(level - 0.5) * 2;
      contributions.push({ item: item.id, role: r, points, stance: level > 0.5 ? "like" : "dislike", quote, answer });
      if (level >= INTEREST_VALUE && full >= EVIDENCE_WEIGHT) evidence[r]++;
    }
  }
  const scores = zero();
  for (const r of ROLE_IDS) scores[r] = max[r] > 0 ? round1((100 * raw[r]) / max[r]) : 0;
  const margin = round1(scores["ml-engineer"] - scores["ai-engineer"]);
  const answered = answers.length;
  const measured = ROLE_IDS.filter((r) => max[r] > 0).map((r) => scores[r]);
  const flat = (ratings.length > 1 && ratings.every((v) => v === ratings[0])) || (measured.length > 1 && Math.max(...measured) - Math.min(...measured) < FLAT_SPREAD);
  const outcome: Outcome = expressed < MIN_EXPRESSED || flat ? "undecided" : outcomeOf(margin);
  const confidence: Confidence = outcome === "undecided" ? "low"
    : (Math.abs(margin) >= HIGH_MARGIN && answered >= MIN_ANSWERS_FOR_HIGH) || (Math.abs(margin) >= DECISIVE_MARGIN && answered >= MIN_ANSWERS_TO_STOP) ? "high"
      : Math.abs(margin) >= HYBRID_MARGIN ? "medium"
        : answered >= MIN_ANSWERS_FOR_HIGH && Math.abs(margin) < HYBRID_MARGIN / 2 ? "medium" : "low";
  const lead = Math.max(scores["ml-engineer"], scores["ai-engineer"]);
  const adjacent = ADJACENT_ROLES
    .filter((r) => scores[r] >= ALSO_MIN(quiz) && scores[r] >= lead - ALSO_WITHIN(quiz) && evidence[r] >= ALSO_MIN_EVIDENCE(quiz))
    .sort((a, b) => scores[b] - scores[a] || a.localeCompare(b));
  return { scores, raw, max, margin, outcome, confidence, also: adjacent[0] ?? null, evidence, contributions, answered, expressed };
}

function outcomeOf(margin: number): Exclude<Outcome, "undecided"> {
  if (Math.abs(margin) < HYBRID_MARGIN) return "hybrid";
  return margin > 0 ? "ml-engineer" : "ai-engineer";
}

/**
 * Can the remaining items still change the outcome? Bounds the final margin
 * by giving all remaining ML points and none of the AI points, and the reverse.
 */
export function outcomeIsSettled(quiz: Quiz, answers: readonly Answer[], remaining: readonly QuizItem[]): boolean {
  const s = score(quiz, answers);
  const add = { ml: 0, ai: 0 };
  for (const item of remaining) {
    const m = itemMax(item);
    add.ml += m["ml-engineer"] ?? 0;
    add.ai += m["ai-engineer"] ?? 0;
  }
  const pct = (raw: number, max: number) => (max > 0 ? (100 * raw) / max : 0);
  const mlMax = s.max["ml-engineer"] + add.ml;
  const aiMax = s.max["ai-engineer"] + add.ai;
  const best = pct(s.raw["ml-engineer"] + add.ml, mlMax) - pct(s.raw["ai-engineer"], aiMax);
  const worst = pct(s.raw["ml-engineer"], mlMax) - pct(s.raw["ai-engineer"] + add.ai, aiMax);
  return outcomeOf(round1(best)) === outcomeOf(round1(worst)) && outcomeOf(round1(best)) === s.outcome;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
