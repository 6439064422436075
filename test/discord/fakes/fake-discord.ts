// A fake of the Discord API on 127.0.0.1: REST under /api/v10 and a gateway
// WebSocket on the same port. The real discord.js client talks to it
// (rest.api points here; the gateway URL comes from GET /gateway/bot).
// It records every request and answers like Discord: 204 without a body for
// interaction callbacks, 10062 for unknown or late interactions, 40060 for a
// second acknowledgement, 50007 for users whose DMs are closed, 50013 where
// threads are not allowed, 50035 for payloads over Discord's limits.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, WebSocket } from "ws";
import { wireLimitErrors } from "./discord-limits.ts";

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /channels/1/messages. */
  route: string;
  query: URLSearchParams;
  auth: string | null;
  contentType: string | null;
  // Whatever JSON the client sent; tests read into it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  response: any;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
  discriminator?: string;
  avatar?: string | null;
}

interface Interaction {
  id: string;
  token: string;
  at: number;
  acked: boolean;
  /** The message a component interaction was clicked on (its @original after deferUpdate). */
  messageId?: string;
  channelId: string;
}

type Json = Record<string, unknown>;

export interface FakeDiscordOptions {
  applicationId: string;
  bot: FakeUser;
  /** GUILD_CREATE payloads sent after READY. */
  guilds: { id: string; channels?: { id: string }[] }[];
  /** Interactions answered later than this are "unknown" (Discord: 3 s). */
  interactionWindowMs?: number;
  /** When set, bot-authenticated routes answer 401 to any other token. */
  token?: string;
}

let snowflake = 1_300_000_000_000_000_000n;
export const nextId = () => String(++snowflake);

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: Json[] = [];
  readonly closedDms = new Set<string>();
  readonly noThreadChannels = new Set<string>();
  /** Interactions Discord no longer knows (as if the 3 s passed). */
  readonly expired = new Set<string>();
  /** Interactions acknowledged by someone else already (another replica, a redelivery). */
  readonly answeredElsewhere = new Set<string>();
  readonly messages = new Map<string, Json>();
  /** Attachment files served at /attachments/<path> (e.g. a long paste as message.txt). */
  readonly files = new Map<string, string>();
  interactionWindowMs: number;
  apiUrl = "";
  private wsUrl = "";
  private readonly interactions = new Map<string, Interaction>();
  private readonly dmChannels = new Map<string, string>();
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters = new Set<() => void>();
  private seq = 0;
  private server!: Server;
  private wss!: WebSocketServer;

  private constructor(private readonly opts: FakeDiscordOptions) {
    this.interactionWindowMs = opts.interactionWindowMs ?? 3000;
  }

  /** Where a served attachment file can be fetched. */
  fileUrl(path: string): string {
    return `${this.apiUrl.replace(/\/api$/, "")}/attachments/${path}`;
  }

  static async start(opts: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts);
    fake.server = createServer((req, res) => void fake.onRequest(req, res));
    fake.wss = new WebSocketServer({ server: fake.server });
    fake.wss.on("connection", (ws) => fake.onSocket(ws));
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.apiUrl = `http://127.0.0.1:${port}/api`;
    fake.wsUrl = `ws://127.0.0.1:${port}`;
    return fake;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The DM channel between the bot and this user (stable, as on Discord). */
  dmChannel(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) this.dmChannels.set(userId, (id = nextId()));
    return id;
  }

  // ---- gateway ----

  private send(ws: WebSocket, payload: Json): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    this.send(ws, { op: 10, s: null, t: null, d: { heartbeat_interval: 45_000 } });
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: Json };
      if (msg.op === 1) this.send(ws, { op: 11, s: null, t: null, d: null });
      if (msg.op === 2) {
        this.identifies.push(msg.d);
        this.send(ws, {
          op: 0, t: "READY", s: ++this.seq,
          d: {
            v: 10, user: { ...this.opts.bot, bot: true }, session_id: "fake-session", resume_gateway_url: this.wsUrl, shard: [0, 1],
            guilds: this.opts.guilds.map((g) => ({ id: g.id, unavailable: true })),
            application: { id: this.opts.applicationId, flags: 0 },
          },
        });
        for (const g of this.opts.guilds) this.send(ws, { op: 0, t: "GUILD_CREATE", s: ++this.seq, d: g as Json });
      }
    });
  }

  /** Send a gateway event to the connected client. */
  dispatch(t: string, d: unknown): void {
    for (const ws of this.sockets) this.send(ws, { op: 0, t, s: ++this.seq, d: d as Json });
  }

  /** Deliver an INTERACTION_CREATE, remembering it so its callback can be checked. */
  interact(payload: { id: string; token: string; channel_id?: string; message?: { id: string } }): void {
    this.interactions.set(payload.token, { id: payload.id, token: payload.token, at: Date.now(), acked: this.answeredElsewhere.has(payload.id), messageId: payload.message?.id, channelId: payload.channel_id ?? "" });
    this.dispatch("INTERACTION_CREATE", payload);
  }

  // ---- waiting for the bot ----

  /** The first recorded request (from `from` on) matching `pred`; waits for it up to `ms`. */
  async waitFor(pred: (r: RecordedRequest) => boolean, opts: { from?: number; ms?: number } = {}): Promise<RecordedRequest> {
    const deadline = Date.now() + (opts.ms ?? 3000);
    for (;;) {
      const found = this.requests.slice(opts.from ?? 0).find(pred);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching request; saw:\n${this.requests.slice(opts.from ?? 0).map((r) => `${r.method} ${r.route} ${r.status}`).join("\n")}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.add(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  // ---- REST ----

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const file = url.pathname.startsWith("/attachments/") ? this.files.get(url.pathname.slice("/attachments/".length)) : undefined;
    if (file !== undefined) {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(file);
      return;
    }
    const route = url.pathname.replace(/^\/api\/v\d+/, "");
    const record: RecordedRequest = {
      method: req.method ?? "GET", route, query: url.searchParams,
      auth: req.headers.authorization ?? null, contentType: req.headers["content-type"] ?? null,
      body: text ? JSON.parse(text) : null, status: 0, response: null,
    };
    const [status, body] = this.answer(record);
    record.status = status;
    record.response = body;
    this.requests.push(record);
    if (status === 204) {
      // No content-type on 204: @discordjs/rest would try to parse an empty JSON body.
      res.writeHead(204).end();
    } else {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    }
    for (const w of [...this.waiters]) { this.waiters.delete(w); w(); }
  }

  private error(status: number, code: number, message: string, errors?: unknown): [number, Json] {
    return [status, { code, message, ...(errors ? { errors } : {}) }];
  }

  private message(channelId: string, body: Json, flags = 0): Json {
    const m: Json = {
      id: nextId(), channel_id: channelId, type: 0, author: { ...this.opts.bot, bot: true }, content: body.content ?? "",
      embeds: body.embeds ?? [], components: body.components ?? [], flags: (body.flags as number | undefined) ?? flags,
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
      mentions: [], mention_roles: [], attachments: [], pinned: false,
    };
    this.messages.set(m.id as string, m);
    return m;
  }

  private invalid(body: Json, requireContent = true): [number, Json] | undefined {
    const errors = wireLimitErrors(body, { requireContent });
    return errors.length > 0 ? this.error(400, 50035, "Invalid Form Body", errors) : undefined;
  }

  private answer(r: RecordedRequest): [number, Json | Json[] | null] {
    const { method, route } = r;
    const body = (r.body ?? {}) as Json;
    let m: RegExpExecArray | null;

    const interactionAuth = /^\/(interactions|webhooks)\//.test(route);
    if (this.opts.token && !interactionAuth && r.auth !== `Bot ${this.opts.token}`) return this.error(401, 0, "401: Unauthorized");
    if (method === "GET" && route === "/gateway/bot") {
      return [200, { url: this.wsUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === "PUT" && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(route))) {
      const list = r.body as Json[];
      return [200, list.map((c) => ({ ...c, id: nextId(), application_id: m![1], ...(m![2] ? { guild_id: m![2] } : {}), version: nextId() }))];
    }
    if (method === "POST" && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route))) {
      const i = this.interactions.get(m[2]!);
      if (!i || i.id !== m[1] || this.expired.has(i.id) || Date.now() - i.at > this.interactionWindowMs) return this.error(404, 10062, "Unknown interaction");
      if (i.acked) return this.error(400, 40060, "Interaction has already been acknowledged.");
      const data = (body.data ?? {}) as Json;
      if (body.type === 4 || body.type === 7) {
        const bad = this.invalid(data);
        if (bad) return bad;
      }
      if (body.type === 8 && ((data.choices as unknown[] | undefined)?.length ?? 0) > 25) return this.error(400, 50035, "Invalid Form Body", ["more than 25 choices"]);
      i.acked = true;
      if (body.type === 4 || body.type === 5) i.messageId = this.message(i.channelId, data).id as string;
      if (body.type === 7 && i.messageId) Object.assign(this.messages.get(i.messageId) ?? {}, data);
      return [204, null];
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(route))) {
      const i = this.interactions.get(m[2]!);
      if (!i || !i.acked || m[1] !== this.opts.applicationId) return this.error(404, 10015, "Unknown Webhook");
      const target = m[3] === "@original" || m[3] === "%40original" ? i.messageId : m[3];
      if (method === "POST" && !m[3]) {
        const bad = this.invalid(body);
        if (bad) return bad;
        return [200, this.message(i.channelId, body)];
      }
      const existing = target ? this.messages.get(target) : undefined;
      if (!existing) return this.error(404, 10008, "Unknown Message");
      if (method === "PATCH") {
        const bad = this.invalid({ ...existing, ...body }, true);
        if (bad) return bad;
        Object.assign(existing, body, { edited_timestamp: new Date().toISOString() });
        return [200, existing];
      }
      if (method === "DELETE") {
        this.messages.delete(target!);
        return [204, null];
      }
    }
    if (method === "POST" && route === "/users/@me/channels") {
      const user = String(body.recipient_id);
      return [200, { id: this.dmChannel(user), type: 1, last_message_id: null, recipients: [{ id: user, username: `user-${user.slice(-4)}`, discriminator: "0", avatar: null, global_name: null }] }];
    }
    if (method === "POST" && (m = /^\/channels\/(\d+)\/messages$/.exec(route))) {
      const channel = m[1]!;
      const closed = [...this.dmChannels].find(([user, dm]) => dm === channel && this.closedDms.has(user));
      if (closed) return this.error(403, 50007, "Cannot send messages to this user");
      const bad = this.invalid(body);
      if (bad) return bad;
      return [200, this.message(channel, body)];
    }
    if (method === "POST" && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(route))) {
      const [, channel, messageId] = m;
      if (this.noThreadChannels.has(channel!)) return this.error(403, 50013, "Missing Permissions");
      const guild = this.opts.guilds.find((g) => (g.channels ?? []).some((c) => c.id === channel));
      if (!body.name || String(body.name).length > 100) return this.error(400, 50035, "Invalid Form Body", ["thread name not 1–100"]);
      return [201, {
        id: messageId, type: 11, guild_id: guild?.id, parent_id: channel, name: body.name, owner_id: this.opts.bot.id,
        last_message_id: null, message_count: 0, member_count: 1, rate_limit_per_user: 0, flags: 0,
        thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
      }];
    }
    return this.error(404, 0, `404: Not Found (${method} ${route})`);
  }
}
