// The invite link: scopes bot + applications.commands and only the
// permissions the bot uses (read and answer in channels, start a thread from a
// mention and answer in it, embeds, replies, and a shared quiz result card).
import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from "discord.js";

export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  // The quiz result card, when its owner shares it to the channel the quiz was asked for in.
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
]);

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(" "),
    permissions: BOT_PERMISSIONS.bitfield.toString(),
    integration_type: "0",
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
