// The quiz as a pure state machine: a state, and what comes next. Where a
// quiz stands (which question, how many are planned) is derived from the
// answers, so there is nothing to keep in sync.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Quiz, QuizItem } from "../knowledge/schema.ts";
import { MIN_ANSWERS_TO_STOP, outcomeIsSettled, score, type Answer } from "./scoring.ts";

export const BACKGROUND = "background";

export const QuizState = z.object({
  runId: z.string(),
  startedAt: z.number(),
  updatedAt: z.number(),
  answers: z.array(z.object({ item: z.string(), value: z.number().int().min(0) })),
  skipped: z.array(z.string()),
  /** Item ids in the order they were answered or skipped, for "back". */
  history: z.array(z.string()),
  /** Background option id, null when skipped, absent until asked. */
  background: z.string().nullable().optional(),
  /** The question an adapter last reported delivered (absent when none reports, e.g. the terminal). */
  shown: z.string().optional(),
});
export type QuizState = z.infer<typeof QuizState>;

/**
 * How a quiz state is stored: every answered or skipped question once, in
 * the order of `history` ([item, value] answered, [item] skipped, ["background"]
 * the background question), instead of its id in both `history` and
 * `answers`/`skipped`. A finished quiz was about 1.1 KB that way.
 */
export const StoredQuizState = z.object({
  runId: z.string(),
  startedAt: z.number(),
  updatedAt: z.number(),
  steps: z.array(z.union([z.tuple([z.string(), z.number().int().min(0)]), z.tuple([z.string()])])),
  background: z.string().nullable().optional(),
  shown: z.string().optional(),
});
export type StoredQuizState = z.infer<typeof StoredQuizState>;

export function toStored(s: QuizState): StoredQuizState {
  const answers = [...s.answers];
  const steps = s.history.map((item): [string, number] | [string] => {
    const at = item === BACKGROUND ? -1 : answers.findIndex((a) => a.item === item);
    return at < 0 ? [item] : [item, answers.splice(at, 1)[0]!.value];
  });
  const out: StoredQuizState = { runId: s.runId, startedAt: s.startedAt, updatedAt: s.updatedAt, steps };
  if (s.background !== undefined) out.background = s.background;
  if (s.shown !== undefined) out.shown = s.shown;
  return out;
}

/** A stored quiz state, in the stored shape or in the earlier one (answers, skipped and history in full). */
export function fromStored(raw: unknown): QuizState {
  const stored = StoredQuizState.safeParse(raw);
  if (!stored.success) return QuizState.parse(raw);
  const { steps, background, shown, ...times } = stored.data;
  const state: QuizState = {
    ...times,
    answers: steps.flatMap((st) => (st.length === 2 ? [{ item: st[0], value: st[1] }] : [])),
    skipped: steps.flatMap((st) => (st.length === 1 && st[0] !== BACKGROUND ? [st[0]] : [])),
    history: steps.map((st) => st[0]),
  };
  if (background !== undefined) state.background = background;
  if (shown !== undefined) state.shown = shown;
  return state;
}

/**
 * Core items count as "Question N of M" with M the fixed size of the bank;
 * tie-breakers carry their own count ("1 of up to 3"); the background comes last.
 */
export type Step =
  | { kind: "item"; item: QuizItem; number: number; planned: number; tiebreak?: { index: number; max: number } }
  | { kind: "background"; number: number; planned: number }
  | { kind: "result" };

export function newState(runId: string, now: number): QuizState {
  return { runId, startedAt: now, updatedAt: now, answers: [], skipped: [], history: [] };
}

const done = (s: QuizState, id: string) => s.answers.some((a) => a.item === id) || s.skipped.includes(id);

/** What to ask next. */
export function nextStep(quiz: Quiz, s: QuizState): Step {
  const answers: Answer[] = s.answers;
  let core = quiz.items.filter((i) => !done(s, i.id));
  // Early stop: enough answers and the remaining items cannot change the outcome.
  // Once the tie-breakers have begun the stop is final: a tie-breaker answer must not reopen the core questions.
  const tieBegun = quiz.tiebreakers.some((t) => done(s, t.id));
  if (core.length > 0 && (tieBegun || (answers.filter((a) => quiz.items.some((i) => i.id === a.item)).length >= MIN_ANSWERS_TO_STOP && outcomeIsSettled(quiz, answers, core)))) core = [];
  const planned = quiz.items.length;
  const number = Math.min(planned, quiz.items.filter((i) => done(s, i.id)).length + 1);
  if (core[0]) return { kind: "item", item: core[0], number, planned };
  // Tie-breakers one at a time, only while ML and AI engineer are close.
  const tiebreaker = score(quiz, answers).outcome === "hybrid" ? quiz.tiebreakers.find((t) => !done(s, t.id)) : undefined;
  if (tiebreaker) {
    const index = quiz.tiebreakers.filter((t) => done(s, t.id)).length + 1;
    return { kind: "item", item: tiebreaker, number, planned, tiebreak: { index, max: quiz.tiebreakers.length } };
  }
  if (s.background === undefined) return { kind: "background", number, planned };
  return { kind: "result" };
}

export function applyAnswer(s: QuizState, item: string, value: number | null, now: number): QuizState {
  const base = { ...s, updatedAt: now, history: [...s.history, item] };
  return value === null ? { ...base, skipped: [...s.skipped, item] } : { ...base, answers: [...s.answers, { item, value }] };
}

export function applyBackground(s: QuizState, optionId: string | null, now: number): QuizState {
  return { ...s, updatedAt: now, history: [...s.history, BACKGROUND], background: optionId };
}

/** Undo the last answer or skip. */
export function goBack(s: QuizState, now: number): QuizState {
  const last = s.history[s.history.length - 1];
  if (!last) return s;
  const next: QuizState = {
    ...s,
    updatedAt: now,
    history: s.history.slice(0, -1),
    answers: s.answers.filter((a) => a.item !== last),
    skipped: s.skipped.filter((x) => x !== last),
  };
  if (last === BACKGROUND) delete next.background;
  return next;
}

/** The order a choice item's options are shown in for this quiz: shuffled per quiz, fixed within it. */
export function optionOrder(runId: string, itemId: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let seed = createHash("sha256").update(`${runId}:${itemId}`).digest().readUInt32BE(0);
  for (let i = order.length - 1; i > 0; i--) {
    seed = (seed * 1664525 + 1013904223) >>> 0; // LCG: deterministic, good enough to vary the order
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A short tag of the quiz's owner, carried in button ids so a click on someone else's quiz is recognised. */
export function ownerTag(personKey: string): string {
  return createHash("sha256").update(personKey).digest("hex").slice(0, 8);
}
