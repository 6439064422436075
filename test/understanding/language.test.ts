// Another language gets the English-only note; English never does. Every English
// line of every labelled set (the shared dev sets and dialogues, our held-out and
// bench sets, the languages set) is run: short chat ("who gets paid better",
// "ok quiz me") is where trigram detectors fail.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testCore } from "../helpers/core.ts";

const { understander, mentor } = testCore();
const lines = (path: string) => (existsSync(path) ? readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>) : []);

const SINGLE = ["../shared/eval/dev-questions.jsonl", "../shared/eval/dev-extra.jsonl", "test/understanding/held-out.jsonl", "bench/understanding/fresh-2.jsonl", "test/understanding/oos-and-languages.jsonl"];
const labelled = SINGLE.flatMap((f) => lines(f));
const english = [
  ...labelled.filter((l) => !l.lang).map((l) => String(l.q)),
  ...lines("../shared/eval/dev-conversations.jsonl").flatMap((d) => (d.turns as { say?: string }[]).map((t) => t.say).filter((s): s is string => typeof s === "string")),
];
const foreign = labelled.filter((l) => l.lang);

describe("language detection", () => {
  it("never calls an English line of the labelled sets foreign", () => {
    expect(english.length).toBeGreaterThan(800);
    const wrong = english.filter((q) => understander.understand(q).language !== null);
    expect(wrong).toEqual([]);
  });

  it("recognises every non-English line of the languages set, with its language", () => {
    expect(foreign.length).toBeGreaterThanOrEqual(20);
    const got = foreign.map((l) => ({ q: l.q, lang: understander.understand(String(l.q)).language }));
    expect(got.filter((g) => g.lang === null)).toEqual([]);
    // The language itself is a best guess; most should be right.
    const right = foreign.filter((l, i) => got[i]!.lang === l.lang).length;
    expect(right / foreign.length).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps short English chat that trips trigram detectors", () => {
    for (const q of ["who gets paid better", "ok quiz me", "and networking?", "mle tc?", "yes", "ok", "kk thx", "nah"]) expect(understander.understand(q).language, q).toBeNull();
  });

  it("reads the script: a two-letter greeting in Chinese or Hindi is not English", () => {
    expect(understander.understand("你好").language).toBe("cmn");
    expect(understander.understand("नमस्ते").language).toBe("hin");
    expect(understander.understand("こんにちは").language).toBe("jpn");
    expect(understander.understand("привет").language).toBe("rus");
  });

  it("answers another language with the English-only note", () => {
    const text = mentor.answerStateless("Comment devenir data scientist sans diplôme ?").replies.map((r) => JSON.stringify(r.blocks)).join(" ");
    expect(text).toMatch(/only speak English/);
  });
});
