// Where the next steps start for this person: the transition from their
// background leads when there is one; otherwise the target's learning path,
// without the steps their background already covers (knowledge/quiz.yaml
// background `skip`). Pure: knowledge and background in, a plan out.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { LearningPath, RoleId, Transition } from "../knowledge/schema.ts";

/** The person's background as the quiz knows it: a background option, or a role said earlier in the conversation. */
export interface PersonBackground {
  /** A background option id of knowledge/quiz.yaml, when the person picked one (or one matches their role). */
  option?: string;
  role?: RoleId | null;
}

export interface NextStepPlan {
  from?: RoleId;
  move?: Transition;
  path?: LearningPath;
  steps: LearningPath["steps"];
  skipped: string[];
  note?: string;
  /** The first next step in a few words, for the result card and the data. */
  firstStep?: string;
}

/** The background option a role said in conversation stands for (software-engineer → "software"). */
export function optionForRole(kb: KnowledgeBase, role: RoleId | null | undefined): string | undefined {
  return role ? kb.quiz.background.options.find((o) => o.role === role)?.id : undefined;
}

export function nextSteps(kb: KnowledgeBase, target: RoleId, background: PersonBackground | undefined): NextStepPlan {
  const option = kb.quiz.background.options.find((o) => o.id === (background?.option ?? optionForRole(kb, background?.role)));
  const from = option?.role ?? background?.role ?? undefined;
  const path = kb.path(target);
  const skip = new Set(option?.skip[target] ?? []);
  const steps = (path?.steps ?? []).filter((st) => !skip.has(st.title));
  const skipped = (path?.steps ?? []).filter((st) => skip.has(st.title)).map((st) => st.title);
  const move = from && from !== target ? kb.transition(from, target) : undefined;
  const note = option?.note[target];
  const firstStep = move ? move.steps[0] : steps[0]?.title;
  return { ...(from ? { from } : {}), ...(move ? { move } : {}), ...(path ? { path } : {}), steps, skipped, ...(note ? { note } : {}), ...(firstStep ? { firstStep } : {}) };
}
