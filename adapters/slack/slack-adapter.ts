// The Slack adapter: a Bolt app (Socket Mode by default, or HTTP on
// /slack/events) that turns slash commands, button clicks, mentions and DMs
// into core events and the core's replies into Block Kit. It acknowledges
// every request first and answers after; it holds no conversation logic.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { App, HTTPReceiver, type RespondFn, type webApi } from "@slack/bolt";
import type { PlatformAdapter } from "../adapter.ts";
import type { Core } from "../../src/bootstrap.ts";
import { ConfigError, type Config } from "../../src/config.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Address, Actor, InboundEventInput } from "../../src/core/events.ts";
import { isRefusal, turnsListeningOn, type Reply } from "../../src/core/reply.ts";
import { decodeAction } from "../../src/core/actions.ts";
import { boltLogger } from "./bolt-logger.ts";
import { CONFIG_SUBCOMMAND, SLASH_COMMANDS, parseSlashCommand } from "./commands.ts";
import { deliver, notify, type InPlace, type Place } from "./delivery.ts";
import { fromSlackText, slackLinkUrl } from "./escape.ts";
import { QUIZ_CHOICE, homeView } from "./home.ts";
import { RecentDeliveries } from "./recent-deliveries.ts";
import { guardRequestListener, payloadProblem } from "./request-guard.ts";
import { guardSocketMessages } from "./socket-guard.ts";
import type { SlackBlock } from "./render.ts";
import { DECODE_VIEW, decodeView, submittedPosting } from "./decode-modal.ts";

export interface SlackAdapterOptions {
  core: Pick<Core, "mentor" | "quiz" | "kb">;
  config: NonNullable<Config["slack"]>;
  logger: Logger;
  /** HTTP mode: the interface to listen on (default: all; tests use 127.0.0.1). */
  host?: string;
  /** HTTP mode: after how long an unacknowledged request is answered 404 (Bolt's default: 3001 ms). */
  unhandledRequestTimeoutMillis?: number;
  /** Extra Web API client options, e.g. `{ retryConfig: { retries: 0 } }` in tests. */
  clientOptions?: webApi.WebClientOptions;
  /** How long stop() waits for answers already under way. */
  drainTimeoutMs?: number;
  /** A click is acknowledged once handled, or after this long at the latest (Slack allows 3 s). */
  ackDeadlineMs?: number;
}

/**
 * HTTP mode: the listen backlog (connections the kernel holds until the process accepts them).
 * Node's default is 511; a burst of new connections beyond it (everyone clicking at once through
 * fresh connections) waits for a SYN retransmit (1 s and more). Linux caps it at net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 4096;

/**
 * HTTP mode: how long an idle keep-alive connection stays open (Node's default: 5 s). A load
 * balancer (or Slack) reusing a connection the server is closing at that instant gets a reset;
 * the server must wait longer than its clients, so this is above the usual 60 s idle timeout.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Quiz clicks that replace the question they were made on; the others post a new message. */
const IN_PLACE_QUIZ_OPS = new Set(["a", "n", "continue"]);

export class SlackAdapter implements PlatformAdapter {
  readonly name = "slack";
  readonly app: App;
  private readonly core: SlackAdapterOptions["core"];
  private readonly config: NonNullable<Config["slack"]>;
  private readonly logger: Logger;
  private readonly host?: string;
  private readonly drainTimeoutMs: number;
  private readonly ackDeadlineMs: number;
  private readonly recent = new RecentDeliveries();
  /** team:user → the id of the person's DM with the app. */
  private readonly dms = new Map<string, string>();
  private readonly inflight = new Set<Promise<void>>();
  /** Set when stop() begins: requests not yet handed to Bolt are refused from then on. */
  private stopping = false;
  private server?: Server;
  /** The bot token's scopes as auth.test reported them at start-up (undefined when Slack did not say). */
  private scopes?: string[];

  constructor(opts: SlackAdapterOptions) {
    this.core = opts.core;
    this.config = opts.config;
    this.logger = opts.logger;
    this.host = opts.host;
    this.drainTimeoutMs = opts.drainTimeoutMs ?? 5000;
    this.ackDeadlineMs = opts.ackDeadlineMs ?? 2000;
    const logger = boltLogger(opts.logger);
    // convoStore: false below: Bolt's conversation store is unused here, and on every request it
    // looked the conversation up and built (stack trace and all) a "Conversation not found" error.
    // slackApiUrl also reaches Socket Mode's apps.connections.open (Bolt passes clientOptions on).
    const clientOptions: webApi.WebClientOptions = { ...(opts.config.apiUrl ? { slackApiUrl: opts.config.apiUrl } : {}), ...opts.clientOptions };
    if (opts.config.mode === "http") {
      if (!opts.config.signingSecret) throw new Error("Slack HTTP mode needs SLACK_SIGNING_SECRET");
      const receiver = new HTTPReceiver({
        signingSecret: opts.config.signingSecret,
        endpoints: "/slack/events",
        logger,
        ...(opts.unhandledRequestTimeoutMillis ? { unhandledRequestTimeoutMillis: opts.unhandledRequestTimeoutMillis } : {}),
      });
      // Bolt's own checks leave gaps (future timestamps, non-object bodies): a gate goes first.
      receiver.requestListener = guardRequestListener(receiver.requestListener, { signingSecret: opts.config.signingSecret, path: "/slack/events", logger: opts.logger, refusing: () => this.stopping });
      this.app = new App({ token: opts.config.botToken, receiver, logger, clientOptions, deferInitialization: true, convoStore: false });
    } else {
      if (!opts.config.appToken) throw new Error("Slack Socket Mode needs SLACK_APP_TOKEN");
      this.app = new App({ token: opts.config.botToken, appToken: opts.config.appToken, socketMode: true, logger, clientOptions, deferInitialization: true, convoStore: false });
      // Socket Mode has no HTTP gate: the same shape check runs before Bolt, and a refused envelope is
      // acknowledged (so Slack does not redeliver it) and dropped.
      const socketClient = (this.app as unknown as { receiver?: { client?: Parameters<typeof guardSocketMessages>[0] } }).receiver?.client;
      if (socketClient) guardSocketMessages(socketClient, opts.logger);
      const processEvent = this.app.processEvent.bind(this.app);
      this.app.processEvent = async (event) => {
        const problem = payloadProblem(event.body);
        if (!problem) return processEvent(event);
        opts.logger.warn({ why: problem }, "slack envelope refused");
        await event.ack();
      };
    }
    this.register();
  }

  /** HTTP mode: the port actually bound (useful with port 0). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async start(): Promise<void> {
    // init() checks the bot token (auth.test) and learns the bot's user id, so that
    // Bolt can ignore the app's own messages; a rejected token stops start-up here.
    // Bolt keeps only the ids from that answer: the token's scopes in it are kept here.
    const auth = this.app.client.auth;
    const authTest = auth.test;
    let answered: webApi.AuthTestResponse | undefined;
    auth.test = async (...args: Parameters<typeof authTest>) => (answered ??= await authTest.apply(auth, args));
    try {
      await this.app.init();
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code && ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"].includes(code)) {
        throw new ConfigError(`Slack rejected SLACK_BOT_TOKEN (${code}).`);
      }
      throw err;
    } finally {
      auth.test = authTest;
    }
    await this.checkListeningScopes(answered);
    if (this.config.mode === "http") {
      this.server = (await this.app.start({ port: this.config.port, host: this.host, backlog: LISTEN_BACKLOG })) as Server;
      this.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      this.server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000; // Node wants it above keepAliveTimeout
      this.logger.info({ port: this.port, path: "/slack/events" }, "slack adapter listening (HTTP)");
    } else {
      await this.app.start();
      this.logger.info("slack adapter connected (Socket Mode)");
    }
  }

  /**
   * Listening mode needs the `message.channels` event and the `channels:history` scope (`groups:history`
   * for private channels), which the default manifest leaves out. When the workspace's settings turn
   * listening on but the token lacks them, Slack sends nothing to hear: say so once, with the fix.
   * The scopes come from auth.test's `x-oauth-scopes` header (WebClient: response_metadata.scopes).
   */
  private async checkListeningScopes(answered: webApi.AuthTestResponse | undefined): Promise<void> {
    try {
      const auth = answered ?? (await this.app.client.auth.test());
      this.scopes = auth.response_metadata?.scopes;
      if (!this.scopes || !auth.team_id) return;
      const listening = (await this.core.mentor.settings({ platform: "slack", workspace: auth.team_id })).listening;
      const missing = this.missingListeningScopes(listening);
      if (missing.length === 0) return;
      this.logger.warn(
        { team: auth.team_id, missing },
        `listening mode is on in this workspace's settings but cannot work: the app lacks the ${missing.join(" and ")} scope. Add the bot event message.channels (message.groups for private channels) and the scope to the app's manifest (README, "Listening mode"), then reinstall the app`,
      );
    } catch (err) {
      this.logger.warn({ err }, "could not check the scopes listening mode needs");
    }
  }

  /** The scopes listening in these channels needs and the token lacks (none when listening is off or the scopes are unknown). */
  private missingListeningScopes(listening: { enabled: boolean; channels: string[] }): string[] {
    if (!listening.enabled || !this.scopes) return [];
    const needed = ["channels:history", ...(listening.channels.some((c) => c.startsWith("G")) ? ["groups:history"] : [])];
    return needed.filter((scope) => !this.scopes!.includes(scope));
  }

  /** Stop taking requests, then let the answers under way finish (bounded). */
  async stop(): Promise<void> {
    // The receiver stops accepting at once; its close waits for open requests (a click is acknowledged
    // only once handled), so it joins the drain, bounded like the answers under way.
    this.stopping = true;
    const server = this.server;
    const closed = this.app.stop().catch((err: unknown) => this.logger.warn({ err }, "slack receiver stop failed"));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((done) => { timer = setTimeout(done, this.drainTimeoutMs); });
    await Promise.race([Promise.allSettled([closed, ...this.inflight]), timeout]);
    clearTimeout(timer);
    // A client that never finished its request (or a keep-alive one) would hold the close for minutes.
    server?.closeAllConnections();
    await Promise.race([closed, new Promise<void>((done) => setTimeout(done, 1000).unref())]);
    this.server = undefined;
    this.logger.info("slack adapter stopped");
  }

  private register(): void {
    const app = this.app;

    // Retries of an event this process already took are dropped before any work.
    app.use(async ({ body, context, next }) => {
      const eventId = (body as { event_id?: unknown }).event_id;
      if (typeof eventId === "string" && !this.recent.firstTime(eventId)) {
        this.logger.info({ event: eventId, retryNum: context.retryNum, retryReason: context.retryReason }, "slack redelivery ignored");
        return;
      }
      await next();
    });

    for (const name of SLASH_COMMANDS) {
      app.command(name, async ({ command, ack, respond, client }) => {
        await ack();
        const user = command.user_id;
        await this.run("command", () => ({ kind: "response", respond, user }), () => this.onCommand(command, respond, client));
      });
    }

    app.action({ type: "block_actions" }, async ({ ack, body, action, respond, client }) => {
      if (action.type !== "button") {
        await ack();
        return;
      }
      // Handle, then acknowledge: an acknowledged click is already saved (a crash after the ack
      // loses no answer). Handling takes milliseconds; the deadline keeps within Slack's 3 s anyway.
      let acked: Promise<void> | undefined;
      const acknowledge = () => (acked ??= ack().catch((err: unknown) => this.logger.warn({ err }, "slack ack failed")));
      const deadline = setTimeout(() => void acknowledge(), this.ackDeadlineMs);
      const b = body as typeof body & { response_url?: string };
      const channel = b.channel?.id ?? (b.container.channel_id as string | undefined);
      const fallback = (): Place | undefined => (b.response_url ? { kind: "response", respond, user: b.user.id } : undefined);
      try {
        await this.run("action", fallback, () => this.onClick({
          team: b.team?.id ?? b.user.team_id ?? "",
          user: { id: b.user.id, name: b.user.name ?? b.user.username },
          choiceId: action.action_id,
          id: `action:${b.trigger_id}`,
          channel,
          fromHome: b.container.type === "view",
          messageTs: b.container.message_ts as string | undefined,
          thread: b.message?.thread_ts as string | undefined,
          ephemeral: b.container.is_ephemeral === true,
          respond: b.response_url ? respond : undefined,
          appId: b.api_app_id,
          acknowledge,
        }, client));
      } finally {
        clearTimeout(deadline);
        await acknowledge();
      }
    });

    // The decode modal's posting: decoded, and the answer sent to the person's DM with the app.
    app.view(DECODE_VIEW, async ({ ack, body, view, client }) => {
      await ack();
      const team = body.team?.id ?? body.user.team_id ?? "";
      const user = body.user.id;
      await this.run("view_submission", () => undefined, async () => {
        const dm = await this.dmChannel(client, team, user);
        const turn = await this.core.mentor.handle({ id: `view:${view.id}`, kind: "command", name: "decode", args: submittedPosting(view), address: dmAddress(team, dm), actor: { id: user, name: body.user.name } });
        if (!turn.duplicate) await deliver(client, { kind: "dm", channel: dm, user }, turn.replies);
      });
    });

    app.event("app_mention", async ({ event, body, context, client }) => {
      if (event.bot_id || !event.user) return;
      const thread = event.thread_ts ?? event.ts;
      const user = event.user;
      await this.run("app_mention", () => ({ kind: "thread", channel: event.channel, user, thread }), async () => {
        const team = body.team_id;
        const text = fromSlackText(event.text, context.botUserId);
        const address: Address = { platform: "slack", workspace: team, channel: event.channel, thread, dm: false };
        // mention: the core answers only in the channels the workspace's admin allows (turn.skipped elsewhere).
        const turn = await this.core.mentor.handle({ id: `event:${body.event_id}`, kind: "message", text, address, actor: { id: user }, mention: true });
        if (turn.duplicate || turn.skipped) return;
        const { quiz, other } = splitQuizReplies(turn.replies);
        const place: Place = { kind: "thread", channel: event.channel, user, thread };
        // A new thread learns how follow-ups work: mention the app again.
        const footer: SlackBlock[] = event.thread_ts ? [] : [{ type: "context", elements: [{ type: "mrkdwn", text: `Follow-up questions: mention ${context.botUserId ? `<@${context.botUserId}>` : "me"} again in this thread.` }] }];
        if (other.length > 0) await deliver(client, place, withQuizButton(other), { footer, onDelivered: this.seen(team, user) });
        if (quiz.length > 0) {
          const dm = await this.dmChannel(client, team, user);
          await deliver(client, { kind: "dm", channel: dm, user }, quiz, { onDelivered: this.seen(team, user) });
          await notify(client, place, quizMovedNote(team, body.api_app_id));
        }
      });
    });

    app.event("message", async ({ event, body, context, client }) => {
      const m = event as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
      // Messages from people only: no edits, joins or bot messages (Bolt already drops the app's own).
      // A file shared with a comment is still something the person wrote.
      if ((m.subtype !== undefined && m.subtype !== "file_share") || m.bot_id || !m.user) return;
      // Channel messages arrive only with the optional message.channels subscription (listening mode).
      if (m.channel_type === "channel" || m.channel_type === "group") {
        await this.run("message.channels", () => undefined, () => this.onHeard({ ...m, user: m.user! }, body.team_id, body.event_id, context.botUserId, client, body.api_app_id));
        return;
      }
      if (m.channel_type !== "im") return;
      const user = m.user;
      const team = body.team_id;
      this.dms.set(`${team}:${user}`, m.channel);
      const place: Place = { kind: "dm", channel: m.channel, user, thread: m.thread_ts };
      await this.run("message.im", () => place, async () => {
        const text = fromSlackText(m.text ?? "", context.botUserId);
        const address: Address = { platform: "slack", workspace: team, channel: m.channel, thread: m.thread_ts ?? null, dm: true };
        const turn = await this.core.mentor.handle({ id: `event:${body.event_id}`, kind: "message", text, address, actor: { id: user } });
        if (!turn.duplicate) await deliver(client, place, turn.replies, { onDelivered: this.seen(team, user) });
      });
    });

    app.event("app_home_opened", async ({ event, body, client }) => {
      if (event.tab !== "home") return;
      await this.run("app_home_opened", () => undefined, async () => {
        const address: Address = { platform: "slack", workspace: body.team_id, channel: event.channel, thread: null, dm: true };
        const actor: Actor = { id: event.user };
        // Opening a tab is not a message: the help comes outside the conversation and its rate limit.
        const help = this.core.mentor.help("slack");
        const last = await this.core.quiz.lastResult({ address, actor });
        const view = homeView({ help, last, roleName: (id) => this.roleName(id) });
        await client.views.publish({ user_id: event.user, view });
      });
    });

    // The app was removed from the workspace (or its bot token revoked): the workspace's data goes with it.
    app.event("app_uninstalled", async ({ body }) => {
      await this.run("app_uninstalled", () => undefined, () => this.forgetWorkspace(body.team_id, "app_uninstalled"));
    });
    app.event("tokens_revoked", async ({ event, body }) => {
      if (!(event.tokens.bot?.length)) return; // only user tokens: the app is still installed
      await this.run("tokens_revoked", () => undefined, () => this.forgetWorkspace(body.team_id, "tokens_revoked"));
    });

    app.error(async (err) => {
      this.logger.error({ err }, "slack request failed in Bolt");
    });
  }

  private async onCommand(command: { command: string; text: string; team_id: string; channel_id: string; user_id: string; user_name: string; trigger_id: string; api_app_id: string }, respond: RespondFn, client: webApi.WebClient): Promise<void> {
    const readable = parseSlashCommand(command.command, fromSlackText(command.text));
    // Settings take channel references as Slack sends them (<#C…|name>), so config reads the raw text.
    const parsed = readable.name === CONFIG_SUBCOMMAND ? parseSlashCommand(command.command, command.text.replace(/&amp;/g, "&")) : readable;
    const team = command.team_id;
    const user = command.user_id;
    const actor: Actor = { id: user, name: command.user_name };
    const dm = await this.dmChannel(client, team, user);
    const inAppDm = command.channel_id === dm;
    const event = (address: Address): InboundEventInput => ({ id: `command:${command.trigger_id}`, kind: "command", name: parsed.name, args: parsed.args, address, actor });
    // A posting is too long for a command line: without text, decode opens a multi-line modal.
    if (parsed.name === "decode" && !parsed.args.trim()) {
      await client.views.open({ trigger_id: command.trigger_id, view: decodeView(command.channel_id) });
      return;
    }
    if (parsed.name === "quiz") {
      // The quiz runs in the DM with the app, where its question can be updated in place.
      // Asked for in a channel: its result may later be shared there (origin), on the person's click.
      const turn = await this.core.mentor.handle({ ...event(dmAddress(team, dm)), ...(inAppDm ? {} : { origin: { workspace: team, channel: command.channel_id } }) });
      if (turn.duplicate) return;
      await deliver(client, { kind: "dm", channel: dm, user }, turn.replies, { onDelivered: this.seen(team, user) });
      if (!inAppDm) await respond({ response_type: "ephemeral", text: quizMovedNote(team, command.api_app_id) });
      return;
    }
    const address: Address = inAppDm ? dmAddress(team, dm) : { platform: "slack", workspace: team, channel: command.channel_id, thread: null, dm: false };
    // Who may change settings is the platform's to say: asked only when a change is asked for.
    const admin = parsed.name === CONFIG_SUBCOMMAND && parsed.args.trim() !== "" && (await this.isAdmin(client, team, user));
    const turn = await this.core.mentor.handle({ ...event(address), ...(admin ? { admin } : {}) });
    if (turn.duplicate) return;
    if (turnsListeningOn(turn.replies)) turn.replies = await this.withScopeWarning(team, turn.replies);
    await deliver(client, inAppDm ? { kind: "dm", channel: dm, user } : { kind: "response", respond, user }, turn.replies, { onDelivered: this.seen(team, user) });
    // The store is cleared by the core; what this process remembers about the person goes too.
    if (parsed.name === "forget") this.dms.delete(`${team}:${user}`);
  }

  /** What this process holds in memory under a person's id (their DM channel); for tests of /forget. */
  heldInMemoryAbout(user: string): string[] {
    return [...this.dms.keys()].filter((k) => k.split(":")[1] === user);
  }

  private async onClick(c: {
    team: string; user: Actor; choiceId: string; id: string; channel?: string; fromHome: boolean;
    messageTs?: string; thread?: string; ephemeral: boolean; respond?: RespondFn; appId?: string;
    /** Acknowledge the click: called once the mentor has handled (and saved) it, before the reply goes out. */
    acknowledge: () => Promise<void>;
  }, client: webApi.WebClient): Promise<void> {
    const action = decodeAction(c.choiceId);
    const isQuiz = action?.kind === "quiz";
    const dm = await this.dmChannel(client, c.team, c.user.id);
    const inAppDm = c.channel === dm;
    const choice = (address: Address): InboundEventInput => ({ id: c.id, kind: "choice", choiceId: c.choiceId, address, actor: c.user });
    const dmPlace: Place = { kind: "dm", channel: dm, user: c.user.id, thread: inAppDm ? c.thread : undefined };
    // Where a refusal goes: to the clicker alone, next to what they clicked (the App Home has no such place).
    const privately: Place | undefined = c.fromHome || !c.channel ? undefined
      : c.respond ? { kind: "response", respond: c.respond, user: c.user.id, ephemeralOnly: true }
      : { kind: "ephemeral", channel: c.channel, user: c.user.id, thread: c.thread };

    if (c.fromHome || !c.channel || (isQuiz && !inAppDm)) {
      // From the App Home, or a quiz button outside the DM: the answer goes to the DM.
      const turn = await this.core.mentor.handle(choice(dmAddress(c.team, dm)));
      await c.acknowledge();
      if (turn.duplicate) return;
      if (privately && keepsClickedMessage(turn.replies)) {
        await deliver(client, privately, turn.replies);
        return;
      }
      await deliver(client, dmPlace, turn.replies, { onDelivered: this.seen(c.team, c.user.id) });
      if (!c.fromHome && c.channel) {
        const here: Place = c.respond ? { kind: "response", respond: c.respond, user: c.user.id } : { kind: "thread", channel: c.channel, user: c.user.id, thread: c.thread ?? c.messageTs ?? "" };
        await notify(client, here, quizMovedNote(c.team, c.appId));
      }
      return;
    }
    const address: Address = inAppDm ? dmAddress(c.team, dm, c.thread) : { platform: "slack", workspace: c.team, channel: c.channel, thread: c.thread ?? null, dm: false };
    const turn = await this.core.mentor.handle(choice(address));
    await c.acknowledge();
    if (turn.duplicate) return;
    // A refused click (someone else's quiz, an earlier run, a garbled id, a rate limit) leaves the
    // clicked message and its buttons as they were: the refusal goes to the clicker alone.
    if (privately && keepsClickedMessage(turn.replies)) {
      await deliver(client, privately, turn.replies);
      return;
    }
    if (inAppDm) {
      let inPlace: InPlace | undefined;
      if (action?.kind === "quiz" && IN_PLACE_QUIZ_OPS.has(action.op)) {
        if (c.ephemeral && c.respond) inPlace = { kind: "replace", respond: c.respond };
        else if (!c.ephemeral && c.messageTs) inPlace = { kind: "update", channel: dm, ts: c.messageTs };
      }
      await deliver(client, dmPlace, turn.replies, { inPlace, onDelivered: this.seen(c.team, c.user.id) });
      return;
    }
    let place: Place;
    if (c.ephemeral && c.respond) place = { kind: "response", respond: c.respond, user: c.user.id, ephemeralOnly: true };
    else if (c.thread) place = { kind: "thread", channel: c.channel, user: c.user.id, thread: c.thread };
    else if (c.respond) place = { kind: "response", respond: c.respond, user: c.user.id };
    else place = { kind: "thread", channel: c.channel, user: c.user.id, thread: c.messageTs ?? "" };
    await deliver(client, place, turn.replies, { onDelivered: this.seen(c.team, c.user.id) });
  }

  /**
   * Listening mode: a channel message that does not mention the app (a mention is app_mention's).
   * The core answers only in listening channels: a short offer in the message's thread, or a
   * follow-up in a thread where the person already talks with the app.
   */
  private async onHeard(m: { user: string; text?: string; channel: string; ts: string; thread_ts?: string }, team: string, eventId: string, botUserId: string | undefined, client: webApi.WebClient, appId?: string): Promise<void> {
    if (botUserId && (m.text ?? "").includes(`<@${botUserId}>`)) return;
    const address: Address = { platform: "slack", workspace: team, channel: m.channel, thread: m.thread_ts ?? null, dm: false };
    const turn = await this.core.mentor.handle({ id: `event:${eventId}`, kind: "message", text: fromSlackText(m.text ?? "", botUserId), address, actor: { id: m.user }, listen: true });
    if (turn.duplicate || turn.skipped) return;
    const split = splitQuizReplies(turn.replies);
    const { other } = split;
    // A follow-up that was not about the quiz leaves the DM's quiz alone (its question is not sent
    // there again), as on Discord, where the DM's quiz takes only an answer typed in a thread.
    const quiz = turn.reading?.intent.startsWith("quiz.") ? split.quiz : [];
    const place: Place = { kind: "thread", channel: m.channel, user: m.user, thread: m.thread_ts ?? m.ts };
    if (other.length > 0) await deliver(client, place, other, { onDelivered: this.seen(team, m.user) });
    // A follow-up that starts or answers the quiz: the quiz runs in the DM (as /quiz and a mention do), and the thread is told so.
    if (quiz.length > 0) {
      const dm = await this.dmChannel(client, team, m.user);
      await deliver(client, { kind: "dm", channel: dm, user: m.user }, quiz, { onDelivered: this.seen(team, m.user) });
      await notify(client, place, quizMovedNote(team, appId));
    }
  }

  /** A workspace admin or owner (users.info, hence the users:read scope), or someone the settings list as an admin. */
  private async isAdmin(client: webApi.WebClient, team: string, user: string): Promise<boolean> {
    const listed = (await this.core.mentor.settings({ platform: "slack", workspace: team })).admins;
    if (listed.includes(user)) return true;
    try {
      const info = await client.users.info({ user });
      return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
    } catch (err) {
      // Without users:read (an older install) nobody is an admin by the platform's word: refused, not failed.
      this.logger.warn({ err, team }, "users.info failed; treating the person as not an admin");
      return false;
    }
  }

  /** An admin just turned listening on: if the app cannot hear channel messages, the answer says so. */
  private async withScopeWarning(team: string, replies: Reply[]): Promise<Reply[]> {
    const missing = this.missingListeningScopes((await this.core.mentor.settings({ platform: "slack", workspace: team })).listening);
    if (missing.length === 0 || replies.length === 0) return replies;
    const note = `Listening cannot work yet: this app lacks the ${missing.join(" and ")} scope. Add the bot event message.channels (message.groups for private channels) and the scope to the app's manifest, then reinstall it.`;
    const last = replies[replies.length - 1]!;
    return [...replies.slice(0, -1), { ...last, blocks: [...last.blocks, { type: "context", text: note }] }];
  }

  private async forgetWorkspace(team: string, why: string): Promise<void> {
    await this.core.mentor.forgetCommunity({ platform: "slack", id: team });
    for (const key of this.dms.keys()) if (key.startsWith(`${team}:`)) this.dms.delete(key);
    this.logger.info({ team, why }, "slack workspace data deleted");
  }

  /** After a reply went out: a quiz question in it is recorded as seen, so typed answers may land on it. */
  private seen(team: string, user: string): (reply: Reply) => Promise<void> {
    return async (reply) => {
      const q = reply.data?.quiz as { run?: unknown; item?: unknown } | undefined;
      if (typeof q?.run !== "string" || typeof q.item !== "string") return;
      try {
        await this.core.quiz.delivered({ address: { platform: "slack", workspace: team, channel: "", thread: null, dm: true }, actor: { id: user } }, q.run, q.item);
      } catch (err) {
        this.logger.warn({ err }, "could not record the delivered quiz question");
      }
    };
  }

  /** The person's DM with the app (conversations.open is idempotent; remembered per person). */
  private async dmChannel(client: webApi.WebClient, team: string, user: string): Promise<string> {
    const key = `${team}:${user}`;
    const known = this.dms.get(key);
    if (known) return known;
    const opened = await client.conversations.open({ users: user });
    const id = opened.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    this.dms.set(key, id);
    return id;
  }

  /**
   * Run one request's work after its ack: failures are logged with a
   * reference and the person gets an ephemeral "Something went wrong (ref …)".
   */
  private async run(what: string, fallback: () => Place | undefined, work: () => Promise<void>): Promise<void> {
    const task = (async () => {
      try {
        await work();
      } catch (err) {
        const ref = randomUUID().slice(0, 8);
        this.logger.error({ err, ref, what }, "slack request failed");
        const place = fallback();
        if (!place) return;
        try {
          await notify(this.app.client, place, `Something went wrong (ref ${ref}). Please try again in a moment.`);
        } catch (notifyErr) {
          this.logger.error({ err: notifyErr, ref }, "could not tell the person about the failure");
        }
      }
    })();
    this.inflight.add(task);
    try {
      await task;
    } finally {
      this.inflight.delete(task);
    }
  }

  private roleName(id: string): string {
    const role = this.core.kb.roles.get(id as Parameters<typeof this.core.kb.role>[0]);
    return role?.short ?? id;
  }
}

export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  return new SlackAdapter(opts);
}

const dmAddress = (team: string, channel: string, thread?: string): Address => ({ platform: "slack", workspace: team, channel, thread: thread ?? null, dm: true });

/**
 * A refusal, or "try again in a moment" while the store is away: the clicked message keeps its
 * buttons (the person clicks again once it is back) and the answer goes to the clicker alone.
 */
function keepsClickedMessage(replies: Reply[]): boolean {
  return isRefusal(replies) || (replies.length > 0 && replies.every((r) => r.data?.kind === "store-unavailable"));
}

/** Quiz questions and results (the quiz runs in the DM), apart from everything else. */
function splitQuizReplies(replies: Reply[]): { quiz: Reply[]; other: Reply[] } {
  const isQuiz = (r: Reply) => r.data?.quiz !== undefined || r.data?.outcome !== undefined;
  return { quiz: replies.filter(isQuiz), other: replies.filter((r) => !isQuiz(r)) };
}

/** Mention answers always offer the quiz (it then runs in the DM). */
function withQuizButton(replies: Reply[]): Reply[] {
  const hasQuiz = replies.some((r) => r.choices.some((c) => { const a = decodeAction(c.id); return a?.kind === "quiz"; }));
  if (hasQuiz || replies.length === 0) return replies;
  const last = replies[replies.length - 1]!;
  return [...replies.slice(0, -1), { ...last, choices: [...last.choices.slice(0, 24), QUIZ_CHOICE] }];
}

function quizMovedNote(team: string, appId?: string): string {
  const link = appId ? `<${slackLinkUrl(`slack://app?team=${team}&id=${appId}&tab=messages`)}|our direct messages>` : "our direct messages";
  return `The quiz runs in ${link}; I've posted it there.`;
}
