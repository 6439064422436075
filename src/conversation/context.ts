// What a conversation remembers between turns, so a follow-up that leaves its
// subject out ("which one pays more", "how do i become one") has one: the last
// answered frame, the roles in the order they were named, the last glossary
// term, the role the mentor last suggested, and the last path or transition.
// Pure data and pure updates; the mentor stores it per conversation.
import { z } from "zod";
import { RoleId, type RoleId as Role } from "../knowledge/schema.ts";
import { Reading } from "../understanding/understand.ts";

/** A reading without its confidence: what an answer is about. */
export const Frame = Reading.pick({ intent: true, roles: true, aspect: true, term: true, from: true, to: true });
export type Frame = z.infer<typeof Frame>;

export const ConversationContext = z.object({
  /** The frame of the last answer that had a subject. */
  last: Frame.nullable(),
  /** Roles of the last answer that named any, in the order named ("the first one", "the second"). */
  roles: z.array(RoleId),
  /** Every role named lately, most recent last ("compare the two" after one role, then another). */
  recent: z.array(RoleId).max(4),
  term: z.string().nullable(),
  /** The role the mentor last suggested (a fit lean, a quiz result). */
  suggested: RoleId.nullable(),
  /** The last learning path (from null) or transition. */
  path: z.object({ from: RoleId.nullable(), to: RoleId }).nullable(),
});
export type ConversationContext = z.infer<typeof ConversationContext>;

export const emptyContext = (): ConversationContext => ({ last: null, roles: [], recent: [], term: null, suggested: null, path: null });

/** Read a stored context; anything malformed (or an older shape) is no context. */
export function parseContext(value: unknown): ConversationContext {
  const parsed = ConversationContext.safeParse(value);
  return parsed.success ? parsed.data : emptyContext();
}

/** Intents whose answer has a subject a follow-up can lean on. */
const HAS_SUBJECT: ReadonlySet<Frame["intent"]> = new Set(["role.overview", "role.aspect", "compare", "transition", "learning-path", "resources", "job-search", "glossary", "fit", "decode"]);

/** The roles a frame is about, in order (a transition's from first). */
export function rolesOf(f: Frame): Role[] {
  if (f.intent === "transition" && f.to) return [...new Set([...(f.from ? [f.from] : []), f.to, ...f.roles])];
  return f.roles;
}

/** The context after answering `f`. */
export function afterAnswer(ctx: ConversationContext, f: Frame): ConversationContext {
  if (!HAS_SUBJECT.has(f.intent)) return ctx;
  // A reading still without its subject (answered with "Which role do you mean?") leaves the context as it
  // was: the roles and the suggestion a follow-up can lean on stay ("what does that role do" after a result).
  if (f.intent !== "fit" && f.roles.length === 0 && !f.term && !f.to) return ctx;
  const frame = Frame.parse(f); // a copy of just the frame's fields
  const roles = rolesOf(frame);
  // The listing "the first one" counts in stays while the conversation moves within it.
  const within = roles.length > 0 && roles.every((r) => ctx.roles.includes(r));
  const next: ConversationContext = { ...ctx, last: frame, roles: roles.length > 0 && !within ? roles : ctx.roles, recent: withRecent(ctx.recent, roles) };
  if (frame.intent === "glossary" && frame.term) next.term = frame.term;
  if (frame.intent === "transition" && frame.to) next.path = { from: frame.from, to: frame.to };
  if (frame.intent === "learning-path" && frame.roles[0]) next.path = { from: null, to: frame.roles[0] };
  return next;
}

/** The context after the mentor suggested a role (a fit lean, a quiz result). */
export function afterSuggestion(ctx: ConversationContext, role: Role): ConversationContext {
  return { ...ctx, suggested: role, roles: ctx.roles.length > 0 ? ctx.roles : [role], recent: withRecent(ctx.recent, [role]) };
}

const withRecent = (recent: Role[], named: Role[]): Role[] => [...recent.filter((r) => !named.includes(r)), ...named].slice(-4);
