// Replies the conversation itself gives: the person's last quiz result
// explained, and a stated background acknowledged with where it can lead.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { RoleId } from "../knowledge/schema.ts";
import type { Background } from "../core/profile.ts";
import { reply, type Choice, type Reply } from "../core/reply.ts";
import { choice, quizChoice } from "../core/answers/choices.ts";

/** What the quiz keeps of a finished run (the quiz service's LastResult, read-only). */
export interface ResultView {
  outcome: string;
  label: string;
  scores: Record<string, number>;
  also: string | null;
  at: number;
}

const isRole = (kb: KnowledgeBase, id: string): id is RoleId => kb.roles.has(id as RoleId);

/** The role a result suggests, when it suggests one. */
export function suggestedRole(kb: KnowledgeBase, outcome: unknown): RoleId | undefined {
  return typeof outcome === "string" && isRole(kb, outcome) ? outcome : undefined;
}

/** "What was my result?" / "why did I get this?": the outcome, the scores it came from, what to do next. */
export function lastResultReply(kb: KnowledgeBase, last: ResultView | undefined): Reply {
  if (!last) {
    return reply([{ type: "text", text: `You haven't finished the quiz yet, so there is no result to explain. It takes ${kb.quiz.items.length} short questions.` }], [quizChoice(), choice({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }, "ML vs AI engineer")]);
  }
  const outcome = (kb.quiz.outcomes as Record<string, { label: string; summary: string } | undefined>)[last.outcome];
  const ranked = Object.entries(last.scores).filter(([id]) => isRole(kb, id)).sort((a, b) => b[1] - a[1]).slice(0, 3);
  const scores = ranked.map(([id, v]) => `${kb.role(id as RoleId).short} ${Math.round(v)}`).join(", ");
  const why = ranked.length > 0 ? `Your answers scored ${scores} (out of 100, how much of what each role involves you said you'd enjoy).` : "";
  const also = last.also && isRole(kb, last.also) ? ` ${kb.role(last.also).short} came out strong too.` : "";
  const date = new Date(last.at).toISOString().slice(0, 10);
  const role = suggestedRole(kb, last.outcome);
  const choices: Choice[] = [];
  if (role) choices.push(choice({ kind: "path", role }, `Path to ${kb.role(role).short}`));
  else choices.push(choice({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }, "ML vs AI engineer"));
  choices.push(choice({ kind: "quiz", op: "restart" }, "Retake the quiz"));
  return reply(
    [
      { type: "text", text: `Your last result (${date}) was ${last.label}. ${outcome?.summary ?? ""}`.trim() },
      { type: "text", text: `${why}${also}`.trim() || "The result follows from which kinds of work you said you'd enjoy." },
    ],
    choices,
  );
}

/** A background told on its own: noted, with the next steps it opens. */
export function backgroundNoted(kb: KnowledgeBase, bg: Background): Reply {
  const targets: RoleId[] = ["ml-engineer", "ai-engineer"].filter((r) => r !== bg.from) as RoleId[];
  const moves: Choice[] = bg.from
    ? targets.map((to) => choice({ kind: "transition", from: bg.from!, to }, `${kb.role(bg.from!).short} → ${kb.role(to).short}`))
    : targets.map((to) => choice({ kind: "path", role: to }, `Path to ${kb.role(to).short}`));
  return reply(
    [{ type: "text", text: `Noted: your background is ${bg.from ? bg.label.toLowerCase().replace(/\b(ml|ai|mlops)\b/g, (w) => w.toUpperCase()) : bg.label}. I'll use that for paths and for which role fits. Where would you like to go from here?` }],
    [...moves, choice({ kind: "fit" }, "Which role fits me?"), quizChoice()].slice(0, 4),
  );
}
