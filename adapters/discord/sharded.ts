// `npm run start:sharded`: Discord beyond one process. Registers the slash
// commands once, asks Discord how many shards it recommends (or takes
// DISCORD_SHARDS), and runs each shard as its own `src/main.ts` process through
// discord.js's ShardingManager. Every shard uses the shared store (STORE=redis),
// so a person's quiz and context follow them whichever shard sees them.
import "dotenv/config";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { REST, Routes, ShardingManager } from "discord.js";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logging.ts";
import { KnowledgeError } from "../../src/knowledge/load.ts";
import { registerFromConfig } from "./register.ts";

// Compiled (dist/adapters/discord/sharded.js), the shards run dist/src/main.js on plain node;
// from the TypeScript source (tsx), they run src/main.ts through tsx.
const COMPILED = import.meta.url.endsWith(".js");
const MAIN = resolve(import.meta.dirname, COMPILED ? "../../src/main.js" : "../../src/main.ts");

/** Discord's recommendation for this bot (GET /gateway/bot), through the configured API URL. */
async function recommendedShards(token: string, apiUrl?: string): Promise<number> {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}) }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.discord) throw new ConfigError("start:sharded runs Discord shards: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see README, \"Discord\").");
  const logger = createLogger({ level: config.env.LOG_LEVEL, pretty: config.env.LOG_PRETTY, destination: 1 });
  if (config.env.STORE !== "redis") logger.warn("shards keep their own SQLite state unless STORE=redis: a person's quiz would not follow them across shards");
  // Once for all shards, before any connects (a shard never registers).
  const registration = await registerFromConfig(config);
  logger.info({ commands: registration.count }, "slash commands registered once for every shard");
  const totalShards = config.env.DISCORD_SHARDS ?? (await recommendedShards(config.discord.token, config.discord.apiUrl));
  const manager = new ShardingManager(MAIN, {
    token: config.discord.token,
    totalShards,
    mode: "process",
    execArgv: COMPILED ? [] : ["--import", "tsx"],
    respawn: true,
  });
  manager.on("shardCreate", (shard) => logger.info({ shard: shard.id, of: totalShards }, "shard launched"));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping shards");
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // Discord allows one identify per 5 s per bucket; discord.js queues identifies, so spawning needs no extra wait beyond DISCORD_SHARD_DELAY_MS.
  await manager.spawn({ amount: totalShards, delay: config.env.DISCORD_SHARD_DELAY_MS, timeout: 60_000 });
  logger.info({ shards: totalShards }, "all shards ready");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError || err instanceof KnowledgeError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
