// What a choice (button) asks the mentor to do, and its compact encoding as
// a choice id ("compare:ml-engineer+ai-engineer:salary"), short enough for
// every platform's button id. Ids never contain user text.
import { z } from "zod";
import { AspectId, IntentId, RoleId, JobSearchTopicId, Slug } from "../knowledge/schema.ts";

// Quiz ids are parsed as strictly as the quiz issues them: its run id and owner
// tag (hex, no separators), an item slug, a plain decimal index or one of the
// navigations. Anything else is a forged or corrupted id and decodes to nothing.
const TOKEN = "[a-z0-9]{1,40}";
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
const INDEX = "(?:0|[1-9]\\d{0,2})";
export const QUIZ_NAVS = ["back", "skip", "quit", "restart"] as const;
const QUIZ_ANSWER_ARG = new RegExp(`^${TOKEN}:${TOKEN}:${SLUG}:${INDEX}$`);
const QUIZ_NAV_ARG = new RegExp(`^${TOKEN}:${TOKEN}:(?:${QUIZ_NAVS.join("|")})$`);

export const Action = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("role"), role: RoleId, aspect: AspectId.optional() }),
  z.object({ kind: z.literal("compare"), roles: z.array(RoleId).min(2).max(3), aspect: AspectId.optional() }),
  z.object({ kind: z.literal("path"), role: RoleId }),
  z.object({ kind: z.literal("transition"), from: RoleId, to: RoleId }),
  z.object({ kind: z.literal("resources"), role: RoleId.optional() }),
  z.object({ kind: z.literal("glossary"), term: Slug }),
  z.object({ kind: z.literal("jobs"), role: RoleId.optional(), topic: JobSearchTopicId.optional() }),
  /** An opinionated tool choice from knowledge/tool-choices.yaml ("pytorch-vs-tensorflow"). */
  z.object({ kind: z.literal("tools"), topic: Slug }),
  /** A route from a starting point outside the roles (knowledge/starting-points.yaml id) into `to`. */
  z.object({ kind: z.literal("start"), point: Slug, to: RoleId.optional() }),
  /** Pay for one to three roles in a region of knowledge/regions.yaml ("pay:ml-engineer:de"); no region: pick one. */
  z.object({ kind: z.literal("pay"), roles: z.array(RoleId).min(1).max(3), region: Slug.optional() }),
  z.object({ kind: z.literal("fit") }),
  z.object({ kind: z.literal("decide") }),
  z.object({ kind: z.literal("help") }),
  z.discriminatedUnion("op", [
    /** "share": post the last result card in the channel the quiz was asked for in (src/quiz/share.ts). */
    z.object({ kind: z.literal("quiz"), op: z.enum(["start", "restart", "continue", "share"]), arg: z.undefined().optional() }),
    /** An answer: "<run>:<owner>:<item>:<index of the option as shown>". */
    z.object({ kind: z.literal("quiz"), op: z.literal("a"), arg: z.string().regex(QUIZ_ANSWER_ARG) }),
    /** A navigation: "<run>:<owner>:back|skip|quit|restart". */
    z.object({ kind: z.literal("quiz"), op: z.literal("n"), arg: z.string().regex(QUIZ_NAV_ARG) }),
  ]),
  /** 👍/👎 under an answer (communities that record knowledge gaps): how it was read, never what was asked. */
  z.object({ kind: z.literal("rate"), up: z.boolean(), intent: IntentId, roles: z.array(RoleId).max(3) }),
  /** Depth one click away: the full answer, or its sources, of the answer `of` (an encoded action). */
  z.object({ kind: z.literal("view"), view: z.enum(["full", "sources"]), of: z.string().min(1) }),
]);
export type Action = z.infer<typeof Action>;

export function encodeAction(a: Action): string {
  switch (a.kind) {
    case "role": return join("role", a.role, a.aspect);
    case "compare": return join("compare", a.roles.join("+"), a.aspect);
    case "path": return join("path", a.role);
    case "transition": return join("transition", a.from, a.to);
    case "resources": return join("resources", a.role);
    case "glossary": return join("glossary", a.term);
    case "jobs": return join("jobs", a.role ?? "-", a.topic);
    case "tools": return join("tools", a.topic);
    case "start": return join("start", a.point, a.to);
    case "pay": return join("pay", a.roles.join("+"), a.region);
    case "quiz": return join("quiz", a.op, a.arg);
    case "view": return join("view", a.view, a.of);
    case "rate": return join("rate", a.up ? "up" : "down", a.intent, a.roles.length ? a.roles.join("+") : "-");
    default: return a.kind;
  }
}

/** Decode a choice id; undefined for anything that is not a valid action (foreign or corrupted ids). */
export function decodeAction(id: string): Action | undefined {
  if (id.length > 100) return undefined;
  if (id.startsWith("view:")) return decodeView(id);
  const [kind, a, b] = id.split(":");
  const raw: Record<string, unknown> = { kind };
  switch (kind) {
    case "role": Object.assign(raw, { role: a, aspect: b }); break;
    case "compare": Object.assign(raw, { roles: a?.split("+"), aspect: b }); break;
    case "path": Object.assign(raw, { role: a }); break;
    case "transition": Object.assign(raw, { from: a, to: b }); break;
    case "resources": Object.assign(raw, { role: a }); break;
    case "glossary": Object.assign(raw, { term: a }); break;
    case "tools": Object.assign(raw, { topic: a }); break;
    case "start": Object.assign(raw, { point: a, to: b }); break;
    case "pay": Object.assign(raw, { roles: a?.split("+"), region: b }); break;
    case "jobs": Object.assign(raw, { role: a === "-" ? undefined : a, topic: b }); break;
    case "quiz": Object.assign(raw, { op: a, arg: id.split(":").slice(2).join(":") || undefined }); break;
    case "rate": Object.assign(raw, { up: a === "up" ? true : a === "down" ? false : undefined, intent: b, roles: id.split(":")[3] === "-" ? [] : id.split(":")[3]?.split("+") }); break;
  }
  const parsed = Action.safeParse(raw);
  if (!parsed.success) return undefined;
  // No reply ever issues a role compared with itself or a move to the same role: such an id is corrupted.
  const action = parsed.data;
  if (action.kind === "compare" && new Set(action.roles).size !== action.roles.length) return undefined;
  if (action.kind === "transition" && action.from === action.to) return undefined;
  // Only the exact form the encoder issues is an action: no trailing parts, no missing "-".
  if (encodeAction(action) !== id) return undefined;
  return action;
}

/** "view:full:compare:ml-engineer+ai-engineer": valid only around an answer action (not a quiz step, not another view). */
function decodeView(id: string): Action | undefined {
  const [, view, ...rest] = id.split(":");
  const of = rest.join(":");
  const inner = decodeAction(of);
  if (!inner || inner.kind === "view" || inner.kind === "quiz") return undefined;
  const parsed = Action.safeParse({ kind: "view", view, of });
  return parsed.success ? parsed.data : undefined;
}

const join = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined).join(":");
