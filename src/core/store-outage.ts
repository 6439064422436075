// When the shared store is away (Redis restarting), a turn cannot read or save
// anyone's quiz or context: say so briefly and ask the person to try again,
// instead of an error or an answer that silently forgets what they did.
import type { Mentor } from "./mentor.ts";
import type { Logger } from "./logger.ts";
import { StoreUnavailableError } from "./state-store.ts";
import { reply } from "./reply.ts";

export const STORE_AWAY_TEXT = "I can't reach my memory for a moment, so I haven't saved anything from that. Please try again in a minute.";

export function withStoreOutage(mentor: Mentor, logger: Logger): Mentor {
  return {
    ...mentor,
    async handle(event) {
      try {
        return await mentor.handle(event);
      } catch (err) {
        if (!(err instanceof StoreUnavailableError)) throw err;
        logger.warn({ platform: (event as { address?: { platform?: string } }).address?.platform }, "store unavailable: turn refused, nothing saved");
        return { replies: [reply([{ type: "text", text: STORE_AWAY_TEXT }], [], { visibility: "private", data: { kind: "store-unavailable" } })] };
      }
    },
  };
}
