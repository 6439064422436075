// Answers about one role: its overview, or one aspect in detail.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { AspectId, RoleId, Section } from "../../knowledge/schema.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { roleFollowUps, choice } from "./choices.ts";
import { ASPECT_LABELS, SALARY_ELSEWHERE, compactFigure, formatFigure, sourcesLine } from "./format.ts";

export function roleOverview(kb: KnowledgeBase, id: RoleId): Reply {
  const role = kb.role(id);
  const blocks: BlockInput[] = [
    { type: "heading", text: role.name },
    { type: "text", text: `${role.summary}\n\n${role.overview}` },
  ];
  const fields = (Object.entries(role.aspects) as [AspectId, Section][])
    .filter(([a]) => a !== "salary" && a !== "demand")
    .map(([a, s]) => ({ label: ASPECT_LABELS[a], value: s.summary }));
  if (fields.length > 0) blocks.push({ type: "fields", title: "At a glance", fields });
  if (role.kind === "starting-point" && role.related.length > 0) {
    blocks.push({ type: "list", title: "Where people go from here", items: role.related.map((r) => `${kb.role(r.role).short}: ${r.how}`) });
  }
  const choices = role.kind === "starting-point"
    ? role.related.slice(0, 3).map((r) => choice({ kind: "transition", from: id, to: r.role }, `Move to ${kb.role(r.role).short}`))
    : roleFollowUps(kb, id);
  return reply(blocks, choices);
}

export function roleAspect(kb: KnowledgeBase, id: RoleId, aspect: AspectId): Reply {
  const role = kb.role(id);
  const section = role.aspects[aspect];
  if (!section) {
    return reply(
      [
        { type: "heading", text: `${role.short}: ${ASPECT_LABELS[aspect].toLowerCase()}` },
        { type: "text", text: `I don't have details on that for the ${role.short} role yet. ${role.summary}` },
      ],
      roleFollowUps(kb, id),
    );
  }
  // Salary: pay in other countries is the first next step (the first view keeps only the first choices).
  const follow = roleFollowUps(kb, id, aspect);
  const choices = aspect === "salary" ? [choice({ kind: "pay", roles: [id] }, "Pay in other countries"), ...follow] : follow;
  return reply([{ type: "heading", text: `${role.name}: ${ASPECT_LABELS[aspect].toLowerCase()}` }, ...sectionBlocks(section, aspect)], choices);
}

/** A section's summary, points, groups, figures and sources as blocks. */
export function sectionBlocks(section: Section, aspect: AspectId): BlockInput[] {
  const blocks: BlockInput[] = [{ type: "text", text: section.summary }];
  if (section.points.length > 0) blocks.push({ type: "list", items: section.points });
  for (const g of section.groups) blocks.push({ type: "list", title: g.title, items: g.points });
  if (section.figures.length > 0) blocks.push({ type: "list", title: "Figures", items: section.figures.map(formatFigure), brief: section.figures.slice(0, 2).map(compactFigure) });
  if (aspect === "salary") blocks.push({ type: "context", text: SALARY_ELSEWHERE });
  const src = sourcesLine([...section.sources, ...section.figures.map((f) => f.source)]);
  if (src) blocks.push({ type: "context", text: src });
  return blocks;
}
