import { describe, expect, it } from "vitest";
import { readTypedAnswer } from "../../src/quiz/typed-answer.ts";

const scale = ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"];

describe("typed quiz answers", () => {
  it("reads numbers and letters in the shown order", () => {
    expect(readTypedAnswer("2", scale)).toEqual({ kind: "option", index: 1 });
    expect(readTypedAnswer(" 5 ", scale)).toEqual({ kind: "option", index: 4 });
    expect(readTypedAnswer("b", scale)).toEqual({ kind: "option", index: 1 });
    expect(readTypedAnswer("E)", scale)).toEqual({ kind: "option", index: 4 });
    expect(readTypedAnswer("9", scale)).toBeUndefined();
  });

  it("prefers an exact label, so 'like' never picks 'dislike'", () => {
    expect(readTypedAnswer("like", scale)).toEqual({ kind: "option", index: 3 });
    expect(readTypedAnswer("Dislike!", scale)).toEqual({ kind: "option", index: 1 });
    expect(readTypedAnswer("strongly like", scale)).toEqual({ kind: "option", index: 4 });
  });

  it("accepts an unambiguous part of a label and refuses an ambiguous one", () => {
    const options = ["The model itself", "The system around the model"];
    expect(readTypedAnswer("system around", options)).toEqual({ kind: "option", index: 1 });
    expect(readTypedAnswer("itself", options)).toEqual({ kind: "option", index: 0 });
    expect(readTypedAnswer("model", options)).toBeUndefined();
    expect(readTypedAnswer("strongly", scale)).toBeUndefined();
  });

  it("knows the navigation words", () => {
    for (const [text, nav] of [["back", "back"], ["Skip", "skip"], ["restart", "restart"], ["quit", "quit"], ["stop", "quit"]] as const)
      expect(readTypedAnswer(text, scale)).toEqual({ kind: "nav", nav });
  });

  it("leaves anything else to the mentor", () => {
    expect(readTypedAnswer("what is rag?", scale)).toBeUndefined();
    expect(readTypedAnswer("", scale)).toBeUndefined();
    expect(readTypedAnswer("🙂", scale)).toBeUndefined();
  });
});
