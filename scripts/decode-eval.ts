// `npx tsx scripts/decode-eval.ts [--show-misses] [--explain=ID] [files…]`: scores the decoder
// on labelled postings (default: the tuning part, the frozen part and the fresh
// frozen set, separately): role accuracy, role-or-alternative accuracy, mismatch
// precision and recall, and how ML and AI engineer postings are confused.
// --explain=ID prints that posting's scored lines (section, weight, votes), to
// see which duty lines go to which role.
import { readFileSync } from "node:fs";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { createDecoder } from "../src/decoder/decode.ts";

interface Labelled { id: string; title: string; text: string; role: string | null; also: string[]; mismatch: boolean; source: string }

const ABBR: Record<string, string> = { "ml-engineer": "ML", "ai-engineer": "AI", "mlops-engineer": "MLOps", "data-engineer": "DE", "data-scientist": "DS", "data-analyst": "DA", "research-scientist": "RS", "software-engineer": "SWE" };

const args = process.argv.slice(2);
const showMisses = args.includes("--show-misses");
const explainId = args.find((a) => a.startsWith("--explain="))?.slice("--explain=".length);
const files = args.filter((a) => !a.startsWith("--"));
const sets = files.length > 0 ? files : ["test/decoder/postings/tuning.jsonl", "test/decoder/postings/frozen.jsonl", "test/decoder/postings-fresh/fresh.jsonl"];
const decoder = createDecoder(loadKnowledge("knowledge"));

for (const file of sets) {
  const rows = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Labelled);
  let exact = 0, lenient = 0, tp = 0, fp = 0, fn = 0;
  const confusion = { "ml→ai": 0, "ai→ml": 0, ml: 0, ai: 0 };
  const misses: string[] = [];
  for (const r of rows) {
    const d = decoder.decode({ title: r.title, text: r.text });
    if (r.id === explainId) explain(r, d.scores);
    const ok = d.role === r.role;
    const okAlt = ok || (d.role !== null && r.also.includes(d.role));
    exact += ok ? 1 : 0;
    lenient += okAlt ? 1 : 0;
    if (d.mismatch && r.mismatch) tp++;
    else if (d.mismatch) fp++;
    else if (r.mismatch) fn++;
    if (r.role === "ml-engineer") { confusion.ml++; if (d.role === "ai-engineer") confusion["ml→ai"]++; }
    if (r.role === "ai-engineer") { confusion.ai++; if (d.role === "ml-engineer") confusion["ai→ml"]++; }
    if (!okAlt || d.mismatch !== r.mismatch) misses.push(`  ${r.id}: want ${r.role}${r.also.length ? ` (or ${r.also.join(", ")})` : ""} mismatch=${r.mismatch}; got ${d.role} ${JSON.stringify(d.scores)} title_roles=${JSON.stringify(d.title_roles)} mismatch=${d.mismatch}`);
  }
  const n = rows.length;
  const f = (x: number) => x.toFixed(3);
  const precision = tp + fp > 0 ? tp / (tp + fp) : NaN;
  const recall = tp + fn > 0 ? tp / (tp + fn) : NaN;
  console.log(`${file}: n=${n}  role ${f(exact / n)}  role-or-alternative ${f(lenient / n)}  mismatch precision ${f(precision)} recall ${f(recall)} (tp ${tp}, fp ${fp}, fn ${fn})  ML→AI ${confusion["ml→ai"]}/${confusion.ml}  AI→ML ${confusion["ai→ml"]}/${confusion.ai}`);
  if (showMisses) for (const m of misses) console.log(m);
}

function explain(r: Labelled, scores: object): void {
  console.log(`${r.id} (${r.title}): want ${r.role}; got ${JSON.stringify(scores)}`);
  for (const l of decoder.explain({ title: r.title, text: r.text })) {
    const votes = Object.entries(l.votes).sort((a, b) => b[1] - a[1]).map(([role, v]) => `${ABBR[role] ?? role} ${(v * l.weight).toFixed(2)}`).join(", ");
    console.log(`  [${l.section} ${l.weight.toFixed(2)}] ${l.text.slice(0, 90)}\n      ${votes}`);
  }
}

