// How to get there: a learning path for one role, or a move between two.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import { reply, type BlockInput, type Link, type Reply } from "../reply.ts";
import { choice, quizChoice } from "./choices.ts";
import { counterpart, sourcesLine, withArticle } from "./format.ts";
import { durationLine } from "./duration.ts";

export function resourceLinks(kb: KnowledgeBase, ids: string[]): Link[] {
  return [...new Set(ids)].flatMap((id) => {
    const r = kb.resource(id);
    return r ? [{ label: r.title, url: r.url, note: r.why }] : [];
  });
}

export function learningPath(kb: KnowledgeBase, id: RoleId): Reply {
  const role = kb.role(id);
  const path = kb.path(id);
  if (!path) {
    // Starting-point roles have no path of their own: show where people go from them.
    return reply(
      [
        { type: "heading", text: `From ${role.short}` },
        { type: "text", text: `${role.summary} Most people here are moving on from this role, so the useful paths are transitions.` },
      ],
      role.related.slice(0, 3).map((r) => choice({ kind: "transition", from: id, to: r.role }, `Move to ${kb.role(r.role).short}`)),
    );
  }
  const blocks: BlockInput[] = [
    { type: "heading", text: `Learning path: ${role.name}` },
    { type: "text", text: path.summary },
    { type: "context", text: durationLine(path.duration) },
    {
      type: "list",
      ordered: true,
      items: path.steps.map((s) => `${s.title}: ${s.skills.join(", ")}${s.project ? `. Project: ${s.project}` : ""}`),
    },
  ];
  const links = resourceLinks(kb, path.steps.flatMap((s) => s.resources)).slice(0, 6);
  if (links.length > 0) blocks.push({ type: "links", title: "Start with", links });
  const src = sourcesLine(path.sources);
  if (src) blocks.push({ type: "context", text: src });
  return reply(blocks, [
    choice({ kind: "resources", role: id }, "More resources"),
    choice({ kind: "role", role: id, aspect: "skills" }, "Skills needed"),
    choice({ kind: "jobs", role: id }, "Job search tips"),
    quizChoice(),
  ]);
}

export function transition(kb: KnowledgeBase, from: RoleId, to: RoleId): Reply {
  const t = kb.transition(from, to);
  const a = kb.role(from);
  const b = kb.role(to);
  if (!t && !kb.path(to)) {
    // A starting-point role has no path in: say so, and offer what exists.
    const back = kb.transition(to, from);
    return reply(
      [
        { type: "heading", text: `${a.short} → ${b.short}` },
        { type: "text", text: `I don't have a guide for moving into the ${b.short} role. ${b.summary}` },
      ],
      [
        choice({ kind: "role", role: to }, `About ${b.short}`),
        ...(back ? [choice({ kind: "transition", from: to, to: from }, `${b.short} → ${a.short}`)] : []),
        choice({ kind: "compare", roles: [from, to] }, `Compare ${a.short} and ${b.short}`),
      ],
    );
  }
  if (!t) {
    // No curated move: what the origin role already brings, then the destination's path.
    const path = learningPath(kb, to);
    const carry = a.aspects.skills?.summary ?? a.summary;
    return {
      ...path,
      blocks: [
        { type: "heading", text: `${a.short} → ${b.short}` },
        { type: "text", text: `There is no dedicated guide for this move yet. What you bring as ${withArticle(a.short)}: ${carry} Here is the ${b.short} learning path; skip the steps you already know.` },
        ...path.blocks.slice(1),
      ],
    };
  }
  const blocks: BlockInput[] = [
    { type: "heading", text: `${a.short} → ${b.short}` },
    { type: "text", text: t.summary },
    { type: "context", text: durationLine(t.duration) },
    // What to learn is the answer to "how do I switch"; what carries over follows.
    { type: "list", title: "What to learn", items: t.gaps },
    { type: "list", title: "What you already have", items: t.carry_over },
    { type: "list", title: "Steps", items: t.steps, ordered: true },
    { type: "text", text: `Portfolio project: ${t.project}` },
  ];
  const links = resourceLinks(kb, t.resources);
  if (links.length > 0) blocks.push({ type: "links", title: "Resources", links });
  const src = sourcesLine(t.sources);
  if (src) blocks.push({ type: "context", text: src });
  const back = kb.transition(to, from);
  return reply(blocks, [
    choice({ kind: "compare", roles: [from, to] }, `Compare ${a.short} and ${b.short}`),
    choice({ kind: "path", role: to }, `Full ${b.short} path`),
    back ? choice({ kind: "transition", from: to, to: from }, `The other way round`) : choice({ kind: "compare", roles: [to, counterpart(to)] }, `${b.short} vs ${kb.role(counterpart(to)).short}`),
    quizChoice(),
  ]);
}
