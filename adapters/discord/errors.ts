// The Discord API error codes the adapter handles on purpose
// (discord-api-docs topics/opcodes-and-status-codes).
import { DiscordAPIError, DiscordjsErrorCodes } from "discord.js";

export const DiscordCode = {
  UnknownInteraction: 10062,
  AlreadyAcknowledged: 40060,
  CannotMessageUser: 50007,
  MissingAccess: 50001,
  MissingPermissions: 50013,
  InvalidChannelType: 50024,
  ThreadAlreadyCreated: 160004,
} as const;

export function discordCode(err: unknown): number | string | undefined {
  return err instanceof DiscordAPIError ? err.code : undefined;
}

export const hasCode = (err: unknown, ...codes: number[]) => {
  const code = discordCode(err);
  return typeof code === "number" && codes.includes(code);
};

/** The interaction can no longer be answered: too late (10062) or answered already (40060). Nothing to tell the user. */
export const isExpiredInteraction = (err: unknown) => hasCode(err, DiscordCode.UnknownInteraction, DiscordCode.AlreadyAcknowledged);

/** Discord refused the bot token (HTTP 401, or discord.js's TokenInvalid at login). */
export function isRejectedToken(err: unknown): boolean {
  if (err instanceof DiscordAPIError) return err.status === 401;
  return (err as { code?: unknown } | null)?.code === DiscordjsErrorCodes.TokenInvalid;
}
