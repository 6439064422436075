// reply() builds replies without the schema in production; these check that
// what it builds is exactly what the schema gives, and that bad input still fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRepliesAgainstSchema, reply, Reply, type BlockInput } from "../../src/core/reply.ts";

const same = (r: Reply, input: unknown) => expect(JSON.stringify(r)).toBe(JSON.stringify(Reply.parse(input)));

describe("reply() without the schema check (as in production)", () => {
  beforeAll(() => checkRepliesAgainstSchema(false));
  afterAll(() => checkRepliesAgainstSchema(true));

  it("gives the schema's output: key order, defaults, unknown keys dropped", () => {
    const blocks = [
      { text: "Hi", type: "heading" },
      { type: "text", text: "body", extra: 1 },
      { type: "quote", text: "q" },
      { type: "context", text: "c" },
      { items: ["a", "b"], type: "list", brief: ["a"], title: "T" },
      { type: "list", items: ["x"], ordered: true },
      { fields: [{ value: "v", label: "l", extra: 2 }], type: "fields" },
      { type: "fields", title: "F", fields: [{ label: "l", value: "v" }] },
      { type: "links", links: [{ url: "https://example.org/", label: "x" }] },
      { type: "bars", bars: [{ value: 40, label: "Data" }] },
    ] as BlockInput[];
    const choices = [{ label: "One", id: "a" }, { id: "a", label: "dup" }, { id: "b", label: "Two" }];
    for (const extra of [{}, { data: { kind: "x", n: 1 } }, { visibility: "private" as const, data: { z: 1, a: 2 } }]) {
      for (const n of [1, 4, blocks.length]) {
        const r = reply(blocks.slice(0, n), choices, extra);
        same(r, { blocks: blocks.slice(0, n), choices: [choices[0], choices[2]], ...extra });
      }
    }
  });

  it("still refuses what a platform would refuse", () => {
    expect(() => reply([])).toThrow();
    expect(() => reply([{ type: "text", text: "x" }], [{ id: "x".repeat(101), label: "too long" }])).toThrow();
    expect(() => reply([{ type: "text", text: "x" }], [{ id: "a", label: "" }])).toThrow();
    expect(() => reply([{ type: "list", items: [] }])).toThrow();
    expect(() => reply([{ type: "links", links: [{ label: "x", url: "not a url" }] }])).toThrow();
    expect(() => reply([{ type: "bars", bars: [{ label: "x", value: 101 }] }])).toThrow();
  });
});
