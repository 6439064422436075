// kb:check's item-bank rules: they pass on the real bank and catch each kind of break.
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { checkQuizRules, ADJACENT_ROLES } from "../../src/knowledge/quiz-rules.ts";
import type { KnowledgeParts } from "../../src/knowledge/knowledge-base.ts";
import type { Quiz } from "../../src/knowledge/schema.ts";

const kb = loadKnowledge("knowledge");
function problems(edit: (q: Quiz) => void): string[] {
  const quiz = structuredClone(kb.quiz);
  edit(quiz);
  const out: string[] = [];
  checkQuizRules({ ...(kb as KnowledgeParts), quiz }, (_f, path, message) => out.push(`${path}: ${message}`));
  return out;
}

describe("item bank rules", () => {
  it("the real bank passes", () => expect(problems(() => {})).toEqual([]));

  it("refuses a long item, two activities in one, and a speed or reach cue", () => {
    const found = problems((q) => {
      const [a, b, c] = q.items.filter((i) => i.type === "rating");
      a!.text = "Spending a whole week getting a few more points of accuracy out of a model";
      b!.text = "Designing an A/B test and explaining its result";
      c!.text = "Turning an idea into a demo within days";
    });
    expect(found.some((p) => /words: items and options are short/.test(p))).toBe(true);
    expect(found.some((p) => /joins two activities/.test(p))).toBe(true);
    expect(found.some((p) => /speed, reach or prestige/.test(p))).toBe(true);
  });

  it("refuses an adjacent role measured by too few items, so one answer could carry it", () => {
    const found = problems((q) => {
      q.items = q.items.filter((i) => !(i.type === "rating" && (i.weights["data-engineer"] ?? 0) >= 1 && i.id !== "pipelines"));
    });
    expect(found.some((p) => /'data-engineer' is measured by \d items/.test(p))).toBe(true);
    expect(ADJACENT_ROLES).toContain("data-engineer");
  });

  it("refuses brands in place of activities (a toolset tie-breaker)", () => {
    const found = problems((q) => {
      const t = q.tiebreakers[1]!;
      if (t.type === "choice") { t.options[0]!.label = "scikit-learn, PyTorch and MLflow"; t.options[1]!.label = "Hugging Face Transformers, LangChain and AutoGen"; }
    });
    expect(found.filter((p) => /names a product or brand/.test(p))).toHaveLength(2);
  });

  it("refuses unbalanced tie-breakers and a background skip naming no real step", () => {
    const found = problems((q) => {
      const t = q.tiebreakers[0]!;
      if (t.type === "choice") t.options[0]!.weights = { "ml-engineer": 3 };
      q.background.options.find((o) => o.id === "software")!.skip["ai-engineer"] = ["Learn to code"];
    });
    expect(found.some((p) => /tiebreakers: ML engineer can reach/.test(p))).toBe(true);
    expect(found.some((p) => /'Learn to code' is not a step/.test(p))).toBe(true);
  });

  it("keeps the evidence rule meaningful: more items than the evidence it needs", () => {
    expect(problems((q) => { q.also_strong.min_items = q.also_strong.min_evidence; })).toContainEqual(expect.stringMatching(/must exceed min_evidence/));
  });
});
