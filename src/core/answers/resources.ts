// Curated resources, for one role or the whole field.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import { reply, type Reply } from "../reply.ts";
import { choice } from "./choices.ts";

const MAX_LINKS = 8;

export function resources(kb: KnowledgeBase, role?: RoleId | null, term?: string | null): Reply {
  const pool = role ? kb.resourcesFor(role) : kb.resources;
  // A named topic (e.g. RAG, MLOps) narrows the list to resources that mention it.
  const topic = term ? kb.term(term) : undefined;
  const words = topic ? [topic.id.replace(/-/g, " "), topic.term, ...topic.aliases].map((w) => w.toLowerCase()) : [];
  const onTopic = words.length > 0
    ? pool.filter((r) => words.some((w) => `${r.title} ${r.why} ${r.for_whom}`.toLowerCase().includes(w)))
    : [];
  const list = (onTopic.length > 0 ? onTopic : pool).slice(0, MAX_LINKS);
  const title = role ? `Resources for ${kb.role(role).short}s` : topic && onTopic.length > 0 ? `Resources on ${topic.term}` : "Resources";
  return reply(
    [
      { type: "heading", text: title },
      { type: "links", links: list.map((r) => ({ label: r.title, url: r.url, note: `${r.why} For: ${r.for_whom}${r.free ? " Free." : ""}` })) },
    ],
    [
      ...(role && kb.path(role) ? [choice({ kind: "path", role }, "Learning path")] : []),
      // Starting points have no path of their own: offer the moves out of them.
      ...(role && !kb.path(role) ? kb.role(role).related.slice(0, 2).map((r) => choice({ kind: "transition", from: role, to: r.role }, `Move to ${kb.role(r.role).short}`)) : []),
      ...(!role ? [choice({ kind: "resources", role: "ai-engineer" }, "For AI engineers"), choice({ kind: "resources", role: "ml-engineer" }, "For ML engineers")] : []),
      choice({ kind: "quiz", op: "start" }, "Take the quiz"),
    ],
  );
}
