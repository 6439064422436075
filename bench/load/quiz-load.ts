// `npm run test:load`: N people take the quiz at once through Slack HTTP mode,
// against a real bot process (`src/main.ts`) on SQLite or Redis, with a minimal
// loopback stand-in for Slack's Web API. Reports acknowledgement latency and
// checks that no acknowledged answer is lost or applied twice. Exit code 1 only
// for lost or duplicated answers or a crashed bot; latencies are reported, not asserted.
//
//   tsx bench/load/quiz-load.ts [--takers 1000] [--think 1000-3000] [--store sqlite|redis] [--sockets 64] [--cards]
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir, cpus } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const SECRET = "load-signing-secret";
const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1]! : fallback; };
const TAKERS = Number(arg("takers", "1000"));
const [THINK_MIN, THINK_MAX] = arg("think", "1000-3000").split("-").map(Number) as [number, number];
const STORE = arg("store", "sqlite");
const SOCKETS = Number(arg("sockets", "64"));
// Result cards (PNG rendering, a few hundred ms of CPU each, on the event loop) are measured separately: off unless --cards.
const CARDS = process.argv.includes("--cards");
/** A taker gives up waiting for the next question after this (counted as unanswered, not lost: the answer may still apply). */
const ANSWER_WAIT_MS = 30_000;
/** After the last taker, wait this long at most for late answers to arrive. */
const DRAIN_MS = 120_000;

type Json = Record<string, unknown>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);

// ---- A minimal Slack Web API: what the bot sends, routed to the person it is for ----
interface Person { updates: number; acked: number; sent: number; waiting?: (m: Json) => void; ts?: string; last?: Json }
const people = new Map<string, Person>();
let tsCounter = 1000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => { const c: Buffer[] = []; req.on("data", (d: Buffer) => c.push(d)); req.on("end", () => done(Buffer.concat(c).toString())); });
}
function parse(raw: string, type: string): Json {
  if (type.includes("json")) return raw ? (JSON.parse(raw) as Json) : {};
  const out: Json = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = k === "blocks" ? JSON.parse(v) : v;
  return out;
}
function deliver(channel: unknown, message: Json): void {
  const person = typeof channel === "string" && channel.startsWith("D") ? people.get(channel.slice(1)) : undefined;
  if (!person) return;
  person.last = message;
  const w = person.waiting;
  person.waiting = undefined;
  w?.(message);
}
async function startApi(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const body = parse(await readBody(req), String(req.headers["content-type"] ?? ""));
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0];
    let answer: Json = { ok: true };
    if (method === "auth.test") answer = { ok: true, team_id: "T1", user_id: "UBOT", bot_id: "BBOT", url: "https://load.slack.com/" };
    else if (method === "conversations.open") answer = { ok: true, channel: { id: `D${String(body.users)}` } };
    else if (method === "chat.postMessage") { const ts = `${++tsCounter}.000100`; answer = { ok: true, channel: body.channel, ts }; deliver(body.channel, { ...body, ts, kind: "post" }); }
    else if (method === "chat.update") { const p = people.get(String(body.channel).slice(1)); if (p) p.updates++; answer = { ok: true, channel: body.channel, ts: body.ts }; deliver(body.channel, { ...body, kind: "update" }); }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return server;
}

// ---- The load: signed requests over a pool of keep-alive connections ----
const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
function post(port: number, body: string): Promise<{ status: number; ms: number }> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  const started = performance.now();
  return new Promise((done) => {
    const req = request({ host: "127.0.0.1", port, path: "/slack/events", method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), "x-slack-request-timestamp": ts, "x-slack-signature": signature } }, (res) => {
      res.resume();
      res.on("end", () => done({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("error", () => done({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}
const buttons = (m: Json | undefined) => ((m?.blocks as Json[] | undefined) ?? []).filter((b) => b.type === "actions").flatMap((b) => (b.elements as Json[]).map((e) => String(e.action_id)));

async function startBot(apiPort: number, env: Json): Promise<{ child: ChildProcess; port: number; exited: () => boolean }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTENV_CONFIG_PATH: "/nonexistent", SLACK_BOT_TOKEN: "xoxb-load", SLACK_SIGNING_SECRET: SECRET, SLACK_MODE: "http", SLACK_API_URL: `http://127.0.0.1:${apiPort}/api/`, PORT: String(port), LOG_LEVEL: "warn", CARDS_DIR: CARDS ? join(tmpdir(), `role-mentor-load-cards-${port}`) : "off", ...env } as NodeJS.ProcessEnv,
  });
  let dead = false;
  child.on("exit", () => (dead = true));
  for (let i = 0; i < 300; i++) {
    const r = await post(port, "ping=1");
    if (r.status !== 0) return { child, port, exited: () => dead };
    if (dead) break;
    await sleep(100);
  }
  throw new Error("the bot did not start");
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "role-mentor-load-"));
  const api = await startApi();
  const apiPort = (api.address() as AddressInfo).port;
  let redis: ChildProcess | undefined;
  const env: Json = { STORE };
  if (STORE === "redis") {
    const rport = 40000 + Math.floor(Math.random() * 20000);
    redis = spawn("redis-server", ["--port", String(rport), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await sleep(500);
    env.REDIS_URL = `redis://127.0.0.1:${rport}`;
  } else env.SQLITE_PATH = join(dir, "load.sqlite");
  const bot = await startBot(apiPort, env);
  const acks: number[] = [];
  let refused = 0, unanswered = 0, clicks = 0, finished = 0;
  const started = Date.now();

  await Promise.all(Array.from({ length: TAKERS }, async (_, n) => {
    const user = `ULOAD${n}`;
    const person: Person = { updates: 0, acked: 0, sent: 0 };
    people.set(user, person);
    const next = () => new Promise<Json | undefined>((done) => { const t = setTimeout(() => { person.waiting = undefined; done(undefined); }, ANSWER_WAIT_MS); person.waiting = (m) => { clearTimeout(t); done(m); }; });
    await sleep(Math.random() * THINK_MAX);
    const first = next();
    const cmd = new URLSearchParams({ command: "/quiz", text: "", team_id: "T1", team_domain: "load", user_id: user, user_name: user, channel_id: "C1", channel_name: "general", api_app_id: "A1", response_url: `http://127.0.0.1:${apiPort}/response/${user}`, trigger_id: `t-${n}` }).toString();
    const r0 = await post(bot.port, cmd);
    acks.push(r0.ms);
    let shown = await first;
    if (!shown) { unanswered++; return; }
    const ts = String(shown.ts);
    for (let step = 0; step < 40; step++) {
      const answers = buttons(shown).filter((id) => id.startsWith("quiz:a:"));
      if (answers.length === 0) { finished++; return; }
      await sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
      const choice = answers[Math.floor(Math.random() * answers.length)]!;
      const before = person.updates;
      const reply = next();
      const payload = { type: "block_actions", user: { id: user, username: user, team_id: "T1" }, api_app_id: "A1", team: { id: "T1", domain: "load" }, channel: { id: `D${user}`, name: "directmessage" }, container: { type: "message", message_ts: ts, channel_id: `D${user}`, is_ephemeral: false }, message: { ts, type: "message" }, trigger_id: `t-${n}-${step}`, response_url: `http://127.0.0.1:${apiPort}/response/${user}-${step}`, actions: [{ action_id: choice, block_id: "b", value: choice, type: "button", text: { type: "plain_text", text: "x" }, action_ts: "1" }] };
      person.sent++;
      const r = await post(bot.port, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
      acks.push(r.ms);
      if (r.status !== 200) { refused++; await reply; shown = person.last ?? shown; continue; }
      clicks++;
      person.acked++;
      const got = await reply;
      if (!got) { unanswered++; return; }
      if (person.updates !== before + 1) return; // applied twice or out of order: counted below
      shown = got;
    }
  }));

  // Late answers still count as applied: wait until the updates stop coming (bounded).
  const total = () => [...people.values()].reduce((n, p) => n + p.updates, 0);
  for (let last = -1, t = Date.now(); Date.now() - t < DRAIN_MS && total() !== last; ) { last = total(); await sleep(3000); }
  // Every acknowledged click must have moved its quiz on exactly once (one chat.update of the question message).
  const lost = [...people.values()].reduce((n, p) => n + Math.max(0, p.acked - p.updates), 0);
  // A click whose acknowledgement failed (connection dropped) may still apply once; more updates than clicks sent is a duplicate.
  const duplicated = [...people.values()].reduce((n, p) => n + Math.max(0, p.updates - p.sent), 0);
  const seconds = (Date.now() - started) / 1000;
  const crashed = bot.exited();
  bot.child.kill("SIGTERM");
  redis?.kill("SIGKILL");
  api.close();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
  console.log(`machine: ${cpus()[0]?.model ?? "?"} x${cpus().length}, Node ${process.version}; client keep-alive pool ${SOCKETS} sockets; server listen backlog: Node default (511)`);
  console.log(`${TAKERS} takers, think ${THINK_MIN}-${THINK_MAX} ms, store ${STORE}, result cards ${CARDS ? "on" : "off"}: ${finished} finished, ${clicks} answers acknowledged in ${seconds.toFixed(1)} s`);
  console.log(`acknowledgements: p50 ${pct(acks, 50).toFixed(1)} ms, p99 ${pct(acks, 99).toFixed(1)} ms, max ${Math.max(...acks).toFixed(1)} ms, over 3 s: ${acks.filter((a) => a > 3000).length}, refused/dropped: ${refused}`);
  console.log(`takers who gave up waiting ${ANSWER_WAIT_MS / 1000} s for a question: ${unanswered}`);
  console.log(`lost (acknowledged, never applied): ${lost}, duplicated (applied twice): ${duplicated}, bot crashed: ${crashed}`);
  process.exitCode = lost > 0 || duplicated > 0 || crashed ? 1 : 0;
}

await main();
