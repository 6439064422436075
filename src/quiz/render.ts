// What the quiz looks like: a question with its options as choices, and the
// result with bars, reasons and next steps. Pure: state in, replies out.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { RoleId } from "../knowledge/schema.ts";
import { reply, type BlockInput, type Choice, type Reply } from "../core/reply.ts";
import { encodeAction } from "../core/actions.ts";
import { resourceLinks } from "../core/answers/paths.ts";
import { BACKGROUND, optionOrder, type QuizState, type Step } from "./session.ts";
import type { Score, Contribution } from "./scoring.ts";

export type QuizNav = "back" | "skip" | "quit" | "restart";

/** Button ids carry the quiz run and its owner, so stale and foreign clicks are recognised. */
export const answerId = (runId: string, owner: string, item: string, index: number) =>
  encodeAction({ kind: "quiz", op: "a", arg: `${runId}:${owner}:${item}:${index}` });
export const navId = (runId: string, owner: string, nav: QuizNav) => encodeAction({ kind: "quiz", op: "n", arg: `${runId}:${owner}:${nav}` });

/** The labels of the current question in the order shown, and the original index behind each. */
export function shownOptions(kb: KnowledgeBase, state: QuizState, step: Extract<Step, { kind: "item" | "background" }>): { labels: string[]; values: number[]; item: string } {
  if (step.kind === "background") return { item: BACKGROUND, labels: kb.quiz.background.options.map((o) => o.label), values: kb.quiz.background.options.map((_, i) => i) };
  const item = step.item;
  if (item.type === "rating") return { item: item.id, labels: kb.quiz.scale.map((s) => s.label), values: kb.quiz.scale.map((_, i) => i) };
  const order = optionOrder(state.runId, item.id, item.options.length);
  return { item: item.id, labels: order.map((i) => item.options[i]!.label), values: order };
}

export function questionReply(kb: KnowledgeBase, state: QuizState, owner: string, step: Extract<Step, { kind: "item" | "background" }>, preface: BlockInput[] = []): Reply {
  const { labels, item } = shownOptions(kb, state, step);
  const text = step.kind === "background" ? kb.quiz.background.text : step.item.text;
  const choices: Choice[] = labels.map((label, i) => ({ id: answerId(state.runId, owner, item, i), label }));
  if (state.history.length > 0) choices.push({ id: navId(state.runId, owner, "back"), label: "Back" });
  choices.push({ id: navId(state.runId, owner, "skip"), label: "Skip" });
  if (state.history.length > 0) choices.push({ id: navId(state.runId, owner, "restart"), label: "Restart" });
  choices.push({ id: navId(state.runId, owner, "quit"), label: "Quit" });
  return reply(
    [...preface, { type: "text", text: `Question ${step.number} of ${step.planned}\n\n${text}` }, { type: "context", text: `Answer with a button, or type the number, the letter or the words; "back", "skip" and "quit" work too.` }],
    choices,
    { visibility: "private", data: { quiz: { run: state.runId, item, number: step.number, planned: step.planned } } },
  );
}

/** The primary axis first, then the adjacent roles from strongest to weakest. */
function barOrder(roles: RoleId[], s: Score): RoleId[] {
  const primary: RoleId[] = ["ml-engineer", "ai-engineer"];
  return [...primary.filter((r) => roles.includes(r)), ...roles.filter((r) => !primary.includes(r)).sort((a, b) => s.scores[b] - s.scores[a] || a.localeCompare(b))];
}

const CONFIDENCE_TEXT = {
  high: "High confidence: your answers point clearly one way.",
  medium: "Medium confidence: a clear lean, but not a landslide.",
  low: "Low confidence: your answers are close or few, so treat this as a first hint.",
} as const;

function quoteOf(c: Contribution): string {
  if (c.answer === "chose") return `you chose ${c.quote}`;
  if (c.answer === "unsure") return `you were unsure about ${c.quote}`;
  return `you'd ${c.answer} ${c.quote}`;
}

export function resultReply(kb: KnowledgeBase, state: QuizState, s: Score): Reply {
  const outcome = kb.quiz.outcomes[s.outcome];
  const destination = [...kb.roles.values()].filter((r) => r.kind === "destination");
  // A hybrid still leans one way by a few points: its reasons are that side's, and the other side pulls.
  const lean: RoleId = s.outcome === "hybrid" ? (s.margin >= 0 ? "ml-engineer" : "ai-engineer") : s.outcome;
  const leading: RoleId[] = [lean];
  const opposite: RoleId = lean === "ml-engineer" ? "ai-engineer" : "ml-engineer";
  // Strongest reasons for the outcome, one per item.
  const reasons = [...s.contributions]
    .filter((c) => leading.includes(c.role))
    .sort((a, b) => b.points - a.points || a.item.localeCompare(b.item))
    .filter((c, i, all) => all.findIndex((x) => x.item === c.item) === i)
    .slice(0, 3);
  const pulled = [...s.contributions]
    .filter((c) => c.role === opposite && !reasons.some((r) => r.item === c.item))
    .sort((a, b) => b.points - a.points || a.item.localeCompare(b.item))[0];

  const blocks: BlockInput[] = [
    { type: "heading", text: `Your result: ${outcome.label}` },
    { type: "text", text: outcome.summary },
    { type: "bars", title: "Scores (0–100)", bars: barOrder(destination.map((r) => r.id), s).map((id) => ({ label: kb.role(id).short, value: s.scores[id] })) },
    { type: "text", text: CONFIDENCE_TEXT[s.confidence] },
  ];
  if (reasons.length > 0) blocks.push({ type: "list", title: s.outcome === "hybrid" ? `Leaning slightly towards ${kb.role(lean).short}, because` : "Because", items: reasons.map(quoteOf) });
  if (pulled) blocks.push({ type: "text", text: `Pulling the other way: ${quoteOf(pulled)}, which points towards ${kb.role(opposite).short}.` });
  if (s.also) blocks.push({ type: "text", text: `Also strong: ${kb.role(s.also).short}. ${kb.role(s.also).summary}` });

  const target: RoleId = lean;
  const path = kb.path(target);
  if (path) blocks.push({ type: "list", title: `Next steps towards ${kb.role(target).short}`, ordered: true, items: path.steps.slice(0, 3).map((st) => `${st.title}: ${st.skills.slice(0, 4).join(", ")}`) });
  const from = kb.quiz.background.options.find((o) => o.id === state.background)?.role;
  const move = from && from !== target ? kb.transition(from, target) : undefined;
  if (move) blocks.push({ type: "text", text: `Coming from ${kb.role(from!).short}: ${move.summary}` });
  const links = resourceLinks(kb, [...(move?.resources ?? []), ...(path?.steps.flatMap((st) => st.resources) ?? [])]).slice(0, 3);
  if (links.length > 0) blocks.push({ type: "links", title: "Start with", links });
  blocks.push({ type: "context", text: kb.quiz.disclaimer });

  const choices: Choice[] = [
    { id: encodeAction({ kind: "path", role: target }), label: `Full ${kb.role(target).short} path` },
    move && from ? { id: encodeAction({ kind: "transition", from, to: target }), label: `${kb.role(from).short} → ${kb.role(target).short}` } : { id: encodeAction({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }), label: "ML vs AI engineer" },
    ...(s.outcome === "hybrid" ? [{ id: encodeAction({ kind: "path", role: opposite }), label: `Full ${kb.role(opposite).short} path` }] : []),
    { id: encodeAction({ kind: "quiz", op: "restart" }), label: "Retake the quiz" },
  ];
  const scores = Object.fromEntries(destination.map((r) => [r.id, s.scores[r.id]]));
  return reply(blocks, choices, { visibility: "private", data: { outcome: s.outcome, scores, also: s.also, confidence: s.confidence } });
}
