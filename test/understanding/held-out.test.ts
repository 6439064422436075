// Understanding scored on the held-out set (written before tuning, never tuned on),
// with the same rules as ../shared/eval/score-ask.py: the frame must match.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testCore } from "../helpers/core.ts";

interface Label { q: string; intent: string | string[]; roles?: (string | null)[]; aspect?: string | null | (string | null)[]; term?: string | string[]; from?: string; to?: string; lenient_roles?: boolean }
const asList = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);

export function fullMatch(labels: Label[], understand: (q: string) => Record<string, unknown>): { score: number; misses: string[] } {
  const misses: string[] = [];
  for (const lab of labels) {
    const out = understand(lab.q);
    let ok = asList(lab.intent).includes(out.intent as string);
    if (lab.roles && !lab.lenient_roles) {
      const want = lab.roles.filter((r): r is string => r !== null);
      const got = new Set(out.roles as string[]);
      ok &&= lab.roles.includes(null) ? [...got].every((r) => want.includes(r)) : got.size === want.length && want.every((r) => got.has(r));
    }
    if ("aspect" in lab) ok &&= asList(lab.aspect).includes(out.aspect as string | null);
    if ("term" in lab) ok &&= asList(lab.term).includes(out.term as string);
    if ("from" in lab && !lab.lenient_roles) ok &&= out.from === lab.from && out.to === lab.to;
    if (!ok) misses.push(lab.q);
  }
  return { score: 1 - misses.length / labels.length, misses };
}

const read = (path: string) => readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);

describe("understanding on labelled sets", () => {
  const { understander } = testCore();
  const understand = (q: string) => understander.understand(q) as unknown as Record<string, unknown>;

  it("reaches full match >= 0.85 on the held-out set", () => {
    const labels = read("test/understanding/held-out.jsonl");
    expect(labels.length).toBeGreaterThanOrEqual(200);
    expect(fullMatch(labels, understand).score).toBeGreaterThanOrEqual(0.85);
  });

  it("reaches full match >= 0.92 on the chat-style set fresh-3 (typos, slang, moves told in people's own words)", () => {
    const labels = read("test/understanding/fresh-3.jsonl");
    expect(labels.length).toBeGreaterThanOrEqual(120);
    const { score, misses } = fullMatch(labels, understand);
    expect(score, misses.join(" | ")).toBeGreaterThanOrEqual(0.92);
  });

  it("keeps out-of-scope precision >= 0.90 on the held-out set", () => {
    const labels = read("test/understanding/held-out.jsonl");
    const said = labels.filter((l) => understand(l.q).intent === "out-of-scope");
    const right = said.filter((l) => l.intent === "out-of-scope");
    expect(said.length).toBeGreaterThan(0);
    expect(right.length / said.length).toBeGreaterThanOrEqual(0.9);
  });
});
