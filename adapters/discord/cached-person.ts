// What discord.js keeps in this process about a person: their user (name,
// avatar), their DM channel with the bot, their membership in each server.
// /forget drops it, so nothing under their id stays in memory; discord.js
// fetches it again when the person next talks to the bot.
import { ChannelType, type Client } from "discord.js";

/** What the process holds under a person's id, by kind (for /forget's test). */
export function cachedAbout(client: Client, userId: string): string[] {
  const held: string[] = [];
  if (client.users.cache.has(userId)) held.push("user");
  for (const ch of client.channels.cache.values()) if (ch.type === ChannelType.DM && ch.recipientId === userId) held.push(`dm:${ch.id}`);
  for (const guild of client.guilds.cache.values()) if (guild.members.cache.has(userId)) held.push(`member:${guild.id}`);
  return held;
}

export function dropCachedPerson(client: Client, userId: string): void {
  for (const [id, ch] of client.channels.cache) if (ch.type === ChannelType.DM && ch.recipientId === userId) client.channels.cache.delete(id);
  for (const guild of client.guilds.cache.values()) guild.members.cache.delete(userId);
  client.users.cache.delete(userId);
}
