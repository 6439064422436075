// Terminal adapter: lines from standard input become core events. In the
// interactive chat there is one fixed local user; with --jsonl a line may also
// be {"user": "ID", "text" | "choose": …}, and each user is a separate person
// (own context, quiz, result and last choices), so scripts can run many
// conversations in one process. Replies come back as plain text, or with
// --jsonl as one JSON object per input line: {"reading", "replies"}.
import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import type { Mentor, Turn } from "../../src/core/mentor.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import { renderPlainText, type Choice, type Reply } from "../../src/core/reply.ts";
import type { Logger } from "../../src/core/logger.ts";

export interface TerminalOptions {
  mentor: Mentor;
  logger: Logger;
  input: Readable;
  output: Writable;
  jsonl: boolean;
  /** Show a prompt and the banner (an interactive terminal). */
  interactive: boolean;
}

const ADDRESS = { platform: "terminal", workspace: null, channel: "local", thread: null, dm: true } as const;
const LOCAL_USER = "local-user";

const BANNER = [
  "Role Mentor: career questions about ML, AI and data roles. Type /help for commands, /quit to leave.",
  "To serve Discord or Slack instead, set DISCORD_TOKEN and DISCORD_APPLICATION_ID, or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see README).",
].join("\n");

/** One input line: who sent it and what. */
interface Line {
  user: string;
  what: { kind: "message"; text: string } | { kind: "choice"; choiceId: string } | { kind: "pick"; n: number; text: string };
}

/** Parse an input line; anything that is not a well-formed JSON object is text from the local user. */
export function parseLine(line: string, jsonl: boolean): Line {
  const trimmed = line.trim();
  if (jsonl && trimmed.startsWith("{")) {
    try {
      const obj = JSON.parse(trimmed) as { user?: unknown; choose?: unknown; text?: unknown };
      const user = typeof obj.user === "string" && obj.user.trim() ? obj.user.trim().slice(0, 100) : LOCAL_USER;
      if (typeof obj.choose === "string") return { user, what: { kind: "choice", choiceId: obj.choose } };
      if (typeof obj.text === "string") return { user, what: { kind: "message", text: obj.text } };
    } catch {
      // Not JSON after all: treat it as text.
    }
  }
  // A bare number picks a choice of the last reply, in the interactive chat only (in JSONL it is text).
  if (!jsonl && /^\d{1,2}$/.test(trimmed)) return { user: LOCAL_USER, what: { kind: "pick", n: Number(trimmed), text: line } };
  return { user: LOCAL_USER, what: { kind: "message", text: line } };
}

function toEvent(line: Line, lastChoices: Choice[]): InboundEventInput {
  const base = { id: randomUUID(), address: ADDRESS, actor: { id: line.user, name: line.user === LOCAL_USER ? "you" : undefined } };
  const w = line.what;
  if (w.kind === "choice") return { ...base, kind: "choice", choiceId: w.choiceId };
  if (w.kind === "pick") {
    const pick = lastChoices[w.n - 1];
    return pick ? { ...base, kind: "choice", choiceId: pick.id } : { ...base, kind: "message", text: w.text };
  }
  return { ...base, kind: "message", text: w.text };
}

/** The reading as the contract prints it: the frame's six fields, or null when the turn had none. */
export function readingOut(turn: Pick<Turn, "reading">) {
  const r = turn.reading;
  return r ? { intent: r.intent, roles: r.roles, aspect: r.aspect, term: r.term, from: r.from, to: r.to } : null;
}

const TIMEOUT = Symbol("timeout");
/** Lines closer together than this came in one paste (typing is far slower). */
const PASTE_GAP_MS = 30;

/**
 * Lines that arrive together (a pasted job posting) are one message; lines typed
 * one by one stay separate. Only for a person at a terminal: in scripts every line
 * is a message by contract.
 */
export async function* coalescePastes(lines: AsyncIterable<string>, gapMs = PASTE_GAP_MS): AsyncGenerator<string> {
  const it = lines[Symbol.asyncIterator]();
  let pending = it.next();
  for (;;) {
    const first = await pending;
    if (first.done) return;
    const parts = [first.value];
    for (;;) {
      pending = it.next();
      let timer: NodeJS.Timeout | undefined;
      const next = await Promise.race([pending, new Promise<typeof TIMEOUT>((r) => { timer = setTimeout(() => r(TIMEOUT), gapMs); })]);
      clearTimeout(timer);
      if (next === TIMEOUT) break;
      if (next.done) {
        yield parts.join("\n");
        return;
      }
      parts.push(next.value);
    }
    yield parts.join("\n");
  }
}

export async function runTerminalChat(opts: TerminalOptions): Promise<void> {
  const { mentor, logger, output } = opts;
  const write = (s: string) => output.write(s);
  const rl = createInterface({ input: opts.input, crlfDelay: Infinity, terminal: false });
  const lastChoices = new Map<string, Choice[]>();
  if (opts.interactive && !opts.jsonl) write(`${BANNER}\n\nyou> `);

  for await (const raw of opts.interactive && !opts.jsonl ? coalescePastes(rl) : rl) {
    if (!opts.jsonl && /^\s*\/(quit|exit)\s*$/i.test(raw)) break;
    const line = parseLine(raw, opts.jsonl);
    let turn: Turn;
    try {
      turn = await mentor.handle(toEvent(line, lastChoices.get(line.user) ?? []));
    } catch (err) {
      const ref = randomUUID().slice(0, 8);
      logger.error({ err, ref }, "terminal turn failed");
      turn = { replies: [{ blocks: [{ type: "text", text: `Something went wrong (ref ${ref}).` }], choices: [], visibility: "private" }] };
    }
    const replies: Reply[] = turn.replies;
    if (replies.length > 0) lastChoices.set(line.user, replies[replies.length - 1]!.choices);
    if (opts.jsonl) {
      // The quiz result's outcome, scores and also sit on the reply object itself; "card" is its PNG's path.
      write(`${JSON.stringify({ reading: readingOut(turn), replies: replies.map(({ image, ...r }) => ({ ...r, ...r.data, text: renderPlainText(r), ...(image ? { card: image.path } : {}) })) })}\n`);
    } else {
      write(`${replies.map((r) => renderPlainText(r) + (r.image ? `\n\n(Result card: ${r.image.path})` : "")).join("\n\n")}\n${opts.interactive ? "\nyou> " : "\n"}`);
    }
  }
  rl.close();
}
