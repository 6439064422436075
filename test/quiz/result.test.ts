// What the result says: honest when there is no lean, reasons only from expressed
// answers, next steps starting where the person's background leaves off.
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { score, type Answer } from "../../src/quiz/scoring.ts";
import { resultReply } from "../../src/quiz/render.ts";
import { newState } from "../../src/quiz/session.ts";
import { updateProfile } from "../../src/core/profile.ts";
import { command, choose, testCore, textOf } from "../helpers/core.ts";
import type { QuizItem, RoleId } from "../../src/knowledge/schema.ts";
import type { Reply } from "../../src/core/reply.ts";

const kb = loadKnowledge("knowledge");
const quiz = kb.quiz;
const state = newState("r", 0);
const ratings = quiz.items.filter((i): i is Extract<QuizItem, { type: "rating" }> => i.type === "rating");
const leaning = (role: RoleId, others = 0): Answer[] => ratings.map((i) => ({ item: i.id, value: (i.weights[role] ?? 0) >= 2 ? 4 : others }));
const text = (r: Reply) => textOf([r]);

describe("quiz result", () => {
  it("all unsure: no clear lean yet, what would help, no reasons and no lean", () => {
    const r = resultReply(kb, state, score(quiz, ratings.map((i) => ({ item: i.id, value: 2 }))));
    expect(r.data).toMatchObject({ outcome: "undecided", confidence: "low" });
    expect(text(r)).toMatch(/Your result: No clear lean yet/);
    expect(text(r)).toMatch(/What would help/);
    expect(text(r)).toMatch(/typical day/i);
    expect(text(r)).toMatch(/Talk to/);
    expect(text(r)).toMatch(/The model itself \/ The system around the model/);
    expect(text(r)).not.toMatch(/Because|Leaning|unsure about|Medium confidence|High confidence/);
    expect(r.choices.map((c) => c.label)).toEqual(expect.arrayContaining(["A day as ML engineer", "A day as AI engineer", "Retake the quiz"]));
  });

  it("quotes only answers that expressed interest or dislike, never Unsure", () => {
    // ML items strongly liked, everything else unsure.
    const s = score(quiz, leaning("ml-engineer", 2).map((a) => (a.item === "prompts" ? { ...a, value: 0 } : a)));
    expect(s.outcome).toBe("ml-engineer");
    const t = text(resultReply(kb, state, s));
    expect(t).toMatch(/Because/);
    expect(t).toMatch(/you'd strongly like/);
    expect(t).not.toMatch(/unsure/i);
    // A dislike of the other side's work is a reason too, worded as a dislike.
    const withDislike = text(resultReply(kb, state, score(quiz, leaning("ml-engineer", 2).map((a) => (a.item === "docs-assistant" ? { ...a, value: 0 } : a)))));
    expect(withDislike).toMatch(/you'd strongly dislike connecting a language model/);
  });

  it("a software engineer heading for AI engineering starts with the transition and its duration, not developer foundations", () => {
    const t = text(resultReply(kb, state, score(quiz, leaning("ai-engineer")), { option: "software", role: "software-engineer" }));
    expect(t).toMatch(/Next steps: from Software engineer to AI engineer/i);
    expect(t).toMatch(/Time: about 3–6 months at 10 hours a week/);
    expect(t).not.toMatch(/Developer foundation/);
  });

  it("someone already shipping LLM features starts at evals and production", () => {
    const r = resultReply(kb, state, score(quiz, leaning("ai-engineer")), { option: "ai", role: "ai-engineer" });
    const t = text(r);
    expect(t).not.toMatch(/\d\. (Developer foundation|LLM basics and model APIs|Embeddings and RAG)/);
    expect(t).toMatch(/1\. Evaluation and observability: /);
    expect(t).toMatch(/start at evaluation and observability, then agents, security and running it all in production/);
    expect(t).toMatch(/Skipped as already covered by your background: Developer foundation/);
    expect(r.data).toMatchObject({ firstStep: "Evaluation and observability" });
  });

  it("a hybrid is not called a lean, and an even split says so", () => {
    const even = ratings.map((i) => ({ item: i.id, value: (i.weights["ml-engineer"] ?? 0) >= 2 || (i.weights["ai-engineer"] ?? 0) >= 2 ? 4 : 0 }));
    const s = score(quiz, even);
    expect(s.outcome).toBe("hybrid");
    const t = text(resultReply(kb, state, s));
    expect(t).not.toMatch(/a clear lean/);
    expect(t).toMatch(/Evenly split; on the ML engineer side, because/);
  });

  it("no background: the full path from its first step, with the path's duration", () => {
    const t = text(resultReply(kb, state, score(quiz, leaning("ai-engineer"))));
    expect(t).toMatch(/1\. Developer foundation/);
    const [min, max] = kb.path("ai-engineer")!.duration.months;
    expect(t).toContain(`Time: about ${min}–${max} months`);
  });

  it("uses a background said earlier in the conversation when the quiz's background question is skipped", async () => {
    const core = testCore();
    const first = command("quiz");
    await updateProfile(core.store, first.address as never, first.actor as never, { background: { from: "software-engineer", label: "software engineer" } }, 60_000);
    let r = (await core.mentor.handle(first)).replies.at(-1)!;
    for (let i = 0; i < 30; i++) {
      const q = r.data?.quiz as { item: string } | undefined;
      if (!q) break;
      const item = ratings.find((x) => x.id === q.item);
      const label = q.item === "background" ? "Skip" : item ? ((item.weights["ai-engineer"] ?? 0) >= 2 ? "Strongly like" : "Strongly dislike") : undefined;
      const pick = (label && r.choices.find((c) => c.label === label)) || r.choices.find((c) => c.id.startsWith("quiz:a:"))!;
      r = (await core.mentor.handle(choose(pick.id))).replies.at(-1)!;
    }
    expect(r.data).toHaveProperty("outcome");
    expect(text(r)).toMatch(/from Software engineer to (AI|ML) engineer/i);
  });
});
