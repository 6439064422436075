// Follow-up choices: each answer offers 2–4 next steps.
import { encodeAction, type Action } from "../actions.ts";
import type { Choice } from "../reply.ts";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { AspectId, RoleId } from "../../knowledge/schema.ts";
import { ASPECT_LABELS, counterpart, shortName } from "./format.ts";

export const choice = (action: Action, label: string): Choice => ({ id: encodeAction(action), label: label.slice(0, 80) });

export const quizChoice = (): Choice => choice({ kind: "quiz", op: "start" }, "Take the quiz");

export function roleFollowUps(kb: KnowledgeBase, role: RoleId, shown?: AspectId): Choice[] {
  const other = counterpart(role);
  const nextAspects = (["tools", "skills", "salary", "responsibilities"] as AspectId[]).filter(
    (a) => a !== shown && kb.role(role).aspects[a],
  );
  const out: Choice[] = [choice({ kind: "compare", roles: [role, other], aspect: shown }, `Compare with ${shortName(kb, other)}`)];
  if (nextAspects[0]) out.push(choice({ kind: "role", role, aspect: nextAspects[0] }, ASPECT_LABELS[nextAspects[0]]));
  if (kb.role(role).kind === "destination") out.push(choice({ kind: "path", role }, "Learning path"));
  out.push(quizChoice());
  return out.slice(0, 4);
}
