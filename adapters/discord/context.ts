// What the Discord handlers share: the client, the core's entry point, the
// knowledge base (for command choices and autocomplete) and the logger.
import { randomBytes } from "node:crypto";
import type { Client } from "discord.js";
import type { Mentor } from "../../src/core/mentor.ts";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { DeliveryReporter } from "./delivered.ts";

export interface DiscordContext {
  client: Client;
  /** settings and forgetCommunity are optional so that tests can stand in a mentor with handle alone. */
  mentor: Pick<Mentor, "handle"> & Partial<Pick<Mentor, "settings" | "forgetCommunity">>;
  kb: KnowledgeBase;
  logger: Logger;
  /** Told which quiz questions were delivered (typed answers land only on those); none in some tests. */
  quiz?: DeliveryReporter;
  /** Whether the bot asks for the Message Content intent (DISCORD_MESSAGE_CONTENT): listening mode needs it. */
  messageContent?: boolean;
}

export const LISTENING_NEEDS_INTENT = "Listening cannot work yet: this bot runs without the Message Content intent, so Discord does not show it messages that do not mention it. Switch the intent on in the Developer Portal (Bot → Privileged Gateway Intents → Message Content Intent) and restart the bot with DISCORD_MESSAGE_CONTENT=true.";

/** A short reference shown to the person and logged with the error, so the two can be matched. */
export const errorRef = () => randomBytes(4).toString("hex");

export const somethingWentWrong = (ref: string) => `Something went wrong (ref ${ref}). Please try again in a moment.`;
