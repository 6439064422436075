// "Share to channel": a quiz asked for in a server or workspace channel runs
// in the DM; its result then offers to post the card and one line back in
// that channel. Nothing is posted until the person clicks, and what is posted
// names nobody: the card and the outcome only.
import { reply, type Choice, type Reply, type ReplyImage } from "../core/reply.ts";
import { encodeAction } from "../core/actions.ts";
import type { Origin } from "../core/events.ts";

export const SHARE_OP = "share";
export const shareChoice = (): Choice => ({ id: encodeAction({ kind: "quiz", op: SHARE_OP }), label: "Share to channel" });

/** Where a reply is to be posted instead of where the click came from (adapters read it). */
export const shareTarget = (r: Reply): Origin | undefined => {
  const to = (r.data as { shareTo?: Origin } | undefined)?.shareTo;
  return to && typeof to.channel === "string" && typeof to.workspace === "string" ? to : undefined;
};

/** The result offers sharing when its quiz came from a channel and it has a card to share. */
export function withShareChoice(r: Reply, origin: Origin | undefined): Reply {
  if (!origin || !r.image || r.choices.length >= 25) return r;
  return { ...r, choices: [...r.choices, shareChoice()] };
}

/** The public post: one line and the card, for the channel the quiz came from. */
export function sharedPost(label: string, card: ReplyImage, origin: Origin): Reply {
  return reply([{ type: "text", text: `A Role Mentor quiz result: ${label}. Take the quiz yourself with /quiz.` }], [], {
    visibility: "public", image: card, data: { shareTo: origin },
  });
}
