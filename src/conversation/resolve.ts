// Reading a message in the context of the conversation. A message is a
// possibly partial frame: what it names (roles, a term, an aspect, a cue such
// as "how long" or "which should I pick") stays; what it leaves out is taken
// from the context when its shape is elliptical. The mechanism:
//   1. ordinal references ("the first one") are replaced by the role they
//      point at, and the message is read again;
//   2. a message that names its subject keeps it ("names override context"),
//      except for the "what about X" / "and for X" shape, which carries the
//      last question over to X;
//   3. a message without a subject is probed ("is it a career question at all
//      once a subject is granted?") and, when it is, read again with the
//      subject the context supplies, chosen by what the message asks.
// Pure: the understander is passed in; nothing is stored here.
import type { AspectId, RoleId as Role } from "../knowledge/schema.ts";
import type { Understanding } from "../understanding/understand.ts";
import { ASPECT_IDS } from "../knowledge/schema.ts";
import { comparedRoles } from "../core/readings.ts";
import type { ConversationContext, Frame } from "./context.ts";
import { substituteOrdinals } from "./references.ts";

export interface ResolveDeps {
  /** The understander: a message in, a stateless reading out. */
  read(text: string): Understanding;
  /** How a role or a glossary term is written when supplied as the elided subject. */
  roleName(role: Role): string;
  termName(term: string): string;
}

/** What the mentor knows of the person, beyond this conversation. */
export interface Person {
  /** The role they come from, when they said so. */
  from: Role | null;
}

/** Readings that stand on their own: never completed from context. */
const SELF_CONTAINED: ReadonlySet<Understanding["intent"]> = new Set(["greeting", "help", "thanks", "quiz.start", "quiz.answer", "quiz.result", "decode"]);
/** Readings that need a subject (a role or a term) to be answered. */
const NEEDS_SUBJECT: ReadonlySet<Understanding["intent"]> = new Set(["role.overview", "role.aspect", "compare", "learning-path", "transition", "resources", "job-search", "glossary"]);
/** Below this a reading is a guess, worth completing from context. */
const WEAK = 0.35;
/** A follow-up is short; a long message without a subject is a new question. */
const SHORT = 9;
/** A word that makes any message a career question, to probe whether the rest is one. */
const PROBE = "career";

export function resolveInContext(u: Understanding, text: string, ctx: ConversationContext, person: Person, deps: ResolveDeps): Understanding {
  if (u.empty || u.language) return u;
  // 1. "the first one", "the second": the role named in that place.
  if (u.roles.length === 0 && ctx.roles.length > 0) {
    const substituted = substituteOrdinals(text, ctx.roles, deps.roleName);
    if (substituted !== undefined) {
      const again = deps.read(substituted);
      if (again.roles.length > 0) return named(again, ctx, person);
    }
  }
  if (u.roles.length > 0 || (u.term && u.intent === "glossary")) return named(u, ctx, person);
  return elliptical(u, text, ctx, person, deps);
}

/** A message that names its roles: they override the context, the shape may still carry the last question. */
function named(u: Understanding, ctx: ConversationContext, person: Person): Understanding {
  const last = ctx.last;
  const m = u.mentions;
  const settled = { confidence: Math.max(u.confidence, WEAK), alternatives: [] };
  if (last && m.followup === "about" && m.words <= SHORT && m.terms.length === 0 && u.intent !== "transition") {
    const roles = u.roles;
    const aspect = m.aspects[0] ?? null;
    switch (last.intent) {
      case "role.aspect": return { ...u, ...settled, ...frame("role.aspect", roles, aspect ?? last.aspect) };
      case "compare": return { ...u, ...settled, ...frame("compare", comparedRoles(unique([...ctx.roles.filter((r) => !roles.includes(r)).slice(0, 1), ...roles])), aspect ?? last.aspect) };
      case "learning-path": return { ...u, ...settled, ...frame("learning-path", roles.slice(0, 1)) };
      case "resources": return { ...u, ...settled, ...frame("resources", roles.slice(0, 1)) };
      case "job-search": return { ...u, ...settled, ...frame("job-search", roles.slice(0, 1)) };
      case "transition": {
        // "and to data science instead?": the destination changes, the origin stays.
        const from = last.from;
        const to = roles.find((r) => r !== from);
        if (from && to) return { ...u, ...settled, ...frame("transition", [from, to]), from, to };
        return { ...u, ...settled, ...frame("learning-path", roles.slice(0, 1)) };
      }
      default:
        return aspect ? { ...u, ...settled, ...frame("role.aspect", roles.slice(0, 1), aspect) } : { ...u, ...settled, ...frame("role.overview", roles) };
    }
  }
  // "vs data scientists?": one role compared with the last one.
  if (u.intent === "compare" && u.roles.length < 2 && ctx.recent.length > 0) {
    const others = ctx.recent.filter((r) => !u.roles.includes(r));
    return { ...u, alternatives: [], roles: comparedRoles(unique([...others.slice(-1), ...u.roles])) };
  }
  return withBackground(u, person);
}

/** "How do I become an AI engineer" from someone who said they are a data analyst: the move from there. */
function withBackground(u: Understanding, person: Person): Understanding {
  const to = u.intent === "learning-path" ? u.roles[0] : u.intent === "transition" && !u.from ? u.to ?? u.roles[0] : undefined;
  if (!to || !person.from || person.from === to || u.roles.length > 1) return u;
  return { ...u, ...frame("transition", [person.from, to]), from: person.from, to, confidence: Math.max(u.confidence, WEAK), alternatives: [] };
}

/** A message without a subject of its own. */
function elliptical(u: Understanding, text: string, ctx: ConversationContext, person: Person, deps: ResolveDeps): Understanding {
  const last = ctx.last;
  if (!last && !ctx.suggested) return u;
  if (SELF_CONTAINED.has(u.intent) && u.confidence >= WEAK) return u;
  // A confident reading that needs no subject (e.g. "which role fits me?") is complete as it is.
  if (u.intent !== "out-of-scope" && !NEEDS_SUBJECT.has(u.intent) && u.confidence >= WEAK) return u;
  const m = u.mentions;
  if (m.words > SHORT) return u;
  const settled = { confidence: 1, alternatives: [] };

  if (m.followup === "more" && last) return { ...u, ...settled, ...moreOf(last) };
  if (m.followup === "them" && m.aspects.length <= 1) {
    const roles = bothOf(ctx);
    if (roles.length > 0) return { ...u, ...settled, ...frame("compare", comparedRoles(roles), m.aspects[0] ?? null) };
  }
  // Granted a subject, is this a career question at all? Off-topic stays off-topic.
  const probe = deps.read(`${text} ${PROBE}`);
  if (probe.intent === "out-of-scope" || (SELF_CONTAINED.has(probe.intent) && probe.intent !== "decode")) return u;

  const subject = subjectFor(probe, m.aspects, ctx);
  if (!subject) return u;
  const again = deps.read(`${text} (${subjectText(subject, deps)})`);
  if (again.intent === "out-of-scope" || SELF_CONTAINED.has(again.intent)) return u;
  return { ...again, ...fitted(again, subject, m.aspects), ...settled, mentions: again.mentions, topic: again.topic ?? u.topic };
}

type Subject =
  | { kind: "roles"; roles: Role[] }
  | { kind: "path"; from: Role | null; to: Role }
  | { kind: "term"; term: string };

/** Which part of the context a subjectless message is about, by what it asks. */
function subjectFor(probe: Understanding, aspects: AspectId[], ctx: ConversationContext): Subject | undefined {
  const last = ctx.last;
  const path = ctx.path;
  const lastRoles = last ? (last.intent === "fit" && ctx.suggested ? [ctx.suggested] : ctx.roles) : ctx.suggested ? [ctx.suggested] : [];
  const destination = path?.to ?? lastRoles[0];
  const onPath = last?.intent === "transition" || last?.intent === "learning-path";
  if (probe.intent === "fit") return ctx.roles.length > 0 ? { kind: "roles", roles: ctx.roles } : undefined;
  if (aspects.length > 0 || probe.intent === "role.aspect" || probe.intent === "compare") {
    // "do i need a masters for it" after a path: the destination's; after a comparison: both roles'.
    if (onPath && destination) return { kind: "roles", roles: [destination] };
    return lastRoles.length > 0 ? { kind: "roles", roles: lastRoles } : undefined;
  }
  if (probe.intent === "learning-path" || probe.intent === "transition") {
    if (onPath && path) return { kind: "path", ...path };
    return lastRoles[0] ? { kind: "roles", roles: [lastRoles[0]] } : undefined;
  }
  if (probe.intent === "resources" || probe.intent === "glossary") {
    if (last?.intent === "glossary" && ctx.term) return { kind: "term", term: ctx.term };
    return destination ? { kind: "roles", roles: [onPath ? destination : lastRoles[0] ?? destination] } : undefined;
  }
  if (probe.intent === "job-search") return lastRoles[0] || destination ? { kind: "roles", roles: [onPath ? destination! : lastRoles[0] ?? destination!] } : { kind: "roles", roles: [] };
  // Anything else: the last answer's own subject.
  if (last?.intent === "glossary" && ctx.term) return { kind: "term", term: ctx.term };
  if (last?.intent === "transition" && path) return { kind: "path", ...path };
  return lastRoles.length > 0 ? { kind: "roles", roles: lastRoles } : undefined;
}

function subjectText(s: Subject, deps: ResolveDeps): string {
  switch (s.kind) {
    case "roles": return s.roles.map(deps.roleName).join(s.roles.length > 1 ? " and " : "");
    case "path": return s.from ? `${deps.roleName(s.from)} to ${deps.roleName(s.to)}` : deps.roleName(s.to);
    case "term": return deps.termName(s.term);
  }
}

/** The re-read frame with the subject the context supplied (the re-read may have lost or added roles). */
function fitted(r: Understanding, s: Subject, aspects: AspectId[]): Frame {
  const aspect = r.aspect ?? aspects[0] ?? null;
  if (s.kind === "term") {
    if (r.intent === "glossary") return { ...frame("glossary", []), term: s.term };
    return frame(r.intent === "resources" ? "resources" : r.intent, r.roles, r.intent === "role.aspect" || r.intent === "compare" ? aspect : null);
  }
  if (s.kind === "path") {
    if (s.from && (r.intent === "transition" || r.intent === "learning-path")) return { ...frame("transition", [s.from, s.to]), from: s.from, to: s.to };
    if (r.intent === "transition" || r.intent === "learning-path") return frame("learning-path", [s.to]);
    if (r.intent === "role.aspect" || r.intent === "role.overview") return aspect ? frame("role.aspect", [s.to], aspect) : frame("role.overview", [s.to]);
    return frame(r.intent, [s.to], r.intent === "compare" ? aspect : null);
  }
  const roles = s.roles;
  switch (r.intent) {
    case "role.aspect":
    case "role.overview":
    case "compare":
      if (roles.length >= 2) return frame("compare", comparedRoles(roles), aspect);
      if (r.intent === "compare") return frame("compare", comparedRoles(roles), aspect);
      return aspect ? frame("role.aspect", roles, aspect) : frame("role.overview", roles);
    case "transition":
      return r.from && r.to ? { ...frame("transition", [r.from, r.to]), from: r.from, to: r.to } : frame("learning-path", roles.slice(-1));
    case "learning-path":
    case "resources":
    case "job-search":
      return frame(r.intent, roles.slice(0, 1));
    case "fit":
      return frame("fit", roles);
    default:
      return frame(r.intent, r.roles);
  }
}

/** The roles "them", "both", "the two" refer to: the last ones named together, else the last two named. */
function bothOf(ctx: ConversationContext): Role[] {
  if (ctx.roles.length >= 2) return ctx.roles;
  return ctx.recent.slice(-2);
}

/** "Tell me more" after an answer: the natural next thing to show. */
function moreOf(last: Frame): Frame {
  switch (last.intent) {
    case "role.overview": return frame("role.aspect", last.roles, "responsibilities");
    case "role.aspect": return frame("role.aspect", last.roles, ASPECT_IDS[(ASPECT_IDS.indexOf(last.aspect ?? "focus") + 1) % ASPECT_IDS.length]!);
    case "compare": return frame("compare", last.roles, last.aspect === "skills" ? "tools" : "skills");
    case "transition": return frame("learning-path", last.to ? [last.to] : last.roles.slice(-1));
    case "learning-path": return frame("resources", last.roles);
    default: return { ...last };
  }
}

/** A frame obeying the taxonomy: an aspect only on role.aspect and compare, from/to only on transition. */
export function frame(intent: Frame["intent"], roles: Role[], aspect: AspectId | null = null): Frame {
  return { intent, roles, aspect: intent === "role.aspect" || intent === "compare" ? aspect : null, term: null, from: null, to: null };
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
