// discord.js builds its structures from gateway packets inside its own event
// emitter: a malformed INTERACTION_CREATE (a context-menu command without
// `resolved`, `options` that is not an array, no `data`) throws there, out of
// reach of any handler, and ends the process as an unhandled rejection.
// The guard wraps the client's packet handler: a packet that throws is
// logged with a reference, and an interaction that can still be answered
// gets an ephemeral "Something went wrong (ref …)" straight over REST.
import { InteractionResponseType, InteractionType, MessageFlags, Routes, type Client } from "discord.js";
import type { Logger } from "../../src/core/logger.ts";
import { errorRef, somethingWentWrong } from "./context.ts";
import { discordCode } from "./errors.ts";

type PacketHandler = (packet?: unknown, shard?: unknown) => boolean;

export function guardPackets(client: Client, logger: Logger): void {
  // handlePacket is discord.js's private entry for every dispatch (also for packets it queued).
  const ws = client.ws as unknown as { handlePacket: PacketHandler };
  const handle = ws.handlePacket.bind(ws);
  ws.handlePacket = (packet, shard) => {
    try {
      return handle(packet, shard);
    } catch (err) {
      const ref = errorRef();
      const p = packet as { t?: unknown; d?: unknown } | undefined;
      const interaction = p?.t === "INTERACTION_CREATE" ? answerable(p.d) : undefined;
      logger.error({ err, ref, event: typeof p?.t === "string" ? p.t : undefined, interaction: interaction?.id }, "Discord event could not be read; skipped");
      if (interaction) void answerFailed(client, logger, interaction, ref);
      return true;
    }
  };
}

interface Answerable { id: string; token: string; type: unknown }

/** The interaction's id and token, if it has them as Discord issues them (no other field is trusted). */
function answerable(d: unknown): Answerable | undefined {
  const o = d as { id?: unknown; token?: unknown; type?: unknown } | null | undefined;
  if (typeof o?.id !== "string" || !/^\d{1,20}$/.test(o.id)) return undefined;
  if (typeof o.token !== "string" || !/^[\w.-]{1,500}$/.test(o.token)) return undefined;
  if (o.type === InteractionType.Ping) return undefined;
  return { id: o.id, token: o.token, type: o.type };
}

async function answerFailed(client: Client, logger: Logger, i: Answerable, ref: string): Promise<void> {
  const body = i.type === InteractionType.ApplicationCommandAutocomplete
    ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
    : { type: InteractionResponseType.ChannelMessageWithSource, data: { content: somethingWentWrong(ref), flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [], replied_user: false } } };
  try {
    await client.rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false });
  } catch (err) {
    logger.warn({ err, ref, code: discordCode(err) }, "could not tell the person about the failure");
  }
}
