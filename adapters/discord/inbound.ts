// Discord → core: who (actor) and where (address). A thread's address is its
// parent channel plus the thread, so a conversation started from a mention
// keeps its context when the follow-ups arrive inside the thread.
import type { Channel, User } from "discord.js";
import type { Actor, Address } from "../../src/core/events.ts";

export const PLATFORM = "discord" as const;

export function actorOf(user: User): Actor {
  return { id: user.id, name: user.globalName ?? user.username };
}

/** The person's DM with the bot: no workspace (their quiz and context there are the same from every server). */
export function dmAddress(channelId: string): Address {
  return { platform: PLATFORM, workspace: null, channel: channelId, thread: null, dm: true };
}

/** A place in a server; `threadId` when the conversation lives in a thread (existing or about to be started). */
export function guildAddress(guildId: string, channelId: string, threadId: string | null = null): Address {
  return { platform: PLATFORM, workspace: guildId, channel: channelId, thread: threadId, dm: false };
}

/** Where an interaction or message happened: a DM, a server channel, or a thread in one. */
export function addressOf(where: { guildId: string | null; channelId: string | null; channel: Channel | null }): Address {
  const channelId = where.channelId ?? "unknown";
  if (!where.guildId) return dmAddress(channelId);
  const ch = where.channel;
  if (ch?.isThread() && ch.parentId) return guildAddress(where.guildId, ch.parentId, ch.id);
  return guildAddress(where.guildId, channelId);
}

/** The message text without the bot's own mention ("<@id> which role fits me?" → "which role fits me?"). */
export function withoutMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/[ \t]{2,}/g, " ").trim();
}
