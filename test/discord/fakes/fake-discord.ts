// A fake of the Discord API on 127.0.0.1: REST under /api/v10 and a gateway
// WebSocket on the same port. The real discord.js client talks to it
// (rest.api points here; the gateway URL comes from GET /gateway/bot).
// It records every request and answers like Discord: 204 without a body for
// interaction callbacks, 10062 for unknown or late interactions, 40060 for a
// second acknowledgement, 50007 for users whose DMs are closed, 50013 where
// threads are not allowed, 50035 for payloads over Discord's limits.
// Messages with files come as multipart/form-data (payload_json + files[n]),
// as discord.js sends them; the files are recorded with their bytes.
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
  /** Files of a multipart request, in the order sent. */
  files: UploadedFile[];
}

export interface UploadedFile {
  /** The form field, e.g. files[0]. */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
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
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /**
   * Intent bits this bot may not use (privileged intents not switched on in the
   * Developer Portal): an identify asking for one is closed with 4014, as Discord does.
   */
  disallowedIntents?: number;
}

let snowflake = 1_300_000_000_000_000_000n;
export const nextId = () => String(++snowflake);

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: Json[] = [];
  readonly closedDms = new Set<string>();
  readonly noThreadChannels = new Set<string>();
  /** Channels where the bot may not post (50013 Missing Permissions). */
  readonly noSendChannels = new Set<string>();
  /** Channels whose message posts are recorded but never answered (a send in flight when the bot dies). */
  readonly holdChannels = new Set<string>();
  readonly held: RecordedRequest[] = [];
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
  /** The [id, count] each connection identified with. */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
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
        if (this.opts.disallowedIntents && (Number(msg.d.intents) & this.opts.disallowedIntents) !== 0) {
          ws.close(4014, "Disallowed intent(s).");
          return;
        }
        const shard = (Array.isArray(msg.d.shard) ? msg.d.shard : [0, 1]) as [number, number];
        this.shardOf.set(ws, shard);
        // Like Discord, a shard hears only about its own guilds.
        const guilds = this.opts.guilds.filter((g) => FakeDiscord.shardFor(g.id, shard[1]) === shard[0]);
        this.send(ws, {
          op: 0, t: "READY", s: ++this.seq,
          d: {
            v: 10, user: { ...this.opts.bot, bot: true }, session_id: `fake-session-${shard[0]}`, resume_gateway_url: this.wsUrl, shard,
            guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
            application: { id: this.opts.applicationId, flags: 0 },
          },
        });
        for (const g of guilds) this.send(ws, { op: 0, t: "GUILD_CREATE", s: ++this.seq, d: g as Json });
      }
    });
  }

  /** Discord's rule: a guild belongs to shard (guild_id >> 22) % shard_count. */
  static shardFor(guildId: string, count: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /** The shards connected now, as [id, count]. */
  get connectedShards(): [number, number][] {
    return [...this.sockets].map((ws) => this.shardOf.get(ws)).filter((s): s is [number, number] => s !== undefined);
  }

  /** Send a guild's event only on the connection of the shard that guild belongs to; returns that shard id. */
  dispatchToGuild(guildId: string, t: string, d: unknown): number | undefined {
    for (const ws of this.sockets) {
      const shard = this.shardOf.get(ws);
      if (shard && FakeDiscord.shardFor(guildId, shard[1]) === shard[0]) {
        this.send(ws, { op: 0, t, s: ++this.seq, d: d as Json });
        return shard[0];
      }
    }
    return undefined;
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
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake");
    const file = url.pathname.startsWith("/attachments/") ? this.files.get(url.pathname.slice("/attachments/".length)) : undefined;
    if (file !== undefined) {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(file);
      return;
    }
    const route = url.pathname.replace(/^\/api\/v\d+/, "");
    const contentType = req.headers["content-type"] ?? null;
    const { body, files } = contentType?.startsWith("multipart/form-data") ? await multipart(raw, contentType) : { body: raw.length > 0 ? JSON.parse(raw.toString("utf8")) : null, files: [] };
    const record: RecordedRequest = {
      method: req.method ?? "GET", route, query: url.searchParams,
      auth: req.headers.authorization ?? null, contentType, body, files, status: 0, response: null,
    };
    const hold = /^\/channels\/(\d+)\/messages$/.exec(route);
    if (record.method === "POST" && hold && this.holdChannels.has(hold[1]!)) {
      this.held.push(record);
      for (const w of [...this.waiters]) { this.waiters.delete(w); w(); }
      return;
    }
    const [status, answer] = this.answer(record);
    record.status = status;
    record.response = answer;
    this.requests.push(record);
    if (status === 204) {
      // No content-type on 204: @discordjs/rest would try to parse an empty JSON body.
      res.writeHead(204).end();
    } else {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answer));
    }
    for (const w of [...this.waiters]) { this.waiters.delete(w); w(); }
  }

  private error(status: number, code: number, message: string, errors?: unknown): [number, Json] {
    return [status, { code, message, ...(errors ? { errors } : {}) }];
  }

  private message(channelId: string, body: Json, flags = 0, files: UploadedFile[] = []): Json {
    const m: Json = {
      id: nextId(), channel_id: channelId, type: 0, author: { ...this.opts.bot, bot: true }, content: body.content ?? "",
      embeds: body.embeds ?? [], components: body.components ?? [], flags: (body.flags as number | undefined) ?? flags,
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
      mentions: [], mention_roles: [], attachments: attachmentsOf(body, files), pinned: false,
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
      return [200, { url: this.wsUrl, shards: this.opts.shards ?? 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
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
        return [200, this.message(i.channelId, body, 0, r.files)];
      }
      const existing = target ? this.messages.get(target) : undefined;
      if (!existing) return this.error(404, 10008, "Unknown Message");
      if (method === "PATCH") {
        const bad = this.invalid({ ...existing, ...body }, true);
        if (bad) return bad;
        Object.assign(existing, body, { edited_timestamp: new Date().toISOString() }, body.attachments ? { attachments: attachmentsOf(body, r.files) } : {});
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
      if (this.noSendChannels.has(channel)) return this.error(403, 50013, "Missing Permissions");
      const bad = this.invalid(body);
      if (bad) return bad;
      return [200, this.message(channel, body, 0, r.files)];
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

/** A multipart body as discord.js sends it: the message in payload_json, files in files[n]. */
async function multipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  const files: UploadedFile[] = [];
  let body: unknown = null;
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
    } else {
      files.push({ field, filename: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return { body, files };
}

/** The attachments a message shows, as Discord lists them: each listed one is the upload files[id] (its name from the upload unless given). */
function attachmentsOf(body: Json, files: UploadedFile[]): Json[] {
  const listed = (body.attachments as { id?: unknown; filename?: string; description?: string }[] | undefined) ?? [];
  return listed.map((a) => {
    const upload = files.find((f) => f.field === `files[${String(a.id)}]`);
    const filename = a.filename ?? upload?.filename ?? "file";
    return { id: nextId(), filename, description: a.description, size: upload?.bytes.length ?? 0, url: `https://cdn.fake/${filename}` };
  });
}
