// Free typed answers on the 5-point scale, checked against phrases written before the mapping.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTypedAnswer } from "../../src/quiz/typed-answer.ts";

const scale = ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"];
const fixture = JSON.parse(readFileSync(new URL("./fixtures/typed-phrases.json", import.meta.url), "utf8")) as { phrases: { text: string; expect: number | "ask" | "none" }[] };

const expected = (e: number | "ask" | "none") => (e === "ask" ? { kind: "unclear" } : e === "none" ? undefined : { kind: "option", index: e });

describe("typed answers in the person's own words", () => {
  it("has at least 40 phrases covering every scale point, ask-back and not-an-answer", () => {
    expect(fixture.phrases.length).toBeGreaterThanOrEqual(40);
    for (const e of [0, 1, 2, 3, 4, "ask", "none"]) expect(fixture.phrases.some((p) => p.expect === e)).toBe(true);
  });

  for (const p of fixture.phrases) {
    it(`reads ${JSON.stringify(p.text)} as ${p.expect}`, () => {
      expect(readTypedAnswer(p.text, scale, { scale: true })).toEqual(expected(p.expect));
    });
  }

  it("reads free words only on the scale, never on a scenario's options", () => {
    expect(readTypedAnswer("love it", ["The model itself", "The system around the model"])).toBeUndefined();
  });
});
