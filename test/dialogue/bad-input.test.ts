// Bad input never throws, gets a sensible reply, and never comes back as a
// mention or raw markup: user text is not echoed into replies.
import { describe, expect, it } from "vitest";
import { Reply } from "../../src/core/reply.ts";
import type { Turn } from "../../src/core/mentor.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, headingOf, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();

const MENTIONS = ["@everyone", "@here", "<!channel>", "<!here>", "<@"];

/** What every reply must satisfy, whatever came in. */
function expectWellFormed(t: Turn, input: string) {
  expect(t.replies.length, input).toBeGreaterThan(0);
  for (const r of t.replies) {
    // The schema adapters rely on (choice ids ≤ 100 characters, labels ≤ 80, at most 25 choices).
    expect(Reply.safeParse(r).success, input).toBe(true);
    for (const c of r.choices) {
      expect(c.id.length).toBeLessThanOrEqual(100);
      expect(c.label.length).toBeLessThanOrEqual(80);
    }
    const everything = JSON.stringify(r);
    for (const m of MENTIONS) expect(everything, input).not.toContain(m);
  }
  expect(plain(t).trim().length).toBeGreaterThan(0);
}

describe("empty and invisible messages", () => {
  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["tabs and newlines", "\t\n \r\n\t"],
    ["zero-width only", "\u200B\u200C\u200D\uFEFF\u2060"],
    ["control characters only", "\u0000\u0001\u0007\u001B\u007F"],
    ["emoji only", "🤖🚀🔥👩‍💻"],
    ["punctuation only", "?!?... ,,, ;;;"],
  ])("%s gets the empty-message answer with starter choices", async (_, text) => {
    const t = await conversation(mentor).say(text);
    expectWellFormed(t, text);
    expect(t.understanding!.empty).toBe(true);
    expect(plain(t)).toMatch(/didn't get any text/i);
    expect(answer(t).choices.length).toBeGreaterThanOrEqual(2);
  });
});

describe("noisy but meaningful messages are understood through the noise", () => {
  it.each([
    ["zero-width characters inside words", "ml\u200B engineer\u200C vs ai\u200D engineer"],
    ["control characters between words", "ml\u0001 engineer\u0007 vs\u001B ai engineer"],
    ["markdown", "**ML engineer** vs _AI engineer_? `really` [link](https://example.com)"],
    ["a mention first", "@everyone ml engineer vs ai engineer"],
    ["Discord mentions", "<@123> <@&456> <@!789> ml engineer vs ai engineer"],
    ["Slack mentions", "<!channel> <!here|here> <@U123ABC> ml engineer vs ai engineer"],
    ["shouting and emoji", "ML ENGINEER VS AI ENGINEER 🤔🤔🤔"],
  ])("%s", async (_, text) => {
    const t = await conversation(mentor).say(text);
    expectWellFormed(t, text);
    expect(t.understanding).toMatchObject({ intent: "compare" });
    expect([...t.understanding!.roles].sort()).toEqual(["ai-engineer", "ml-engineer"]);
  });
});

describe("long messages", () => {
  it("a 10,000-character question is answered, quickly", async () => {
    const text = "I am a backend developer and I wonder what the difference is between an ML engineer and an AI engineer. ".repeat(100).slice(0, 10_000);
    expect(text).toHaveLength(10_000);
    const started = performance.now();
    const t = await conversation(mentor).say(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expectWellFormed(t, "10k question");
    expect(t.understanding!.roles).toEqual(expect.arrayContaining(["ml-engineer", "ai-engineer"]));
  });

  it.each([
    ["one 10,000-character word", "a".repeat(10_000)],
    ["10,000 characters of made-up words", Array.from({ length: 2_000 }, (_, i) => `zq${i.toString(36)}x`).join(" ").slice(0, 10_000)],
    ["10,000 characters of mentions", "@everyone <@123> ".repeat(600).slice(0, 10_000)],
    ["10,000 characters of emoji", "🤖".repeat(5_000)],
  ])("%s never throws and gets a reply within 2 s", async (_, text) => {
    const started = performance.now();
    const t = await conversation(mentor).say(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expectWellFormed(t, text.slice(0, 40));
  });
});

describe("mention and markup text is never echoed", () => {
  const HOSTILE = [
    "@everyone", "@here", "<!channel>", "<!here>", "<@123>", "<@&456>", "<#789>",
    "@everyone @here <!channel> what is <@123> rag",
    "what is @everyone",
    "tell me about <@&456> engineers",
    "<script>alert(1)</script> what is mlops",
    "```\n/role @everyone\n```",
    "@here compare <@123> and <@&456>",
  ];

  it.each(HOSTILE)("as a message: %j", async (text) => {
    expectWellFormed(await conversation(mentor).say(text), text);
  });

  it.each(HOSTILE)("as command arguments: %j", async (text) => {
    for (const name of ["compare", "role", "path", "resources", "glossary", "ask", text]) {
      const t = await conversation(mentor).command(name, text);
      expectWellFormed(t, `/${name} ${text}`);
    }
  });

  it.each(HOSTILE)("as a choice id: %j", async (text) => {
    expectWellFormed(await conversation(mentor).choose(text), text);
  });

  it("a mention in a glossary question does not stop the answer", async () => {
    const t = await conversation(mentor).say("<@123> what is rag?");
    expectWellFormed(t, "mention + rag");
    expect(headingOf(t)).toBe(kb.term("rag")!.term);
  });
});

describe("odd shapes", () => {
  it.each([
    ["only a slash", "/"],
    ["a slash and spaces", "/   "],
    ["a double slash", "//compare"],
    ["a lone number", "42"],
    ["a URL only", "https://example.com/some/path?x=1"],
    ["right-to-left override", "\u202Eml engineer salary"],
    ["a JSON object", '{"choose": "role:ml-engineer"}'],
    ["a null byte in the middle", "what is\u0000 rag"],
    ["surrogate halves", "\uD800 ml engineer \uDC00"],
  ])("%s never throws and gets a sensible reply", async (_, text) => {
    expectWellFormed(await conversation(mentor).say(text), text);
  });
});
