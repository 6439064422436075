// Messages: in the bot's DM, free text is a conversation with the mentor
// (and typed quiz answers); in a server, only messages that mention the bot
// are answered, in a thread started from the message (or as a reply where
// threads are not allowed), with a button to take the quiz. Messages from
// bots, the bot itself included, are ignored. No privileged intent is needed:
// Discord gives the content of DMs and of messages that mention the bot.
import { ChannelType, ThreadAutoArchiveDuration, type Message, type ThreadChannel } from "discord.js";
import type { Address, InboundEventInput } from "../../src/core/events.ts";
import type { Reply } from "../../src/core/reply.ts";
import { encodeAction, decodeAction } from "../../src/core/actions.ts";
import type { DiscordContext } from "./context.ts";
import { errorRef, somethingWentWrong } from "./context.ts";
import { DiscordCode, discordCode, hasCode } from "./errors.ts";
import { actorOf, dmAddress, guildAddress, withoutMention } from "./inbound.ts";
import { LIMITS } from "./limits.ts";
import { notice } from "./render.ts";
import { openQuizInDm, quitQuizStartedHere, quizContinuesInDm } from "./quiz-dm.ts";
import { adapterReply, replyToMessage, sendToChannel } from "./send.ts";
import { plainSafe, truncate } from "./text.ts";
import { withPastedFile } from "./pasted-file.ts";
import { reportDelivered } from "./delivered.ts";

export async function onMessage(ctx: DiscordContext, m: Message): Promise<void> {
  if (m.author.bot || m.webhookId || m.system) return;
  const botId = ctx.client.user?.id;
  if (!botId) return;
  try {
    if (!m.inGuild()) await direct(ctx, m);
    else if (m.mentions.users.has(botId)) await mention(ctx, m, botId);
    // Without the Message Content intent Discord sends no content here, and there is nothing to hear.
    else if (m.content.trim()) await heard(ctx, m);
  } catch (err) {
    const ref = errorRef();
    ctx.logger.error({ err, ref, message: m.id, user: m.author.id }, "Discord message handling failed");
    try {
      if (m.inGuild()) await m.reply(notice(somethingWentWrong(ref)));
      else if (m.channel.isSendable()) await m.channel.send(notice(somethingWentWrong(ref)));
    } catch (err2) {
      ctx.logger.warn({ err: err2, ref, code: discordCode(err2) }, "could not tell the person about the failure");
    }
  }
}

async function direct(ctx: DiscordContext, m: Message): Promise<void> {
  if (!m.channel.isSendable()) return;
  const text = await withPastedFile(ctx.client, m, m.content);
  const e = { address: dmAddress(m.channelId), actor: actorOf(m.author) };
  const turn = await ctx.mentor.handle({ id: m.id, kind: "message", text, ...e });
  await sendToChannel(m.channel, turn.replies, reportDelivered(ctx, e));
}

export const followUpNote = (botName: string) => `To ask a follow-up in this thread, mention @${botName} again: I only read messages that mention me.`;

async function mention(ctx: DiscordContext, m: Message<true>, botId: string): Promise<void> {
  const ch = m.channel;
  const inThread = ch.isThread();
  const canThread = !inThread && (ch.type === ChannelType.GuildText || ch.type === ChannelType.GuildAnnouncement);
  // A thread started from a message has the message's id, so the conversation's address is known up front.
  const address = inThread ? guildAddress(m.guildId, ch.parentId ?? ch.id, ch.id) : guildAddress(m.guildId, m.channelId, canThread ? m.id : null);
  const actor = actorOf(m.author);
  const text = await withPastedFile(ctx.client, m, withoutMention(m.content, botId));
  // mention: the core answers only in the channels the server's admin allows (turn.skipped elsewhere).
  const turn = await ctx.mentor.handle({ id: m.id, kind: "message", text, address, actor, mention: true });
  if (turn.duplicate || turn.skipped) return;

  const shown = turn.replies.filter((r) => r.visibility !== "private");
  const personal = turn.replies.filter((r) => r.visibility === "private");
  if (personal.length > 0) shown.push(...(await personalElsewhere(ctx, m, personal, address)));
  if (shown.length === 0) return;
  const out = withQuizButton(shown);

  if (canThread) {
    const thread = await startThread(ctx, m, threadName(out));
    if (thread) {
      const botName = ctx.client.user?.username ?? "Role Mentor";
      const [first, ...rest] = out;
      await sendToChannel(thread, [{ ...first!, blocks: [...first!.blocks, { type: "context", text: followUpNote(botName) }] }, ...rest]);
      return;
    }
  }
  await replyToMessage(m, out);
}

/**
 * Listening mode: a message that does not mention the bot. The core answers only
 * in channels the admin chose (a short offer, threaded under the message) and in
 * threads where the person already talks with the bot (a follow-up).
 */
async function heard(ctx: DiscordContext, m: Message<true>): Promise<void> {
  const ch = m.channel;
  const inThread = ch.isThread();
  const address = inThread ? guildAddress(m.guildId, ch.parentId ?? ch.id, ch.id) : guildAddress(m.guildId, m.channelId, null);
  // The person's quiz runs in the DM (keyed apart from this server): an answer typed here that it takes
  // is recorded there, as on Slack. The quiz's key does not depend on the DM's channel id.
  const quizIn = inThread ? dmAddress(m.author.dmChannel?.id ?? "@me") : undefined;
  const turn = await ctx.mentor.handle({ id: m.id, kind: "message", text: m.content, address, actor: actorOf(m.author), listen: true, ...(quizIn ? { quizIn } : {}) });
  if (turn.duplicate || turn.skipped) return;
  // Personal replies (a quiz a follow-up started or answered) go to the DM, as for a mention; the thread is told.
  const shown = turn.replies.filter((r) => r.visibility !== "private");
  const personal = turn.replies.filter((r) => r.visibility === "private");
  if (personal.length > 0) shown.push(...(await personalElsewhere(ctx, m, personal, address)));
  if (shown.length === 0) return;
  const canThread = !inThread && (ch.type === ChannelType.GuildText || ch.type === ChannelType.GuildAnnouncement);
  const thread = canThread ? await startThread(ctx, m, threadName(shown)) : null;
  if (thread) await sendToChannel(thread, shown);
  else await replyToMessage(m, shown);
}

/**
 * Personal replies never go to a channel. A quiz the core just started is
 * moved to the DM; anything else personal (a rate-limit notice, a quiz
 * prompt) is sent to the DM. Returns what the channel may see instead.
 */
async function personalElsewhere(ctx: DiscordContext, m: Message<true>, personal: Reply[], address: Address): Promise<Reply[]> {
  const actor = actorOf(m.author);
  if (await quitQuizStartedHere(ctx, personal, address, actor)) {
    // Asked for in this channel: the result, in the DM, may be shared back here on the person's click.
    const quiz = (a: Address): InboundEventInput => ({ id: `${m.id}:dm`, kind: "command", name: "quiz", args: "", address: a, actor, origin: { workspace: m.guildId, channel: m.channelId } });
    const dm = await openQuizInDm(ctx, m.author, m.guild.name, quiz);
    return [adapterReply(dm.sent
      ? "I've sent you the quiz in a DM: your answers stay between us."
      : "I can't send you a DM (your DMs are closed for this server). Use /quiz here instead: it shows the quiz only to you.")];
  }
  try {
    const dm = await m.author.createDM();
    // Quiz questions sent to the DM belong to the DM's quiz (a server's quiz runs only where DMs are closed).
    await sendToChannel(dm, personal, reportDelivered(ctx, { address: dmAddress(dm.id), actor }));
    // The thread learns where the quiz went on, once per answer, without any of it.
    if (personal.some((r) => r.data?.quiz !== undefined || r.data?.outcome !== undefined)) return [adapterReply(quizContinuesInDm(dm.id))];
  } catch (err) {
    if (!hasCode(err, DiscordCode.CannotMessageUser)) throw err;
    ctx.logger.info({ user: m.author.id }, "personal reply not delivered: DMs closed");
  }
  return [];
}

/** A mention's answer always offers the quiz (in the DM), unless it already does. */
function withQuizButton(replies: Reply[]): Reply[] {
  const offers = replies.some((r) => r.choices.some((c) => decodeAction(c.id)?.kind === "quiz"));
  const last = replies[replies.length - 1]!;
  if (offers || last.choices.length >= 25) return replies;
  return [...replies.slice(0, -1), { ...last, choices: [...last.choices, { id: encodeAction({ kind: "quiz", op: "start" }), label: "Take the quiz" }] }];
}

/** Named after the answer, never after what the person wrote. */
function threadName(replies: Reply[]): string {
  const heading = replies.flatMap((r) => r.blocks).find((b) => b.type === "heading");
  return truncate(plainSafe(heading?.type === "heading" ? heading.text : "Role Mentor"), LIMITS.threadName);
}

/** The thread, or null where Discord does not allow one here (permissions, channel type, one exists already). */
async function startThread(ctx: DiscordContext, m: Message<true>, name: string): Promise<ThreadChannel | null> {
  try {
    return await m.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  } catch (err) {
    if (hasCode(err, DiscordCode.MissingAccess, DiscordCode.MissingPermissions, DiscordCode.InvalidChannelType, DiscordCode.ThreadAlreadyCreated)) {
      ctx.logger.info({ code: discordCode(err), channel: m.channelId }, "no thread allowed here; answering with a reply");
      return null;
    }
    throw err;
  }
}
