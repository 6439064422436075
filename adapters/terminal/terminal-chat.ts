// Terminal adapter: lines from standard input become core events for one
// fixed local user; replies come back as plain text (or, with --jsonl, one
// JSON object per input line). A bare number picks a choice of the last reply.
import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import type { Mentor } from "../../src/core/mentor.ts";
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
const ACTOR = { id: "local-user", name: "you" };

const BANNER = [
  "Role Mentor: career questions about ML, AI and data roles. Type /help for commands, /quit to leave.",
  "To serve Discord or Slack instead, set DISCORD_TOKEN and DISCORD_APPLICATION_ID, or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see README).",
].join("\n");

/** Turn one input line into a core event; undefined for a blank line in JSONL mode's choose form gone wrong. */
function lineToEvent(line: string, lastChoices: Choice[], jsonl: boolean): InboundEventInput {
  const base = { id: randomUUID(), address: ADDRESS, actor: ACTOR };
  const trimmed = line.trim();
  if (jsonl && trimmed.startsWith("{")) {
    try {
      const obj = JSON.parse(trimmed) as { choose?: unknown; text?: unknown };
      if (typeof obj.choose === "string") return { ...base, kind: "choice", choiceId: obj.choose };
      if (typeof obj.text === "string") return { ...base, kind: "message", text: obj.text };
    } catch {
      // Not JSON after all: treat it as text.
    }
  }
  const pick = /^\d{1,2}$/.test(trimmed) ? lastChoices[Number(trimmed) - 1] : undefined;
  if (pick && !jsonl) return { ...base, kind: "choice", choiceId: pick.id };
  return { ...base, kind: "message", text: line };
}

export async function runTerminalChat(opts: TerminalOptions): Promise<void> {
  const { mentor, logger, output } = opts;
  const write = (s: string) => output.write(s);
  const rl = createInterface({ input: opts.input, crlfDelay: Infinity, terminal: false });
  let lastChoices: Choice[] = [];
  if (opts.interactive && !opts.jsonl) write(`${BANNER}\n\nyou> `);

  for await (const line of rl) {
    if (!opts.jsonl && /^\s*\/(quit|exit)\s*$/i.test(line)) break;
    let replies: Reply[];
    try {
      const event = lineToEvent(line, lastChoices, opts.jsonl);
      replies = (await mentor.handle(event)).replies;
    } catch (err) {
      const ref = randomUUID().slice(0, 8);
      logger.error({ err, ref }, "terminal turn failed");
      replies = [{ blocks: [{ type: "text", text: `Something went wrong (ref ${ref}).` }], choices: [], visibility: "private" }];
    }
    if (replies.length > 0) lastChoices = replies[replies.length - 1]!.choices;
    if (opts.jsonl) {
      // The quiz result's outcome, scores and also sit on the reply object itself; "card" is its PNG's path.
      write(`${JSON.stringify({ replies: replies.map(({ image, ...r }) => ({ ...r, ...r.data, text: renderPlainText(r), ...(image ? { card: image.path } : {}) })) })}\n`);
    } else {
      write(`${replies.map((r) => renderPlainText(r) + (r.image ? `\n\n(Result card: ${r.image.path})` : "")).join("\n\n")}\n${opts.interactive ? "\nyou> " : "\n"}`);
    }
  }
  rl.close();
}
