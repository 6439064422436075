// Composition root: config, logger, store, core, and the adapters the
// environment asks for. With no platform credentials, a terminal chat.
import "dotenv/config";
import { loadConfig, ConfigError, type Config } from "./config.ts";
import { createLogger } from "./logging.ts";
import { createCore } from "./bootstrap.ts";
import { SqliteStore } from "./stores/sqlite-store.ts";
import { KnowledgeError } from "./knowledge/load.ts";
import { installProcessGuards } from "./process-guard.ts";
import { runTerminalChat } from "../adapters/terminal/terminal-chat.ts";
import type { PlatformAdapter } from "../adapters/adapter.ts";
import type { Logger } from "./core/logger.ts";
import type { StateStore } from "./core/state-store.ts";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config: Config = loadConfig();
  // A shard launched by `npm run start:sharded` (discord.js sets SHARDING_MANAGER): Discord only, commands registered by the manager.
  const shard = Boolean(process.env.SHARDING_MANAGER);
  const terminal = !shard && (args.includes("--terminal") || (!config.discord && !config.slack));
  const jsonl = args.includes("--jsonl");
  // In the terminal, stdout belongs to the conversation: logs go to stderr.
  const logger = createLogger({
    level: terminal && config.env.LOG_LEVEL === "info" ? "warn" : config.env.LOG_LEVEL,
    pretty: config.env.LOG_PRETTY,
    destination: terminal ? 2 : 1,
  });
  // SQLite for one process; Redis when several replicas share quiz state.
  // Scripted `chat --jsonl` runs get a store of their own unless SQLITE_PATH is set,
  // so a script never resumes (or ends) a person's open quiz in the shared file.
  const sqlitePath = jsonl && !process.env.SQLITE_PATH ? ":memory:" : config.env.SQLITE_PATH;
  // ioredis and prom-client load only when asked for: the terminal starts faster without them.
  const redis = config.env.STORE === "redis" ? new (await import("./stores/redis-store.ts")).RedisStore(config.env.REDIS_URL!) : undefined;
  const store: StateStore = redis ?? new SqliteStore(sqlitePath);
  const metricsModule = config.env.METRICS_PORT ? await import("./metrics.ts") : undefined;
  const metrics = metricsModule ? new metricsModule.Metrics() : undefined;
  const core = createCore({ knowledgeDir: config.env.KNOWLEDGE_DIR, store, logger, contextTtlMs: config.env.CONTEXT_TTL_HOURS * 3_600_000, quizIdleMs: config.env.QUIZ_TTL_DAYS * 86_400_000, cardsDir: config.env.CARDS_DIR === "off" ? undefined : config.env.CARDS_DIR, observer: metrics, limiter: redis?.rateLimiter(30, 60) });
  const adapters: PlatformAdapter[] = [];
  let started = false;
  let stopping = false;
  // Ready only with the knowledge loaded (createCore threw otherwise), the store reachable and every platform connected;
  // not while stopping, so a load balancer sends nothing new meanwhile.
  const health = () => [
    ...(stopping ? ["shutting down"] : []),
    ...(store.isReady?.() === false ? ["store: unreachable"] : []),
    ...(started ? [] : ["platforms: starting"]),
    ...adapters.filter((a) => a.connected?.() === false).map((a) => `${a.name}: not connected`),
  ];
  // Shards share one host: only the manager's process (not a shard) could own METRICS_PORT.
  const metricsServer = metrics && config.env.METRICS_PORT && !shard ? await metrics.serve(config.env.METRICS_PORT, "0.0.0.0", health) : undefined;
  if (metricsServer && metricsModule) logger.info({ port: metricsModule.boundPort(metricsServer) }, "metrics on /metrics, health on /healthz");
  const closeAll = async () => {
    metricsServer?.close();
    metricsServer?.closeAllConnections();
    await store.close();
  };

  if (terminal) {
    started = true;
    await runTerminalChat({ mentor: core.mentor, logger, input: process.stdin, output: process.stdout, jsonl, interactive: Boolean(process.stdin.isTTY) && !jsonl });
    await closeAll();
    return;
  }
  // Platform SDKs load only when their platform is configured: the terminal starts faster without them.
  if (config.discord) {
    const { DiscordAdapter } = await import("../adapters/discord/discord-adapter.ts");
    adapters.push(new DiscordAdapter({ ...config.discord, mentor: core.mentor, quiz: core.quiz, kb: core.kb, logger: logger.child({ adapter: "discord" }), registerCommands: !shard }));
  }
  if (config.slack && !shard) {
    // Socket Mode by default; SLACK_MODE=http serves /slack/events on PORT.
    const { createSlackAdapter } = await import("../adapters/slack/slack-adapter.ts");
    adapters.push(createSlackAdapter({ core, config: config.slack, logger: logger.child({ adapter: "slack" }) }));
  }
  await serve(adapters, closeAll, logger, () => { stopping = true; });
  started = true;
}

/** However a stop goes (a connection that never closes, a store that never answers), the process is gone by then. */
const SHUTDOWN_BOUND_MS = 10_000;

/** Start the platform adapters; SIGINT/SIGTERM stop them (running handlers finish first) and close the store. */
async function serve(adapters: PlatformAdapter[], close: () => Promise<void>, logger: Logger, onStopping: () => void): Promise<void> {
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => (stopping ??= (async () => {
    logger.info({ reason }, "shutting down");
    onStopping();
    setTimeout(() => {
      logger.error({ reason, ms: SHUTDOWN_BOUND_MS }, "shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_BOUND_MS).unref();
    const results = await Promise.allSettled(adapters.map((a) => a.stop()));
    for (const r of results) if (r.status === "rejected") logger.error({ err: r.reason }, "adapter did not stop cleanly");
    await close();
  })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void shutdown(signal).finally(() => process.exit(0)));
  }
  // One faulty event never ends the process; a burst of them does (exit code 1, for the supervisor).
  installProcessGuards(process, { logger, onFatal: (reason) => void shutdown(reason).finally(() => process.exit(1)) });
  try {
    for (const a of adapters) await a.start();
  } catch (err) {
    await shutdown("start failed");
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof KnowledgeError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exitCode = 1;
});
