// The Discord adapter: a discord.js client (intents Guilds, GuildMessages and
// DirectMessages, the Channel partial for DMs, no privileged intent, no
// mentions parsed by default) whose events go to the handlers in
// interactions.ts and messages.ts. start() registers the slash commands (one
// bulk overwrite), connects and logs the invite URL; stop() lets running
// handlers finish, then disconnects.
import { once } from "node:events";
import { Client, Events, GatewayIntentBits, Partials, type RESTOptions } from "discord.js";
import type { PlatformAdapter } from "../adapter.ts";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { DiscordContext } from "./context.ts";
import type { DeliveryReporter } from "./delivered.ts";
import { registerCommands } from "./commands.ts";
import { onInteraction } from "./interactions.ts";
import { onMessage } from "./messages.ts";
import { BOT_PERMISSIONS, INVITE_SCOPES, inviteUrl } from "./invite.ts";
import { noMentions } from "./render.ts";
import { isRejectedToken } from "./errors.ts";
import { guardPackets } from "./packet-guard.ts";
import { ConfigError } from "../../src/config.ts";

const tokenRejected = () => new ConfigError("Discord rejected DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token).");
const intentRefused = () => new ConfigError("Discord refused the Message Content intent (close code 4014): listening mode cannot work until it is switched on in the Developer Portal (Bot → Privileged Gateway Intents → Message Content Intent). Or unset DISCORD_MESSAGE_CONTENT to run without listening mode.");

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** Register commands to this server only (instant; for development). Global otherwise. */
  guildId?: string;
  /** REST base URL with /api and without the version, e.g. http://127.0.0.1:8080/api. */
  apiUrl?: string;
  mentor: DiscordContext["mentor"];
  /** Told which quiz questions reached people, so typed answers land only on those. */
  quiz?: DeliveryReporter;
  kb: KnowledgeBase;
  logger: Logger;
  /** Register the slash commands at start (default true). */
  registerCommands?: boolean;
  /** REST client tuning (tests use no retries and short timeouts). */
  rest?: Partial<RESTOptions>;
  /**
   * Ask for the privileged Message Content intent (listening mode; DISCORD_MESSAGE_CONTENT=true).
   * It must be switched on in the Developer Portal too, or the gateway closes with 4014.
   */
  messageContent?: boolean;
  /** How long stop() waits for running handlers (default 5 s). */
  drainMs?: number;
}

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

export class DiscordAdapter implements PlatformAdapter {
  readonly name = "discord";
  readonly client: Client;
  private readonly ctx: DiscordContext;
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly opts: DiscordAdapterOptions) {
    this.client = new Client({
      intents: opts.messageContent ? [...INTENTS, GatewayIntentBits.MessageContent] : [...INTENTS],
      partials: [Partials.Channel],
      allowedMentions: noMentions(),
      rest: { ...(opts.apiUrl ? { api: opts.apiUrl } : {}), ...opts.rest },
    });
    this.ctx = { client: this.client, mentor: opts.mentor, quiz: opts.quiz, kb: opts.kb, logger: opts.logger, messageContent: Boolean(opts.messageContent) };
    // A malformed gateway packet is logged and skipped (answered when it is an interaction), never fatal.
    guardPackets(this.client, opts.logger);
    this.client.on(Events.InteractionCreate, (i) => this.track(() => onInteraction(this.ctx, i)));
    this.client.on(Events.MessageCreate, (m) => this.track(() => onMessage(this.ctx, m)));
    // Removed from a server (kicked, or the server deleted; an outage is guildUnavailable instead): its settings go.
    this.client.on(Events.GuildDelete, (g) => this.track(async () => {
      await this.ctx.mentor.forgetCommunity?.({ platform: "discord", id: g.id });
    }));
    this.client.on(Events.Error, (err) => opts.logger.error({ err }, "Discord client error"));
    this.client.on(Events.Warn, (message) => opts.logger.warn({ message }, "Discord client warning"));
  }

  async start(): Promise<void> {
    const { opts, client } = this;
    client.rest.setToken(opts.token);
    if (opts.registerCommands !== false) {
      try {
        const r = await registerCommands(client.rest, { applicationId: opts.applicationId, guildId: opts.guildId, kb: opts.kb });
        opts.logger.info({ commands: r.count, scope: r.scope === "global" ? "global" : `guild ${r.scope.guildId}` }, "slash commands registered");
      } catch (err) {
        if (isRejectedToken(err)) throw tokenRejected();
        // The commands registered last time still work; the bot can serve meanwhile.
        opts.logger.error({ err }, "slash command registration failed");
      }
    }
    const ready = once(client, Events.ClientReady);
    // 4014: the Message Content intent was asked for but is not switched on for this bot. @discordjs/ws
    // rejects login with "Used disallowed intents"; the shard's close (ShardDisconnect) may come instead.
    let onClose: ((e: { code: number }) => void) | undefined;
    const disallowed = new Promise<never>((_, reject) => {
      onClose = (e) => { if (e.code === 4014) reject(intentRefused()); };
      client.on(Events.ShardDisconnect, onClose);
    });
    disallowed.catch(() => {});
    try {
      await client.login(opts.token);
      await Promise.race([ready, disallowed]);
    } catch (err) {
      if (isRejectedToken(err)) throw tokenRejected();
      if (err instanceof Error && /disallowed intents/i.test(err.message)) throw intentRefused();
      throw err;
    } finally {
      if (onClose) client.off(Events.ShardDisconnect, onClose);
    }
    opts.logger.info(
      { user: client.user?.tag, scopes: INVITE_SCOPES, permissions: BOT_PERMISSIONS.toArray(), invite: inviteUrl(opts.applicationId) },
      "Discord connected; add the bot to a server with the invite URL",
    );
    if (!opts.messageContent) {
      opts.logger.info("listening mode is unavailable on Discord without the Message Content intent (DISCORD_MESSAGE_CONTENT=true): only mentions, commands and DMs are read");
      this.track(() => this.warnListeningWithoutIntent());
    }
  }

  /** Servers whose settings turn listening on while the bot cannot read unmentioned messages: said once, with the fix. */
  private async warnListeningWithoutIntent(): Promise<void> {
    const settings = this.ctx.mentor.settings;
    if (!settings) return;
    try {
      let servers = 0;
      for (const id of this.client.guilds.cache.keys()) if ((await settings({ platform: "discord", workspace: id })).listening.enabled) servers++;
      if (servers === 0) return;
      this.opts.logger.warn(
        { servers },
        "listening mode is on in the settings of some servers but cannot work: the bot runs without the Message Content intent. Switch it on in the Developer Portal (Bot → Privileged Gateway Intents → Message Content Intent) and restart with DISCORD_MESSAGE_CONTENT=true (README, \"Listening mode\")",
      );
    } catch (err) {
      this.opts.logger.warn({ err }, "could not check which servers have listening mode on");
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const drained = Promise.allSettled([...this.running]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, this.opts.drainMs ?? 5000); });
    await Promise.race([drained, timeout]);
    clearTimeout(timer);
    await this.client.destroy();
  }

  /** Resolves when every handler started so far has finished (tests; graceful stop). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: () => Promise<void>): void {
    if (this.stopping) return;
    // A handler that throws before its first await is caught the same way as a rejected one.
    const p = Promise.resolve().then(work).catch((err: unknown) => this.opts.logger.error({ err }, "unhandled error in a Discord handler"));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }
}
