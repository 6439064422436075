// "Which role fits me?" from a description, through the mentor: roles ranked by
// the words characteristic of each role's profile, the words quoted, the quiz
// offered; thin evidence is said to be thin instead of turned into a lean.
import { describe, expect, it } from "vitest";
import { testCore, message, textOf } from "../helpers/core.ts";
import { decodeAction } from "../../src/core/actions.ts";
import { createFitSearch } from "../../src/core/answers/fit.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { RoleId } from "../../src/knowledge/schema.ts";

const core = testCore();
const { mentor, kb } = core;
const say = async (text: string) => mentor.handle(message(text));
const lean = (text: string) => /first lean is ([A-Za-z ]+?)[,.]/.exec(text)?.[1];
const because = (text: string) => /From what you describe \(([^)]*)\)/.exec(text)?.[1]?.split(", ") ?? [];
const offersQuiz = (replies: Reply[]) => replies.some((r) => r.choices.some((c) => decodeAction(c.id)?.kind === "quiz"));
const short = (id: RoleId) => kb.role(id).short;

describe("fit from a description", () => {
  it("says the evidence is thin for a background with nothing about the work, and offers the quiz", async () => {
    const t = await say("I am working as QA tester since 4 years and want to change field, which role is good for me");
    expect(t.understanding!.intent).toBe("fit");
    const text = textOf(t.replies);
    expect(lean(text)).toBeUndefined();
    expect(text).toMatch(/not enough for me to lean/i);
    expect(offersQuiz(t.replies)).toBe(true);
  });

  it("ranks only the roles the person names, on the words that tell them apart", async () => {
    const t = await say("ML engineer or data scientist, which is better for someone who likes stats");
    expect(t.understanding).toMatchObject({ intent: "fit" });
    expect(new Set(t.understanding!.roles)).toEqual(new Set(["ml-engineer", "data-scientist"]));
    const text = textOf(t.replies);
    expect(lean(text)).toBe(short("data-scientist"));
    expect(because(text)).toEqual(["stats"]); // matched as "statistics", quoted as written
    expect(offersQuiz(t.replies)).toBe(true);
  });

  it("quotes the person's own words for a lean, and leans where the words point", async () => {
    const cases: [string, RoleId[]][] = [
      ["I love prompting LLMs and building chatbot products", ["ai-engineer"]],
      ["i like kubernetes and monitoring deployments, what fits", ["mlops-engineer", "ml-engineer"]],
      ["which role fits me if I enjoy math and reading papers?", ["research-scientist", "data-scientist"]],
      ["I love building data pipelines and making them reliable", ["data-engineer", "mlops-engineer"]],
    ];
    for (const [said, roles] of cases) {
      const text = textOf((await say(said)).replies);
      const name = lean(text);
      expect(roles.map(short), said).toContain(name);
      expect(because(text).length, said).toBeGreaterThan(0);
      for (const w of because(text)) expect(said.toLowerCase(), said).toContain(w);
    }
  });

  it("never counts role names or career-course words as evidence", () => {
    const search = createFitSearch(kb);
    const r = search("I have been a research scientist for 5 years and want to change field, which role fits me");
    expect(r.leans.flatMap((l) => l.because)).toEqual([]);
  });

  it("never counts words that weigh the options ('closer', 'easier', 'next step') as evidence", () => {
    expect(createFitSearch(kb)("which one is closer for me, or an easier next step").leans.flatMap((l) => l.because)).toEqual([]);
  });

  it("tells an empty 'which role fits me' from a thin description", () => {
    const search = createFitSearch(kb);
    expect(search("which role fits me?").described).toBe(false);
    expect(search("I work as a QA tester").described).toBe(true);
  });

  it("does not start the quiz on a skills question", async () => {
    const t = await say("can i do it without python? i only know go and java");
    expect(t.understanding!.intent).not.toBe("quiz.start");
    expect(textOf(t.replies)).not.toMatch(/Question 1/i);
  });

  it("answers first and keeps the details behind choices: the lean or the picks, one line on the quiz, no role summary", async () => {
    // A person who told no background (the QA tester above would get a line on their routes).
    const lean1 = (await mentor.handle(message("I love prompting LLMs and building chatbot products", { actor: { id: "no-background" } }))).replies[0]!;
    const text = textOf([lean1]);
    expect(text).not.toContain(kb.role("ai-engineer").summary);
    expect(lean1.choices.map((c) => c.id)).toContain("role:ai-engineer");
    expect(text.length).toBeLessThan(350);

    const two = (await say("should i be an ml engineer or a data scientist")).replies[0]!;
    const body = textOf([two]);
    // The first thing under the heading is the answer: which to pick when, not how the roles overlap.
    expect(body).not.toMatch(/overlap/);
    expect(body).not.toContain(kb.comparison(["ml-engineer", "data-scientist"])!.headline);
    expect(body).toMatch(/Pick ML engineer if/);
    expect(two.choices.some((c) => decodeAction(c.id)?.kind === "compare")).toBe(true);
    expect(offersQuiz([two])).toBe(true);
  });
});
