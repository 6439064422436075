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
import { rolesOf, type ConversationContext, type Frame } from "./context.ts";
import { choosesAmong, substituteOrdinals } from "./references.ts";
import { asksForResult } from "../understanding/result-question.ts";

export interface ResolveDeps {
  /** The understander: a message in, a stateless reading out. */
  read(text: string): Understanding;
  /** Roles the role lexicon finds in a text ("mlops" is a term and a role alike). */
  roles(text: string): Role[];
  /** How a role or a glossary term is written when supplied as the elided subject. */
  roleName(role: Role): string;
  termName(term: string): string;
  /** The text describes the person's own work in words characteristic of some role (fit evidence of its own). */
  describesWork?(text: string): boolean;
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
/** Readings of a way somewhere. */
const MOVES: ReadonlySet<Understanding["intent"]> = new Set(["learning-path", "transition"]);
/** "which one", "which of them", "which of the two". */
const WHICH_OF_THEM = /\bwhich (?:one|of (?:them|the two|those|these|both))\b/i;
/** Kinds of question a short "and …" message can ask on its own; overviews, aspects and comparisons are what it carries over. */
const OWN_KINDS: ReadonlySet<Understanding["intent"]> = new Set(["transition", "learning-path", "resources", "job-search", "fit"]);
/** A reading this sure of its own kind is the message's own question. */
const OWN_QUESTION = 0.6;
/** Words of a move from one role to another ("how do i move over", "switch", "from one to the other"). */
const MOVE_BETWEEN = /\b(?:move|moving|switch\w*|transition\w*|pivot\w*|change over|go over|cross over|from)\b|\bthe other\b/i;
/** Words by which a message itself sets one thing against another. */
const CONTRASTS = /\b(?:differen\w*|differ|vs\.?|versus|compared?|comparison|contrast)\b/i;
/** A message that is only a place, a setting or a condition ("in europe?", "at startups?", "for a remote job?"). */
const QUALIFIER = /^\s*(?:(?:and|but|ok|okay|what|how)\s+)?(?:in|at|for|outside(?: of)?|inside|within|near|across)\s+(?!(?:it|that|this|them|me|one)\b)[^?]*\??\s*$/i;
const QUALIFIER_WORDS = 4;
/** Below this a reading is a guess, worth completing from context. */
const WEAK = 0.35;
/** A follow-up is short; a long message without a subject is a new question. */
const SHORT = 9;
/** Words that ask about a quiz result. */
export const RESULT_CUE = /\b(?:results?|quiz|score[sd]?|outcome|assessment|(?:get|got) (?:this|that)|did i get)\b/i;
/** A word that makes any message a career question, to probe whether the rest is one. */
const PROBE = "career";

export function resolveInContext(u0: Understanding, text: string, ctx: ConversationContext, person: Person, deps: ResolveDeps): Understanding {
  if (u0.empty || u0.language) return u0;
  if (asksForResult(text)) return { ...u0, ...frame("quiz.result", []), confidence: 1, alternatives: [] };
  const u = trusted(u0, text);
  // 1. "the first one", "the second": the role named in that place.
  if (u.roles.length === 0 && ctx.roles.length > 0) {
    const substituted = substituteOrdinals(text, ctx.roles, deps.roleName);
    if (substituted !== undefined) {
      const again = deps.read(substituted);
      if (again.roles.length > 0) return named(again, substituted, ctx, person);
    }
  }
  // "and mlops?" after a question about a role: the bare word is the role, not the glossary term.
  if (u.intent === "glossary" && u.mentions.followup === "about" && ctx.last && ctx.last.intent !== "glossary" && u.mentions.words <= SHORT) {
    const roles = deps.roles(text);
    if (roles.length > 0) return named({ ...u, roles, term: null, mentions: { ...u.mentions, terms: [] } }, text, ctx, person);
  }
  if (u.roles.length > 0) return withOrigin(named(u, text, ctx, person), text, ctx);
  // "im a backend dev btw, which one is closer for me": however long, "which one" weighs the roles just talked about.
  if (u.intent === "fit" && WHICH_OF_THEM.test(text) && bothOf(ctx).length >= 2) return { ...u, ...frame("fit", bothOf(ctx)), confidence: Math.max(u.confidence, WEAK), alternatives: [] };
  if (u.term && u.intent === "glossary") return u;
  return elliptical(u, text, ctx, person, deps);
}

/** "how do i move from that to data science": "that" is the role just talked about. */
function withOrigin(u: Understanding, text: string, ctx: ConversationContext): Understanding {
  const from = ctx.last ? rolesOf(ctx.last)[0] : undefined;
  if (!from || !FROM_THAT.test(text)) return u;
  const to = u.to ?? u.roles.find((r) => r !== from);
  if (!to || to === from || (u.intent !== "transition" && u.intent !== "learning-path")) return u;
  return { ...u, ...frame("transition", [from, to]), from, to, alternatives: [] };
}
const FROM_THAT = /\bfrom (?:that|this|there|it|that role|this role|the role)\b/i;

/** A message that names its roles: they override the context, the shape may still carry the last question. */
function named(u: Understanding, text: string, ctx: ConversationContext, person: Person): Understanding {
  const last = ctx.last;
  const m = u.mentions;
  const settled = { confidence: Math.max(u.confidence, WEAK), alternatives: [] };
  // "and for data scientists?", "what about X", or X as a bare qualifier ("for a data scientist?").
  // A message that itself contrasts ("and how is that different from a data scientist") is a comparison, below.
  // So is one that asks a question of its own kind ("and how do i become a data engineer").
  const ownQuestion = OWN_KINDS.has(u.intent) && u.confidence >= OWN_QUESTION;
  if (last && (m.followup === "about" || QUALIFIER.test(text)) && m.words <= SHORT && m.terms.length === 0 && u.intent !== "transition" && !ownQuestion && !(u.intent === "compare" && u.roles.length === 1 && CONTRASTS.test(text))) {
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
  const m = u.mentions;
  // Small talk and quiz words stand alone, unless the message also asks about an aspect ("can i self teach instead").
  if (SELF_CONTAINED.has(u.intent) && u.confidence >= WEAK && (m.aspects.length === 0 || u.intent === "greeting" || u.intent === "thanks")) return u;
  // A confident reading that needs no subject (e.g. "which role fits me?") is complete as it is.
  if (u.intent !== "out-of-scope" && !NEEDS_SUBJECT.has(u.intent) && u.confidence >= WEAK && m.aspects.length === 0) return u;
  if (m.words > SHORT) return u;
  // "I love prompting LLMs and building chatbots": a fit question with its own evidence, not a follow-up on the last options.
  if (u.intent === "fit" && deps.describesWork?.(text)) return u;
  const settled = { confidence: 1, alternatives: [] };

  if (m.followup === "more" && last) return { ...u, ...settled, ...moreOf(last) };
  // "in europe?", "at a startup?": only a qualifier, so the last question again, there.
  if (last && QUALIFIER.test(text) && m.words <= QUALIFIER_WORDS && m.aspects.length === 0 && m.terms.length === 0) return { ...u, ...settled, ...last };
  if (m.followup === "them" && m.aspects.length <= 1) {
    const roles = bothOf(ctx);
    if (roles.length > 0) return { ...u, ...settled, ...frame("compare", comparedRoles(roles), m.aspects[0] ?? null) };
  }
  // Granted a subject, is this a career question at all? Off-topic stays off-topic. An aspect word ("pay?") is one already.
  const probe = deps.read(`${text} ${PROBE}`);
  const probed = trusted(probe, text);
  const offTopic = (probed.intent === "out-of-scope" || SELF_CONTAINED.has(probed.intent)) && probed.confidence >= WEAK;
  // "and in the uk?": nothing new but a qualifier, so the last question again.
  const again_ = () => (m.followup === "about" && last ? { ...u, ...settled, ...last } : u);
  if (offTopic && m.aspects.length === 0) return again_();
  // "lol", "ok cool": a word or two with no aspect, no follow-up word and no question shape is no follow-up.
  const asks = NEEDS_SUBJECT.has(probed.intent) || probed.intent === "fit";
  if (m.words <= 2 && m.aspects.length === 0 && !m.followup && !asks) return u;

  // "how would i get into research then" after research scientist vs ML engineer: the work it names picks among the roles talked about.
  const described = m.work.filter((r) => ctx.recent.includes(r));
  const subject: Subject | undefined = described.length === 1 && MOVES.has(probe.intent)
    ? { kind: "roles", roles: described }
    : subjectFor(probe, m.aspects, ctx, choosesAmong(text) || u.intent === "compare", (t) => deps.roles(deps.termName(t)));
  if (!subject) return again_();
  const again = deps.read(`${text} (${subjectText(subject, deps)})`);
  // "how do i become one?", "what should i learn first" after two roles were weighed: a way to one of
  // them, not a move between them, unless the words say so ("how do i move over") or the person is one.
  if (subject.kind === "roles" && subject.roles.length >= 2 && MOVES.has(again.intent) && m.aspects.length === 0 && !MOVE_BETWEEN.test(text)) {
    const from = person.from && subject.roles.includes(person.from) ? person.from : undefined;
    const to = subject.roles.find((r) => r !== from)!;
    if (from) return { ...again, ...frame("transition", [from, to]), from, to, ...settled, mentions: again.mentions };
    const paths = subject.roles.slice(0, 3).map((r) => ({ ...again, ...frame("learning-path", [r]), confidence: WEAK, alternatives: [] }));
    return { ...paths[0]!, alternatives: paths.slice(1), mentions: again.mentions };
  }
  if (again.intent === "out-of-scope" || SELF_CONTAINED.has(again.intent)) {
    // "can i self teach instead": the aspect it names is the question.
    if (m.aspects.length === 0) return again_();
    return { ...again, ...fitted({ ...again, intent: "role.aspect", aspect: m.aspects[0]! }, subject, m.aspects), ...settled, mentions: again.mentions };
  }
  // Granting a subject makes almost anything read as "about that role": without an aspect, that is no reading.
  // Unless the message points back at it ("what does that role do", "what do they do").
  if (again.intent === "role.overview" && m.aspects.length === 0 && !m.reference) return m.followup === "more" ? u : again_();
  return { ...again, ...fitted(again, subject, m.aspects), ...settled, mentions: again.mentions, topic: again.topic ?? u.topic };
}

/** The last result is asked about in words about a result ("why did I get this?"); without them quiz.result is a guess. */
function trusted(r: Understanding, text: string): Understanding {
  return r.intent === "quiz.result" && !RESULT_CUE.test(text) ? { ...r, confidence: Math.min(r.confidence, WEAK / 2) } : r;
}

type Subject =
  | { kind: "roles"; roles: Role[] }
  | { kind: "path"; from: Role | null; to: Role }
  | { kind: "term"; term: string };

/** Which part of the context a subjectless message is about, by what it asks. */
function subjectFor(probe: Understanding, aspects: AspectId[], ctx: ConversationContext, weighing: boolean, termRoles: (term: string) => Role[]): Subject | undefined {
  const last = ctx.last;
  const path = ctx.path;
  const lastRoles = last ? (last.intent === "fit" && ctx.suggested ? [ctx.suggested] : rolesOf(last)) : ctx.suggested ? [ctx.suggested] : [];
  const destination = path?.to ?? lastRoles[0];
  const onPath = last?.intent === "transition" || last?.intent === "learning-path";
  // "which should i pick", "which is harder to learn": a choice among the roles talked about;
  // "whats the difference again": a contrast of them.
  const options = bothOf(ctx);
  if (probe.intent === "fit") return options.length > 0 ? { kind: "roles", roles: options } : undefined;
  if (weighing && options.length >= 2) return { kind: "roles", roles: options };
  if ((probe.intent === "resources" || probe.intent === "glossary") && last?.intent === "glossary" && ctx.term) return { kind: "term", term: ctx.term };
  if (aspects.length > 0 || probe.intent === "role.aspect" || probe.intent === "compare") {
    // "do i need a masters for it" after a path: the destination's; after a comparison: both roles'.
    if (onPath && destination) return { kind: "roles", roles: [destination] };
    // "is it a dead end" after "what does mlops mean": a term that is also a role's name ("MLOps") is that role.
    const named = lastRoles.length === 0 && last?.intent === "glossary" && ctx.term ? termRoles(ctx.term) : [];
    if (named.length > 0) return { kind: "roles", roles: named.slice(0, 1) };
    return lastRoles.length > 0 ? { kind: "roles", roles: lastRoles } : undefined;
  }
  if (probe.intent === "learning-path" || probe.intent === "transition") {
    // "how long will this take" after a side question about the destination: still the path there.
    if (path && (onPath || lastRoles.includes(path.to))) return { kind: "path", ...path };
    // After a comparison the re-read decides: "how do i move over" reads as the move from one to the other.
    // A decoded title or posting ranks its roles, closest first: "how do i become one" means the closest.
    return lastRoles.length > 0 ? { kind: "roles", roles: lastRoles.slice(0, last?.intent === "decode" ? 1 : 2) } : undefined;
  }
  if (probe.intent === "resources" || probe.intent === "glossary") {
    if (last?.intent === "glossary" && ctx.term) return { kind: "term", term: ctx.term };
    return destination ? { kind: "roles", roles: [onPath ? destination : lastRoles[0] ?? destination] } : undefined;
  }
  if (probe.intent === "job-search") return lastRoles[0] || destination ? { kind: "roles", roles: [onPath ? destination! : lastRoles[0] ?? destination!] } : { kind: "roles", roles: [] };
  // Anything else: the last answer's own subject.
  if (last?.intent === "glossary" && ctx.term) return { kind: "term", term: ctx.term };
  if (path && (last?.intent === "transition" || (last?.intent === "role.aspect" && lastRoles.includes(path.to)))) return { kind: "path", ...path };
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
      // One role supplied: a comparison only when the message itself named the other ("and vs data scientists").
      if (r.intent === "compare" && r.roles.length >= 2) return frame("compare", comparedRoles(r.roles), aspect);
      return aspect ? frame("role.aspect", roles, aspect) : frame("role.overview", roles);
    case "transition":
      return r.from && r.to ? { ...frame("transition", [r.from, r.to]), from: r.from, to: r.to } : frame("learning-path", roles.slice(-1));
    case "learning-path":
      // "what tools should i know" after a path: the message asks about an aspect, not for the path again.
      if (aspects[0]) return frame("role.aspect", roles.slice(-1), aspects[0]);
      return frame(r.intent, roles.slice(0, 1));
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
