// Scoring the self-assessment: a weighted sum per role, normalised by the
// most that role could have scored on the items answered (0–100). The
// outcome is on the ML ⇄ AI engineer axis, with "hybrid" when they are close.
// Pure functions: the same answers always give the same result.
import { ROLE_IDS, type Quiz, type QuizItem, type RoleId } from "../knowledge/schema.ts";

/** An answer: a rating index into the scale, or an option index in the item's own order. */
export interface Answer {
  item: string;
  value: number;
}

export type Outcome = "ml-engineer" | "ai-engineer" | "hybrid";
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
/** An adjacent role is "also strong" from this score and within this distance of the leader. */
export const ALSO_MIN = 60;
export const ALSO_WITHIN = 5;

export interface Contribution {
  item: string;
  role: RoleId;
  points: number;
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
  contributions: Contribution[];
  answered: number;
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

/** Points an answer gives each role, with the words to quote. */
function answerPoints(quiz: Quiz, item: QuizItem, value: number): { weights: Partial<Record<RoleId, number>>; quote: string; answer: string } {
  if (item.type === "rating") {
    const step = quiz.scale[value]!;
    const weights = Object.fromEntries(Object.entries(item.weights).map(([r, w]) => [r, w * step.value]));
    return { weights, quote: item.quote, answer: step.label.toLowerCase() };
  }
  const option = item.options[value]!;
  return { weights: option.weights, quote: option.quote, answer: "chose" };
}

export function score(quiz: Quiz, answers: readonly Answer[]): Score {
  const raw = zero();
  const max = zero();
  const contributions: Contribution[] = [];
  for (const a of answers) {
    const item = itemById(quiz, a.item);
    if (!item) continue;
    for (const [r, w] of Object.entries(itemMax(item)) as [RoleId, number][]) max[r] += w;
    const { weights, quote, answer } = answerPoints(quiz, item, a.value);
    for (const [r, w] of Object.entries(weights) as [RoleId, number][]) {
      raw[r] += w;
      if (w > 0) contributions.push({ item: item.id, role: r, points: w, quote, answer });
    }
  }
  const scores = zero();
  for (const r of ROLE_IDS) scores[r] = max[r] > 0 ? round1((100 * raw[r]) / max[r]) : 0;
  const margin = round1(scores["ml-engineer"] - scores["ai-engineer"]);
  const outcome = outcomeOf(margin);
  const answered = answers.length;
  const confidence: Confidence =
    (Math.abs(margin) >= HIGH_MARGIN && answered >= MIN_ANSWERS_FOR_HIGH) || (Math.abs(margin) >= DECISIVE_MARGIN && answered >= MIN_ANSWERS_TO_STOP) ? "high"
      : Math.abs(margin) >= HYBRID_MARGIN ? "medium"
        : answered >= MIN_ANSWERS_FOR_HIGH && Math.abs(margin) < HYBRID_MARGIN / 2 ? "medium" : "low";
  const lead = Math.max(scores["ml-engineer"], scores["ai-engineer"]);
  const adjacent = (["data-scientist", "mlops-engineer", "data-engineer", "research-scientist"] as RoleId[])
    .filter((r) => scores[r] >= ALSO_MIN && scores[r] >= lead - ALSO_WITHIN)
    .sort((a, b) => scores[b] - scores[a] || a.localeCompare(b));
  return { scores, raw, max, margin, outcome, confidence, also: adjacent[0] ?? null, contributions, answered };
}

function outcomeOf(margin: number): Outcome {
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
