// `npm run bench`: start-up time, understanding latency, a full quiz on a real
// SQLite file, and memory. Prints figures and the machine they ran on; no
// assertions (timings belong in notes, not in tests).
import { cpus, totalmem, tmpdir } from "node:os";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { createCore } from "../src/bootstrap.ts";
import { SqliteStore } from "../src/stores/sqlite-store.ts";
import { MemoryStore } from "../src/core/state-store.ts";

const logger = pino({ level: "silent" });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

const t0 = performance.now();
const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger });
const startup = performance.now() - t0;

const messages = ["test/understanding/held-out.jsonl"].flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q));
for (let i = 0; i < 3; i++) for (const m of messages) core.mentor.answerStateless(m);
const understand: number[] = [];
const answer: number[] = [];
for (let round = 0; round < 10; round++) {
  for (const m of messages) {
    let t = performance.now();
    core.understander.understand(m);
    understand.push(performance.now() - t);
    t = performance.now();
    core.mentor.answerStateless(m);
    answer.push(performance.now() - t);
  }
}

const dir = mkdtempSync(join(tmpdir(), "role-mentor-bench-"));
const store = new SqliteStore(join(dir, "bench.sqlite"));
const quizCore = createCore({ knowledgeDir: "knowledge", store, logger });
const turns: number[] = [];
const quizzes = 50;
for (let n = 0; n < quizzes; n++) {
  const actor = { id: `user-${n}` };
  const address = { platform: "test" as const, workspace: "bench", channel: `dm-${n}`, thread: null, dm: true };
  let t = performance.now();
  let replies = (await quizCore.mentor.handle({ kind: "command", name: "quiz", args: "", address, actor })).replies;
  turns.push(performance.now() - t);
  for (let i = 0; i < 20 && /Question \d+ of/.test(JSON.stringify(replies)); i++) {
    t = performance.now();
    replies = (await quizCore.mentor.handle({ kind: "message", text: String(1 + ((n + i) % 5)), address, actor })).replies;
    turns.push(performance.now() - t);
  }
}
await store.close();
rmSync(dir, { recursive: true, force: true });
global.gc?.();
const mem = process.memoryUsage();

console.log(`machine: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
console.log(`start-up (load + validate knowledge, train understanding): ${ms(startup)}`);
console.log(`understand one message (${understand.length} calls over ${messages.length} held-out messages): p50 ${ms(pct(understand, 50))}, p99 ${ms(pct(understand, 99))}`);
console.log(`understand + compose reply: p50 ${ms(pct(answer, 50))}, p99 ${ms(pct(answer, 99))}`);
console.log(`quiz turn on SQLite (${quizzes} quizzes, ${turns.length} turns): p50 ${ms(pct(turns, 50))}, p99 ${ms(pct(turns, 99))}`);
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
