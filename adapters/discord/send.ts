// Delivering core replies: into an interaction (its deferred original, then
// follow-ups), into a channel or DM, or as a reply to a message. Personal
// replies never appear in public: in a server they go out ephemeral.
import { MessageFlags, type Client, type Message, type MessageCreateOptions, type RepliableInteraction } from "discord.js";
import { reply, type Reply } from "../../src/core/reply.ts";
import { shareTarget } from "../../src/quiz/share.ts";
import { renderReply, type DiscordMessage } from "./render.ts";
import { DiscordCode, hasCode } from "./errors.ts";
import type { OnDelivered } from "./delivered.ts";

export interface InteractionMode {
  /** The interaction was deferred ephemeral, or the clicked message is ephemeral. */
  ephemeral: boolean;
  /** Acknowledged with deferUpdate: the original is the clicked message, edited in place. */
  inPlace?: boolean;
}

/** Interactions whose original response now shows an answer (so it must not be deleted on error). */
const filled = new WeakSet<RepliableInteraction>();
export const originalFilled = (i: RepliableInteraction) => filled.has(i);

export async function editOriginal(i: RepliableInteraction, m: DiscordMessage): Promise<void> {
  await i.editReply(m);
  filled.add(i);
}

/**
 * Send the replies of one turn after the interaction was deferred. The first
 * message fills the original response (or replaces the clicked message); the
 * rest are follow-ups. A personal reply after a public deferral becomes an
 * ephemeral follow-up, and an unused public placeholder is deleted.
 * `onDelivered` hears of each reply once all its messages went out.
 */
export async function answerInteraction(i: RepliableInteraction, replies: Reply[], mode: InteractionMode, onDelivered?: OnDelivered): Promise<void> {
  const inServer = i.inGuild();
  let originalUsed = false;
  for (const shown of replies) {
    const to = shareTarget(shown);
    const r = to ? await shareToChannel(i.client, to, shown) : shown;
    const personal = inServer && r.visibility === "private" && !mode.ephemeral;
    for (const m of renderReply(r)) {
      if (!originalUsed && !personal) {
        await editOriginal(i, m);
        originalUsed = true;
      } else {
        await i.followUp(mode.ephemeral || personal ? { ...m, flags: MessageFlags.Ephemeral } : m);
      }
    }
    await onDelivered?.(shown);
  }
  if (!originalUsed && !mode.inPlace) await i.deleteReply();
}

/** Discord's "Unknown Channel" (a channel deleted since the quiz was asked for). */
const UNKNOWN_CHANNEL = 10003;

/**
 * "Share to channel": the card and its one line posted in the server channel
 * the quiz was asked for in; what the person then sees is a note saying where
 * it went, or that it could not go there.
 */
async function shareToChannel(client: Client, to: { workspace: string; channel: string }, r: Reply): Promise<Reply> {
  const where = `https://discord.com/channels/${to.workspace}/${to.channel}`;
  try {
    const channel = await client.channels.fetch(to.channel);
    if (!channel?.isSendable() || channel.isDMBased()) throw new Error("not a server channel the bot can send to");
    for (const m of renderReply(r)) await channel.send(m);
    return adapterReply(`Shared your result card in the channel: ${where}`);
  } catch (err) {
    if (!hasCode(err, DiscordCode.MissingAccess, DiscordCode.MissingPermissions, UNKNOWN_CHANNEL) && !(err instanceof Error && err.message.startsWith("not a server channel"))) throw err;
    return adapterReply(`I couldn't post in that channel (${where}): I may not be allowed to send messages or attach files there.`);
  }
}

/** A DM, channel or thread. */
export interface Sendable {
  send(options: MessageCreateOptions): Promise<unknown>;
}

export async function sendToChannel(channel: Sendable, replies: Reply[], onDelivered?: OnDelivered): Promise<void> {
  for (const r of replies) {
    for (const m of renderReply(r)) await channel.send(m);
    await onDelivered?.(r);
  }
}

/** Answer a message in place: the first message as a reply to it, the rest after it. */
export async function replyToMessage(message: Message, replies: Reply[], onDelivered?: OnDelivered): Promise<void> {
  let first = true;
  for (const r of replies) {
    for (const m of renderReply(r)) {
      if (first) await message.reply(m);
      else if (message.channel.isSendable()) await message.channel.send(m);
      else return;
      first = false;
    }
    await onDelivered?.(r);
  }
}

/** A short reply of the adapter's own, shown like any other answer. */
export const adapterReply = (text: string, visibility: Reply["visibility"] = "public"): Reply => reply([{ type: "text", text }], [], { visibility });

/** The same replies with a line in front of the first one. */
export function withLeadingText(replies: Reply[], text: string): Reply[] {
  const [first, ...rest] = replies;
  if (!first) return [adapterReply(text, "private")];
  return [{ ...first, blocks: [{ type: "text", text }, ...first.blocks] }, ...rest];
}
