// The conversation module's pure parts: the context and its updates, ordinal
// references, stated backgrounds and questions about one's own quiz result.
import { describe, expect, it } from "vitest";
import { afterAnswer, afterSuggestion, emptyContext, parseContext, type Frame } from "../../src/conversation/context.ts";
import { ordinalReferences, substituteOrdinals } from "../../src/conversation/references.ts";
import { detectBackground } from "../../src/understanding/background.ts";
import { asksForResult } from "../../src/understanding/result-question.ts";
import { testCore } from "../helpers/core.ts";

const f = (over: Partial<Frame>): Frame => ({ intent: "role.overview", roles: [], aspect: null, term: null, from: null, to: null, ...over });

describe("the conversation context", () => {
  it("keeps the last frame, the roles in the order named, the last term and the last path", () => {
    let c = afterAnswer(emptyContext(), f({ intent: "compare", roles: ["ml-engineer", "ai-engineer", "mlops-engineer"] }));
    expect(c.roles).toEqual(["ml-engineer", "ai-engineer", "mlops-engineer"]);
    // Moving within the listing keeps it, so "the second" still counts in it.
    c = afterAnswer(c, f({ intent: "learning-path", roles: ["ml-engineer"] }));
    expect(c.roles).toEqual(["ml-engineer", "ai-engineer", "mlops-engineer"]);
    expect(c.last).toEqual(f({ intent: "learning-path", roles: ["ml-engineer"] }));
    expect(c.path).toEqual({ from: null, to: "ml-engineer" });
    c = afterAnswer(c, f({ intent: "transition", roles: ["data-analyst", "data-engineer"], from: "data-analyst", to: "data-engineer" }));
    expect(c.roles).toEqual(["data-analyst", "data-engineer"]);
    expect(c.path).toEqual({ from: "data-analyst", to: "data-engineer" });
    c = afterAnswer(c, f({ intent: "glossary", term: "rag" }));
    expect(c.term).toBe("rag");
    expect(c.roles).toEqual(["data-analyst", "data-engineer"]); // a term has no roles: the listing stays
    expect(c.recent).toEqual(["mlops-engineer", "ml-engineer", "data-analyst", "data-engineer"]);
  });

  it("small talk and declines leave the context as it was; a suggestion is remembered", () => {
    const c = afterAnswer(emptyContext(), f({ intent: "role.overview", roles: ["data-scientist"] }));
    expect(afterAnswer(c, f({ intent: "out-of-scope" }))).toBe(c);
    expect(afterAnswer(c, f({ intent: "thanks" }))).toBe(c);
    expect(afterSuggestion(c, "ai-engineer").suggested).toBe("ai-engineer");
  });

  it("a reading still without its subject leaves the context as it was, so the roles and the suggestion stay", () => {
    const c = afterSuggestion(emptyContext(), "ai-engineer");
    expect(afterAnswer(c, f({ intent: "role.overview" }))).toBe(c);
    expect(afterAnswer(c, f({ intent: "role.aspect", aspect: "salary" }))).toBe(c);
    // A fit question without roles is a subject of its own ("which role fits me?").
    expect(afterAnswer(c, f({ intent: "fit" })).last).toMatchObject({ intent: "fit" });
  });

  it("recent roles are the last ones named, most recent last, at most four", () => {
    let c = emptyContext();
    for (const r of ["ml-engineer", "ai-engineer", "data-scientist", "data-engineer", "mlops-engineer", "ai-engineer"] as const) c = afterAnswer(c, f({ roles: [r] }));
    expect(c.recent).toEqual(["data-scientist", "data-engineer", "mlops-engineer", "ai-engineer"]);
  });

  it("a stored value of another shape (an older version, garbage) reads as no context", () => {
    expect(parseContext({ intent: "compare", roles: ["ml-engineer"], aspect: null, term: null })).toEqual(emptyContext());
    expect(parseContext("nonsense")).toEqual(emptyContext());
    expect(parseContext(undefined)).toEqual(emptyContext());
  });
});

describe("ordinal references", () => {
  it("'the first one', 'the second', 'the latter' point into the listing", () => {
    expect(ordinalReferences("how would i get started with the first one").map((r) => r.index)).toEqual([0]);
    expect(substituteOrdinals("and the second", ["ml", "ai"], (x) => x.toUpperCase())).toBe("and AI");
    expect(substituteOrdinals("how do i switch from the first to the second", ["ml", "ai"], (x) => x)).toBe("how do i switch from ml to ai");
    expect(substituteOrdinals("tell me about the latter", ["ml", "ai", "ds"], (x) => x)).toBe("tell me about ds");
  });

  it("ordinals that are not references, or point at nothing, are left alone", () => {
    expect(ordinalReferences("what should i learn first")).toEqual([]);
    expect(ordinalReferences("what is the first step")).toEqual([]);
    expect(substituteOrdinals("tell me about the third one", ["ml", "ai"], (x) => x)).toBeUndefined();
    expect(substituteOrdinals("hello", ["ml"], (x) => x)).toBeUndefined();
  });
});

describe("a stated background", () => {
  const { kb, understander } = testCore();
  const deps = { roles: (t: string) => understander.slots(t).roles, roleName: (r: Parameters<typeof kb.role>[0]) => kb.role(r).short };

  it("is a from-role when the role lexicon knows the words", () => {
    expect(detectBackground("im a backend dev, 4 yrs of go", deps)).toMatchObject({ from: "software-engineer" });
    expect(detectBackground("i'm a data analyst, 2 years of sql and tableau", deps)).toMatchObject({ from: "data-analyst" });
    expect(detectBackground("I'm a software engineer with 6 yrs of java", deps)).toMatchObject({ from: "software-engineer" });
  });

  it("is a short label with from: null for a starting point outside the roles", () => {
    expect(detectBackground("I'm a physics PhD", deps)).toEqual({ from: null, label: "physics PhD" });
    expect(detectBackground("working as QA tester since 4 years. which role is good for me", deps)).toMatchObject({ label: "QA tester" });
    expect(detectBackground("i'm a teacher", deps)).toEqual({ from: null, label: "teacher" });
  });

  it("is the work one says one does, read with the work lexicon, or the field one works in", () => {
    expect(understander.understand("i do frontend react stuff").background).toMatchObject({ from: "software-engineer" });
    expect(understander.understand("i build etl jobs in airflow, want to move on").background).toMatchObject({ from: "data-engineer" });
    expect(understander.understand("i work in logistics").background).toEqual({ from: null, label: "logistics" });
    for (const text of ["i do want to be an ml engineer", "i do not know what to pick", "i work with my hands"]) expect(understander.understand(text).background, text).toBeUndefined();
  });

  it("is not a plan, a mood or a sentence", () => {
    for (const text of ["I'm thinking about becoming an ML engineer", "im interested in ai engineering", "i'm a bit confused", "im new to all this", "i'm going to apply as an ml engineer next month", "what does an ai engineer do", "i am so lost with all these roles honestly"]) {
      expect(detectBackground(text, deps), text).toBeUndefined();
    }
  });
});

describe("a question about one's own quiz result", () => {
  it("is asked about 'my result' or why I got it", () => {
    for (const t of ["what was my result", "what's my last quiz result?", "can you remind me what my quiz result was", "why did i get this?", "why did I get AI engineer?", "what did the quiz say about me"]) expect(asksForResult(t), t).toBe(true);
  });

  it("is not any question with a result or a 'why' in it", () => {
    for (const t of ["explain quantum physics", "is there a quiz? i wanna try it", "how long does that usually take", "why do ml engineers earn more", "the results of my model are bad", "whats the capital of australia"]) expect(asksForResult(t), t).toBe(false);
  });
});
