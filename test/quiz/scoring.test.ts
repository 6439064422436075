// Scoring is pure: answers in, scores and outcome out.
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { score, outcomeIsSettled, HYBRID_MARGIN, type Answer } from "../../src/quiz/scoring.ts";
import { newState, nextStep, applyAnswer, applyBackground } from "../../src/quiz/session.ts";
import type { Quiz, QuizItem, RoleId } from "../../src/knowledge/schema.ts";

const quiz: Quiz = loadKnowledge("knowledge").quiz;
const [STRONGLY_DISLIKE, DISLIKE, UNSURE, LIKE, STRONGLY_LIKE] = [0, 1, 2, 3, 4];
const ratings = quiz.items.filter((i): i is Extract<QuizItem, { type: "rating" }> => i.type === "rating");
const choices = quiz.items.filter((i): i is Extract<QuizItem, { type: "choice" }> => i.type === "choice");
const keyed = (item: Extract<QuizItem, { type: "rating" }>, role: RoleId, min = 2) => (item.weights[role] ?? 0) >= min;
const optionOf = (id: string, pick: (w: Partial<Record<RoleId, number>>) => boolean) => {
  const item = choices.find((i) => i.id === id)!;
  return item.options.findIndex((o) => pick(o.weights));
};

/** Answer every core item the way a person leaning to `role` would: like what feeds it, dislike the rest. */
function answersLeaning(role: RoleId): Answer[] {
  return quiz.items.map((item) => {
    if (item.type === "rating") return { item: item.id, value: keyed(item, role, 1) ? STRONGLY_LIKE : STRONGLY_DISLIKE };
    const best = item.options.findIndex((o) => (o.weights[role] ?? 0) >= 2);
    return { item: item.id, value: best >= 0 ? best : 0 };
  });
}

/** Likes the ML and the AI side equally and nothing else; the scenario in between. */
function hybridAnswers(): Answer[] {
  return [
    ...ratings.map((i) => ({ item: i.id, value: keyed(i, "ml-engineer") || keyed(i, "ai-engineer") ? STRONGLY_LIKE : STRONGLY_DISLIKE })),
    { item: "train-or-compose", value: optionOf("train-or-compose", (w) => w["ml-engineer"] === w["ai-engineer"]) },
  ];
}

const everyRating = (value: number): Answer[] => ratings.map((i) => ({ item: i.id, value }));

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

  it("equal interest in both sides, and not in the rest, is a hybrid", () => {
    const s = score(quiz, hybridAnswers());
    expect(Math.abs(s.margin)).toBeLessThan(HYBRID_MARGIN);
    expect(s.outcome).toBe("hybrid");
  });

  it("an exact tie is hybrid, not a coin flip, and the same answers always give the same result", () => {
    const a = score(quiz, hybridAnswers());
    expect(a.margin).toBe(0);
    const b = score(quiz, [...hybridAnswers()].reverse());
    expect([b.scores, b.outcome, b.confidence, b.also]).toEqual([a.scores, a.outcome, a.confidence, a.also]);
  });

  describe("undecided: no lean out of no signal", () => {
    it("all unsure is undecided, never a lean, with no reasons and no evidence", () => {
      const s = score(quiz, everyRating(UNSURE));
      expect(s.outcome).toBe("undecided");
      expect(s.confidence).toBe("low");
      expect(s.contributions).toEqual([]);
      expect(s.also).toBeNull();
    });

    it("everything rated the same, liked or disliked, is undecided even with scenario choices", () => {
      for (const value of [STRONGLY_DISLIKE, DISLIKE, LIKE, STRONGLY_LIKE]) {
        const withChoices = [...everyRating(value), { item: "train-or-compose", value: 0 }, { item: "first-step", value: 1 }];
        expect(score(quiz, everyRating(value)).outcome).toBe("undecided");
        expect(score(quiz, withChoices).outcome).toBe("undecided");
      }
    });

    it("mostly unsure with a few expressed answers is undecided", () => {
      const answers = everyRating(UNSURE).map((a, n) => (n < 4 ? { ...a, value: a.item === "tune-model" ? STRONGLY_LIKE : LIKE } : a));
      const s = score(quiz, answers);
      expect(s.expressed).toBe(4);
      expect(s.outcome).toBe("undecided");
    });

    it("a near-flat profile, every role within a few points, is undecided", () => {
      // Like everything, and one activity a notch more: no role stands out.
      const answers = everyRating(LIKE).map((a) => (a.item === "new-method" ? { ...a, value: STRONGLY_LIKE } : a));
      const s = score(quiz, answers);
      const measured = Object.entries(s.scores).filter(([r]) => s.max[r as RoleId] > 0).map(([, v]) => v);
      expect(Math.max(...measured) - Math.min(...measured)).toBeLessThan(15);
      expect(s.outcome).toBe("undecided");
    });

    it("an undecided quiz never stops early", () => {
      const answers = everyRating(UNSURE);
      expect(outcomeIsSettled(quiz, answers.slice(0, 10), quiz.items.slice(10))).toBe(false);
    });
  });

  describe("also strong: named on enough evidence, never on thin evidence", () => {
    it("names data scientist at about 78 when several data-science items were liked", () => {
      const answers = quiz.items.map((i): Answer => {
        if (i.type === "choice") return { item: i.id, value: 0 };
        if (keyed(i, "ml-engineer")) return { item: i.id, value: STRONGLY_LIKE };
        if (i.id === "experiment") return { item: i.id, value: STRONGLY_LIKE };
        if (i.id === "explain-results") return { item: i.id, value: LIKE };
        if (i.id === "read-maths") return { item: i.id, value: UNSURE };
        return { item: i.id, value: DISLIKE };
      });
      const s = score(quiz, answers);
      expect(s.scores["data-scientist"]).toBeGreaterThanOrEqual(75);
      expect(s.scores["data-scientist"]).toBeLessThan(80);
      expect(s.scores["data-scientist"]).toBeLessThan(s.scores["ml-engineer"]);
      expect(s.evidence["data-scientist"]).toBeGreaterThanOrEqual(quiz.also_strong.min_evidence);
      expect(s.outcome).toBe("ml-engineer");
      expect(s.also).toBe("data-scientist");
    });

    it("does not name data engineer at 67 from one 'strongly like pipelines' answer", () => {
      const answers = everyRating(UNSURE).map((a) => {
        if (a.item === "pipelines") return { ...a, value: STRONGLY_LIKE };
        const item = ratings.find((i) => i.id === a.item)!;
        return keyed(item, "ml-engineer") ? { ...a, value: LIKE } : a;
      });
      const s = score(quiz, answers);
      expect(s.scores["data-engineer"]).toBeCloseTo(66.7, 0);
      expect(s.scores["data-engineer"]).toBeGreaterThanOrEqual(quiz.also_strong.min_score);
      expect(s.scores["ml-engineer"] - s.scores["data-engineer"]).toBeLessThanOrEqual(quiz.also_strong.within);
      expect(s.evidence["data-engineer"]).toBe(1);
      expect(s.also).toBeNull();
    });

    it("names a strong adjacent role without overriding the outcome", () => {
      const s = score(quiz, answersLeaning("mlops-engineer"));
      expect(["mlops-engineer", "data-engineer"]).toContain(s.also);
      expect(s.scores[s.also!]).toBeGreaterThanOrEqual(60);
      expect(["ml-engineer", "ai-engineer", "hybrid", "undecided"]).toContain(s.outcome);
    });

    it("an unsure answer is never evidence", () => {
      const s = score(quiz, everyRating(UNSURE));
      expect(Object.values(s.evidence).every((n) => n === 0)).toBe(true);
    });
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

  it("never reopens the core questions once a tie-breaker has been asked, whatever the answers", () => {
    // A small deterministic generator: many answer patterns, the same every run.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let tieBreaks = 0;
    for (let run = 0; run < 400; run++) {
      let state = newState(`r${run}`, 0);
      let tieSeen = false;
      for (let guard = 0; guard < 40; guard++) {
        const step = nextStep(quiz, state);
        if (step.kind !== "item") break;
        if (step.tiebreak) { tieSeen = true; tieBreaks++; }
        else expect(tieSeen, `run ${run}: a core question after a tie-breaker`).toBe(false);
        // An answer is the index of the option (or of the scale step) chosen.
        const n = step.item.type === "choice" ? step.item.options.length : quiz.scale.length;
        state = applyAnswer(state, step.item.id, Math.floor(rand() * n), 0);
      }
    }
    expect(tieBreaks).toBeGreaterThan(0);
  });

  it("asks tie-breakers only while the outcome is close, then the background, then the result; the counter stays stable", () => {
    let state = newState("run2", 0);
    const balanced = hybridAnswers();
    const seen: string[] = [];
    const counters: string[] = [];
    for (let guard = 0; guard < 40; guard++) {
      const step = nextStep(quiz, state);
      if (step.kind === "result") { seen.push("result"); break; }
      if (step.kind === "background") { seen.push("background"); state = applyBackground(state, "software", 0); continue; }
      const tie = quiz.tiebreakers.includes(step.item);
      seen.push(tie ? "tie" : "core");
      counters.push(tie ? `tie ${step.tiebreak!.index}/${step.tiebreak!.max}` : `${step.number}/${step.planned}`);
      // Core items balanced (unlisted ones skipped); tie-breakers split one each way, so it stays close.
      const value = tie ? seen.filter((k) => k === "tie").length % 2 : balanced.find((a) => a.item === step.item.id)?.value ?? null;
      state = applyAnswer(state, step.item.id, value, 0);
    }
    const core = seen.filter((k) => k === "core").length;
    expect(core).toBeGreaterThanOrEqual(8);
    const ties = seen.filter((k) => k === "tie").length;
    expect(ties).toBeGreaterThan(0);
    expect(ties).toBeLessThanOrEqual(3);
    expect(seen.slice(-2)).toEqual(["background", "result"]);
    // "N of M" with M fixed for the core; tie-breakers count on their own.
    expect(counters.slice(0, core)).toEqual(Array.from({ length: core }, (_, n) => `${n + 1}/${quiz.items.length}`));
    expect(counters.slice(core)).toEqual(Array.from({ length: ties }, (_, n) => `tie ${n + 1}/${quiz.tiebreakers.length}`));
  });
});
