// Button custom_ids are the core's choice ids, unchanged (the core keeps them
// within 100 characters and free of user text). This module checks that, and
// says what kind of button a custom_id is, which decides how a click is
// acknowledged (update the message in place, or answer with a new one).
import { decodeAction } from "../../src/core/actions.ts";
import type { Choice } from "../../src/core/reply.ts";
import { LIMITS } from "./limits.ts";

export class CustomIdError extends Error {
  override name = "CustomIdError";
}

export function customIdFor(choice: Choice): string {
  if (choice.id.length < 1 || choice.id.length > LIMITS.customId) {
    throw new CustomIdError(`choice id "${choice.id.slice(0, 40)}…" has ${choice.id.length} characters; Discord allows 1–${LIMITS.customId}`);
  }
  return choice.id;
}

/** The choice id behind a clicked button; undefined when it cannot be one of ours. */
export function choiceIdFrom(customId: string): string | undefined {
  return customId.length >= 1 && customId.length <= LIMITS.customId ? customId : undefined;
}

/**
 * - `quiz-step`: answers or navigates a quiz question (answer in place);
 * - `quiz-open`: starts, continues or restarts a quiz (the quiz runs in the DM);
 * - `answer`: a follow-up question (a new message);
 * - `personal`: a rating of an answer (its thanks is private);
 * - `unknown`: not an action the core knows (stale or foreign; its answer is private).
 */
export type ButtonKind = "quiz-step" | "quiz-open" | "answer" | "personal" | "unknown";

export function buttonKind(choiceId: string): ButtonKind {
  const action = decodeAction(choiceId);
  if (!action) return "unknown";
  if (action.kind === "rate") return "personal";
  if (action.kind !== "quiz") return "answer";
  return action.op === "a" || action.op === "n" ? "quiz-step" : "quiz-open";
}

/** Quiz navigation (back, skip, quit) is drawn secondary, everything else primary. */
export const isNavigation = (choiceId: string) => {
  const action = decodeAction(choiceId);
  return action?.kind === "quiz" && action.op === "n";
};

/** A message whose every button belongs to the quiz (a question, or a continue/start-again prompt): clicks may replace it. */
export const isQuizMessage = (customIds: string[]) => customIds.length > 0 && customIds.every((id) => decodeAction(id)?.kind === "quiz");
