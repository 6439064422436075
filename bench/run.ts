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
import { readLabels, scoreFrames, type Frame, type Score } from "./label-score.ts";
import { trainNlpjs } from "./peer-nlpjs.ts";

const logger = pino({ level: "silent" });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

const t0 = performance.now();
const c0 = process.cpuUsage();
const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger });
const startup = performance.now() - t0;
// CPU time too: on a shared machine the wall time mostly measures the neighbours.
const startupCpu = process.cpuUsage(c0);

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
console.log(`start-up (load + validate knowledge, train understanding): ${ms(startup)} wall, ${ms((startupCpu.user + startupCpu.system) / 1000)} CPU`);
console.log(`understand one message (${understand.length} calls over ${messages.length} held-out messages): p50 ${ms(pct(understand, 50))}, p99 ${ms(pct(understand, 99))}`);
console.log(`understand + compose reply: p50 ${ms(pct(answer, 50))}, p99 ${ms(pct(answer, 99))}`);
console.log(`quiz turn on SQLite (${quizzes} quizzes, ${turns.length} turns): p50 ${ms(pct(turns, 50))}, p99 ${ms(pct(turns, 99))}`);
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);

// ---- The peer, side by side: nlp.js trained on the same examples and lexicon ----
const SETS = ["../shared/eval/dev-questions.jsonl", "../shared/eval/dev-extra.jsonl", "test/understanding/held-out.jsonl", "bench/understanding/fresh-2.jsonl"];
const rssBefore = process.memoryUsage().rss;
const p0 = performance.now();
const peer = await trainNlpjs(core.kb);
const peerStartup = performance.now() - p0;
global.gc?.();
const peerRss = process.memoryUsage().rss - rssBefore;
const frameOf = (q: string): Frame => {
  const { intent, roles, aspect, term, from, to } = core.mentor.answerStateless(q).understanding!;
  return { intent, roles, aspect, term, from, to };
};
const f3 = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : "n/a");
console.log("");
console.log("peer: nlp.js (@nlpjs/nlp 4.27 + lang-en-min), trained on knowledge/understanding/intents.yaml with the lexicon and glossary as entities");
console.log("set | n | mentor full / intent / OOS P,R | nlp.js full / intent / OOS P,R | full-match ratio");
const all: { mentor: Score; peer: Score }[] = [];
for (const set of SETS) {
  let labels;
  try { labels = readLabels(set); } catch { console.log(`${set}: not found, skipped`); continue; }
  const mine = scoreFrames(labels, labels.map((l) => frameOf(l.q)));
  const theirs = scoreFrames(labels, await Promise.all(labels.map((l) => peer(l.q))));
  all.push({ mentor: mine, peer: theirs });
  console.log(`${set} | ${mine.n} | ${f3(mine.full)} / ${f3(mine.intent)} / ${f3(mine.oosPrecision)},${f3(mine.oosRecall)} | ${f3(theirs.full)} / ${f3(theirs.intent)} / ${f3(theirs.oosPrecision)},${f3(theirs.oosRecall)} | ${ratio(mine.full, theirs.full)}`);
}
const peerTimes: number[] = [];
for (let round = 0; round < 3; round++) for (const m of messages) { const t = performance.now(); await peer(m); peerTimes.push(performance.now() - t); }
console.log(`understand one message: mentor p50 ${ms(pct(understand, 50))} / p99 ${ms(pct(understand, 99))}; nlp.js p50 ${ms(pct(peerTimes, 50))} / p99 ${ms(pct(peerTimes, 99))} (p50 ratio ${ratio(pct(peerTimes, 50), pct(understand, 50))} slower)`);
console.log(`start-up: mentor ${ms(startup)} (whole knowledge base); nlp.js training ${ms(peerStartup)}`);
console.log(`memory added by the trained nlp.js model in this process: ${(peerRss / 2 ** 20).toFixed(0)} MiB rss`);
