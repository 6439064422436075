// What adapters hand to the core: who, where, and what (text, a command, or a choice clicked).
import { z } from "zod";

export const Platform = z.enum(["terminal", "discord", "slack", "test"]);
export type Platform = z.infer<typeof Platform>;

export const Address = z.object({
  platform: Platform,
  /** Discord guild or Slack team; null for the terminal or a Discord DM. */
  workspace: z.string().nullable(),
  channel: z.string(),
  thread: z.string().nullable().default(null),
  dm: z.boolean(),
});
export type Address = z.infer<typeof Address>;

export const Actor = z.object({ id: z.string().min(1), name: z.string().optional() });
export type Actor = z.infer<typeof Actor>;

/** The server or workspace channel a personal flow was asked for in, when it runs elsewhere (a quiz asked for in a channel runs in the DM). */
export const Origin = z.object({ workspace: z.string().min(1), channel: z.string().min(1) });
export type Origin = z.infer<typeof Origin>;

const base = {
  id: z.string().optional(), address: Address, actor: Actor, origin: Origin.optional(),
  /**
   * Where the person's quiz runs when it is not keyed like `address` (Discord: a server thread's
   * message, the quiz in the DM). A typed answer that the quiz there takes is recorded on it.
   */
  quizIn: Address.optional(),
};

export const InboundEvent = z.discriminatedUnion("kind", [
  /**
   * `mention`: an @mention in a community channel (not a DM): answered only in
   * the channels the community's admin allows.
   */
  z.object({
    ...base, kind: z.literal("message"), text: z.string(), mention: z.boolean().optional(),
    /**
     * Heard without a mention in a community channel (listening mode): answered
     * only where the admin turned listening on, and then only with a short offer
     * (or, in a thread where the person already talks with the bot, as a follow-up).
     */
    listen: z.boolean().optional(),
  }),
  /**
   * A slash command: name without the slash ("compare"), args as typed.
   * `admin`: the adapter found that the person may change the community's
   * settings (Discord Manage Server, Slack workspace admin or owner).
   */
  z.object({ ...base, kind: z.literal("command"), name: z.string(), args: z.string().default(""), admin: z.boolean().optional() }),
  /** A choice (button) clicked: its id as the core issued it. */
  z.object({ ...base, kind: z.literal("choice"), choiceId: z.string() }),
]);
export type InboundEvent = z.infer<typeof InboundEvent>;
export type InboundEventInput = z.input<typeof InboundEvent>;

/** Conversation context is per person per conversation (platform, workspace, channel or thread, user). */
export function conversationKey(address: Address, actor: Actor): string {
  return ["ctx", address.platform, address.workspace ?? "-", address.channel, address.thread ?? "-", actor.id].join(":");
}

/** A person's quiz and last result are per person per workspace on a platform, wherever they are shown. */
export function personKey(address: Address, actor: Actor): string {
  return ["person", address.platform, address.workspace ?? "-", actor.id].join(":");
}
