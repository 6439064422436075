// The quiz runs in the person's DM with the bot. Opening it sends a first
// line there (which also finds out whether their DMs are open: error 50007
// when not) and only then asks the core to start, so a closed DM leaves no
// quiz behind; the caller then runs the quiz ephemerally where it was asked.
import type { User } from "discord.js";
import type { Actor, Address, InboundEventInput } from "../../src/core/events.ts";
import type { Reply } from "../../src/core/reply.ts";
import { decodeAction } from "../../src/core/actions.ts";
import type { DiscordContext } from "./context.ts";
import { DiscordCode, hasCode } from "./errors.ts";
import { dmAddress } from "./inbound.ts";
import { notice } from "./render.ts";
import { sendToChannel } from "./send.ts";
import { reportDelivered } from "./delivered.ts";

export type DmQuiz = { sent: true; channelId: string } | { sent: false };

export const checkYourDms = (channelId: string) => `Check your DMs: your quiz is waiting there. https://discord.com/channels/@me/${channelId}`;
export const quizContinuesInDm = (channelId: string) => `Your quiz runs in our DM, so it goes on there: https://discord.com/channels/@me/${channelId}`;
export const DMS_CLOSED = "I can't send you a direct message (your DMs are closed for this server), so the quiz runs here instead. Only you can see it.";

/** Open the quiz in the person's DM; `{ sent: false }` when their DMs are closed. */
export async function openQuizInDm(ctx: DiscordContext, user: User, from: string | null, event: (address: Address) => InboundEventInput): Promise<DmQuiz> {
  const dm = await user.createDM();
  try {
    await dm.send(notice(`Here is your Role Mentor quiz${from ? ` (you asked in ${from})` : ""}. Answer with the buttons or by typing; only you can see this conversation.`));
  } catch (err) {
    if (hasCode(err, DiscordCode.CannotMessageUser)) {
      ctx.logger.info({ user: user.id }, "DMs closed; the quiz runs in the channel");
      return { sent: false };
    }
    throw err;
  }
  const e = event(dmAddress(dm.id));
  const turn = await ctx.mentor.handle(e);
  await sendToChannel(dm, turn.replies, reportDelivered(ctx, e));
  return { sent: true, channelId: dm.id };
}

/**
 * The core started a quiz in a public place where its questions cannot be
 * shown (a mention in a channel): quit that run, so it does not linger, and
 * let the caller open the quiz in the DM instead. False when no quiz was started.
 */
export async function quitQuizStartedHere(ctx: DiscordContext, replies: Reply[], address: Address, actor: Actor): Promise<boolean> {
  const started = replies.find((r) => (r.data?.quiz as { number?: number } | undefined)?.number === 1);
  const quit = started?.choices.find((c) => {
    const a = decodeAction(c.id);
    return a?.kind === "quiz" && a.op === "n" && Boolean(a.arg?.endsWith(":quit"));
  });
  if (!quit) return false;
  await ctx.mentor.handle({ kind: "choice", choiceId: quit.id, address, actor });
  return true;
}
