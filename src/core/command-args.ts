// Slash-command arguments: roles, aspects and terms are recognised by the same
// lexicon as free text; what doesn't fit gets a one-line usage reply.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { AspectId, RoleId } from "../knowledge/schema.ts";
import type { Reading, Understander } from "../understanding/understand.ts";
import type { Action } from "./actions.ts";
import type { CommandSpec } from "./commands.ts";
import type { Reply } from "./reply.ts";
import { unknownTerm } from "./answers/glossary.ts";
import * as talk from "./answers/small-talk.ts";
import { comparedRoles } from "./readings.ts";

/** A command's arguments as the action it asks for, or the usage reply when they don't fit. */
export function parseCommand(kb: KnowledgeBase, understander: Understander, spec: CommandSpec | undefined, args: string, prefix: string): Reply[] | Action {
  if (!spec) return [talk.unknownCommand(prefix)];
  const s = understander.slots(args);
  const hasArgs = args.trim().length > 0;
  switch (spec.name) {
    case "help": return { kind: "help" };
    case "compare": {
      if (hasArgs && s.roles.length === 0 && s.aspects.length === 0) return [talk.usage(spec, prefix, "I didn't recognise those roles.")];
      const roles = s.roles.length === 0 ? (["ml-engineer", "ai-engineer"] as RoleId[]) : comparedRoles(s.roles.slice(0, 3));
      return { kind: "compare", roles, aspect: s.aspects[0] };
    }
    case "role":
      if (!s.roles[0]) return [talk.usage(spec, prefix, hasArgs ? "I didn't recognise that role." : "Which role?")];
      return { kind: "role", role: s.roles[0], aspect: s.aspects[0] };
    case "path":
      if (s.roles.length >= 2) return { kind: "transition", from: s.roles[0]!, to: s.roles[1]! };
      if (!s.roles[0]) return [talk.usage(spec, prefix, hasArgs ? "I didn't recognise that role." : "Which role?")];
      return { kind: "path", role: s.roles[0] };
    case "resources":
      if (hasArgs && s.roles.length === 0 && s.terms.length === 0) return [talk.usage(spec, prefix, "I didn't recognise that role.")];
      return { kind: "resources", role: s.roles[0] };
    case "glossary": {
      const term = s.terms[0];
      if (term) return { kind: "glossary", term };
      if (!hasArgs) return [talk.usage(spec, prefix, `I know ${kb.glossary.length} terms, e.g. ${kb.glossary.slice(0, 5).map((t) => t.id).join(", ")}.`)];
      return [unknownTerm(kb, understander.similarTerms(args))];
    }
    default:
      return [talk.unknownCommand(prefix)];
  }
}

/** The frame a slash command stands for, so `ask` reports commands in the taxonomy's terms. */
export function commandReading(name: string, s: { roles: RoleId[]; aspects: AspectId[]; terms: string[] }): Reading {
  const none = { roles: [] as RoleId[], aspect: null, term: null, from: null, to: null, confidence: 1 };
  switch (name) {
    case "compare": return { ...none, intent: "compare", roles: comparedRoles(s.roles), aspect: s.aspects[0] ?? null };
    case "role": return { ...none, intent: s.aspects[0] ? "role.aspect" : "role.overview", roles: s.roles.slice(0, 1), aspect: s.aspects[0] ?? null };
    case "path": return s.roles.length >= 2
      ? { ...none, intent: "transition", roles: s.roles.slice(0, 2), from: s.roles[0]!, to: s.roles[1]! }
      : { ...none, intent: "learning-path", roles: s.roles.slice(0, 1) };
    case "resources": return { ...none, intent: "resources", roles: s.roles.slice(0, 1) };
    case "glossary": return { ...none, intent: "glossary", term: s.terms[0] ?? null };
    case "quiz": return { ...none, intent: "quiz.start" };
    case "help": return { ...none, intent: "help" };
    default: return { ...none, intent: "help", confidence: 0 };
  }
}

