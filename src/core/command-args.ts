// Slash-command arguments: roles, aspects and terms are recognised by the same
// lexicon as free text; what doesn't fit gets a one-line usage reply.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import { ASPECT_IDS, ROLE_IDS, type AspectId, type RoleId } from "../knowledge/schema.ts";
import { typoDistance } from "../understanding/edit-distance.ts";
import type { Reading, Understander } from "../understanding/understand.ts";
import type { Action } from "./actions.ts";
import type { CommandSpec } from "./commands.ts";
import { reply, type Reply } from "./reply.ts";
import { unknownTerm } from "./answers/glossary.ts";
import { choice } from "./answers/choices.ts";
import { ASPECT_LABELS, listNames } from "./answers/format.ts";
import * as talk from "./answers/small-talk.ts";
import { comparedRoles } from "./readings.ts";

/** A command's arguments as the action it asks for, or the usage reply when they don't fit. */
export function parseCommand(kb: KnowledgeBase, understander: Understander, spec: CommandSpec | undefined, args: string, prefix: string): Reply[] | Action {
  if (!spec) return [talk.unknownCommand(prefix)];
  const s = understander.slots(withRoleWords(understander, args));
  const hasArgs = args.trim().length > 0;
  const unknownRole = () => {
    const usage = talk.usage(spec, prefix, closestRolesNote(kb, understander, args));
    const close = closestRoles(kb, understander, args);
    // Nothing close: the two roles most people ask about, rather than a dead end.
    const offer = (close.length > 0 ? close : (["ml-engineer", "ai-engineer"] as RoleId[])).map((r) => choice(roleActionFor(spec.name, r), kb.role(r).short));
    return [{ ...usage, choices: [...offer, ...usage.choices] }];
  };
  switch (spec.name) {
    case "help": return { kind: "help" };
    case "compare": {
      if (hasArgs && s.roles.length === 0 && s.aspects.length === 0) return unknownRole();
      const roles = s.roles.length === 0 ? (["ml-engineer", "ai-engineer"] as RoleId[]) : comparedRoles(s.roles.slice(0, 3));
      return { kind: "compare", roles, aspect: s.aspects[0] };
    }
    case "role":
      if (!s.roles[0]) return hasArgs ? unknownRole() : [talk.usage(spec, prefix, "Which role?")];
      return { kind: "role", role: s.roles[0], aspect: s.aspects[0] };
    case "path":
      if (s.roles.length >= 2) return { kind: "transition", from: s.roles[0]!, to: s.roles[1]! };
      if (!s.roles[0]) return hasArgs ? unknownRole() : [talk.usage(spec, prefix, "Which role?")];
      return { kind: "path", role: s.roles[0] };
    case "resources":
      if (hasArgs && s.roles.length === 0 && s.terms.length === 0) return unknownRole();
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

/**
 * Bare field names where a role belongs ("ml", "ai", "llm") mean that
 * field's role, as in free text: `/path ai` is `/path ai engineer`. Words that are
 * a role already, or half of one ("data" in "data scientist"), stay as they are.
 */
export function withRoleWords(understander: Understander, args: string): string {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const roles = (text: string) => understander.slots(text).roles.join(",");
  // w is part of a two-word role name when adding it to its neighbour changes the roles read.
  const partOfRole = (pair: string, neighbour: string) => roles(pair) !== "" && roles(pair) !== roles(neighbour);
  return words.map((w, i) => {
    const alone = understander.slots(w);
    // Only field names (terms such as ML, AI, LLM): "data" or "analyst" alone are too vague to guess from.
    if (alone.roles.length > 0 || alone.aspects.length > 0 || alone.terms.length === 0) return w;
    if ((words[i + 1] && partOfRole(`${w} ${words[i + 1]}`, words[i + 1]!)) || (i > 0 && partOfRole(`${words[i - 1]} ${w}`, words[i - 1]!))) return w;
    return understander.slots(`${w} engineer`).roles.length === 1 ? `${w} engineer` : w;
  }).join(" ");
}

/** Words of the arguments that name no role, aspect or term (shown back only when they look like words). */
export function unrecognisedWords(understander: Understander, args: string): string[] {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const known = (text: string) => { const s = understander.slots(text); return s.roles.length + s.aspects.length + s.terms.length > 0; };
  return words.filter((w, i) => /^[\p{L}][\p{L}\d+#.-]{2,29}$/u.test(w) && !FILLER.has(w.toLowerCase()) && !known(w) && !known(`${w} engineer`)
    && !(words[i + 1] && known(`${w} ${words[i + 1]}`)) && !(i > 0 && known(`${words[i - 1]} ${w}`)));
}
const FILLER = new Set(["and", "vs", "versus", "the", "from", "into", "with", "for", "role", "roles", "engineer", "engineers", "about", "compare", "between", "what", "how"]);

/** Roles whose names are within a typo or two of an unrecognised word. */
function closestRoles(kb: KnowledgeBase, understander: Understander, args: string): RoleId[] {
  const words = unrecognisedWords(understander, args).map((w) => w.toLowerCase());
  const scored = ROLE_IDS.map((id) => {
    const names = [id, id.replace(/-/g, ""), kb.role(id).short.toLowerCase(), kb.role(id).short.toLowerCase().replace(/\s+/g, ""), ...kb.role(id).short.toLowerCase().split(/\s+/).filter((n) => n !== "engineer")];
    // A typo or two, fewer for short names: "datascientst" is close to "datascientist", "pineapple" to nothing.
    const d = Math.min(...words.flatMap((w) => names.filter((n) => n.length >= 3).map((n) => typoDistance(w, n, 2) / Math.min(2, Math.floor(n.length / 4)))));
    return { id, d };
  }).filter((x) => x.d <= 1).sort((a, b) => a.d - b.d);
  return scored.map((x) => x.id).slice(0, 2);
}

function closestRolesNote(kb: KnowledgeBase, understander: Understander, args: string): string {
  const words = unrecognisedWords(understander, args).slice(0, 3);
  const close = closestRoles(kb, understander, args);
  const named = words.length > 0 ? `I didn't recognise "${words.join('", "')}" as ${words.length > 1 ? "roles" : "a role"}.` : "I didn't recognise a role there.";
  const offer = close.length > 0 ? ` Closest: ${listNames(close.map((r) => kb.role(r).short))}.` : ` I know ${listNames(ROLE_IDS.slice(0, 4).map((r) => kb.role(r).short))} and more.`;
  return `${named}${offer}`;
}

const roleActionFor = (command: string, role: RoleId): Action => {
  switch (command) {
    case "path": return { kind: "path", role };
    case "resources": return { kind: "resources", role };
    case "compare": return { kind: "compare", roles: comparedRoles([role]) };
    default: return { kind: "role", role };
  }
};

/**
 * What a command's answer should say first about its arguments: roles beyond the
 * three /compare shows, and words that named nothing (with the closest aspect).
 */
export function commandNote(kb: KnowledgeBase, understander: Understander, name: string, args: string): string | undefined {
  const s = understander.slots(withRoleWords(understander, args));
  const notes: string[] = [];
  if (name === "compare" && s.roles.length > 3) {
    const taken = comparedRoles(s.roles.slice(0, 3));
    const left = s.roles.filter((r) => !taken.includes(r));
    notes.push(`I compare up to three roles at a time, so here are ${listNames(taken.map((r) => kb.role(r).short))}.${left.length > 0 ? ` Left out: ${listNames(left.map((r) => kb.role(r).short))}.` : ""}`);
  }
  if (["compare", "role"].includes(name) && s.roles.length > 0) {
    const words = unrecognisedWords(understander, args).slice(0, 3);
    if (words.length > 0) {
      const aspect = closestAspect(words);
      notes.push(`I didn't recognise "${words.join('", "')}"${aspect ? `; closest aspect: ${ASPECT_LABELS[aspect].toLowerCase()}` : ""}. Aspects: ${ASPECT_IDS.join(", ")}.`);
    }
  }
  return notes.length > 0 ? notes.join(" ") : undefined;
}

function closestAspect(words: string[]): AspectId | undefined {
  const scored = ASPECT_IDS.map((a) => ({ a, d: Math.min(...words.map((w) => typoDistance(w.toLowerCase(), a, 2) / Math.min(2, Math.floor(a.length / 4)))) }));
  const best = scored.sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 1 ? best.a : undefined;
}

/** The answer with the note put right under its heading. */
export function withNote(replies: Reply[], note: string | undefined): Reply[] {
  if (!note || replies.length === 0) return replies;
  const [first, ...rest] = replies as [Reply, ...Reply[]];
  const at = first.blocks[0]?.type === "heading" ? 1 : 0;
  const blocks = [...first.blocks.slice(0, at), { type: "text" as const, text: note }, ...first.blocks.slice(at)];
  return [reply(blocks, first.choices, { visibility: first.visibility, data: first.data }), ...rest];
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
    case "decode": return { ...none, intent: "decode", roles: s.roles };
    default: return { ...none, intent: "help", confidence: 0 };
  }
}

