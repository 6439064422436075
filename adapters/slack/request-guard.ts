// A gate in front of Bolt's HTTPReceiver for POST /slack/events. Bolt 5.1
// refuses only timestamps in the past and crashes the process on a signed
// body that is not an object (`null` → TypeError reading 'ssl_check'). The
// gate verifies the request the way Bolt does, then also refuses timestamps
// more than five minutes ahead and bodies that are not a JSON object.
// Bolt buffers the body on the request (rawBody), so it reads it again for free.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions } from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../../src/core/logger.ts";

/** How far a request's timestamp may be from our clock, either way (Slack's own rule). */
export const MAX_CLOCK_SKEW_S = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface GuardOptions {
  signingSecret: string;
  path: string;
  logger: Logger;
  now?: () => number;
  /**
   * True once shutdown has begun: a request not yet handed to Bolt (one that arrived on a keep-alive
   * connection, or whose body was still coming) gets 503 and is not processed. Slack retries it, and
   * another replica takes it; the turns Bolt already has finish.
   */
  refusing?: () => boolean;
}

/** The verdict on one request: pass it on to Bolt, or answer with this status. */
export type Verdict = { pass: true } | { pass: false; status: 400 | 401 | 413; why: string };

export function guardRequestListener(inner: Listener, opts: GuardOptions): Listener {
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || path !== opts.path) {
      inner(req, res);
      return;
    }
    const refuseForShutdown = () => {
      opts.logger.info({ status: 503 }, "slack request refused: shutting down");
      res.writeHead(503, { connection: "close", "retry-after": "1" });
      res.end();
    };
    if (opts.refusing?.()) {
      refuseForShutdown();
      return;
    }
    void checkRequest(req, opts).then((verdict) => {
      if (verdict.pass && opts.refusing?.()) {
        refuseForShutdown();
        return;
      }
      if (verdict.pass) {
        inner(req, res);
        return;
      }
      opts.logger.warn({ status: verdict.status, why: verdict.why }, "slack request refused");
      res.writeHead(verdict.status);
      res.end();
    }).catch((err: unknown) => {
      opts.logger.error({ err }, "slack request gate failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

export async function checkRequest(req: IncomingMessage, opts: GuardOptions): Promise<Verdict> {
  let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
  try {
    buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: opts.signingSecret, bodyLimit: HTTPModuleFunctions.defaultBodyLimit }, req);
  } catch (err) {
    const e = err as { type?: unknown; statusCode?: unknown };
    if (HTTPModuleFunctions.isRawBodyError(err) && (e.type === "entity.too.large" || e.statusCode === 413)) return { pass: false, status: 413, why: "body too large" };
    return { pass: false, status: 401, why: "signature or timestamp refused" };
  }
  // An ssl_check (form-encoded, unsigned by design) has had its body reduced to ssl_check=1 by Bolt.
  const isSslCheck = buffered.rawBody.toString() === "ssl_check=1" && req.headers["content-type"] === "application/x-www-form-urlencoded";
  if (isSslCheck) return { pass: true };
  const raw = req.headers["x-slack-request-timestamp"];
  const ts = typeof raw === "string" && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  const now = Math.floor((opts.now ?? Date.now)() / 1000);
  if (!Number.isFinite(ts) || Math.abs(now - ts) > MAX_CLOCK_SKEW_S) return { pass: false, status: 401, why: "timestamp outside five minutes" };
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return { pass: false, status: 400, why: "body is not JSON" };
  }
  const problem = payloadProblem(body);
  return problem ? { pass: false, status: 400, why: problem } : { pass: true };
}

/** Why a parsed body is not something Slack sends (not an object, or not a known shape); undefined when it is. */
export function payloadProblem(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "body is not an object";
  return shapeProblem(body as Record<string, unknown>);
}

// The shapes Slack sends, as far as Bolt and the adapter rely on them: a
// request missing what they read (a click without a user, an event without
// its channel) is refused here instead of failing halfway through (Bolt
// answers those with a 500, and Slack retries events that got one).
const Id = z.string().min(1).max(64);
const Text = z.string().max(40_000);
const SlashCommand = z.object({ command: z.string().regex(/^\/[\w-]{1,32}$/), user_id: Id, team_id: Id, channel_id: Id, trigger_id: z.string().min(1), response_url: z.url(), text: Text.optional() });
const Interactive = z.object({ type: z.string().min(1), user: z.object({ id: Id }), team: z.object({ id: Id }).nullable().optional() });
const BlockActions = Interactive.extend({
  type: z.literal("block_actions"),
  actions: z.array(z.object({ action_id: z.string().min(1).max(255), type: z.string().min(1) })).min(1),
  container: z.object({ type: z.string().min(1) }),
  channel: z.object({ id: Id }).optional(),
  response_url: z.url().optional(),
});
const EVENTS: Record<string, z.ZodType> = {
  message: z.object({ channel: Id, ts: z.string().min(1), text: Text.optional(), user: Id.optional() }),
  app_mention: z.object({ channel: Id, ts: z.string().min(1), text: Text, user: Id.optional() }),
  app_home_opened: z.object({ user: Id, channel: Id, tab: z.string().optional() }),
};
/** Interactive payload types Slack sends besides block_actions (api.slack.com/reference/interaction-payloads). */
const INTERACTIVE_TYPES = new Set(["view_submission", "view_closed", "shortcut", "message_action", "block_suggestion", "interactive_message", "dialog_submission", "dialog_cancellation", "dialog_suggestion", "workflow_step_edit"]);
const EventCallback = z.object({ type: z.literal("event_callback"), team_id: Id, event_id: z.string().min(1), event: z.looseObject({ type: z.string().min(1) }) });

/** Why the body is not a shape Slack sends, or undefined when it is one. */
export function shapeProblem(body: Record<string, unknown>): string | undefined {
  if ("command" in body) return SlashCommand.safeParse(body).success ? undefined : "malformed slash command";
  switch (body.type) {
    case "url_verification": return typeof body.challenge === "string" ? undefined : "malformed url_verification";
    case "app_rate_limited": return undefined;
    case "event_callback": {
      const parsed = EventCallback.safeParse(body);
      if (!parsed.success) return "malformed event";
      const schema = EVENTS[parsed.data.event.type];
      return !schema || schema.safeParse(parsed.data.event).success ? undefined : `malformed ${parsed.data.event.type} event`;
    }
    case "block_actions": return BlockActions.safeParse(body).success ? undefined : "malformed block_actions";
    default:
      // Other interactive payloads (views, shortcuts…) always name the person who acted; other types are not Slack's.
      if (typeof body.type !== "string" || !INTERACTIVE_TYPES.has(body.type)) return "unknown payload type";
      return Interactive.safeParse(body).success ? undefined : `malformed ${body.type}`;
  }
}
