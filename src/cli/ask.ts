// `npm run -s ask -- --json "text"` or `--jsonl` (one message per stdin line):
// prints how each message is understood and the reply, one JSON object per
// line. Each message stands alone: no context, no state written.
import { createInterface } from "node:readline";
import "dotenv/config";
import { loadConfig } from "../config.ts";
import { createLogger } from "../logging.ts";
import { createCore } from "../bootstrap.ts";
import { MemoryStore } from "../core/state-store.ts";
import { renderPlainText } from "../core/reply.ts";
import type { Turn } from "../core/mentor.ts";

function toJson(turn: Turn) {
  const u = turn.understanding!;
  const { alternatives, mentions, ...frame } = u;
  void mentions;
  const [first] = turn.replies;
  return {
    ...frame,
    alternatives: alternatives.map((a) => ({ intent: a.intent, roles: a.roles, confidence: a.confidence })),
    reply: first ? { ...first, text: renderPlainText(first) } : null,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const config = loadConfig();
  const logger = createLogger({ level: config.env.LOG_LEVEL === "info" ? "warn" : config.env.LOG_LEVEL, pretty: false, destination: 2 });
  const { mentor } = createCore({ knowledgeDir: config.env.KNOWLEDGE_DIR, store: new MemoryStore(), logger });
  if (args[0] === "--json") {
    process.stdout.write(`${JSON.stringify(toJson(mentor.answerStateless(args.slice(1).join(" "))))}\n`);
    return;
  }
  if (args[0] === "--jsonl") {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      process.stdout.write(`${JSON.stringify(toJson(mentor.answerStateless(line)))}\n`);
    }
    return;
  }
  process.stderr.write('Usage: npm run -s ask -- --json "your question"   |   npm run -s ask -- --jsonl < questions.txt\n');
  process.exitCode = 2;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
