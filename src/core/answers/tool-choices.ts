// "PyTorch or TensorFlow?": the labelled opinion first, its reasons, the status
// of projects that are no longer developed, and the dated facts behind it.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { Fact } from "../../knowledge/topics-schema.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice } from "./choices.ts";
import { sourcesLine } from "./format.ts";

/** "LangGraph is low-level … (LangChain docs, 2026)": a fact with its source and date inline. */
export const factLine = (f: Fact): string => `${f.text.trim()} (${f.source.name}, ${f.source.as_of})`;

export function toolChoiceAnswer(kb: KnowledgeBase, id: string): Reply {
  const c = kb.topics.toolChoices.choices.find((x) => x.id === id);
  if (!c) return reply([{ type: "text", text: "I don't have advice on that choice yet." }], [choice({ kind: "resources" }, "Resources")]);
  const blocks: BlockInput[] = [
    { type: "heading", text: c.question },
    { type: "text", text: c.opinion.view },
  ];
  // A project that is no longer developed is small print that must never be cut from the first view.
  for (const o of c.options) if (o.status !== "active" && o.status_note) {
    blocks.push({ type: "context", text: `Status: ${o.status_note.trim()} (${o.status_source!.name}, ${o.status_source!.as_of})` });
  }
  blocks.push({ type: "list", title: "Why (opinion)", items: c.opinion.why });
  if (c.facts.length > 0) blocks.push({ type: "list", title: "Facts", items: c.facts.map(factLine) });
  const src = sourcesLine([...c.facts.map((f) => f.source), ...c.options.flatMap((o) => (o.status_source ? [o.status_source] : []))]);
  if (src) blocks.push({ type: "context", text: src });
  const role = c.roles[0]!;
  return reply(blocks, [
    choice({ kind: "role", role, aspect: "tools" }, `${kb.role(role).short} tools`),
    choice({ kind: "resources", role }, "Resources"),
    choice({ kind: "path", role }, "Learning path"),
  ]);
}
