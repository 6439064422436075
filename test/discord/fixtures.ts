// Gateway payloads as Discord sends them, typed with discord-api-types (via
// discord.js) so a change in the API's shape breaks them at compile time.
// Fixture requirements found on discord.js 14.28: interactions need
// authorizing_integration_owners; DM messages need channel_type 1; guild
// messages need the guild announced by GUILD_CREATE first.
import {
  ApplicationCommandOptionType, ApplicationCommandType, ChannelType, ComponentType, InteractionContextType, InteractionType, Locale, MessageType,
  type APIApplicationCommandAutocompleteInteraction, type APIChatInputApplicationCommandInteraction, type APIMessage,
  type APIMessageComponentButtonInteraction, type GuildMemberFlags, type GuildSystemChannelFlags, type RoleFlags, type APIUser, type GatewayGuildCreateDispatchData, type GatewayMessageCreateDispatchData,
} from "discord.js";
import { nextId, type FakeUser } from "./fakes/fake-discord.ts";

export const APP_ID = "1100000000000000001";
export const TOKEN = "fake.bot.token";
export const GUILD_ID = "1200000000000000001";
export const GUILD_NAME = "ML Careers";
export const GENERAL = "1200000000000000010";
export const NEWS = "1200000000000000011";

export const BOT: FakeUser = { id: APP_ID, username: "Role Mentor", discriminator: "0", avatar: null, global_name: null, bot: true };

let people = 0;
/** A new person for each test, so no state is shared between tests. */
export function person(name = "alex"): APIUser {
  const n = ++people;
  return { id: String(1_400_000_000_000_000_000n + BigInt(n)), username: `${name}${n}`, discriminator: "0", avatar: null, global_name: `${name} ${n}` };
}

export const OTHER_BOT: APIUser = { id: "1400000000000009999", username: "other-bot", discriminator: "0", avatar: null, global_name: null, bot: true };

const now = () => new Date().toISOString();

export function guildCreate(): GatewayGuildCreateDispatchData {
  const channel = (id: string, name: string, type: ChannelType.GuildText | ChannelType.GuildAnnouncement, position: number) =>
    ({ id, name, type, guild_id: GUILD_ID, position, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, parent_id: null, rate_limit_per_user: 0, flags: 0 });
  return {
    id: GUILD_ID, name: GUILD_NAME, icon: null, splash: null, discovery_splash: null, owner_id: "1400000000000000000", afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0,
    roles: [{ id: GUILD_ID, name: "@everyone", color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: "1024", managed: false, mentionable: false, flags: 0 as RoleFlags }],
    emojis: [], stickers: [], features: [], application_id: null, system_channel_id: null, system_channel_flags: 0 as GuildSystemChannelFlags, rules_channel_id: null,
    vanity_url_code: null, description: null, banner: null, preferred_locale: Locale.EnglishUS, public_updates_channel_id: null,
    max_video_channel_users: 25, premium_progress_bar_enabled: false, safety_alerts_channel_id: null, incidents_data: null, hub_type: null,
    joined_at: now(), large: false, unavailable: false, member_count: 2, voice_states: [], members: [], presences: [], stage_instances: [],
    guild_scheduled_events: [], soundboard_sounds: [], threads: [],
    channels: [channel(GENERAL, "general", ChannelType.GuildText, 0), channel(NEWS, "news", ChannelType.GuildAnnouncement, 1)],
  } as GatewayGuildCreateDispatchData;
}

export type Where = { dm: string } | { channel: string };

function base(user: APIUser, where: Where) {
  const inGuild = "channel" in where;
  return {
    id: nextId(),
    application_id: APP_ID,
    token: `itoken-${nextId()}`,
    version: 1 as const,
    locale: Locale.EnglishUS,
    app_permissions: "2251804225",
    entitlements: [],
    attachment_size_limit: 10_000_000,
    authorizing_integration_owners: inGuild ? { "0": GUILD_ID } : { "1": user.id },
    context: inGuild ? InteractionContextType.Guild : InteractionContextType.BotDM,
    ...(inGuild
      ? {
          guild_id: GUILD_ID, guild: { id: GUILD_ID, locale: Locale.EnglishUS, features: [] }, guild_locale: Locale.EnglishUS,
          channel_id: where.channel, channel: { id: where.channel, type: ChannelType.GuildText, name: "general", guild_id: GUILD_ID },
          member: { user, roles: [], joined_at: now(), deaf: false, mute: false, permissions: "2251804225", flags: 0, premium_since: null, avatar: null, banner: null },
        }
      : { channel_id: where.dm, channel: { id: where.dm, type: ChannelType.DM, recipients: [user] }, user }),
  };
}

/** A slash command; options are strings, as all of Role Mentor's are. */
export function slash(user: APIUser, where: Where, name: string, options: Record<string, string> = {}): APIChatInputApplicationCommandInteraction {
  return {
    ...base(user, where),
    type: InteractionType.ApplicationCommand,
    data: {
      id: nextId(), name, type: ApplicationCommandType.ChatInput,
      options: Object.entries(options).map(([n, value]) => ({ name: n, type: ApplicationCommandOptionType.String, value })),
    },
  } as APIChatInputApplicationCommandInteraction;
}

export function autocomplete(user: APIUser, where: Where, name: string, option: string, typed: string): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(user, where),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: nextId(), name, type: ApplicationCommandType.ChatInput, options: [{ name: option, type: ApplicationCommandOptionType.String, value: typed, focused: true }] },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** A click on one of the buttons of `message` (a message the fake recorded, or one built here). */
export function click(user: APIUser, where: Where, message: APIMessage, customId: string): APIMessageComponentButtonInteraction {
  return {
    ...base(user, where),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}

/** A message the person writes: in their DM with the bot, or in a server channel or thread. */
export function userMessage(author: APIUser, where: Where, content: string, mentions: APIUser[] = []): GatewayMessageCreateDispatchData {
  const inGuild = "channel" in where;
  return {
    id: nextId(), type: MessageType.Default, author, content, timestamp: now(), edited_timestamp: null, tts: false,
    mention_everyone: false, mentions: mentions.map((u) => ({ ...u })), mention_roles: [], attachments: [], embeds: [], pinned: false, components: [],
    ...(inGuild
      ? { channel_id: where.channel, guild_id: GUILD_ID, member: { roles: [], joined_at: now(), deaf: false, mute: false, flags: 0 as GuildMemberFlags, premium_since: null, avatar: null, banner: null } }
      : { channel_id: where.dm, channel_type: ChannelType.DM }),
  } as GatewayMessageCreateDispatchData;
}

/** The bot's message as Discord stores it, for clicks on its buttons. */
export const asMessage = (m: Record<string, unknown>) => m as unknown as APIMessage;
