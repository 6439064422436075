// `npm run bench:decode`: how long the core takes to decode a 5,000-character
// posting (target under 20 ms), and a 10,000-character one. Figures only, no
// assertions. The postings are the tuning fixtures, joined and cut to length.
import { cpus } from "node:os";
import { readFileSync } from "node:fs";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { createDecoder } from "../src/decoder/decode.ts";
import { decodedPosting } from "../src/core/answers/decode.ts";

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const kb = loadKnowledge("knowledge");
let t = performance.now();
const decoder = createDecoder(kb);
decoder.decode({ text: "Build and deploy machine learning models; design RAG pipelines and evaluations for LLM features in production." });
const build = performance.now() - t;

const rows = readFileSync("test/decoder/postings/tuning.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string });
const joined = rows.map((r) => r.text).join("\n\n");
for (const size of [5000, 10_000]) {
  const postings = rows.map((_, i) => (joined.slice(i * 700) + joined).slice(0, size));
  for (const p of postings.slice(0, 5)) decoder.decode({ title: "", text: p });
  const decode: number[] = [];
  const withReply: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let round = 0; round < 5; round++) {
    for (const p of postings) {
      t = performance.now();
      const d = decoder.decode({ title: "Machine Learning Engineer", text: p });
      decode.push(performance.now() - t);
      decodedPosting(kb, d);
      withReply.push(performance.now() - t);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  // Wall time suffers when other processes share the cores; CPU time per decode is the core's own cost.
  console.log(`decode a ${size.toLocaleString("en")}-character posting (${decode.length} runs): wall p50 ${ms(pct(decode, 50))}, p90 ${ms(pct(decode, 90))}, p99 ${ms(pct(decode, 99))}; with the reply p50 ${ms(pct(withReply, 50))}; CPU ${ms((cpu.user + cpu.system) / 1000 / decode.length)} per decode and reply`);
}
console.log(`decoder start-up (the first posting indexes the role profiles): ${ms(build)}`);
console.log(`machine: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}, Node ${process.version}`);
