// Which messages the decoder answers without a command.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { createDecoder } from "../../src/decoder/decode.ts";
import { looksLikePosting, titleQuestion } from "../../src/decoder/detect.ts";
import { tuning } from "./fixtures.ts";

const decoder = createDecoder(loadKnowledge("knowledge"));

describe("looksLikePosting", () => {
  it("recognises the long real postings", () => {
    const long = tuning().filter((p) => p.text.length >= 1200);
    expect(long.length).toBeGreaterThan(10);
    const missed = long.filter((p) => !looksLikePosting(p.text)).map((p) => p.id);
    expect(missed).toEqual([]);
  });

  it("never takes a development-set question for a posting", () => {
    const questions = readFileSync("../shared/eval/dev-questions.jsonl", "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q);
    expect(questions.filter(looksLikePosting)).toEqual([]);
  });
});

describe("titleQuestion", () => {
  it.each([
    ["what is an applied scientist?", "applied-scientist", []],
    ["is a forward deployed engineer an AI engineer?", "forward-deployed-engineer", ["ai-engineer"]],
    ["What does an analytics engineer do", "analytics-engineer", []],
  ])("%s", (q, id, asked) => {
    const t = titleQuestion(decoder.titles, q);
    expect(t?.title.id).toBe(id);
    expect(t?.asked).toEqual(asked);
  });

  it("leaves fields, statements and role aliases alone", () => {
    expect(titleQuestion(decoder.titles, "what is prompt engineering exactly")).toBeUndefined();
    expect(titleQuestion(decoder.titles, "I work as an analytics engineer and love it")).toBeUndefined();
    expect(titleQuestion(decoder.titles, "what does an LLM engineer do?")).toBeUndefined();
  });
});
