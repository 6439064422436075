// Resolution in context with the real understander: elliptical follow-ups take
// what they leave out from the context, what a message names overrides it, and
// off-topic messages stay off-topic whatever came before.
import { describe, expect, it } from "vitest";
import { afterAnswer, emptyContext, type ConversationContext, type Frame } from "../../src/conversation/context.ts";
import { resolveInContext, type ResolveDeps } from "../../src/conversation/resolve.ts";
import type { RoleId } from "../../src/knowledge/schema.ts";
import { testCore } from "../helpers/core.ts";

const { kb, understander } = testCore();
const deps: ResolveDeps = {
  read: (t) => understander.understand(t),
  roles: (t) => understander.slots(t).roles,
  roleName: (r) => kb.role(r).short,
  termName: (t) => kb.term(t)?.term ?? t,
};
const f = (over: Partial<Frame>): Frame => ({ intent: "role.overview", roles: [], aspect: null, term: null, from: null, to: null, ...over });
const after = (...frames: Partial<Frame>[]): ConversationContext => frames.reduce((c, x) => afterAnswer(c, f(x)), emptyContext());
const nobody = { from: null };
const read = (text: string, ctx: ConversationContext, person: { from: RoleId | null } = nobody) => {
  const r = resolveInContext(understander.understand(text), text, ctx, person, deps);
  return { intent: r.intent, roles: [...r.roles].sort(), aspect: r.aspect, term: r.term, from: r.from, to: r.to };
};
const sorted = (...xs: string[]) => [...xs].sort();

const compared = after({ intent: "compare", roles: ["ml-engineer", "ai-engineer"] });

describe("an elliptical follow-up takes its subject from the context", () => {
  it('"which one pays more" after a comparison: the same roles on salary', () => {
    expect(read("which one pays more", compared)).toMatchObject({ intent: "compare", roles: sorted("ml-engineer", "ai-engineer"), aspect: "salary" });
  });

  it('"ok which should i pick" after a comparison: fit over the compared roles', () => {
    expect(read("ok which should i pick", compared)).toMatchObject({ intent: "fit", roles: sorted("ml-engineer", "ai-engineer") });
  });

  it('"whats the difference again" after a comparison, on pay or not: the comparison again, without the aspect', () => {
    expect(read("whats the difference again", compared)).toMatchObject({ intent: "compare", roles: sorted("ml-engineer", "ai-engineer"), aspect: null });
    const onPay = after({ intent: "compare", roles: ["data-engineer", "mlops-engineer"] }, { intent: "compare", roles: ["data-engineer", "mlops-engineer"], aspect: "salary" });
    expect(read("what was the difference again?", onPay)).toMatchObject({ intent: "compare", roles: sorted("data-engineer", "mlops-engineer") });
  });

  it('"how do i get into research then" after two roles: the work it names picks the one', () => {
    const ctx = after({ intent: "compare", roles: ["research-scientist", "ml-engineer"] });
    expect(read("ok how do i get into research then", ctx)).toMatchObject({ intent: "learning-path", roles: ["research-scientist"] });
  });

  it('"in canada?" or "for a data engineer?" alone: a qualifier, so the last question again (there, or for that role)', () => {
    const pay = after({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "salary" });
    expect(read("in canada?", pay)).toMatchObject({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "salary" });
    expect(read("at a startup?", pay)).toMatchObject({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "salary" });
    const path = after({ intent: "learning-path", roles: ["mlops-engineer"] });
    expect(read("for a data engineer?", path)).toMatchObject({ intent: "learning-path", roles: ["data-engineer"] });
  });

  it('"and how is that different from X" after a path or a role: the comparison with X, not the last question for X', () => {
    expect(read("and how is that different from a data scientist", after({ intent: "learning-path", roles: ["ai-engineer"] }))).toMatchObject({ intent: "compare", roles: sorted("ai-engineer", "data-scientist") });
    // Without a word that contrasts, "and X?" still carries the last question over.
    expect(read("and data scientists?", after({ intent: "learning-path", roles: ["ai-engineer"] }))).toMatchObject({ intent: "learning-path", roles: ["data-scientist"] });
  });

  it('"how do i become one" after a comparison: the path to one of them, asked back; a move only when the words or the person say so', () => {
    const r = resolveInContext(understander.understand("how do i become one?"), "how do i become one?", compared, nobody, deps);
    expect(r).toMatchObject({ intent: "learning-path" });
    expect(new Set([r.roles[0], ...r.alternatives.map((a) => a.roles[0])])).toEqual(new Set(["ml-engineer", "ai-engineer"]));
    expect(read("how do i become one?", compared, { from: "ml-engineer" })).toMatchObject({ intent: "transition", from: "ml-engineer", to: "ai-engineer" });
    const sweVsAi = after({ intent: "compare", roles: ["ai-engineer", "software-engineer"] });
    expect(read("how do i switch over", sweVsAi)).toMatchObject({ intent: "transition", from: "software-engineer", to: "ai-engineer" });
  });

  it('an opener does not hide the question: "ok how long would that take", "ok and how do i become X" (its own question, not the last one carried over)', () => {
    const ctx = after({ intent: "transition", roles: ["data-analyst", "ml-engineer"], from: "data-analyst", to: "ml-engineer" });
    expect(read("ok how long would that take", ctx)).toMatchObject({ intent: "transition", from: "data-analyst", to: "ml-engineer" });
    const onDemand = after({ intent: "compare", roles: ["data-engineer", "data-scientist"], aspect: "demand" });
    expect(read("ok and how do i become a data engineer", onDemand)).toMatchObject({ intent: "learning-path", roles: ["data-engineer"] });
  });

  it('"which one is closer for me", however long, weighs the roles just compared', () => {
    expect(read("im a backend dev btw, which one would be closer for me", compared)).toMatchObject({ intent: "fit", roles: sorted("ml-engineer", "ai-engineer") });
  });

  it('"how do i become one" after a role: its learning path', () => {
    expect(read("how do i become one", after({ roles: ["mlops-engineer"] }))).toMatchObject({ intent: "learning-path", roles: ["mlops-engineer"] });
  });

  it('"how do i become one" after a decoded title: the path to its closest role, not a move between its candidates', () => {
    expect(read("how do i become one", after({ intent: "decode", roles: ["ai-engineer", "software-engineer"] }))).toMatchObject({ intent: "learning-path", roles: ["ai-engineer"] });
  });

  it('"how long would that take" after a transition: the same transition', () => {
    const ctx = after({ intent: "transition", roles: ["data-analyst", "ml-engineer"], from: "data-analyst", to: "ml-engineer" });
    expect(read("how long would that take", ctx)).toMatchObject({ intent: "transition", from: "data-analyst", to: "ml-engineer" });
    expect(read("how many months", ctx)).toMatchObject({ intent: "transition", from: "data-analyst", to: "ml-engineer" });
  });

  it('"do i need a masters for it" after a path or a transition: education of the destination role', () => {
    expect(read("do i need a masters for it", after({ intent: "learning-path", roles: ["ai-engineer"] }))).toMatchObject({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "education" });
    const move = after({ intent: "transition", roles: ["software-engineer", "ai-engineer"], from: "software-engineer", to: "ai-engineer" });
    expect(read("is a degree required", move)).toMatchObject({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "education" });
  });

  it('"is it a dead end" after a term that is also a role\'s name (MLOps): that role\'s demand; after RAG no role is invented', () => {
    expect(read("is it a dead end career wise", after({ intent: "glossary", term: "mlops" }))).toMatchObject({ intent: "role.aspect", roles: ["mlops-engineer"], aspect: "demand" });
    expect(read("how much do they pay", after({ intent: "glossary", term: "mlops" }))).toMatchObject({ intent: "role.aspect", roles: ["mlops-engineer"], aspect: "salary" });
    expect(read("is it dying", after({ intent: "glossary", term: "rag" })).roles).toEqual([]);
  });

  it('"any good books for that?" after a glossary term is about resources; "and networking?" is job search', () => {
    expect(read("any good books for that?", after({ intent: "learning-path", roles: ["mlops-engineer"] }))).toMatchObject({ intent: "resources", roles: ["mlops-engineer"] });
    expect(read("any good books for that?", after({ intent: "glossary", term: "rag" }))).toMatchObject({ intent: "resources" });
    expect(read("and networking?", after({ intent: "job-search", roles: ["ml-engineer"] }))).toMatchObject({ intent: "job-search" });
  });

  it('"how long will this take" after a side question about the destination is still the transition', () => {
    const ctx = after({ intent: "transition", roles: ["data-analyst", "ai-engineer"], from: "data-analyst", to: "ai-engineer" }, { intent: "role.aspect", roles: ["ai-engineer"], aspect: "education" });
    expect(read("how long will this take", ctx)).toMatchObject({ intent: "transition", from: "data-analyst", to: "ai-engineer" });
  });

  it('"what tools should i know" after a path asks about the tools, not for the path again', () => {
    expect(read("what tools should i know", after({ intent: "learning-path", roles: ["data-engineer"] }))).toMatchObject({ intent: "role.aspect", roles: ["data-engineer"], aspect: "tools" });
  });

  it('"which is harder to learn" after two roles asked about in turn compares them', () => {
    const ctx = after({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "skills" }, { intent: "role.aspect", roles: ["ml-engineer"], aspect: "skills" });
    expect(read("which is harder to learn", ctx)).toMatchObject({ intent: "compare", roles: sorted("ai-engineer", "ml-engineer") });
  });

  it('"pay?" and "day to day?" after a comparison compare the same roles on that aspect', () => {
    expect(read("pay?", compared)).toMatchObject({ intent: "compare", roles: sorted("ml-engineer", "ai-engineer"), aspect: "salary" });
    expect(read("day to day?", compared)).toMatchObject({ intent: "compare", aspect: "responsibilities" });
  });

  it('ordinals: "the first one", "from the first to the second" pick roles in the order named', () => {
    const three = after({ intent: "compare", roles: ["ml-engineer", "ai-engineer", "mlops-engineer"] });
    expect(read("how would i get started with the first one", three)).toMatchObject({ intent: "learning-path", roles: ["ml-engineer"] });
    expect(read("how do i switch from the first to the second", three)).toMatchObject({ intent: "transition", from: "ml-engineer", to: "ai-engineer" });
    // After the path to the first, "and the second" asks the same of the second.
    const onPath = afterAnswer(three, f({ intent: "learning-path", roles: ["ml-engineer"] }));
    expect(read("and the second", onPath)).toMatchObject({ intent: "learning-path", roles: ["ai-engineer"] });
    const two = after({ intent: "compare", roles: ["data-engineer", "data-scientist"] });
    expect(read("the second one sounds good, how do i start", two)).toMatchObject({ intent: "learning-path", roles: ["data-scientist"] });
  });

  it('"compare the two" after two roles asked about one at a time compares them', () => {
    const ctx = after({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "salary" }, { intent: "role.aspect", roles: ["data-engineer"], aspect: "salary" });
    expect(read("compare the two", ctx)).toMatchObject({ intent: "compare", roles: sorted("ai-engineer", "data-engineer") });
  });
});

describe("what a message names overrides the context", () => {
  it('"what about data engineers" keeps the question and changes the role', () => {
    const ctx = after({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "salary" });
    expect(read("what about data engineers", ctx)).toMatchObject({ intent: "role.aspect", roles: ["data-engineer"], aspect: "salary" });
    expect(read("and mlops?", ctx)).toMatchObject({ intent: "role.aspect", roles: ["mlops-engineer"], aspect: "salary" });
  });

  it('"and to data science instead?" after a transition changes the destination only', () => {
    const ctx = after({ intent: "transition", roles: ["data-analyst", "data-engineer"], from: "data-analyst", to: "data-engineer" });
    expect(read("and to data science instead?", ctx)).toMatchObject({ intent: "transition", from: "data-analyst", to: "data-scientist" });
  });

  it("a full question is read on its own, whatever came before", () => {
    expect(read("what is rag", compared)).toMatchObject({ intent: "glossary", term: "rag" });
    expect(read("how do i become a data engineer", compared)).toMatchObject({ intent: "learning-path", roles: ["data-engineer"] });
  });

  it("without a context, nothing is filled in", () => {
    expect(read("which one pays more", emptyContext()).roles).toEqual([]);
  });
});

describe("off-topic and small talk stay what they are", () => {
  it.each(["what's the weather like in berlin", "tell me a joke", "write me a python function to reverse a list", "who won the game last night", "can you fix my code"])("%s", (text) => {
    expect(read(text, compared).intent).toBe("out-of-scope");
  });

  it('"lol", "ok cool" after a comparison are not turned into another comparison', () => {
    for (const t of ["lol", "ok cool", "why?"]) expect(read(t, compared).intent, t).not.toBe("compare");
  });

  it("greetings and thanks are not completed", () => {
    expect(read("thanks!", compared).intent).toBe("thanks");
    expect(read("hi", compared).intent).toBe("greeting");
  });
});

describe("the person's background", () => {
  it('"how do i become an ai engineer" from a software engineer reads as the transition', () => {
    expect(read("how do i become an ai engineer", emptyContext(), { from: "software-engineer" })).toMatchObject({ intent: "transition", from: "software-engineer", to: "ai-engineer" });
  });

  it("without a from-role, or towards the role they already have, it stays a path", () => {
    expect(read("how do i become an ai engineer", emptyContext())).toMatchObject({ intent: "learning-path", roles: ["ai-engineer"] });
    expect(read("how do i become an ml engineer", emptyContext(), { from: "ml-engineer" })).toMatchObject({ intent: "learning-path" });
  });
});
