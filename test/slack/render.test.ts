// The renderer on its own: Block Kit shapes, escaping, and splitting of
// replies far larger than anything the knowledge base has today.
import { describe, expect, it } from "vitest";
import { reply, type BlockInput } from "../../src/core/reply.ts";
import { renderReply, splitText } from "../../adapters/slack/render.ts";
import { fromSlackText, slackEscape } from "../../adapters/slack/escape.ts";
import { blockKitProblems } from "./fakes/block-kit-limits.ts";
import { blocksText } from "./slack-text.ts";

const words = (n: number, w = "word") => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");

describe("Block Kit shapes", () => {
  it("heading → header, fields → section fields with the row title, context → context, choices → buttons", () => {
    const [m] = renderReply(reply([
      { type: "heading", text: "ML engineer vs AI engineer" },
      { type: "fields", title: "Focus", fields: [{ label: "ML engineer", value: "Models in production" }, { label: "AI engineer", value: "Products on foundation models" }] },
      { type: "context", text: "Sources: somewhere (2025)" },
    ], [{ id: "quiz:start", label: "Take the quiz" }]));
    expect(m!.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "ML engineer vs AI engineer", emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: "*Focus*" }, fields: [{ type: "mrkdwn", text: "*ML engineer*\nModels in production" }, { type: "mrkdwn", text: "*AI engineer*\nProducts on foundation models" }] },
      { type: "context", elements: [{ type: "mrkdwn", text: "Sources: somewhere (2025)" }] },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Take the quiz", emoji: true }, action_id: "quiz:start", value: "quiz:start" }] },
    ]);
    expect(m!.text).toBe("== ML engineer vs AI engineer ==\n\nFocus:\n  - ML engineer: Models in production\n  - AI engineer: Products on foundation models\n\n(Sources: somewhere (2025))\n\n[1] Take the quiz");
  });

  it("lists, links and bars are mrkdwn sections; links keep their URL intact", () => {
    const [m] = renderReply(reply([
      { type: "list", title: "Steps", ordered: true, items: ["Python", "Statistics & ML"] },
      { type: "links", links: [{ label: "Course <1>", url: "https://example.com/a?b=1&c=2", note: "free" }] },
      { type: "bars", title: "Scores", bars: [{ label: "ML engineer", value: 72 }] },
    ]));
    const text = blocksText(m!.blocks);
    expect(text).toContain("*Steps*\n1. Python\n2. Statistics &amp; ML");
    expect(text).toContain("• <https://example.com/a?b=1&amp;c=2|Course &lt;1&gt;> — free");
    expect(text).toContain("*Scores*\n`██████████████░░░░░░` 72  ML engineer");
    expect(blockKitProblems(m!)).toEqual([]);
  });
});

describe("splitting", () => {
  it("splitText keeps every piece within the limit, loses nothing and never cuts an entity", () => {
    const text = `${words(400)}\n\n${words(300, "line")}\n${"x".repeat(5000)}&amp;${"y".repeat(10)}`;
    const parts = splitText(text, 1000);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1000);
    expect(parts.join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
    expect(parts.some((p) => p.includes("&amp;"))).toBe(true);
    for (const p of parts) expect(p).not.toMatch(/&a?m?p?$/);
  });

  it("an oversized reply becomes several messages, each within every limit, buttons on the last", () => {
    const blocks: BlockInput[] = [
      { type: "heading", text: `A heading far too long for a header: ${words(40)}` },
      { type: "text", text: words(1500) },
      { type: "fields", title: "Row", fields: Array.from({ length: 14 }, (_, i) => ({ label: `Role ${i}`, value: i === 3 ? words(400) : `value ${i}` })) },
      { type: "list", title: "Many", items: Array.from({ length: 150 }, (_, i) => `item ${i} ${words(12)}`) },
      { type: "context", text: words(900) },
      ...Array.from({ length: 60 }, (_, i): BlockInput => ({ type: "text", text: `paragraph ${i}` })),
    ];
    const choices = Array.from({ length: 25 }, (_, i) => ({ id: `role:ml-engineer:${i}`, label: `${"A very long button label".padEnd(78, ".")}${i}` }));
    const r = reply(blocks, choices);
    const messages = renderReply(r);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(blockKitProblems(m)).toEqual([]);
      expect(m.text.length).toBeGreaterThan(0);
    }
    const actions = messages.map((m) => m.blocks.filter((b) => b.type === "actions").length);
    expect(actions.slice(0, -1).every((n) => n === 0)).toBe(true);
    expect(actions[actions.length - 1]).toBe(1);
    const all = messages.map((m) => blocksText(m.blocks)).join("\n").replace(/\s+/g, " ");
    for (const piece of ["paragraph 59", "item 149", "Role 13", words(400).slice(-40), "A heading far too long"]) expect(all).toContain(piece);
    // Long labels are shortened to Slack's 75 characters, ids untouched.
    const last = messages[messages.length - 1]!.blocks.find((b) => b.type === "actions") as { elements: { text: { text: string }; action_id: string }[] };
    expect(last.elements.every((e) => e.text.text.length <= 75 && e.text.text.endsWith("…"))).toBe(true);
    expect(last.elements.map((e) => e.action_id)).toEqual(choices.map((c) => c.id));
  });

  it("a header is never left alone at the end of a message", () => {
    const blocks: BlockInput[] = [...Array.from({ length: 49 }, (_, i): BlockInput => ({ type: "text", text: `t${i}` })), { type: "heading", text: "Next part" }, { type: "text", text: "its body" }];
    const messages = renderReply(reply(blocks));
    expect(messages).toHaveLength(2);
    expect(messages[0]!.blocks[messages[0]!.blocks.length - 1]!.type).not.toBe("header");
    expect(messages[1]!.blocks[0]!.type).toBe("header");
  });
});

describe("escaping", () => {
  it("escapes &, < and > and nothing else", () => {
    expect(slackEscape(`<!channel> <@U123> & "quotes" 'x' é`)).toBe(`&lt;!channel&gt; &lt;@U123&gt; &amp; "quotes" 'x' é`);
  });

  it("turns Slack's inbound markup into the plain words a person typed", () => {
    expect(fromSlackText("<@UBOT> what about <@U2|ada> in <#C1|general>? &lt;b&gt; &amp; <https://x.io|this> <!here>", "UBOT")).toBe("what about @ada in #general? <b> & this @here");
  });
});
