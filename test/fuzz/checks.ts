// What every fuzzed turn must satisfy, whatever went in: the replies are
// valid, every platform can send them as rendered, and nothing in them pings.
import { expect } from "vitest";
import { Reply } from "../../src/core/reply.ts";
import type { Turn } from "../../src/core/mentor.ts";
import { renderReply as renderDiscord } from "../../adapters/discord/render.ts";
import { limitProblems } from "../../adapters/discord/limits.ts";
import { renderReply as renderSlack } from "../../adapters/slack/render.ts";
import { blockKitProblems } from "../slack/fakes/block-kit-limits.ts";
import { wireLimitErrors } from "../discord/fakes/discord-limits.ts";

/** Discord text that would ping or render as a mention: @everyone/@here, <@id>, <@!id>, <@&id>, <#id>. */
const DISCORD_PING = /@(everyone|here)|<[@#]/i;
/** Slack control sequences that ping or render as mentions: <!here>, <!channel>, <@U…>, <#C…>, <!subteam^…>. */
const SLACK_PING = /<[!@#]/;

/** Every string inside a JSON value (keys excluded), for scanning what a platform would show. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "custom_id" && k !== "action_id" && k !== "url") strings(x, out);
  return out;
}

/** The mrkdwn texts of Slack blocks (plain_text, e.g. button labels, never renders a mention). */
function mrkdwnTexts(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) mrkdwnTexts(x, out);
  else if (v && typeof v === "object") {
    const o = v as { type?: unknown; text?: unknown };
    if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
    for (const x of Object.values(v)) if (typeof x === "object") mrkdwnTexts(x, out);
  }
  return out;
}

export function expectSendable(turn: Turn, what: string): void {
  for (const r of turn.replies) {
    const parsed = Reply.safeParse(r);
    expect(parsed.success, what).toBe(true);
    // reply() builds replies without the schema in production: they must be exactly the schema's output.
    expect(JSON.stringify(r), what).toBe(JSON.stringify(parsed.data));
    for (const m of renderDiscord(r)) {
      expect(limitProblems(m), what).toEqual([]);
      expect(wireLimitErrors(JSON.parse(JSON.stringify(m)) as never), what).toEqual([]);
      expect(m.allowedMentions.parse, what).toEqual([]);
      // Button labels are plain text on Discord (never parsed for mentions); content and embeds are.
      for (const s of strings({ content: m.content, embeds: m.embeds })) expect(s, what).not.toMatch(DISCORD_PING);
    }
    for (const m of renderSlack(r)) {
      expect(blockKitProblems(m), what).toEqual([]);
      // Slack's own links (<https://…|label>, <slack://…>) are fine; anything starting <!, <@ or <# is not.
      for (const s of [m.text, ...mrkdwnTexts(m.blocks)]) expect(s, what).not.toMatch(SLACK_PING);
    }
  }
}
