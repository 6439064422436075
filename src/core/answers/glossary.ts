// A term explained, with why it matters and where the definition comes from.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice, quizChoice } from "./choices.ts";
import { sourcesLine } from "./format.ts";

export function glossaryTerm(kb: KnowledgeBase, id: string): Reply | undefined {
  const t = kb.term(id);
  if (!t) return undefined;
  const blocks: BlockInput[] = [
    { type: "heading", text: t.term },
    { type: "text", text: t.definition },
  ];
  if (t.why_it_matters) blocks.push({ type: "text", text: `Why it matters: ${t.why_it_matters}` });
  if (t.roles.length > 0) blocks.push({ type: "context", text: `Most used by: ${t.roles.map((r) => kb.role(r).short).join(", ")}` });
  const src = sourcesLine([t.source]);
  if (src) blocks.push({ type: "context", text: src });
  const related = t.related.flatMap((r) => {
    const rt = kb.term(r);
    return rt ? [choice({ kind: "glossary", term: r }, rt.term)] : [];
  });
  return reply(blocks, [...related.slice(0, 2), ...(t.roles[0] ? [choice({ kind: "role", role: t.roles[0] }, `About ${kb.role(t.roles[0]).short}s`)] : []), quizChoice()].slice(0, 4));
}

/** When no term matched: the terms the mentor does know, as choices. */
export function unknownTerm(kb: KnowledgeBase, suggestions: string[]): Reply {
  const known = suggestions.flatMap((id) => (kb.term(id) ? [kb.term(id)!] : []));
  return reply(
    [
      { type: "heading", text: "Glossary" },
      {
        type: "text",
        text: known.length > 0
          ? "I don't have that term in my glossary. Did you mean one of these?"
          : `I don't have that term in my glossary yet. I can explain ${kb.glossary.length} terms, for example ${kb.glossary.slice(0, 6).map((t) => t.term).join(", ")}. Try /glossary followed by a term.`,
      },
    ],
    known.length > 0
      ? known.slice(0, 3).map((t) => choice({ kind: "glossary", term: t.id }, t.term))
      // Nothing close: offer a few common terms rather than a dead end.
      : ["rag", "llm", "mlops"].flatMap((id) => (kb.term(id) ? [choice({ kind: "glossary", term: id }, kb.term(id)!.term)] : [])),
  );
}
