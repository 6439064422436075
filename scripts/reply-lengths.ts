// Prints the plain-text length of the first view of every answer the knowledge
// base can produce (p50, p90, max, the longest few): the chat-size yardstick.
import { pino } from "pino";
import { createCore } from "../src/bootstrap.ts";
import { MemoryStore } from "../src/core/state-store.ts";
import { encodeAction, type Action } from "../src/core/actions.ts";
import { renderPlainText } from "../src/core/reply.ts";
import { ASPECT_IDS, type RoleId } from "../src/knowledge/schema.ts";

const { mentor, kb } = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: pino({ level: "silent" }) });
const roles = [...kb.roles.keys()] as RoleId[];
const actions: Action[] = [];
for (const role of roles) {
  actions.push({ kind: "role", role }, { kind: "path", role }, { kind: "resources", role }, { kind: "jobs", role });
  for (const aspect of ASPECT_IDS) if (kb.role(role).aspects[aspect]) actions.push({ kind: "role", role, aspect });
  for (const t of kb.jobSearch.topics) actions.push({ kind: "jobs", role, topic: t.id });
}
for (const c of kb.comparisons) { actions.push({ kind: "compare", roles: c.roles }); for (const aspect of ASPECT_IDS) actions.push({ kind: "compare", roles: c.roles, aspect }); }
for (const t of kb.transitions) actions.push({ kind: "transition", from: t.from, to: t.to });
for (const g of kb.glossary) actions.push({ kind: "glossary", term: g.id });
for (const t of kb.jobSearch.topics) actions.push({ kind: "jobs", topic: t.id });
actions.push({ kind: "resources" }, { kind: "jobs" });

const rows: { id: string; n: number; text: string }[] = [];
let i = 0;
for (const a of actions) {
  const id = encodeAction(a);
  const t = await mentor.handle({ id: `len${i++}`, kind: "choice", choiceId: id, address: { platform: "test", workspace: "w", channel: "c", thread: null, dm: true }, actor: { id: `p${i}` } });
  const text = t.replies.map(renderPlainText).join("\n\n");
  rows.push({ id, n: text.length, text });
}
const ns = rows.map((r) => r.n).sort((a, b) => a - b);
const pct = (p: number) => ns[Math.min(ns.length - 1, Math.floor((p / 100) * ns.length))];
console.log(`answers ${ns.length}  p50 ${pct(50)}  p90 ${pct(90)}  max ${ns[ns.length - 1]}`);
for (const r of rows.sort((a, b) => b.n - a.n).slice(0, Number(process.argv[2] ?? 5))) console.log(`\n--- ${r.id} (${r.n})\n${r.text}`);
