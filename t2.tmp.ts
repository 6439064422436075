import { command, choose, silentLogger } from "./test/helpers/core.ts";
import { createCore } from "./src/bootstrap.ts";
import { MemoryStore } from "./src/core/state-store.ts";
import { renderReply } from "./adapters/discord/render.ts";
import { embedLength } from "./adapters/discord/limits.ts";
import { encodeAction } from "./src/core/actions.ts";
import { ASPECT_IDS, ROLE_IDS } from "./src/knowledge/schema.ts";
const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silentLogger, perMinute: 1e9 });
let max = { msgs: 0, embeds: 0, total: 0, field: 0, desc: 0 };
async function show(ev: any) {
  const t = await core.mentor.handle(ev);
  for (const r of t.replies) {
    const ms = renderReply(r);
    max.msgs = Math.max(max.msgs, ms.length);
    for (const m of ms) { max.embeds = Math.max(max.embeds, m.embeds.length); max.total = Math.max(max.total, m.embeds.reduce((n, e) => n + embedLength(e), 0));
      for (const e of m.embeds) { max.desc = Math.max(max.desc, e.description?.length ?? 0); for (const f of e.fields ?? []) max.field = Math.max(max.field, f.value.length); } }
  }
  return t;
}
for (const a of ROLE_IDS) for (const b of ROLE_IDS) if (a !== b) { await show(choose(encodeAction({ kind: "compare", roles: [a, b] }))); for (const asp of ASPECT_IDS) await show(choose(encodeAction({ kind: "compare", roles: [a, b], aspect: asp }))); await show(choose(encodeAction({kind:"transition", from:a, to:b}))); }
for (const r of ROLE_IDS) { await show(choose(encodeAction({ kind: "role", role: r }))); for (const asp of ASPECT_IDS) await show(choose(encodeAction({ kind: "role", role: r, aspect: asp }))); await show(choose(encodeAction({kind:"path", role: r}))); await show(choose(encodeAction({kind:"resources", role: r}))); }
console.log(max);
const t = await core.mentor.handle(choose(encodeAction({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] })));
console.log(JSON.stringify(renderReply(t.replies[0]!), null, 1).slice(0, 3000));
const q = await core.mentor.handle(command("quiz"));
console.log(JSON.stringify(renderReply(q.replies[0]!), null, 1));
