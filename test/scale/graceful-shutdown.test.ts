// Graceful shutdown of a real bot process (`src/main.ts`, Slack HTTP mode,
// STORE=redis on a real redis-server): on SIGTERM a turn under way finishes
// (its reply goes out and what it saves after delivery reaches Redis), new
// requests are refused (one already on a connection but not yet handed to
// Bolt gets 503, so Slack retries it elsewhere), connections close and the
// process exits; a turn that cannot finish does not hold the exit beyond a
// bound.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { FakeSlackApi } from "../slack/fakes/fake-slack-api.ts";
import { BOT_TOKEN, SIGNING_SECRET, fixture, sign, unique } from "../slack/harness.ts";
import { ROOT, TSX, cleanEnv } from "../helpers/child.ts";
import { freePort } from "../helpers/free-port.ts";

const redisUrl = inject("redisUrl");

interface Bot { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }

async function startBot(api: FakeSlackApi, env: Record<string, string> = {}): Promise<Bot> {
  const port = await freePort();
  let output = "";
  const child = spawn(TSX, ["src/main.ts"], {
    cwd: ROOT,
    env: cleanEnv({ STORE: "redis", REDIS_URL: redisUrl, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_MODE: "http", SLACK_API_URL: api.apiUrl, PORT: String(port), LOG_LEVEL: "info", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  const url = `http://127.0.0.1:${port}/slack/events`;
  const deadline = Date.now() + 30_000;
  while (!/slack adapter listening/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, output: () => output, exited };
}

function quizCommand(bot: Bot, api: FakeSlackApi, user: string): Promise<Response> {
  const body = new URLSearchParams({ ...fixture<Record<string, string>>("slash-command"), command: "/quiz", text: "", user_id: user, channel_id: `D${user}`, trigger_id: unique("t"), response_url: api.responseUrl(unique("cmd")) }).toString();
  const ts = Math.floor(Date.now() / 1000);
  return fetch(bot.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts) }, body });
}

describe.skipIf(!redisUrl)("SIGTERM with STORE=redis", () => {
  const api = new FakeSlackApi();
  const redis = redisUrl ? new Redis(redisUrl) : undefined;
  let bot: Bot | undefined;
  beforeAll(() => api.start());
  afterEach(() => { if (bot && bot.child.exitCode === null) bot.child.kill("SIGKILL"); });
  afterAll(async () => { redis?.disconnect(); await api.stop(); });

  it("lets the turn under way finish (reply sent, its Redis write made), refuses new requests, and exits 0", async () => {
    const metricsPort = await freePort();
    bot = await startBot(api, { METRICS_PORT: String(metricsPort) });
    const healthz = () => fetch(`http://127.0.0.1:${metricsPort}/healthz`);
    expect((await healthz()).status).toBe(200);
    const user = unique("UGS");
    const release = api.hold("chat.postMessage");
    expect((await quizCommand(bot, api, user)).status).toBe(200);
    // The quiz's first question is on its way to the DM, held by the fake: a turn under way.
    await api.waitFor(() => api.callsTo("chat.postMessage").some((c) => c.body.channel === `D${user}`), 10_000, "the question on its way");

    bot.child.kill("SIGTERM");
    const stoppedAt = Date.now();
    while (!/shutting down/.test(bot.output())) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    // New requests are refused: the HTTP server no longer accepts them, and /healthz says why to the load balancer.
    await expect(quizCommand(bot, api, unique("UGS-late"))).rejects.toThrow();
    const health = await healthz();
    expect(health.status).toBe(503);
    expect(await health.text()).toMatch(/shutting down/);

    release();
    expect(await bot.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    // After the question was delivered the turn recorded it in Redis (so typed answers land on it): Redis was still open.
    const saved = JSON.parse((await redis!.hget(`role-mentor:quiz:person:slack:T1:${user}`, "d")) ?? "{}") as { state?: { shown?: string } };
    expect(saved.state?.shown).toBeTruthy();
    expect(bot.output()).toMatch(/shutting down/);
    expect(bot.output()).toMatch(/slack adapter stopped/);
    expect(bot.output()).not.toMatch(/could not record the delivered quiz question|"level":50/);
    // The late person got nothing started.
    expect(api.callsTo("chat.postMessage").filter((c) => String(c.body.channel).startsWith("DUGS-late"))).toEqual([]);
  }, 60_000);

  it("a turn that never finishes does not hold the exit beyond the bound", async () => {
    bot = await startBot(api);
    const user = unique("UGS");
    const release = api.hold("chat.postMessage");
    try {
      expect((await quizCommand(bot, api, user)).status).toBe(200);
      await api.waitFor(() => api.callsTo("chat.postMessage").some((c) => c.body.channel === `D${user}`), 10_000, "the question on its way");
      bot.child.kill("SIGTERM");
      const stoppedAt = Date.now();
      const code = await bot.exited;
      expect(Date.now() - stoppedAt).toBeLessThan(12_000);
      expect(code).not.toBeNull();
    } finally {
      release();
    }
  }, 60_000);

  it("a request that reached the server just before SIGTERM but not yet the app gets 503 and is not processed", async () => {
    bot = await startBot(api);
    const { port } = new URL(bot.url);
    const user = unique("UGS-edge");
    const body = new URLSearchParams({ ...fixture<Record<string, string>>("slash-command"), command: "/quiz", text: "", user_id: user, channel_id: `D${user}`, trigger_id: unique("t"), response_url: api.responseUrl(unique("cmd")) }).toString();
    const ts = Math.floor(Date.now() / 1000);
    // An open connection with the request's headers and half its body in: the server has the request, Bolt not yet.
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise<void>((r) => socket.once("connect", () => r()));
    socket.on("error", () => undefined);
    let answer = "";
    socket.on("data", (d: Buffer) => (answer += d.toString()));
    const half = Math.floor(body.length / 2);
    socket.write(`POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: ${sign(body, ts)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
    await new Promise((r) => setTimeout(r, 200));
    try {
      bot.child.kill("SIGTERM");
      while (!/shutting down/.test(bot.output())) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      socket.write(body.slice(half));
      await expect.poll(() => answer, { timeout: 5000 }).toMatch(/^HTTP\/1\.1 \d{3}/);
      expect(answer).toMatch(/^HTTP\/1\.1 503/);
      expect(await bot.exited).toBe(0);
      // Nothing of it was started: no DM opened, no question sent.
      expect(api.calls.filter((c) => JSON.stringify(c.body).includes(user))).toEqual([]);
    } finally {
      socket.destroy();
    }
  }, 60_000);

  it("a client that never finishes its request does not hold the exit either", async () => {
    bot = await startBot(api);
    const { port } = new URL(bot.url);
    // Headers and half a body, then silence: the HTTP server would wait for the rest (Node's headersTimeout/requestTimeout: a minute and more).
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise<void>((r) => socket.once("connect", () => r()));
    socket.on("error", () => undefined);
    socket.write("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"type\":");
    await new Promise((r) => setTimeout(r, 200));
    try {
      bot.child.kill("SIGTERM");
      const stoppedAt = Date.now();
      const code = await bot.exited;
      expect(Date.now() - stoppedAt).toBeLessThan(12_000);
      expect(code).toBe(0);
    } finally {
      socket.destroy();
    }
  }, 90_000);
});
