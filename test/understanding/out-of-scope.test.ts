// Off-topic is for off-topic. Measured on every labelled set: out-of-scope
// precision (a decline is right when given) and recall on clearly off-topic
// messages (code requests, homework, weather, jokes; other languages excluded,
// they get their own note). A career question the mentor cannot read gets
// "Did you mean …?", never the decline.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testCore, textOf } from "../helpers/core.ts";

const { understander, mentor } = testCore();
type Label = { q: string; intent: string | string[]; lang?: string };
const read = (path: string): Label[] => (existsSync(path) ? readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Label) : []);
const SETS = ["../shared/eval/dev-questions.jsonl", "../shared/eval/dev-extra.jsonl", "test/understanding/held-out.jsonl", "bench/understanding/fresh-2.jsonl", "test/understanding/oos-and-languages.jsonl"];

function outOfScopeScores(labels: Label[]) {
  // Commands typed as text are answered by the command parser, not the understanding step.
  const rows = labels.filter((l) => !l.q.startsWith("/") && !l.lang).map((l) => ({ oos: l.intent === "out-of-scope", said: understander.understand(l.q).intent === "out-of-scope" }));
  const said = rows.filter((r) => r.said);
  const offTopic = rows.filter((r) => r.oos);
  return { precision: said.filter((r) => r.oos).length / Math.max(said.length, 1), recall: offTopic.filter((r) => r.said).length / Math.max(offTopic.length, 1), n: offTopic.length };
}

describe("out-of-scope", () => {
  for (const path of SETS.filter(existsSync)) {
    it(`keeps precision >= 0.95 and recall >= 0.85 on ${path}`, () => {
      const s = outOfScopeScores(read(path));
      expect(s.n).toBeGreaterThan(0);
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.recall).toBeGreaterThanOrEqual(0.85);
    });
  }

  it("asks back on vague or elliptical career questions instead of declining", () => {
    for (const q of ["who gets paid better", "how do i become one", "do i need a masters for it", "ok so which should i pick", "what should i learn first", "any good books for that?", "any advice for a total beginner?"]) {
      const u = understander.understand(q);
      expect(u.intent, q).not.toBe("out-of-scope");
      expect(textOf(mentor.answerStateless(q).replies), q).not.toMatch(/outside what I can help with/);
    }
  });

  it("offers readings for the two core roles when a role question names none", () => {
    for (const q of ["how long would it take me realistically", "do i need a masters for it", "what should i learn first"]) {
      const t = mentor.answerStateless(q);
      const labels = t.replies.flatMap((r) => r.choices.map((c) => c.label));
      expect(textOf(t.replies), q).toMatch(/Did you mean/);
      expect(labels.some((l) => /ML engineer/.test(l)) && labels.some((l) => /AI engineer/.test(l)), `${q}: ${labels.join(" | ")}`).toBe(true);
    }
  });

  it("still declines a subject the mentor does not cover, even worded like a career question", () => {
    for (const q of ["what does a dentist earn", "how do i become a doctor", "how do i become a firefighter", "tell me a joke", "whats the weather like in berlin", "write me a bash script that renames files"]) {
      expect(understander.understand(q).intent, q).toBe("out-of-scope");
    }
  });

  it("does not start the quiz without a quiz word", () => {
    for (const q of ["can i do it without python? i only know go and java", "give me the python code for a linked list"]) expect(understander.understand(q).intent, q).not.toBe("quiz.start");
    expect(understander.understand("ok quiz me").intent).toBe("quiz.start");
  });
});
