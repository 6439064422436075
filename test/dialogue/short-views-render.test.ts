// The chat-sized first views on Discord and Slack: a comparison keeps its roles
// side by side (inline embed fields, Block Kit section fields), the short
// Sources line is small print, and the depth choices are buttons.
import { describe, expect, it } from "vitest";
import { encodeAction } from "../../src/core/actions.ts";
import { renderReply as discord } from "../../adapters/discord/render.ts";
import { renderReply as slack } from "../../adapters/slack/render.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();
const firstView = async () => answer(await conversation(mentor).choose(encodeAction({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] })));

describe("short views on the platforms", () => {
  it("Discord: one embed, the two roles as inline fields, sources in the footer, depth as buttons", async () => {
    const r = await firstView();
    const messages = discord(r);
    expect(messages).toHaveLength(1);
    const embeds = messages[0]!.embeds ?? [];
    const fields = embeds.flatMap((e) => e.fields ?? []).filter((f) => f.inline && f.name !== "\u200b");
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining([kb.role("ml-engineer").short, kb.role("ai-engineer").short].map((n) => expect.stringContaining(n))));
    expect(embeds.some((e) => e.footer?.text.includes("more under Sources"))).toBe(true);
    const labels = JSON.stringify(messages[0]!.components ?? []);
    expect(labels).toContain("Full comparison");
    expect(labels).toContain("Sources");
  });

  it("Slack: the roles as section fields side by side, sources as a context block, depth as buttons", async () => {
    const r = await firstView();
    const [m] = slack(r);
    const blocks = m!.blocks as { type: string; fields?: { text: string }[]; elements?: { text?: string }[] }[];
    const row = blocks.find((b) => b.type === "section" && (b.fields?.length ?? 0) === 2);
    expect(row?.fields?.[0]?.text).toContain(kb.role("ml-engineer").short);
    expect(blocks.some((b) => b.type === "context" && b.elements?.some((e) => e.text?.includes("more under Sources")))).toBe(true);
    expect(JSON.stringify(blocks.filter((b) => b.type === "actions"))).toContain("Full comparison");
  });
});
