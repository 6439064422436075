// "Which role fits me?": a first lean derived from the knowledge base, not
// from canned sentences. The person's words are searched (BM25 on stems)
// against what each destination role does, uses and needs; the best match is
// the lean, with the words that produced it. The quiz gives the real answer.
import MiniSearch from "minisearch";
import { removeStopwords } from "stopword";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import { stem, tokenize } from "../../understanding/text.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice, quizChoice } from "./choices.ts";
import { listNames } from "./format.ts";

export interface FitLean {
  role: RoleId;
  score: number;
  /** The person's words that matched the role's description. */
  because: string[];
}

/** Words after "hate", "don't like", "not into" … up to "but" or punctuation describe what to avoid, not what fits. */
const NEGATED = /\b(?:hate|hates|dislike|dislikes|can'?t stand|don'?t (?:like|enjoy|want)|not (?:into|a fan of|interested in)|bored by|avoid)\b[^.,;!?]*?(?=\bbut\b|[.,;!?]|$)/gi;

export function createFitSearch(kb: KnowledgeBase): (text: string) => FitLean[] {
  const docs = [...kb.roles.values()]
    .filter((r) => r.kind === "destination")
    .map((r) => ({
      id: r.id,
      text: [
        r.summary,
        r.overview,
        ...(["focus", "responsibilities", "skills", "tools", "applications"] as const).flatMap((a) => {
          const s = r.aspects[a];
          return s ? [s.summary, ...s.points, ...s.groups.flatMap((g) => g.points)] : [];
        }),
      ].join(" "),
    }));
  const search = new MiniSearch<{ id: RoleId; text: string }>({
    fields: ["text"],
    tokenize: (t) => tokenize(t),
    processTerm: (t) => (t.length < 3 ? null : stem(t)),
  });
  search.addAll(docs);
  const filler = new Set(kb.lexicon.fit_filler.map((w) => stem(w.toLowerCase())));
  return (text: string) => {
    // Only words about the work count as evidence: no stop words, no "which role fits me" filler.
    const words = removeStopwords(tokenize(text.replace(NEGATED, " "))).filter((w) => w.length >= 3 && !filler.has(stem(w)));
    if (words.length === 0) return [];
    return search.search(words.join(" "), { combineWith: "OR" }).map((hit) => ({
      role: hit.id as RoleId,
      score: hit.score,
      because: [...new Set(words.filter((w) => hit.terms.includes(stem(w))))].slice(0, 4),
    }));
  };
}

export function fitAnswer(kb: KnowledgeBase, named: RoleId[], leans: FitLean[]): Reply {
  const blocks: BlockInput[] = [{ type: "heading", text: "Which role fits you?" }];
  if (named.length >= 2) {
    const c = kb.comparison(named);
    const picks = named.filter((r) => c?.choose[r]).map((r) => `Pick ${kb.role(r).short} if ${c!.choose[r]}`);
    blocks.push({ type: "text", text: `${listNames(named.map((r) => kb.role(r).short))} overlap, but the day-to-day differs.${c ? ` ${c.headline}` : ""}` });
    if (picks.length > 0) blocks.push({ type: "list", items: picks });
  }
  const top = leans[0];
  const second = leans[1];
  if (top && top.because.length > 0) {
    const close = second && second.score > top.score * 0.8;
    blocks.push({
      type: "text",
      text: `From what you describe (${top.because.join(", ")}), a first lean is ${kb.role(top.role).short}` +
        (close ? `, with ${kb.role(second.role).short} close behind.` : ".") +
        ` ${kb.role(top.role).summary}`,
    });
  } else if (named.length < 2) {
    blocks.push({ type: "text", text: "Tell me what you enjoy (for example building data pipelines, training models, or wiring LLMs into products), or take the short quiz." });
  }
  blocks.push({ type: "text", text: "The self-assessment quiz asks about the work you enjoy and gives a recommendation with reasons and a learning path." });
  const leanRoles = [...new Set([...(top && top.because.length > 0 ? [top.role] : []), ...named])].slice(0, 2);
  return reply(blocks, [
    quizChoice(),
    ...leanRoles.map((r) => choice({ kind: "role", role: r }, `About ${kb.role(r).short}`)),
    choice({ kind: "decide" }, "How to decide"),
  ].slice(0, 4));
}
