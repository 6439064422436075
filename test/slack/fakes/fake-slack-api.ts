// A loopback stand-in for Slack's Web API (the client's slackApiUrl) and for
// response_url. It records every call (method, auth header, parsed body) and
// answers like Slack: `{ ok: true, … }`, or `{ ok: false, error }` for a
// message outside Block Kit's limits or a method it was told to fail.
// WebClient posts form-encoded bodies whose nested fields (blocks, view) are
// JSON strings; respond() posts JSON without an Authorization header.
// File uploads take Slack's current flow: files.getUploadURLExternal hands out
// an upload URL on this server, the client POSTs the bytes there (recorded as
// "file_upload" with its bytes), and files.completeUploadExternal shares the
// file to the channel (recorded in `files`).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { blockKitProblems } from "./block-kit-limits.ts";

export interface RecordedCall {
  /** Web API method ("chat.postMessage") or "response_url". */
  method: string;
  path: string;
  auth?: string;
  body: Record<string, unknown>;
  /** The error the fake answered with, if it refused the call. */
  error?: string;
  /** What the fake answered (e.g. the ts of a posted message). */
  response?: Record<string, unknown>;
  /** The file bytes of a "file_upload". */
  bytes?: Buffer;
}

/** A file as Slack holds it after files.completeUploadExternal. */
export interface SharedFile {
  id: string;
  filename: string;
  length: number;
  alt_text?: string;
  title?: string;
  channel?: string;
  thread_ts?: string;
  bytes?: Buffer;
}

/** Form fields that WebClient sends as JSON strings. */
const JSON_FIELDS = new Set(["blocks", "attachments", "view", "metadata", "files"]);

export interface FakeSlackApiOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** apps.connections.open answers this URL (Socket Mode). */
  socketUrl?: () => string;
  /** The bot token's scopes, sent as Slack does in every Web API response's `x-oauth-scopes` header. */
  scopes?: string[];
}

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  /** Files shared by files.completeUploadExternal, in order. */
  readonly files: SharedFile[] = [];
  /** Files that have an upload URL but are not complete yet. */
  private readonly pending = new Map<string, SharedFile>();
  private server?: Server;
  private ts = 1000;
  private failures = new Map<string, string>();
  /** Methods whose answers wait until released (a call in flight when something happens). */
  private readonly holds = new Map<string, Promise<void>>();
  private waiters: { check: () => boolean; done: () => void }[] = [];
  /** users.info: who is a workspace admin or owner (everyone else is a plain member). */
  readonly admins = new Set<string>();
  readonly owners = new Set<string>();

  constructor(private readonly opts: FakeSlackApiOptions = {}) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json", ...(this.opts.scopes ? { "x-oauth-scopes": this.opts.scopes.join(",") } : {}) });
        res.end(JSON.stringify(body));
        this.notify();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The Web API base URL for `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url for one payload. */
  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Make the next call(s) to `method` fail with a Slack error. */
  failNext(method: string, error = "internal_error"): void {
    this.failures.set(method, error);
  }

  /** Hold the answers to `method` (recorded at once, answered on release); returns the release. */
  hold(method: string): () => void {
    let release!: () => void;
    this.holds.set(method, new Promise<void>((r) => { release = r; }));
    return () => { this.holds.delete(method); release(); };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages sent anywhere (posted, ephemeral, updated, via response_url). */
  messages(): RecordedCall[] {
    return this.calls.filter((c) => ["chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"].includes(c.method));
  }

  /** Resolve once `check` holds (checked after every call), or fail after `ms`. */
  waitFor(check: () => boolean, ms = 3000, what = "the expected Slack calls"): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(", ")}`));
      }, ms);
      const waiter = { check, done: () => { clearTimeout(timer); resolve(); } };
      this.waiters.push(waiter);
    });
  }

  /** Wait until `n` calls have been recorded in total. */
  waitForCount(n: number, ms = 3000): Promise<void> {
    return this.waitFor(() => this.calls.length >= n, ms, `${n} calls`);
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.done();
      }
    }
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const raw = await readBody(req);
    const path = req.url ?? "/";
    const contentType = req.headers["content-type"] ?? "";
    if (path.startsWith("/upload/")) return this.upload(path, raw, contentType, req.headers.authorization);
    const body = parseBody(raw.toString("utf8"), contentType);
    if (path.startsWith("/response/")) {
      const error = this.refusal("response_url", body);
      this.calls.push({ method: "response_url", path, body, error });
      return error ? { status: 400, body: { ok: false, error } } : { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, "").split("?")[0] ?? "";
    const call: RecordedCall = { method, path, auth: req.headers.authorization, body };
    this.calls.push(call);
    const held = this.holds.get(method);
    if (held) {
      this.notify();
      await held;
    }
    call.error = this.refusal(method, body);
    call.response = call.error ? { ok: false, error: call.error } : this.answer(method, body);
    return { status: 200, body: call.response };
  }

  /** The second step of an upload: the bytes to the URL files.getUploadURLExternal gave out. */
  private async upload(path: string, raw: Buffer, contentType: string, auth?: string): Promise<{ status: number; body: unknown }> {
    const bytes = await uploadedBytes(raw, contentType);
    const file = this.pending.get(path.slice("/upload/".length));
    this.calls.push({ method: "file_upload", path, auth, body: {}, bytes });
    if (!file || bytes.length !== file.length) return { status: 404, body: { ok: false } };
    file.bytes = bytes;
    return { status: 200, body: { ok: true } };
  }

  /** Why Slack would refuse this call, if it would. */
  private refusal(method: string, body: Record<string, unknown>): string | undefined {
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return failure;
    }
    if (["chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"].includes(method)) {
      if (blockKitProblems(body).length > 0) return "invalid_blocks";
    }
    if (method === "views.publish" && blockKitProblems(body.view as Record<string, unknown>, "home").length > 0) return "invalid_blocks";
    return undefined;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const team = this.opts.teamId ?? "T1";
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://test.slack.com/", team: "Test", user: "role-mentor", team_id: team, user_id: this.opts.botUserId ?? "UBOT", bot_id: this.opts.botId ?? "BBOT" };
      case "apps.connections.open":
        return this.opts.socketUrl ? { ok: true, url: this.opts.socketUrl() } : { ok: false, error: "not_allowed_token_type" };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      case "chat.postMessage": {
        const ts = `${++this.ts}.000100`;
        return { ok: true, channel: body.channel, ts, message: { type: "message", text: body.text, ts, bot_id: this.opts.botId ?? "BBOT" } };
      }
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case "views.publish":
        return { ok: true, view: { id: "V1", ...(body.view as object) } };
      case "files.getUploadURLExternal": {
        const length = Number(body.length);
        if (!body.filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: "invalid_arguments" };
        const id = `F${++this.ts}`;
        this.pending.set(id, { id, filename: String(body.filename), length, alt_text: body.alt_text as string | undefined });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const listed = (body.files as { id: string; title?: string }[] | undefined) ?? [];
        const done: SharedFile[] = [];
        for (const f of listed) {
          const file = this.pending.get(f.id);
          // Slack refuses to complete a file whose bytes never arrived.
          if (!file?.bytes) return { ok: false, error: "file_not_found" };
          this.pending.delete(f.id);
          done.push({ ...file, title: f.title, channel: body.channel_id as string | undefined, thread_ts: body.thread_ts as string | undefined });
        }
        this.files.push(...done);
        return { ok: true, files: done.map((f) => ({ id: f.id, name: f.filename, title: f.title })) };
      }
      case "users.info": {
        const id = String(body.user ?? "");
        if (!/^[UW][A-Z0-9]+$/.test(id)) return { ok: false, error: "user_not_found" };
        return { ok: true, user: { id, team_id: team, name: id.toLowerCase(), is_admin: this.admins.has(id) || this.owners.has(id), is_owner: this.owners.has(id), is_primary_owner: false, is_bot: false } };
      }
      case "views.open":
        return { ok: true, view: { id: "V2", ...(typeof body.view === "string" ? JSON.parse(body.view) as object : body.view as object) } };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The bytes of an upload: the client sends them as a multipart form (field "body"), or raw. */
async function uploadedBytes(raw: Buffer, contentType: string): Promise<Buffer> {
  if (!contentType.startsWith("multipart/form-data")) return raw;
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  for (const value of form.values()) if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  return Buffer.alloc(0);
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}
