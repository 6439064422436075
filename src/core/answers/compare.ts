// Two or three roles side by side: the curated comparison when there is one,
// otherwise each role's own one-line summaries, aspect by aspect.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import { ASPECT_IDS, type AspectId, type RoleId } from "../../knowledge/schema.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice, quizChoice } from "./choices.ts";
import { ASPECT_LABELS, SALARY_ELSEWHERE, compactFigure, formatFigure, shortName, sourcesLine } from "./format.ts";

export function compareRoles(kb: KnowledgeBase, roles: RoleId[], aspect?: AspectId | null): Reply {
  const names = roles.map((r) => kb.role(r).short);
  const curated = kb.comparison(roles);
  const blocks: BlockInput[] = [{ type: "heading", text: names.join(" vs ") }];
  if (aspect) {
    blocks[0] = { type: "heading", text: `${names.join(" vs ")}: ${ASPECT_LABELS[aspect].toLowerCase()}` };
    const row = curated?.table.find((r) => r.aspect === aspect);
    blocks.push({
      type: "fields",
      fields: roles.map((r) => ({
        label: kb.role(r).short,
        value: row?.values[r] ?? kb.role(r).aspects[aspect]?.summary ?? "No details in the knowledge base yet.",
      })),
    });
    const figuresAs = (show: typeof formatFigure, perRole = Infinity) =>
      roles.flatMap((r) => (kb.role(r).aspects[aspect]?.figures ?? []).slice(0, perRole).map((f) => `${kb.role(r).short}: ${show(f)}`));
    const figures = figuresAs(formatFigure);
    // The first view shows each role's headline figure; the rest are one click away.
    if (figures.length > 0) blocks.push({ type: "list", title: "Figures", items: figures, brief: figuresAs(compactFigure, 1) });
    if (aspect === "salary") blocks.push({ type: "context", text: SALARY_ELSEWHERE });
  } else {
    if (curated) blocks.push({ type: "text", text: curated.headline });
    const rows = curated && curated.table.length > 0
      ? curated.table.map((row) => ({ title: row.label, values: row.values as Partial<Record<RoleId, string>> }))
      : ASPECT_IDS.filter((a) => roles.every((r) => kb.role(r).aspects[a])).map((a) => ({
          title: ASPECT_LABELS[a],
          values: Object.fromEntries(roles.map((r) => [r, kb.role(r).aspects[a]!.summary])) as Partial<Record<RoleId, string>>,
        }));
    for (const row of rows) {
      const fields = roles.filter((r) => row.values[r]).map((r) => ({ label: kb.role(r).short, value: row.values[r]! }));
      if (fields.length > 0) blocks.push({ type: "fields", title: row.title, fields });
    }
    if (!curated && rows.length === 0) blocks.push({ type: "text", text: roles.map((r) => `${kb.role(r).short}: ${kb.role(r).summary}`).join("\n") });
    if (curated && curated.shared.length > 0) blocks.push({ type: "list", title: "What they share", items: curated.shared });
    if (curated) {
      const picks = roles.filter((r) => curated.choose[r]).map((r) => `Pick ${kb.role(r).short} if ${curated.choose[r]}`);
      if (picks.length > 0) blocks.push({ type: "list", title: "Which one?", items: picks });
    }
  }
  const src = sourcesLine(curated?.sources ?? []);
  if (src) blocks.push({ type: "context", text: src });

  const [a, b] = roles as [RoleId, RoleId];
  const next: AspectId[] = (["salary", "tools", "skills", "demand"] as AspectId[]).filter((x) => x !== aspect);
  const choices = [
    ...(aspect === "salary" ? [choice({ kind: "pay", roles }, "Pay in other countries")] : []),
    choice({ kind: "compare", roles, aspect: next[0] }, `Compare ${ASPECT_LABELS[next[0]!].toLowerCase()}`),
    kb.transition(a, b) ? choice({ kind: "transition", from: a, to: b }, `Switch ${shortName(kb, a)} → ${shortName(kb, b)}`) : choice({ kind: "role", role: b }, `About ${kb.role(b).short}`),
    quizChoice(),
  ];
  return reply(blocks, choices);
}
