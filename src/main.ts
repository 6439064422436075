// Composition root: config, logger, store, core, and the adapters the
// environment asks for. With no platform credentials, a terminal chat.
import "dotenv/config";
import { loadConfig, ConfigError, type Config } from "./config.ts";
import { createLogger } from "./logging.ts";
import { createCore } from "./bootstrap.ts";
import { SqliteStore } from "./stores/sqlite-store.ts";
import { RedisStore } from "./stores/redis-store.ts";
import { KnowledgeError } from "./knowledge/load.ts";
import { runTerminalChat } from "../adapters/terminal/terminal-chat.ts";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config: Config = loadConfig();
  const terminal = args.includes("--terminal") || (!config.discord && !config.slack);
  const jsonl = args.includes("--jsonl");
  // In the terminal, stdout belongs to the conversation: logs go to stderr.
  const logger = createLogger({
    level: terminal && config.env.LOG_LEVEL === "info" ? "warn" : config.env.LOG_LEVEL,
    pretty: config.env.LOG_PRETTY,
    destination: terminal ? 2 : 1,
  });
  // SQLite for one process; Redis when several replicas share quiz state.
  const store = config.env.STORE === "redis" ? new RedisStore(config.env.REDIS_URL!) : new SqliteStore(config.env.SQLITE_PATH);
  const core = createCore({ knowledgeDir: config.env.KNOWLEDGE_DIR, store, logger, contextTtlMs: config.env.CONTEXT_TTL_HOURS * 3_600_000, quizIdleMs: config.env.QUIZ_TTL_DAYS * 86_400_000 });

  if (terminal) {
    await runTerminalChat({ mentor: core.mentor, logger, input: process.stdin, output: process.stdout, jsonl, interactive: Boolean(process.stdin.isTTY) && !jsonl });
    await store.close();
    return;
  }
  // Discord and Slack adapters arrive with their own issues; say so rather than pretend.
  const wanted = [config.discord ? "Discord" : null, config.slack ? "Slack" : null].filter(Boolean).join(" and ");
  await store.close();
  throw new ConfigError(`${wanted} credentials are set, but this build has no ${wanted} adapter yet. Unset them to use the terminal chat, or run \`npm run chat\`.`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof KnowledgeError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exitCode = 1;
});
