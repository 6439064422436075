// `npm run bench:speed`: what a person waits for and what the process holds,
// measured on the compiled entry points (dist/, built first by the preload):
// one `ask` message run directly with node and through npm, the same through
// tsx for comparison, core start-up with a cold and a warm knowledge cache,
// the resident memory of an idle terminal chat, with and without the platform
// SDKs loaded; then, in this process, understanding + reply latency and
// throughput, quiz turns on SQLite and the bytes a half-done quiz stores in
// SQLite and in Redis. Prints figures; asserts nothing.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createCore } from "../src/bootstrap.ts";
import { MemoryStore, type StateStore } from "../src/core/state-store.ts";
import { SqliteStore } from "../src/stores/sqlite-store.ts";
import { RedisStore } from "../src/stores/redis-store.ts";
import { freePort } from "../test/helpers/free-port.ts";

const RUNS = Number(process.env.SPEED_RUNS ?? 10);
const QUESTION = "what does an ml engineer do\n";
const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_PATH: ":memory:", CARDS_DIR: "off", LOG_LEVEL: "warn", DOTENV_CONFIG_PATH: "/nonexistent.env" };
for (const k of Object.keys(env)) if (/^(DISCORD_|SLACK_)/.test(k)) delete env[k];

// The preload brings dist/ up to date once, so no run below pays for a build.
execFileSync(process.execPath, ["scripts/fresh-dist.mjs"], { stdio: "inherit" });

/** Wall time and CPU time (user + system, from /usr/bin/time) of one run. */
function timeOnce(cmd: string, args: string[]): { wall: number; cpu: number } {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", cmd, ...args], { input: QUESTION, env, encoding: "utf8" });
  const wall = performance.now() - t;
  if (r.status !== 0 || !r.stdout.includes('"reply"')) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { wall, cpu: (user! + sys!) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
function series(label: string, cmd: string, args: string[]): void {
  timeOnce(cmd, args); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => timeOnce(cmd, args));
  const walls = runs.map((r) => r.wall);
  console.log(`${label}: wall median ${median(walls).toFixed(0)} ms (min ${Math.min(...walls).toFixed(0)}), cpu median ${median(runs.map((r) => r.cpu)).toFixed(0)} ms, ${RUNS} runs`);
}

const rssMiB = (pid: number) => {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kb ? (Number(kb) / 1024).toFixed(0) : "?";
};

/** RSS of a process after it answered one line and sat idle for a second. */
function idleRss(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout });
    lines.once("line", () =>
      setTimeout(() => {
        const rss = rssMiB(child.pid!);
        child.kill();
        done(rss);
      }, 1000),
    );
    child.on("error", fail);
    child.stdin.write("hello\n");
  });
}

console.log(`machine: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}, ${new Date().toISOString().slice(0, 16)}Z`);
series("node (no-op, the floor)", process.execPath, ["-e", "process.stdout.write('\"reply\"')"]);
series("ask, compiled, node dist/src/cli/ask.js --jsonl", process.execPath, ["dist/src/cli/ask.js", "--jsonl"]);
series("ask, npm run -s ask -- --jsonl", "npm", ["run", "-s", "ask", "--", "--jsonl"]);
series("ask, TypeScript through tsx (before)", "node_modules/.bin/tsx", ["src/cli/ask.ts", "--jsonl"]);
/** The node flags a package script passes before its preload, e.g. ["--max-semi-space-size=2"]. */
const scriptFlags = (name: string) => {
  const cmd = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts[name]!;
  return cmd.split(" --import")[0]!.split(" ").slice(1);
};
console.log(`rss idle, terminal chat as \`npm run chat\` runs it (${scriptFlags("chat").join(" ")}): ${await idleRss([...scriptFlags("chat"), "dist/src/main.js", "--terminal", "--jsonl"])} MiB`);
console.log(`rss idle, terminal chat as \`npm start\` runs it (${scriptFlags("start").join(" ") || "no flags"}): ${await idleRss([...scriptFlags("start"), "dist/src/main.js", "--terminal", "--jsonl"])} MiB`);
console.log(`rss idle, terminal chat with V8's default young generation (\`node dist/src/main.js\`): ${await idleRss(["dist/src/main.js", "--terminal", "--jsonl"])} MiB`);
// The same core with discord.js and @slack/bolt loaded, as a process serving the platforms holds them.
const withPlatforms = (flags: string[]) => [
  ...flags,
  "--input-type=module",
  "-e",
  `await import("./dist/adapters/discord/discord-adapter.js"); await import("./dist/adapters/slack/slack-adapter.js"); await import("./dist/src/main.js");`,
  "--",
  "main.js", // -e has no script path: main.ts reads its flags from argv[2] on
  "--terminal",
  "--jsonl",
];
console.log(`rss idle, with discord.js and @slack/bolt loaded: ${await idleRss(withPlatforms(scriptFlags("chat")))} MiB (as npm run chat), ${await idleRss(withPlatforms(scriptFlags("start")))} MiB (as npm start), ${await idleRss(withPlatforms([]))} MiB (V8 default)`);

// ---- Core start-up (createCore) in a fresh compiled process: knowledge cache cold (a miss: full validation) and warm ----
const cacheDir = mkdtempSync(join(tmpdir(), "role-mentor-speed-cache-"));
const startupScript = (cache: string | false) => `
  const { createCore } = await import("./dist/src/bootstrap.js");
  const { MemoryStore } = await import("./dist/src/core/state-store.js");
  const { pino } = await import("pino");
  const logger = pino({ level: "silent" });
  const c0 = process.cpuUsage(); const t0 = performance.now();
  createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger, knowledgeCache: ${JSON.stringify(cache)} });
  const wall = performance.now() - t0; const cpu = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000 }));`;
function startupSeries(label: string, cache: string | false, before?: () => void): void {
  const runs = Array.from({ length: RUNS }, () => {
    before?.();
    return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", startupScript(cache)], { env, encoding: "utf8" })) as { wall: number; cpu: number };
  });
  console.log(`${label}: wall median ${median(runs.map((r) => r.wall)).toFixed(0)} ms (min ${Math.min(...runs.map((r) => r.wall)).toFixed(0)}), cpu median ${median(runs.map((r) => r.cpu)).toFixed(0)} ms, ${RUNS} runs`);
}
startupSeries("createCore, no knowledge cache (full validation, as after an edit)", false);
execFileSync(process.execPath, ["--input-type=module", "-e", startupScript(cacheDir)], { env }); // fills the cache
startupSeries("createCore, warm knowledge cache", cacheDir);
rmSync(cacheDir, { recursive: true, force: true });

// ---- In this process: understanding + reply, one message at a time, after a warm-up ----
const logger = pino({ level: "silent" });
const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger });
const messages = ["test/understanding/held-out.jsonl", "bench/understanding/fresh-2.jsonl", "../shared/eval/dev-extra.jsonl"].flatMap((f) => {
  try {
    return readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q);
  } catch {
    return []; // the shared set lives outside the repository
  }
});
for (let i = 0; i < 3; i++) for (const m of messages) core.mentor.answerStateless(m);
const understandTimes: number[] = [];
const answerTimes: number[] = [];
for (let round = 0; round < 10; round++)
  for (const m of messages) {
    let t = performance.now();
    core.understander.understand(m);
    understandTimes.push(performance.now() - t);
    t = performance.now();
    core.mentor.answerStateless(m);
    answerTimes.push(performance.now() - t);
  }
const c1 = process.cpuUsage();
const t1 = performance.now();
let answered = 0;
for (let round = 0; round < 10; round++) for (const m of messages) (core.mentor.answerStateless(m), answered++);
const throughputWall = (performance.now() - t1) / 1000;
const throughputCpu = ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(c1));
const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`understand one message (${understandTimes.length} calls over ${messages.length} messages): p50 ${ms(pct(understandTimes, 50))}, p99 ${ms(pct(understandTimes, 99))}`);
console.log(`understand + compose reply: p50 ${ms(pct(answerTimes, 50))}, p99 ${ms(pct(answerTimes, 99))}`);
// On a shared machine the p99 of single calls measures preemption: each message's median over the 10 rounds is its own cost.
const perMessage = messages.map((_, i) => median(Array.from({ length: 10 }, (_, round) => answerTimes[round * messages.length + i]!)));
console.log(`understand + compose reply, each message's median of 10 calls: p50 ${ms(pct(perMessage, 50))}, p99 ${ms(pct(perMessage, 99))}, slowest ${ms(Math.max(...perMessage))}`);
console.log(`understand + compose reply, throughput on one core: ${(answered / throughputWall).toFixed(0)} messages/s wall, ${(answered / throughputCpu).toFixed(0)} per CPU second`);

// ---- Quiz turns on a real SQLite file, and what a half-done quiz stores ----
const actorOf = (n: number) => ({ actor: { id: `user-${n}` }, address: { platform: "test" as const, workspace: "bench", channel: `dm-${n}`, thread: null, dm: true } });
const inQuiz = (replies: unknown) => /Question \d+ of/.test(JSON.stringify(replies));
/** Starts a quiz for person n and answers `answers` questions (all of them when Infinity); returns the turn times. */
async function quiz(store: StateStore, n: number, answers: number, afterTurn?: () => Promise<void> | void): Promise<number[]> {
  const c = quizCores.get(store)!;
  const who = actorOf(n);
  const times: number[] = [];
  let t = performance.now();
  let replies = (await c.mentor.handle({ kind: "command", name: "quiz", args: "", ...who })).replies;
  times.push(performance.now() - t);
  for (let i = 0; i < Math.min(answers, 30) && inQuiz(replies); i++) {
    t = performance.now();
    replies = (await c.mentor.handle({ kind: "message", text: String(1 + ((n + i) % 5)), ...who })).replies;
    times.push(performance.now() - t);
    await afterTurn?.();
  }
  return times;
}
const quizCores = new Map<StateStore, ReturnType<typeof createCore>>();
const planned = core.kb.quiz.items.length;
const half = Math.floor(planned / 2);

const dir = mkdtempSync(join(tmpdir(), "role-mentor-speed-"));
const sqlitePath = join(dir, "bench.sqlite");
const sqlite = new SqliteStore(sqlitePath);
quizCores.set(sqlite, createCore({ knowledgeDir: "knowledge", store: sqlite, logger }));
for (let n = 0; n < 5; n++) await quiz(sqlite, 1000 + n, Infinity); // warm-up
const turns: number[] = [];
// Person n answers 1 + ((n + i) % 5) to question i: quizzes with the same n % 5 are the same quiz, 20 times each.
const sameTurn = new Map<string, number[]>();
for (let n = 0; n < 100; n++)
  (await quiz(sqlite, n, Infinity)).forEach((t, i) => {
    turns.push(t);
    sameTurn.set(`${n % 5}:${i}`, [...(sameTurn.get(`${n % 5}:${i}`) ?? []), t]);
  });
const turnMedians = [...sameTurn.values()].map(median);
console.log(`quiz turn on SQLite (100 quizzes, ${turns.length} turns): p50 ${ms(pct(turns, 50))}, p99 ${ms(pct(turns, 99))}; each turn's median over its 20 repeats: p99 ${ms(pct(turnMedians, 99))}, slowest ${ms(Math.max(...turnMedians))}`);
await quiz(sqlite, 5000, half);
const reader = new Database(sqlitePath, { readonly: true });
const rows = reader.prepare("SELECT key, length(CAST(value AS BLOB)) AS bytes FROM state WHERE key LIKE ?").all("%:user-5000") as { key: string; bytes: number }[];
reader.close();
const quizRow = rows.find((r) => r.key.startsWith("quiz:"));
console.log(`stored per active quiz, SQLite, after ${half} of ${planned} answers: quiz value ${quizRow?.bytes ?? "?"} bytes + key ${quizRow?.key.length ?? "?"} bytes; everything stored for that person: ${rows.map((r) => `${r.key.split(":")[0]} ${r.bytes + r.key.length}`).join(", ")} bytes (key + value)`);
// The largest a quiz gets: every answer in, tie-breakers too, the background question still open.
const sqliteSizes: number[] = [];
const sizeReader = new Database(sqlitePath, { readonly: true });
const sizeOf = sizeReader.prepare("SELECT length(CAST(value AS BLOB)) + length(key) AS bytes FROM state WHERE key LIKE 'quiz:%' AND key LIKE ?");
await quiz(sqlite, 5001, Infinity, () => void sqliteSizes.push((sizeOf.get("%:user-5001") as { bytes: number } | undefined)?.bytes ?? 0));
sizeReader.close();
console.log(`stored per active quiz, SQLite, largest (all answers and tie-breakers in, ${sqliteSizes.length} turns): ${Math.max(...sqliteSizes)} bytes (key + value)`);
await sqlite.close();
rmSync(dir, { recursive: true, force: true });

const redisPort = await freePort();
const redisServer = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
const redisUp = await new Promise<boolean>((done) => {
  let out = "";
  redisServer.on("error", () => done(false));
  redisServer.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes("Ready to accept connections")) done(true);
  });
});
if (redisUp) {
  const url = `redis://127.0.0.1:${redisPort}`;
  const redisStore = new RedisStore(url);
  quizCores.set(redisStore, createCore({ knowledgeDir: "knowledge", store: redisStore, logger }));
  await quiz(redisStore, 5000, half);
  const raw = new Redis(url);
  const keys = (await raw.keys("*user-5000")).sort();
  const sizes = await Promise.all(keys.map(async (k) => ({ key: k, data: await raw.hstrlen(k, "d"), memory: Number(await raw.call("MEMORY", "USAGE", k, "SAMPLES", "0")) })));
  const quizKey = sizes.find((s) => s.key.includes("quiz:"));
  console.log(`stored per active quiz, Redis, after ${half} of ${planned} answers: quiz value ${quizKey?.data ?? "?"} bytes, MEMORY USAGE of its hash ${quizKey?.memory ?? "?"} bytes (key, fields, Redis's overhead); everything for that person: ${sizes.map((s) => `${s.key.replace(/^role-mentor:/, "").split(":")[0]} ${s.memory}`).join(", ")} bytes`);
  const redisSizes: { data: number; memory: number }[] = [];
  const quizKey5001 = async () => (await raw.keys("*quiz:*user-5001"))[0];
  await quiz(redisStore, 5001, Infinity, async () => {
    const k = await quizKey5001();
    if (k) redisSizes.push({ data: await raw.hstrlen(k, "d"), memory: Number(await raw.call("MEMORY", "USAGE", k, "SAMPLES", "0")) });
  });
  const largest = redisSizes.reduce((a, b) => (b.data > a.data ? b : a), { data: 0, memory: 0 });
  console.log(`stored per active quiz, Redis, largest (all answers and tie-breakers in): quiz value ${largest.data} bytes, MEMORY USAGE of its hash ${largest.memory} bytes`);
  raw.disconnect();
  await redisStore.close();
} else console.log("stored per active quiz, Redis: skipped (redis-server is not installed)");
redisServer.kill();
