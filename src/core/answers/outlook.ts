// The demand answer of a role, led by its outlook: the worry people voice
// ("will AI replace ML engineers?") answered directly, the dated facts, our
// opinion labelled as such, then the role's own demand section.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { roleFollowUps } from "./choices.ts";
import { sourcesLine } from "./format.ts";
import { roleAspect, sectionBlocks } from "./role.ts";
import { factLine } from "./tool-choices.ts";

const BRIEF_MAX = 300;

export function demandAnswer(kb: KnowledgeBase, id: RoleId): Reply {
  const outlook = kb.topics.outlook.find((o) => o.role === id);
  if (!outlook) return roleAspect(kb, id, "demand");
  const role = kb.role(id);
  const section = role.aspects.demand;
  const facts = outlook.facts.map(factLine);
  // First view: the first facts with a short source name and the date, as many as stay chat-sized.
  const brief = outlook.facts.map((f) => `${f.text.trim()} (${f.source.name.split(", ")[0]}, ${f.source.as_of})`);
  const shown = brief[0]!.length + (brief[1]?.length ?? 0) <= BRIEF_MAX ? brief.slice(0, 2) : brief.slice(0, 1);
  const blocks: BlockInput[] = [
    { type: "heading", text: `${role.name}: outlook and demand` },
    { type: "text", text: outlook.answer },
    // The facts keep their source and date in the first view too: brief is shown uncut.
    { type: "list", title: "What the evidence says", items: facts, brief: shown },
    { type: "list", title: "Our opinion", items: [outlook.opinion.view, ...outlook.opinion.why] },
  ];
  // The role's own demand section follows; its sources join the one sources line at the end.
  const rest = section ? sectionBlocks(section, "demand") : [];
  const restSources = rest.filter((b) => b.type === "context" && b.text.startsWith("Sources: "));
  // Renamed so the first view keeps the outlook's own evidence ahead of the section's figures.
  blocks.push(...rest.filter((b) => !restSources.includes(b)).map((b) => (b.type === "list" && b.title === "Figures" ? { ...b, title: "Demand figures" } : b)));
  const src = sourcesLine([...outlook.facts.map((f) => f.source), ...(section ? [...section.sources, ...section.figures.map((f) => f.source)] : [])]);
  if (src) blocks.push({ type: "context", text: src });
  return reply(blocks, roleFollowUps(kb, id, "demand"));
}
