// Readings (how a message was understood) as actions the mentor can answer,
// and as labels for "Did you mean …?" choices.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { RoleId } from "../knowledge/schema.ts";
import type { Reading } from "../understanding/understand.ts";
import type { Action } from "./actions.ts";
import { ASPECT_LABELS, counterpart } from "./answers/format.ts";

/** A reading as the action that answers it, when it has what the action needs. */
export function actionFor(r: Reading): Action | undefined {
  const first = r.roles[0];
  switch (r.intent) {
    case "role.overview": return first ? { kind: "role", role: first } : undefined;
    case "role.aspect": return first ? { kind: "role", role: first, aspect: r.aspect ?? undefined } : undefined;
    case "compare": return { kind: "compare", roles: comparedRoles(r.roles), aspect: r.aspect ?? undefined };
    // From a starting point outside the roles (a teacher, a PhD), the move is the path to the destination.
    case "transition": return r.from && r.to ? { kind: "transition", from: r.from, to: r.to } : r.to ? { kind: "path", role: r.to } : undefined;
    case "learning-path": return first ? { kind: "path", role: first } : undefined;
    case "resources": return { kind: "resources", role: first };
    case "glossary": return r.term ? { kind: "glossary", term: r.term } : undefined;
    case "job-search": return { kind: "jobs", role: first };
    case "fit": return { kind: "fit" };
    case "quiz.start": return { kind: "quiz", op: "start" };
    case "help": return { kind: "help" };
    default: return undefined;
  }
}

/** A short label for a reading, for "Did you mean …?". */
export function readingLabel(kb: KnowledgeBase, r: Reading): string {
  const names = r.roles.map((x) => kb.role(x).short);
  switch (r.intent) {
    case "role.overview": return `About ${names[0]}`;
    case "role.aspect": return `${names[0]}: ${r.aspect ? ASPECT_LABELS[r.aspect].toLowerCase() : "details"}`;
    case "compare": return `Compare ${r.aspect ? `${ASPECT_LABELS[r.aspect].toLowerCase()}: ` : ""}${comparedRoles(r.roles).map((x) => kb.role(x).short).join(" vs ")}`;
    case "transition": return r.from ? `${kb.role(r.from).short} → ${kb.role(r.to!).short}` : `Path to ${kb.role(r.to!).short}`;
    case "learning-path": return `Path to ${names[0]}`;
    case "resources": return names[0] ? `Resources for ${names[0]}` : "Resources";
    case "glossary": return `Explain ${kb.term(r.term!)?.term ?? r.term}`;
    case "job-search": return "Job search tips";
    case "fit": return "Which role fits me?";
    case "quiz.start": return "Take the quiz";
    case "help": return "What can you do?";
    default: return r.intent;
  }
}

/** The roles a comparison shows: those named, or a role and its usual counterpart. */
export function comparedRoles(roles: RoleId[]): RoleId[] {
  if (roles.length >= 2) return roles.slice(0, 3);
  if (roles.length === 1) return [roles[0]!, counterpart(roles[0]!)];
  return ["ml-engineer", "ai-engineer"];
}
