// The facts corrected in issue 9, asked the way people ask them, through the
// real mentor (real knowledge base, real understanding): who a claim belongs
// to, what LinkedIn's combined title can and cannot say, dated tools, and
// glossary terms that are not someone else's alias.
import { describe, expect, it } from "vitest";
import type { Turn } from "../../src/core/mentor.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();

/** The first view and, when offered, the full view one click away. */
async function everything(text: string): Promise<{ turn: Turn; all: string }> {
  const turn = await conversation(mentor).say(text);
  const full = answer(turn).choices.find((c) => c.id.startsWith("view:full:"));
  const all = plain(turn) + (full ? `\n${plain(await conversation(mentor).choose(full.id))}` : "");
  return { turn, all };
}

describe("claims of the reference page are the page's, labelled, and a range is not a median", () => {
  it.each(["what does an ML engineer earn?", "ai engineer salary in the US"])("%s", async (q) => {
    const { all } = await everything(q);
    // Figure lines read "value: label (region; source, date)".
    const claims = all.split("\n").filter((l) => /\$1[57]0,000–\$2[05]0,000: /.test(l));
    expect(claims.length).toBeGreaterThan(0);
    for (const line of claims) {
      expect(line).toMatch(/claimed by Reference summary page/);
      expect(line).toMatch(/uncorroborated/i);
      expect(line).not.toMatch(/Towards Data Science article 'Machine/);
      expect(line.split(" (US;")[0]).not.toMatch(/median/i);
    }
    // The measured proxy comes first, named as a proxy.
    expect(all).toMatch(/\$112,590: Proxy only/);
  });

  it("no salary figure rests on one city's pay", () => {
    for (const id of ["ml-engineer", "ai-engineer"] as const)
      for (const f of kb.role(id).aspects.salary!.figures) expect(f.region, f.label).toBe("US");
  });
});

describe("LinkedIn's combined title ranks neither role above the other", () => {
  it.each([
    ["is ML engineer demand strong?", "ml-engineer"],
    ["is there demand for AI engineers", "ai-engineer"],
  ] as const)("%s", async (q, role) => {
    const { turn, all } = await everything(q);
    expect(turn.understanding).toMatchObject({ roles: [role], aspect: "demand" });
    expect(all).toMatch(/also known as machine learning engineer|counts ML engineers within/i);
    expect(all).toMatch(/cannot (say|rank)|no lead over|rather than one beating the other/i);
    expect(all).not.toMatch(/even faster growth than|stronger than (ML|AI)/i);
  });

  it("MLOps demand names no rank borrowed from another title, and no text is cut at '#'", async () => {
    const { all } = await everything("what is the demand for mlops engineers?");
    expect(all).not.toMatch(/#2/);
    expect(all).toMatch(/MLOps among the top skills of a neighbouring title/);
  });

  it("the AI engineer answer does not call it 'rarely a first job' next to LinkedIn's entry-level finding", async () => {
    const { all } = await everything("are there junior ai engineer jobs?");
    expect(all).not.toMatch(/rarely a first job/i);
    const demand = [kb.role("ai-engineer").aspects.demand!].flatMap((s) => [s.summary, ...s.points, ...s.groups.flatMap((g) => g.points)]).join(" ");
    expect(demand).toMatch(/career starters/);
    expect(demand).toMatch(/3\.7 years/);
  });
});

describe("tools are current", () => {
  it.each(["is autogen still maintained", "what is langgraph"])("%s names AutoGen's maintenance mode and its successor", async (q) => {
    const { turn, all } = await everything(q);
    expect(turn.understanding).toMatchObject({ intent: "glossary", term: "agent-framework" });
    expect(all).toMatch(/maintenance mode/);
    expect(all).toMatch(/Microsoft Agent Framework/);
    expect(all).toMatch(/LangGraph/);
  });

  it("AI engineer applications no longer include logistics drones", () => {
    expect(JSON.stringify(kb.role("ai-engineer").aspects.applications)).not.toMatch(/drone/i);
  });

  it("the PyTorch edition of Hands-On Machine Learning is offered, and the TensorFlow one says what it is", () => {
    expect(kb.resource("handson-mlp")?.title).toMatch(/Scikit-Learn and PyTorch/);
    expect(kb.resource("handson-ml3")?.title).toMatch(/Keras and TensorFlow/);
  });
});

describe("glossary terms are their own entries, not another term's alias", () => {
  it.each([
    ["what is function calling?", "function-calling"],
    ["how does tool calling work in LLMs", "function-calling"],
    ["what's context engineering", "context-engineering"],
    ["what is DPO", "dpo"],
    ["explain PEFT to me", "peft"],
    ["what is cross-validation", "model-validation"],
    ["what is model evaluation", "model-validation"],
    ["what are llm evals", "evals"],
  ])("%s → %s", async (q, term) => {
    const { turn } = await everything(q);
    expect(turn.understanding).toMatchObject({ intent: "glossary", term });
  });

  it("drift can be abrupt, and the data engineering lifecycle includes transformation", () => {
    expect(kb.term("model-drift")!.definition).toMatch(/abrupt/);
    const focus = kb.role("data-engineer").aspects.focus!.points.join(" ");
    expect(focus).toMatch(/ingestion to transformation and serving/);
  });
});

describe("one combined title, one answer", () => {
  it("'AI/ML engineer' and 'ML/AI engineer' resolve to the same role", async () => {
    const a = await conversation(mentor).say("what does an ai/ml engineer do");
    const b = await conversation(mentor).say("what does an ml/ai engineer do");
    expect(a.understanding!.roles).toEqual(b.understanding!.roles);
    expect(a.understanding!.roles).toHaveLength(1);
  });
});
