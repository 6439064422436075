// A route from a background outside the roles ("I'm a QA tester", "I have a
// physics PhD") into ML or AI engineering: the honest picture, how long it
// takes and what it assumes, what carries over, what to learn and the steps.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice, quizChoice } from "./choices.ts";
import { sourcesLine } from "./format.ts";
import { durationLine } from "./duration.ts";
import { factLine } from "./tool-choices.ts";
import { learningPath } from "./paths.ts";

export function startingPointAnswer(kb: KnowledgeBase, id: string, to?: RoleId): Reply {
  const point = kb.topics.startingPoints.find((p) => p.id === id);
  if (!point) return reply([{ type: "text", text: "I don't have a route for that background yet." }], [quizChoice()]);
  const route = point.routes.find((r) => r.to === (to ?? point.routes[0]!.to));
  if (!route) {
    // No route of its own into this role: the honest picture, then the role's learning path.
    const path = learningPath(kb, to!);
    return {
      ...path,
      blocks: [
        { type: "heading", text: `${point.label} → ${kb.role(to!).short}` },
        { type: "text", text: `${point.summary} I have no dedicated route from here to ${kb.role(to!).short}; here is the general path, skip what you already know.` },
        ...path.blocks.slice(1),
      ],
    };
  }
  const target = kb.role(route.to);
  const blocks: BlockInput[] = [
    { type: "heading", text: `${point.label} → ${target.short}` },
    { type: "text", text: point.summary },
    { type: "context", text: durationLine(route.duration) },
    { type: "list", title: "Steps", items: route.steps, ordered: true },
    { type: "list", title: "What to learn", items: point.gaps },
    { type: "list", title: "What you already have", items: point.carry_over },
    { type: "text", text: `Portfolio project: ${route.project}` },
  ];
  if (point.facts.length > 0) blocks.push({ type: "list", title: "Facts", items: point.facts.map(factLine) });
  const src = sourcesLine([...point.facts.map((f) => f.source), ...point.sources]);
  if (src) blocks.push({ type: "context", text: src });
  const others = point.routes.filter((r) => r !== route);
  return reply(blocks, [
    ...others.map((r) => choice({ kind: "start", point: point.id, to: r.to }, `To ${kb.role(r.to).short} instead`)),
    choice({ kind: "path", role: route.to }, `Full ${target.short} path`),
    ...(point.closest_role ? [choice({ kind: "role", role: point.closest_role }, `About ${kb.role(point.closest_role).short}`)] : []),
    quizChoice(),
  ]);
}
