// How a community's settings shape a turn the mentor already answered: which
// turns are knowledge gaps worth recording, the /help note that recording is
// on, and command answers kept private when the admin chose so. Pure.
import type { Reply } from "../core/reply.ts";
import { encodeAction } from "../core/actions.ts";
import type { GapInput, GapKind } from "../gaps/gap-log.ts";
import type { Reading, Understanding } from "../understanding/understand.ts";
import type { CommunitySettings } from "./settings.ts";

/** Below this the mentor answered, but was not sure of its reading: worth a look by knowledge authors. */
export const LOW_CONFIDENCE = 0.5;

/** Readings never recorded: a posting is the decoder's (and personal), the quiz's turns are not questions. */
const NOT_GAPS = new Set(["decode", "quiz.answer", "quiz.start", "quiz.result"]);

export interface AnsweredTurn {
  replies: Reply[];
  understanding?: Understanding;
  reading?: Reading;
}

/** Why this turn is a knowledge gap, or undefined when it was answered with confidence. */
export function gapKindOf(turn: AnsweredTurn): GapKind | undefined {
  if (turn.replies.some((r) => r.data?.kind === "clarify")) return "did-you-mean";
  if (turn.replies.some((r) => r.data?.kind === "out-of-scope")) return "out-of-scope";
  const reading = turn.reading;
  if (!reading || NOT_GAPS.has(reading.intent) || turn.understanding?.empty || turn.understanding?.language) return undefined;
  const confidence = turn.understanding?.confidence ?? reading.confidence;
  return confidence < LOW_CONFIDENCE ? "low-confidence" : undefined;
}

/** The gap record for a turn (the text is scrubbed by recordGap; no id of anyone goes in). */
export function gapInput(turn: AnsweredTurn, text: string): GapInput | undefined {
  const kind = gapKindOf(turn);
  const reading = turn.reading ?? turn.understanding;
  if (!kind || !reading) return undefined;
  return { kind, text, intent: reading.intent, roles: [...reading.roles], confidence: turn.understanding?.confidence ?? reading.confidence };
}

export const GAPS_NOTE = "In this community, questions I cannot answer well are recorded anonymously (no names, ids, links or numbers) for 30 days, so the knowledge base can grow. An admin can turn this off with the config command.";

/** /help in a community that records gaps says so. */
export function withCommunityNotes(replies: Reply[], s: CommunitySettings): Reply[] {
  if (!s.recordGaps) return replies;
  return replies.map((r) => (r.data?.kind === "help" ? { ...r, blocks: [...r.blocks, { type: "context" as const, text: GAPS_NOTE }] } : r));
}

/** Answers that may be rated: not the quiz's turns or a decoded posting (their own flows), nor small talk. */
const RATED = (r: Reading) => !NOT_GAPS.has(r.intent) && !["greeting", "thanks", "help", "out-of-scope"].includes(r.intent);

/** 👍/👎 under the last public reply, carrying how the question was read (never its text). */
export function withRating(replies: Reply[], reading: Reading): Reply[] {
  const last = replies[replies.length - 1];
  if (!last || last.visibility === "private" || !RATED(reading) || last.choices.length > 20) return replies;
  const rate = (up: boolean) => ({ id: encodeAction({ kind: "rate", up, intent: reading.intent, roles: reading.roles.slice(0, 3) }), label: up ? "👍 Helpful" : "👎 Not helpful" });
  return [...replies.slice(0, -1), { ...last, choices: [...last.choices, rate(true), rate(false)] }];
}

/** Command answers shown only to the person when the admin chose private answers. */
export function withCommandVisibility(replies: Reply[], s: CommunitySettings): Reply[] {
  return s.commandReplies === "private" ? replies.map((r) => ({ ...r, visibility: "private" as const })) : replies;
}
