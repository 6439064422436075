// `npm run test:load`: N people take the quiz at once through Slack HTTP mode,
// against a real bot process (compiled, as `npm start` runs it) on SQLite or
// Redis, with a minimal loopback stand-in for Slack's Web API. Reports
// acknowledgement latency and checks, on screen and in the store, that no
// acknowledged answer is lost, none applied twice and none recorded against a
// question the person never saw. Exit code 1 only for lost, duplicated or
// unseen-question answers or a crashed bot; latencies are reported, not asserted.
//
//   tsx bench/load/quiz-load.ts [--takers 1000] [--think 1000-3000] [--store sqlite|redis] [--sockets 64] [--cards]
//       [--burst]           every taker at once, no think time (a pool of one connection per taker unless --sockets)
//       [--kill9]           kill -9 the bot mid-load (after --at seconds), start it again, carry on
//       [--redis-restart]   stop redis-server mid-load (for --down seconds), start it again, carry on (implies --store redis)
//       [--profile DIR]     write a CPU profile of the bot (node --cpu-prof) to DIR
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { STORE_AWAY_TEXT } from "../../src/core/store-outage.ts";
import { KEEP_ALIVE_TIMEOUT_MS, LISTEN_BACKLOG } from "../../adapters/slack/slack-adapter.ts";
import { freePort } from "../../test/helpers/free-port.ts";
import { FakeSlack, textOf, type Json } from "./fake-slack.ts";
import { Bot, RedisServer } from "./processes.ts";
import { checkStore, openStore } from "./store-check.ts";

const SECRET = "load-signing-secret";
const flag = (name: string) => process.argv.includes(`--${name}`);
const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1]! : fallback; };
const BURST = flag("burst");
const KILL9 = flag("kill9");
const REDIS_RESTART = flag("redis-restart");
const CRASH = KILL9 || REDIS_RESTART;
const MODE = BURST ? "burst" : KILL9 ? "kill9" : REDIS_RESTART ? "redis-restart" : "think";
const TAKERS = Number(arg("takers", "1000"));
const [THINK_MIN, THINK_MAX] = arg("think", BURST ? "0-0" : "1000-3000").split("-").map(Number) as [number, number];
const STORE = REDIS_RESTART ? "redis" : arg("store", "sqlite");
// A load balancer keeps a pool of connections; the burst opens one per taker at once (the listen backlog's case).
const SOCKETS = Number(arg("sockets", BURST ? String(TAKERS) : "64"));
/** When the bot is killed or Redis stopped, in seconds after the first taker; and how long Redis stays away. */
const AT_S = Number(arg("at", "12"));
const DOWN_S = Number(arg("down", "3"));
const PROFILE = arg("profile", "");
// Result cards (PNG rendering, a few hundred ms of CPU each, in a worker thread) are measured separately: off unless --cards.
const CARDS = flag("cards");
/** A taker waits this long for what a click or message brings, then acts again (a person would click again). */
const ANSWER_WAIT_MS = CRASH ? 5_000 : 30_000;
/** Nobody takes longer than this in all (bounds every mode for CI). */
const TAKER_DEADLINE_MS = 180_000;
/** In the crash modes, typed answers (the DM) besides clicks: one in ten, and every other retry after a failed click. */
const TYPED_SHARE = CRASH ? 0.1 : 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);
const think = () => sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));

// ---- Signed requests over a pool of keep-alive connections ----
// Every connection stays in the pool while idle (Node keeps only 256 free ones by default and closes the rest,
// so a burst would keep opening new connections).
const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS, maxFreeSockets: SOCKETS });
/** Client-side connection failures (refused, reset, hung up), by error code. */
const connectionErrors = new Map<string, number>();
/** Ack times from the moment the request had a connection: without the wait for a free one in the pool. */
const onConnection: number[] = [];
function post(port: number, body: string, type = "application/x-www-form-urlencoded"): Promise<{ status: number; ms: number }> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  const started = performance.now();
  return new Promise((done) => {
    const req = request({ host: "127.0.0.1", port, path: "/slack/events", method: "POST", agent, headers: { "content-type": type, "content-length": Buffer.byteLength(body), "x-slack-request-timestamp": ts, "x-slack-signature": signature } }, (res) => {
      res.resume();
      res.on("end", () => { onConnection.push(performance.now() - (assigned ?? started)); done({ status: res.statusCode ?? 0, ms: performance.now() - started }); });
      res.on("error", () => done({ status: 0, ms: performance.now() - started }));
    });
    let assigned: number | undefined;
    req.once("socket", () => { assigned = performance.now(); });
    req.on("error", (err: NodeJS.ErrnoException) => {
      const code = err.code ?? err.message;
      connectionErrors.set(code, (connectionErrors.get(code) ?? 0) + 1);
      done({ status: 0, ms: performance.now() - started });
    });
    req.end(body);
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "role-mentor-load-"));
  const slack = new FakeSlack();
  await slack.start();
  const redis = STORE === "redis" ? await RedisServer.start(dir) : undefined;
  const where = redis ? redis.url : join(dir, "load.sqlite");
  const env: Record<string, string> = {
    STORE, ...(redis ? { REDIS_URL: where } : { SQLITE_PATH: where }),
    SLACK_BOT_TOKEN: "xoxb-load", SLACK_SIGNING_SECRET: SECRET, SLACK_MODE: "http", SLACK_API_URL: `http://127.0.0.1:${slack.port}/api/`,
    PORT: String(await freePort()), LOG_LEVEL: "warn", CARDS_DIR: CARDS ? join(dir, "cards") : "off",
  };
  const bot = new Bot({ port: Number(env.PORT), env, profileDir: PROFILE || undefined }, async () => (await post(Number(env.PORT), "ping=1")).status !== 0);
  await bot.start();
  connectionErrors.clear(); // start-up polling is not load
  const cpuAtStart = bot.cpuSeconds() ?? 0; // loading the knowledge is not load either

  const acks: number[] = [];
  const commandAcks: number[] = [];
  const count = { refused: 0, dropped: 0, waited: 0, away: 0, typed: 0, clicks: 0, stopped: 0, gaveUp: 0, appliedAfterOutage: 0 };
  let outage: { from: number; to: number } | undefined;
  const started = Date.now();

  // The fault, mid-load: the bot killed and started again, or Redis stopped and started again.
  const fault = (async () => {
    if (!CRASH) return;
    await sleep(AT_S * 1000);
    const from = Date.now();
    if (KILL9) {
      await bot.kill9();
      await sleep(1000);
      await bot.start();
    } else {
      await redis!.stop();
      await sleep(DOWN_S * 1000);
      await redis!.start();
    }
    outage = { from, to: Date.now() };
  })();

  const taker = async (n: number) => {
    const user = `ULOAD${n}`;
    const p = slack.person(user);
    const deadline = Date.now() + TAKER_DEADLINE_MS;
    // In the crash modes every other taker stops at the last question, so the store still holds their answers to check.
    const stopAtLast = CRASH && n % 2 === 1;
    let typeNext = false;
    let step = 0;
    const send = async (body: string, type?: string, kind?: "command") => {
      const r = await post(bot.port, body, type);
      acks.push(r.ms);
      if (kind) commandAcks.push(r.ms);
      return r;
    };
    const command = () => new URLSearchParams({ command: "/quiz", text: "", team_id: "T1", team_domain: "load", user_id: user, user_name: user, channel_id: "C1", channel_name: "general", api_app_id: "A1", response_url: slack.responseUrl(user, `c${step}`), trigger_id: `t-${n}-${step}` }).toString();
    const click = (actionId: string, ts: string) => new URLSearchParams({ payload: JSON.stringify({ type: "block_actions", user: { id: user, username: user, team_id: "T1" }, api_app_id: "A1", team: { id: "T1", domain: "load" }, channel: { id: `D${user}`, name: "directmessage" }, container: { type: "message", message_ts: ts, channel_id: `D${user}`, is_ephemeral: false }, message: { ts, type: "message" }, trigger_id: `t-${n}-${step}`, response_url: slack.responseUrl(user, step), actions: [{ action_id: actionId, block_id: "b", value: actionId, type: "button", text: { type: "plain_text", text: "x" }, action_ts: "1" }] }) }).toString();
    const typed = (text: string) => JSON.stringify({ token: "t", team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: `Ev${n}x${step}`, event_time: Math.floor(Date.now() / 1000), event: { type: "message", channel_type: "im", channel: `D${user}`, user, text, ts: `${Date.now() / 1000}` } });
    // What answers a request: a message in the DM, or one to this request's own response_url.
    const inDm = (m: Json) => m.kind === "post" || m.kind === "update" || m.kind === "ephemeral";
    const answersStep = (s: number) => (m: Json) => inDm(m) || (m.kind === "response" && m.via === String(s));
    const awaySince = (seen: number, s: number) => p.inbox.slice(seen).some((m) => answersStep(s)(m) && textOf(m).includes(STORE_AWAY_TEXT));

    await sleep(Math.random() * THINK_MAX);
    // Start (again, until the first question shows).
    while (!p.question() && !p.continueButton()) {
      if (Date.now() > deadline) { count.gaveUp++; return; }
      step++;
      const seen = p.inbox.length;
      const r = await send(command(), undefined, "command");
      if (r.status === 0) { count.dropped++; await sleep(500); continue; }
      if (!(await p.next(seen, ANSWER_WAIT_MS, inDm))) count.waited++;
      else if (!p.question() && !p.continueButton()) await sleep(1000); // "try again in a moment"
    }
    while (Date.now() < deadline) {
      step++;
      const q = p.question();
      if (!q) {
        const cont = p.continueButton();
        if (cont) {
          const seen = p.inbox.length;
          const r = await send(click(cont.id, cont.ts));
          if (r.status === 0) { count.dropped++; await sleep(500); } else if (!(await p.next(seen, ANSWER_WAIT_MS, answersStep(step)))) count.waited++;
          continue;
        }
        p.finished = true; // the question message now shows the result
        return;
      }
      if (stopAtLast && q.item === "background") { count.stopped++; return; }
      await think();
      const seen = p.inbox.length;
      p.intended.add(q.item);
      p.sent++;
      // Typed: the option's number, read against the question on the bot's side (never the last one: its result comes as a new message).
      if (q.item !== "background" && (typeNext || Math.random() < TYPED_SHARE)) {
        typeNext = false;
        count.typed++;
        const r = await send(typed(String(1 + Math.floor(Math.random() * q.answers.length))), "application/json");
        if (r.status === 0) { count.dropped++; await sleep(500); continue; }
        if (!(await p.next(seen, ANSWER_WAIT_MS, inDm))) count.waited++;
        else if (awaySince(seen, step)) { count.away++; await sleep(1000); }
        continue;
      }
      const r = await send(click(q.answers[Math.floor(Math.random() * q.answers.length)]!, q.ts));
      if (r.status === 0) { count.dropped++; typeNext = CRASH && Math.random() < 0.5; await sleep(500); continue; }
      if (r.status !== 200) { count.refused++; await sleep(500); continue; }
      count.clicks++;
      const first = !p.acked.has(q.item);
      p.acked.add(q.item);
      const got = await p.next(seen, ANSWER_WAIT_MS, answersStep(step));
      if (!got) { count.waited++; typeNext = CRASH && Math.random() < 0.5; continue; }
      // "Try again in a moment": nothing was saved, so the answer is not owed.
      if (awaySince(seen, step)) { count.away++; if (first) p.acked.delete(q.item); await sleep(1000); continue; }
      if (outage && Date.now() > outage.to) count.appliedAfterOutage++;
      // The last answer's click again, after its result already went: the quiz is over.
      if (q.item === "background" && got.kind === "response" && /earlier quiz/.test(textOf(got))) { p.finished = true; return; }
    }
    count.gaveUp++;
  };
  await Promise.all([fault, ...Array.from({ length: TAKERS }, (_, n) => taker(n))]);

  // Late answers still count: wait until the messages stop coming (bounded).
  const total = () => [...slack.people.values()].reduce((n, p) => n + p.inbox.length, 0);
  for (let last = -1, t = Date.now(); Date.now() - t < 30_000 && total() !== last; ) { last = total(); await sleep(2000); }
  const seconds = (Date.now() - started) / 1000;
  const crashed = bot.crashes > 0 || !bot.alive();
  // The bot's own CPU per answer: unlike latency, it hardly depends on what else the machine runs.
  const cpuNow = bot.cpuSeconds();
  const cpu = cpuNow === undefined || bot.starts > 1 ? undefined : cpuNow - cpuAtStart;
  await bot.stop();
  const store = await openStore(STORE, where);
  const verdict = await checkStore(store, slack.people);
  await store.close();
  redis?.kill();
  slack.close();
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });

  const people = [...slack.people.values()];
  const lostOnScreen = people.reduce((n, p) => n + p.lostSeen, 0);
  const duplicated = people.reduce((n, p) => n + Math.max(0, p.moves - p.sent), 0);
  const finished = people.filter((p) => p.finished).length;
  // The quiz's own guard at work: a typed answer whose question had not reached the person shows that question first.
  const notReached = people.reduce((n, p) => n + p.inbox.filter((m) => textOf(m).includes("did not reach you") || JSON.stringify(m.blocks ?? "").includes("did not reach you")).length, 0);
  const connErrors = [...connectionErrors].map(([k, v]) => `${k} ${v}`).join(", ") || "none";
  const load = loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`machine: ${cpus()[0]?.model ?? "?"} x${cpus().length}, load average ${load}, Node ${process.version}; bot: node dist/src/main.js; client keep-alive pool ${SOCKETS} sockets; server listen backlog ${LISTEN_BACKLOG} (kernel cap net.core.somaxconn), keep-alive timeout ${KEEP_ALIVE_TIMEOUT_MS / 1000} s`);
  console.log(`mode ${MODE}: ${TAKERS} takers, think ${THINK_MIN}-${THINK_MAX} ms, store ${STORE}, result cards ${CARDS ? "on" : "off"}: ${finished} finished, ${count.stopped} stopped at the last question, ${count.clicks} clicks acknowledged, ${count.typed} typed answers, in ${seconds.toFixed(1)} s`);
  console.log(`acknowledgements: p50 ${pct(acks, 50).toFixed(1)} ms, p99 ${pct(acks, 99).toFixed(1)} ms, max ${Math.max(...acks).toFixed(1)} ms, over 3 s: ${acks.filter((a) => a > 3000).length} (of them /quiz commands: ${commandAcks.filter((a) => a > 3000).length}); refused (not 200) ${count.refused}; client connection errors: ${connErrors}`);
  console.log(`the same from the moment a pooled connection was free: p50 ${pct(onConnection, 50).toFixed(1)} ms, p99 ${pct(onConnection, 99).toFixed(1)} ms (the rest is the wait for one of the ${SOCKETS})`);
  if (cpu !== undefined) console.log(`bot CPU under load: ${cpu.toFixed(1)} s user+system, ${((1000 * cpu) / Math.max(1, count.clicks + count.typed)).toFixed(2)} ms per answer`);
  if (outage) console.log(`${KILL9 ? "bot killed (-9) and started again" : "redis-server stopped and started again"} at ${((outage.from - started) / 1000).toFixed(1)} s, back after ${((outage.to - outage.from) / 1000).toFixed(1)} s; "try again in a moment" answers: ${count.away}; answers applied after it: ${count.appliedAfterOutage}`);
  console.log(`waited ${ANSWER_WAIT_MS / 1000} s in vain for a reply (then acted again): ${count.waited}; takers who gave up: ${count.gaveUp}; typed answers held back because their question had not been shown: ${notReached}`);
  console.log(`store: ${verdict.checked} open quizzes checked answer by answer, finished quizzes without a stored result: ${verdict.resultMissing}`);
  console.log(`lost (acknowledged, not applied): ${lostOnScreen} on screen, ${verdict.lost} in the store; duplicated (applied twice): ${duplicated}; recorded against a question never shown: ${verdict.unseen}; bot crashed: ${crashed}`);
  // After the fault the bot must carry on by itself: answers applied again, or it is as good as crashed.
  const stuck = CRASH && count.appliedAfterOutage === 0;
  if (stuck) console.log("the bot did not recover after the fault: no answer was applied after it");
  const failed = lostOnScreen + verdict.lost + duplicated + verdict.unseen + verdict.resultMissing > 0 || crashed || stuck;
  process.exitCode = failed ? 1 : 0;
}

await main();
