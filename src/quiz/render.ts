// What the quiz looks like: a question with its options as choices, and the
// result with bars, reasons and next steps. Pure: state in, replies out.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { RoleId } from "../knowledge/schema.ts";
import { reply, type BlockInput, type Choice, type Reply } from "../core/reply.ts";
import { encodeAction } from "../core/actions.ts";
import { resourceLinks } from "../core/answers/paths.ts";
import { durationLine } from "../core/answers/duration.ts";
import { BACKGROUND, optionOrder, type QuizState, type Step } from "./session.ts";
import type { Score, Contribution } from "./scoring.ts";
import { nextSteps, type PersonBackground } from "./next-steps.ts";

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
  const text = step.kind === "background" ? kb.quiz.background.text : step.item.type === "rating" ? `${kb.quiz.stem}\n\n${step.item.text}` : step.item.text;
  const choices: Choice[] = labels.map((label, i) => ({ id: answerId(state.runId, owner, item, i), label }));
  if (state.history.length > 0) choices.push({ id: navId(state.runId, owner, "back"), label: "Back" });
  choices.push({ id: navId(state.runId, owner, "skip"), label: "Skip" });
  if (state.history.length > 0) choices.push({ id: navId(state.runId, owner, "restart"), label: "Restart" });
  choices.push({ id: navId(state.runId, owner, "quit"), label: "Quit" });
  return reply(
    [...preface, { type: "text", text: `${counterOf(step)}\n\n${text}` }, { type: "context", text: `Answer with a button, or type the number, the letter or your own words ("love it", "not really", 👍); "back", "skip" and "quit" work too.` }],
    choices,
    { visibility: "private", data: { quiz: { run: state.runId, item, number: step.number, planned: step.planned, ...(step.kind === "item" && step.tiebreak ? { tiebreak: step.tiebreak } : {}) } } },
  );
}

/** Core items count steadily; a tie-breaker says what it is; the background is the optional last one. */
export function counterOf(step: Extract<Step, { kind: "item" | "background" }>): string {
  if (step.kind === "background") return "Last question (optional)";
  if (step.tiebreak) return `One more to break the tie, ${step.tiebreak.index} of up to ${step.tiebreak.max}`;
  return `Question ${step.number} of ${step.planned}`;
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

/** A hybrid is not a lean: its confidence says how sure the mix is. */
const HYBRID_CONFIDENCE_TEXT = {
  high: "High confidence: both sides scored high and close, a clear pattern in itself.",
  medium: "Medium confidence: both sides are strong and close, a pattern rather than a coin flip.",
  low: "Low confidence: your answers are close or few, so treat this as a first hint.",
} as const;

/** Only answers that expressed interest or dislike are ever quoted ("Unsure" never gives a contribution). */
export function quoteOf(c: Contribution): string {
  if (c.stance === "chose") return `you chose ${c.quote}`;
  return `you'd ${c.answer} ${c.quote}`;
}

/** Reasons for a side: interest in its work, or dislike of the other side's (strongest first, one per item). */
function reasonsFor(s: Score, side: RoleId, other: RoleId): Contribution[] {
  const pointsOf = (item: string, role: RoleId) => s.contributions.find((x) => x.item === item && x.role === role)?.points ?? 0;
  return s.contributions
    .filter((c) => {
      // A choice speaks for the side its option favours ("mostly combining models" is not a reason for training them).
      if (c.role === side && c.stance === "chose") return c.points > pointsOf(c.item, other);
      if (c.role === side) return c.stance === "like";
      return c.role === other && c.stance === "dislike" && !s.contributions.some((x) => x.item === c.item && x.role === side);
    })
    .sort((a, b) => b.points - a.points || a.item.localeCompare(b.item))
    .filter((c, i, all) => all.findIndex((x) => x.item === c.item) === i);
}

export function resultReply(kb: KnowledgeBase, state: QuizState, s: Score, background?: PersonBackground): Reply {
  if (s.outcome === "undecided") return undecidedReply(kb, s);
  const outcome = kb.quiz.outcomes[s.outcome];
  // A hybrid still leans one way by a few points: its reasons are that side's, and the other side pulls.
  const lean: RoleId = s.outcome === "hybrid" ? (s.margin >= 0 ? "ml-engineer" : "ai-engineer") : s.outcome;
  const opposite: RoleId = lean === "ml-engineer" ? "ai-engineer" : "ml-engineer";
  const reasons = reasonsFor(s, lean, opposite).slice(0, 3);
  const pulled = reasonsFor(s, opposite, lean).find((c) => !reasons.some((r) => r.item === c.item));

  const blocks: BlockInput[] = [
    { type: "heading", text: `Your result: ${outcome.label}` },
    { type: "text", text: outcome.summary },
    scoreBars(kb, s),
    { type: "text", text: s.outcome === "hybrid" ? HYBRID_CONFIDENCE_TEXT[s.confidence] : CONFIDENCE_TEXT[s.confidence] },
  ];
  if (reasons.length > 0) blocks.push({ type: "list", title: s.outcome !== "hybrid" ? "Because" : s.margin === 0 ? `Evenly split; on the ${kb.role(lean).short} side, because` : `Leaning slightly towards ${kb.role(lean).short}, because`, items: reasons.map(quoteOf) });
  if (pulled) blocks.push({ type: "text", text: `Pulling the other way: ${quoteOf(pulled)}, which points towards ${kb.role(opposite).short}.` });
  if (s.also) blocks.push({ type: "text", text: `Also strong: ${kb.role(s.also).short}. ${kb.role(s.also).summary}` });

  const target: RoleId = lean;
  const plan = nextSteps(kb, target, background);
  if (plan.move && plan.from) {
    blocks.push({ type: "list", title: `Next steps: from ${kb.role(plan.from).short} to ${kb.role(target).short}`, ordered: true, items: plan.move.steps.slice(0, 3) });
    blocks.push({ type: "context", text: `${plan.move.summary.trim()} ${durationLine(plan.move.duration)}` });
  } else if (plan.steps.length > 0) {
    blocks.push({ type: "list", title: `Next steps towards ${kb.role(target).short}`, ordered: true, items: plan.steps.slice(0, 3).map((st) => `${st.title}: ${st.skills.slice(0, 4).join(", ")}`) });
    if (plan.note) blocks.push({ type: "text", text: plan.note });
    // The path's duration assumes its first step; once steps are skipped it no longer applies.
    if (plan.skipped.length === 0 && plan.path) blocks.push({ type: "context", text: durationLine(plan.path.duration) });
    else if (plan.skipped.length > 0) blocks.push({ type: "context", text: `Skipped as already covered by your background: ${plan.skipped.join(", ")}.` });
  }
  const links = resourceLinks(kb, [...(plan.move?.resources ?? []), ...plan.steps.flatMap((st) => st.resources)]).slice(0, 3);
  if (links.length > 0) blocks.push({ type: "links", title: "Start with", links });
  blocks.push({ type: "context", text: kb.quiz.disclaimer });

  const choices: Choice[] = [
    { id: encodeAction({ kind: "path", role: target }), label: `Full ${kb.role(target).short} path` },
    plan.move && plan.from ? { id: encodeAction({ kind: "transition", from: plan.from, to: target }), label: `${kb.role(plan.from).short} → ${kb.role(target).short}` } : { id: encodeAction({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }), label: "ML vs AI engineer" },
    ...(s.outcome === "hybrid" ? [{ id: encodeAction({ kind: "path", role: opposite }), label: `Full ${kb.role(opposite).short} path` }] : []),
    { id: encodeAction({ kind: "quiz", op: "restart" }), label: "Retake the quiz" },
  ];
  return reply(blocks, choices, { visibility: "private", data: resultData(kb, s, plan.firstStep) });
}

function scoreBars(kb: KnowledgeBase, s: Score): BlockInput {
  const destination = [...kb.roles.values()].filter((r) => r.kind === "destination").map((r) => r.id);
  return { type: "bars", title: "Scores (0–100)", bars: barOrder(destination, s).map((id) => ({ label: kb.role(id).short, value: s.scores[id] })) };
}

/** What adapters and the result card read: outcome, scores, confidence, also, and the first next step in words. */
function resultData(kb: KnowledgeBase, s: Score, firstStep: string | undefined): Record<string, unknown> {
  const destination = [...kb.roles.values()].filter((r) => r.kind === "destination");
  const scores = Object.fromEntries(destination.map((r) => [r.id, s.scores[r.id]]));
  return { outcome: s.outcome, scores, also: s.also, confidence: s.confidence, ...(firstStep ? { firstStep } : {}) };
}

/** No lean to explain: say so, show the flat bars, and what would help, with the tie-breakers as questions to ask oneself. */
function undecidedReply(kb: KnowledgeBase, s: Score): Reply {
  const outcome = kb.quiz.outcomes.undecided;
  const blocks: BlockInput[] = [
    { type: "heading", text: `Your result: ${outcome.label}` },
    { type: "text", text: outcome.summary },
    scoreBars(kb, s),
    { type: "list", title: "What would help", items: outcome.help },
  ];
  const sides = kb.quiz.tiebreakers.flatMap((t) => (t.type === "choice" ? [`${t.text} (${t.options.map((o) => o.label).join(" / ")})`] : []));
  if (sides.length > 0) blocks.push({ type: "list", title: "Questions to ask yourself", items: sides });
  if (s.also) blocks.push({ type: "text", text: `One thing did stand out: ${kb.role(s.also).short}. ${kb.role(s.also).summary}` });
  blocks.push({ type: "context", text: kb.quiz.disclaimer });
  const choices: Choice[] = [
    { id: encodeAction({ kind: "role", role: "ml-engineer", aspect: "responsibilities" }), label: `A day as ${kb.role("ml-engineer").short}` },
    { id: encodeAction({ kind: "role", role: "ai-engineer", aspect: "responsibilities" }), label: `A day as ${kb.role("ai-engineer").short}` },
    { id: encodeAction({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }), label: "ML vs AI engineer" },
    { id: encodeAction({ kind: "quiz", op: "restart" }), label: "Retake the quiz" },
  ];
  return reply(blocks, choices, { visibility: "private", data: resultData(kb, s, outcome.help[0]) });
}
