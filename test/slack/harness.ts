// The real Bolt app (HTTP receiver on 127.0.0.1, port 0) with the real core,
// talking to the fake Web API / response_url. Requests are signed like
// Slack signs them; fixtures are the JSON files next to this file.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { pino } from "pino";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { FakeSlackApi, type FakeSlackApiOptions } from "./fakes/fake-slack-api.ts";

export const SIGNING_SECRET = "test-signing-secret";
export const BOT_TOKEN = "xoxb-test";
export const APP_TOKEN = "xapp-test";

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as T;
}

/** A core with an in-memory store and no rate limit worth hitting in tests. */
export function slackTestCore(): Core {
  return createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: pino({ level: "silent" }), perMinute: 100_000 });
}

/** A pino logger whose lines land in an array. */
export function capturingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

// Test files run in parallel against one shared Redis, where the bot dedupes
// events by id (e.g. `command:<trigger_id>`): a per-process part keeps one
// file's ids from ever equalling another's.
const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();
let counter = 0;
export const unique = (prefix: string) => `${prefix}${RUN}${++counter}`;

export interface HttpHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  core: Core;
  logs: Record<string, unknown>[];
  eventsUrl: string;
  /** POST a raw body to /slack/events, signed unless told otherwise. */
  post(body: string, contentType: string, opts?: { timestamp?: number; signature?: string; headers?: Record<string, string> }): Promise<Response>;
  /** A slash command as Slack sends it (form-encoded), with a fresh trigger_id and response_url. */
  command(command: string, text?: string, over?: Record<string, string>): Promise<{ res: Response; responseUrl: string }>;
  /** A button click (block_actions, in a `payload` form field). */
  click(actionId: string, over?: Record<string, unknown>): Promise<{ res: Response; responseUrl: string }>;
  /** An Events API delivery built from a fixture, with a fresh event_id unless given. */
  event(fixtureName: string, event?: Record<string, unknown>, envelope?: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  core?: Core;
  /** Fake Web API options (e.g. the token's scopes). */
  api?: FakeSlackApiOptions;
  unhandledRequestTimeoutMillis?: number;
  ackDeadlineMs?: number;
}

export async function startHttpHarness(opts: HarnessOptions = {}): Promise<HttpHarness> {
  const api = new FakeSlackApi(opts.api);
  await api.start();
  const core = opts.core ?? slackTestCore();
  const { logger, lines } = capturingLogger();
  const adapter = createSlackAdapter({
    core,
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, mode: "http", port: 0, apiUrl: api.apiUrl },
    logger,
    host: "127.0.0.1",
    unhandledRequestTimeoutMillis: opts.unhandledRequestTimeoutMillis,
    ackDeadlineMs: opts.ackDeadlineMs,
    clientOptions: { retryConfig: { retries: 0 } },
    drainTimeoutMs: 1000,
  });
  await adapter.start();
  const eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;

  const post: HttpHarness["post"] = (body, contentType, o = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(eventsUrl, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": o.signature ?? sign(body, timestamp),
        ...o.headers,
      },
      body,
    });
  };

  return {
    api, adapter, core, logs: lines, eventsUrl, post,
    async command(command, text = "", over = {}) {
      const responseUrl = api.responseUrl(unique("cmd"));
      const fields = { ...fixture<Record<string, string>>("slash-command"), command, text, trigger_id: unique("trigger-cmd-"), response_url: responseUrl, ...over };
      const res = await post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
      return { res, responseUrl };
    },
    async click(actionId, over = {}) {
      const responseUrl = api.responseUrl(unique("act"));
      const base = fixture("block-actions");
      const action = { ...(base.actions as Record<string, unknown>[])[0], action_id: actionId, value: actionId };
      const payload = { ...base, trigger_id: unique("trigger-act-"), response_url: responseUrl, actions: [action], ...over };
      const res = await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
      return { res, responseUrl };
    },
    event(name, event = {}, envelope = {}, headers = {}) {
      const base = fixture(name);
      const body = { ...base, event_id: unique("Ev"), ...envelope, event: { ...(base.event as object), ...event } };
      return post(JSON.stringify(body), "application/json", { headers });
    },
    async close() {
      await adapter.stop();
      await api.stop();
    },
  };
}
