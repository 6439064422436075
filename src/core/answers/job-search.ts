// Job-search guidance: a topic (resume, portfolio, interviews, networking,
// certifications) or all of them, with role-specific points and the role's interview loop.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { JobSearchTopicId, RoleId } from "../../knowledge/schema.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice } from "./choices.ts";
import { sourcesLine } from "./format.ts";

export function jobSearch(kb: KnowledgeBase, role?: RoleId | null, topic?: JobSearchTopicId | null): Reply {
  const js = kb.jobSearch;
  const topics = topic ? js.topics.filter((t) => t.id === topic) : js.topics;
  const roleName = role ? kb.role(role).short : undefined;
  const blocks: BlockInput[] = [{ type: "heading", text: `Job search${roleName ? ` for ${roleName}s` : ""}${topic ? `: ${topics[0]?.title ?? topic}` : ""}` }];
  if (!topic) blocks.push({ type: "text", text: js.intro });
  for (const t of topics) {
    const items = topic ? t.points : t.points.slice(0, 3);
    blocks.push({ type: "list", title: t.title, items });
    const specific = role ? t.by_role[role] : undefined;
    if (specific) blocks.push({ type: "list", title: `${t.title}: ${roleName}`, items: specific });
  }
  const loop = role ? kb.role(role).interview : undefined;
  if (loop && (!topic || topic === "interviews")) {
    blocks.push({ type: "text", text: `The ${roleName} interview loop: ${loop.summary}` });
    blocks.push({ type: "list", ordered: true, items: loop.stages.map((s) => `${s.name}: ${s.what}`) });
  }
  const src = sourcesLine([...topics.flatMap((t) => t.sources), ...(loop ? loop.sources : [])]);
  if (src) blocks.push({ type: "context", text: src });
  const others = js.topics.filter((t) => t.id !== topic).slice(0, 3);
  return reply(blocks, others.map((t) => choice({ kind: "jobs", role: role ?? undefined, topic: t.id }, t.title)));
}
