// Scoring is pure: answers in, scores and outcome out.
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { score, outcomeIsSettled, HYBRID_MARGIN, type Answer } from "../../src/quiz/scoring.ts";
import { newState, nextStep, applyAnswer, applyBackground } from "../../src/quiz/session.ts";
import type { Quiz, RoleId } from "../../src/knowledge/schema.ts";

const quiz: Quiz = loadKnowledge("knowledge").quiz;
const STRONGLY_LIKE = 4;
const STRONGLY_DISLIKE = 0;
const UNSURE = 2;

/** Answer every core item the way a person leaning to `role` would: like what feeds it, dislike the rest. */
function answersLeaning(role: RoleId): Answer[] {
  return quiz.items.map((item) => {
    if (item.type === "rating") return { item: item.id, value: (item.weights[role] ?? 0) >= 1 ? STRONGLY_LIKE : STRONGLY_DISLIKE };
    const best = item.options.findIndex((o) => (o.weights[role] ?? 0) >= 2);
    return { item: item.id, value: best >= 0 ? best : 0 };
  });
}

/** Unsure on every rating; one scenario each way and the even mix: both sides equally. */
function balancedAnswers(): Answer[] {
  const optionFor = (id: string, pick: (w: Partial<Record<RoleId, number>>) => boolean) => {
    const item = quiz.items.find((i) => i.id === id)!;
    if (item.type !== "choice") throw new Error(id);
    return item.options.findIndex((o) => pick(o.weights));
  };
  return quiz.items.map((item) => {
    if (item.type === "rating") return { item: item.id, value: UNSURE };
    if (item.id === "first-step") return { item: item.id, value: optionFor(item.id, (w) => (w["ai-engineer"] ?? 0) >= 2) };
    if (item.id === "proudest") return { item: item.id, value: optionFor(item.id, (w) => (w["ml-engineer"] ?? 0) >= 2) };
    return { item: item.id, value: optionFor(item.id, (w) => w["ml-engineer"] === w["ai-engineer"]) };
  });
}

describe("quiz scoring", () => {
  it("gives ML and AI engineer the same maximum", () => {
    const all = score(quiz, quiz.items.map((i) => ({ item: i.id, value: 0 })));
    expect(all.max["ml-engineer"]).toBe(all.max["ai-engineer"]);
  });

  it("normalises every role to 0..100 and a clear ML lean is ml-engineer with high confidence", () => {
    const s = score(quiz, answersLeaning("ml-engineer"));
    for (const v of Object.values(s.scores)) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(100);
    expect(s.outcome).toBe("ml-engineer");
    expect(s.confidence).toBe("high");
    expect(s.margin).toBeGreaterThanOrEqual(25);
  });

  it("a clear AI lean is ai-engineer", () => {
    const s = score(quiz, answersLeaning("ai-engineer"));
    expect(s.outcome).toBe("ai-engineer");
    expect(s.scores["ai-engineer"]).toBeGreaterThan(s.scores["ml-engineer"]);
  });

  it("equal interest in both sides is a hybrid", () => {
    const s = score(quiz, balancedAnswers());
    expect(Math.abs(s.margin)).toBeLessThan(HYBRID_MARGIN);
    expect(s.outcome).toBe("hybrid");
  });

  it("an exact tie is hybrid, not a coin flip, and the same answers always give the same result", () => {
    const tie: Answer[] = [{ item: "tune-model", value: STRONGLY_LIKE }, { item: "llm-docs-tools", value: STRONGLY_LIKE }];
    const a = score(quiz, tie);
    expect(a.margin).toBe(0);
    expect(a.outcome).toBe("hybrid");
    const b = score(quiz, [...tie].reverse());
    expect([b.scores, b.outcome, b.confidence, b.also]).toEqual([a.scores, a.outcome, a.confidence, a.also]);
  });

  it("names a strong adjacent role without overriding the outcome", () => {
    const s = score(quiz, answersLeaning("mlops-engineer"));
    expect(["mlops-engineer", "data-engineer"]).toContain(s.also);
    expect(s.scores[s.also!]).toBeGreaterThanOrEqual(60);
    expect(["ml-engineer", "ai-engineer", "hybrid"]).toContain(s.outcome);
  });

  it("stops early once the remaining items cannot change the outcome, and not before 8 answers", () => {
    const leaning = answersLeaning("ai-engineer");
    let state = newState("run1", 0);
    const asked: string[] = [];
    for (let guard = 0; guard < 30; guard++) {
      const step = nextStep(quiz, state);
      if (step.kind !== "item") break;
      asked.push(step.item.id);
      state = applyAnswer(state, step.item.id, leaning.find((a) => a.item === step.item.id)!.value, 0);
    }
    expect(asked.length).toBeGreaterThanOrEqual(8);
    expect(asked.length).toBeLessThan(quiz.items.length);
    const remaining = quiz.items.filter((i) => !asked.includes(i.id));
    expect(outcomeIsSettled(quiz, state.answers, remaining)).toBe(true);
    // The early result is the one the full quiz would give.
    expect(score(quiz, state.answers).outcome).toBe(score(quiz, leaning).outcome);
  });

  it("asks tie-breakers only while the outcome is close, then the background, then the result", () => {
    let state = newState("run2", 0);
    const balanced = balancedAnswers();
    const kinds: string[] = [];
    for (let guard = 0; guard < 30; guard++) {
      const step = nextStep(quiz, state);
      kinds.push(step.kind === "item" ? (quiz.tiebreakers.includes(step.item) ? "tie" : "core") : step.kind);
      if (step.kind === "result") break;
      // Core items balanced; tie-breakers split one each way, so it stays close.
      const value = step.kind === "item" ? balanced.find((a) => a.item === step.item.id)?.value ?? kinds.filter((k) => k === "tie").length % 2 : 0;
      state = step.kind === "background" ? applyBackground(state, "software", 0) : applyAnswer(state, step.item.id, value, 0);
    }
    expect(kinds.filter((k) => k === "core")).toHaveLength(quiz.items.length);
    expect(kinds.filter((k) => k === "tie").length).toBeGreaterThan(0);
    expect(kinds.filter((k) => k === "tie").length).toBeLessThanOrEqual(3);
    expect(kinds.slice(-2)).toEqual(["background", "result"]);
  });

  it("counts questions as 'N of M' with M changing when the plan changes", () => {
    const first = nextStep(quiz, newState("run3", 0));
    expect(first).toMatchObject({ kind: "item", number: 1, planned: quiz.items.length + 1 });
  });
});
