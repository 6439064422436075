// Reporting the quiz questions that reached a person. The quiz service lets
// a typed answer land only on a question that was delivered, so an answer
// typed after a crash (saved, but the next question never sent) first shows
// the question it would land on instead of being recorded against it.
import { Address, type InboundEventInput } from "../../src/core/events.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { QuizService } from "../../src/quiz/quiz-service.ts";
import type { DiscordContext } from "./context.ts";

/** Called once a reply's messages have all been sent. */
export type OnDelivered = (r: Reply) => Promise<void>;

export type DeliveryReporter = Pick<QuizService, "delivered">;

/** The question a reply asks, if it is a quiz question (the result and prompts carry no item). */
function questionOf(r: Reply): { run: string; item: string } | undefined {
  const q = r.data?.quiz as { run?: unknown; item?: unknown } | undefined;
  return typeof q?.run === "string" && typeof q.item === "string" ? { run: q.run, item: q.item } : undefined;
}

/**
 * A callback that reports delivered quiz questions for the person of one
 * event (same address and actor, so the same quiz). A failed report is
 * logged, never thrown: the question did reach the person.
 */
export function reportDelivered(ctx: DiscordContext, person: Pick<InboundEventInput, "address" | "actor">): OnDelivered | undefined {
  const quiz = ctx.quiz;
  if (!quiz) return undefined;
  // The event as the core reads it (a thread left out is null), so the report finds the same quiz.
  const address = Address.parse(person.address);
  const actor = person.actor;
  return async (r) => {
    const q = questionOf(r);
    if (!q) return;
    try {
      await quiz.delivered({ address, actor }, q.run, q.item);
    } catch (err) {
      ctx.logger.warn({ err }, "could not record the delivered quiz question");
    }
  };
}
