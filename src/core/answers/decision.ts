// The four-step decision framework.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice, quizChoice } from "./choices.ts";
import { sourcesLine } from "./format.ts";

export function decisionFramework(kb: KnowledgeBase): Reply {
  const d = kb.decision;
  const blocks: BlockInput[] = [
    { type: "heading", text: d.title },
    { type: "text", text: d.intro },
    ...d.steps.map((s, i): BlockInput => ({ type: "list", title: `Step ${i + 1}: ${s.title}`, items: s.points })),
  ];
  const src = sourcesLine(d.sources, 4);
  if (src) blocks.push({ type: "context", text: src });
  return reply(blocks, [quizChoice(), choice({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }, "ML vs AI engineer")]);
}
