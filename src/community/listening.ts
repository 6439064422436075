// Listening mode: in channels an admin chose, a message that clearly asks which
// role fits, or pastes a job posting, gets one short offer without a mention:
// the quiz, or the decoder. Deciding whether a message qualifies is pure; the
// mentor claims the per-person cooldown before it answers.
import { reply, type Reply } from "../core/reply.ts";
import { encodeAction } from "../core/actions.ts";
import type { Understanding } from "../understanding/understand.ts";

/** A fit question must be read this surely (and without a close second reading) to be answered unasked. */
export const LISTEN_CONFIDENCE = 0.7;

export type Offer = "fit" | "posting";

/** What a message heard in a listening channel deserves: an offer, or nothing. */
export function offerFor(u: Understanding, isPosting: boolean): Offer | undefined {
  if (isPosting) return "posting";
  if (u.empty || u.language) return undefined;
  return u.intent === "fit" && u.confidence >= LISTEN_CONFIDENCE && u.alternatives.length === 0 ? "fit" : undefined;
}

/** The one short offer, threaded under the message by the adapter. */
export function offerReply(offer: Offer, prefix: string): Reply {
  const quiz = { id: encodeAction({ kind: "quiz", op: "start" }), label: "Take the quiz" };
  const text = offer === "posting"
    ? `That looks like a job posting. ${prefix}decode with its text tells which role the work really is, whatever the title says.`
    : "Wondering which role fits you? A short quiz (about two minutes, in your DMs) ends with a recommendation and the reasons for it.";
  return reply([
    { type: "text", text },
    { type: "context", text: `Role Mentor offers this once in a while in this channel; mention me to ask anything about ML and AI roles.` },
  ], offer === "posting" ? [] : [quiz], { data: { kind: "listening-offer" } });
}
