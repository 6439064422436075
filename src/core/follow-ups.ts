// Conversation context: the last topic of a conversation, and how a short
// follow-up ("and the salary?", "what about data scientists?", "compare them",
// "tell me more") is completed from it. Pure functions.
import { ASPECT_IDS, type AspectId, type RoleId } from "../knowledge/schema.ts";
import type { Reading, Understanding } from "../understanding/understand.ts";
import type { Action } from "./actions.ts";
import { comparedRoles } from "./readings.ts";

/** The last topic of a conversation, so that "and the salary?" has a subject. */
export interface Topic {
  intent: Reading["intent"];
  roles: RoleId[];
  aspect: AspectId | null;
  term: string | null;
}

/** Fill a follow-up's gaps from the conversation's last topic. */
export function resolveFollowUp(u: Understanding, last: Topic | undefined): Understanding {
  if (!last || u.empty || u.language) return u;
  const f = u.mentions.followup;
  const short = u.mentions.words <= 8;
  const lastRoles = last.roles;
  if (f === "more" && short && u.roles.length === 0) {
    return { ...u, ...moreOf(last), confidence: 1, alternatives: [] };
  }
  if (u.intent === "compare" && u.roles.length < 2 && lastRoles.length > 0) {
    const roles = u.roles.length === 1 ? [lastRoles[0]!, u.roles[0]!] : lastRoles;
    return { ...u, roles: comparedRoles([...new Set(roles)]), alternatives: [] };
  }
  if (f === "them" && short && u.roles.length === 0 && lastRoles.length > 0) {
    const aspect = u.mentions.aspects[0] ?? null;
    return { ...u, intent: "compare", roles: comparedRoles(lastRoles), aspect, confidence: 1, alternatives: [] };
  }
  if (short && u.roles.length === 0 && u.mentions.aspects.length > 0 && lastRoles.length > 0 && !["glossary", "job-search", "learning-path", "resources", "transition", "fit"].includes(u.intent)) {
    const aspect = u.mentions.aspects[0]!;
    return { ...u, intent: lastRoles.length >= 2 ? "compare" : "role.aspect", roles: lastRoles, aspect, confidence: 1, alternatives: [] };
  }
  if (f === "about" && short && u.roles.length > 0 && u.mentions.terms.length === 0) {
    const roles = u.roles;
    switch (last.intent) {
      case "role.aspect": return { ...u, intent: "role.aspect", roles, aspect: last.aspect, confidence: 1, alternatives: [] };
      case "compare": return { ...u, intent: "compare", roles: comparedRoles([...new Set([lastRoles[0]!, ...roles])]), aspect: last.aspect, confidence: 1, alternatives: [] };
      case "learning-path": return { ...u, intent: "learning-path", roles, confidence: 1, alternatives: [] };
      case "resources": return { ...u, intent: "resources", roles, confidence: 1, alternatives: [] };
      default: return { ...u, intent: "role.overview", roles, aspect: null, confidence: 1, alternatives: [] };
    }
  }
  return u;
}

/** "Tell me more" after a topic: the natural next thing to show. */
function moreOf(last: Topic): Pick<Understanding, "intent" | "roles" | "aspect" | "term" | "from" | "to"> {
  const base = { roles: last.roles, term: null, from: null, to: null };
  switch (last.intent) {
    case "role.overview": return { ...base, intent: "role.aspect", aspect: "responsibilities" };
    case "role.aspect": {
      const next = ASPECT_IDS[(ASPECT_IDS.indexOf(last.aspect ?? "focus") + 1) % ASPECT_IDS.length]!;
      return { ...base, intent: "role.aspect", aspect: next };
    }
    case "compare": return { ...base, intent: "compare", aspect: last.aspect === "skills" ? "tools" : "skills" };
    case "transition": return { ...base, intent: "learning-path", roles: last.roles.slice(-1), aspect: null };
    case "learning-path": return { ...base, intent: "resources", aspect: null };
    default: return { ...base, intent: last.intent, aspect: last.aspect, term: last.term };
  }
}

/** What a conversation is about after answering this reading. */
export const topicOf = (u: Reading): Topic => ({ intent: u.intent, roles: u.roles.length ? u.roles : u.from && u.to ? [u.from, u.to] : [], aspect: u.aspect, term: u.term });

/** What a conversation is about after answering this action (a choice or a command). */
export function topicOfAction(a: Action): Topic | undefined {
  switch (a.kind) {
    case "role": return { intent: a.aspect ? "role.aspect" : "role.overview", roles: [a.role], aspect: a.aspect ?? null, term: null };
    case "compare": return { intent: "compare", roles: a.roles, aspect: a.aspect ?? null, term: null };
    case "path": return { intent: "learning-path", roles: [a.role], aspect: null, term: null };
    case "transition": return { intent: "transition", roles: [a.from, a.to], aspect: null, term: null };
    case "resources": return a.role ? { intent: "resources", roles: [a.role], aspect: null, term: null } : undefined;
    case "glossary": return { intent: "glossary", roles: [], aspect: null, term: a.term };
    case "pay": return { intent: a.roles.length > 1 ? "compare" : "role.aspect", roles: a.roles, aspect: "salary", term: null };
    default: return undefined;
  }
}
