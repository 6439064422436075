// Environment, validated once at start-up. A bad or missing value stops the
// process with a message naming the variable; secrets are never logged.
import { z } from "zod";

const optional = z.string().trim().min(1).optional().catch(undefined);
const bool = z.enum(["true", "false", "1", "0", "yes", "no", ""]).default("false").transform((v) => ["true", "1", "yes"].includes(v));

export const Env = z.object({
  KNOWLEDGE_DIR: z.string().default("knowledge"),
  STORE: z.enum(["sqlite", "redis"]).default("sqlite"),
  SQLITE_PATH: z.string().default("data/role-mentor.sqlite"),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_PRETTY: bool,
  CONTEXT_TTL_HOURS: z.coerce.number().positive().default(24),
  QUIZ_TTL_DAYS: z.coerce.number().positive().default(7),
  /** Quiz result cards (PNG); "off" sends results as text only. */
  CARDS_DIR: z.string().default("data/cards"),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_API_URL: z.url().optional(),
  /** Listening mode on Discord needs the privileged Message Content intent (Developer Portal → Bot). */
  DISCORD_MESSAGE_CONTENT: bool,
  /** start:sharded: the shard count (default: Discord's recommendation). */
  DISCORD_SHARDS: z.coerce.number().int().min(1).max(1000).optional(),
  /** start:sharded: wait between launching two shards (Discord's identify window is 5 s). */
  DISCORD_SHARD_DELAY_MS: z.coerce.number().int().min(0).default(5500),
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_MODE: z.enum(["socket", "http"]).default("socket"),
  SLACK_API_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
});
export type Env = z.infer<typeof Env>;

export interface Config {
  env: Env;
  discord: { token: string; applicationId: string; guildId?: string; apiUrl?: string; messageContent: boolean } | null;
  slack: { botToken: string; appToken?: string; signingSecret?: string; mode: "socket" | "http"; port: number; apiUrl?: string } | null;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse the environment; throws ConfigError naming the variable at fault. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const env = parsed.data;
  const need = (names: (keyof Env)[], why: string) => {
    const missing = names.filter((n) => env[n] === undefined);
    if (missing.length > 0) throw new ConfigError(`Missing environment variable ${missing.join(", ")} (${why})`);
  };

  if (env.STORE === "redis") need(["REDIS_URL"], "STORE=redis needs the Redis server's URL");

  let discord: Config["discord"] = null;
  if (env.DISCORD_TOKEN || env.DISCORD_APPLICATION_ID || env.DISCORD_GUILD_ID) {
    need(["DISCORD_TOKEN", "DISCORD_APPLICATION_ID"], "Discord needs both the bot token and the application id");
    discord = { token: env.DISCORD_TOKEN!, applicationId: env.DISCORD_APPLICATION_ID!, guildId: env.DISCORD_GUILD_ID, apiUrl: env.DISCORD_API_URL, messageContent: env.DISCORD_MESSAGE_CONTENT };
  }

  let slack: Config["slack"] = null;
  if (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) {
    if (env.SLACK_MODE === "socket") need(["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"], "Slack Socket Mode needs the bot token and the app-level token");
    else need(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"], "Slack HTTP mode needs the bot token and the signing secret");
    slack = { botToken: env.SLACK_BOT_TOKEN!, appToken: env.SLACK_APP_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, mode: env.SLACK_MODE, port: env.PORT, apiUrl: env.SLACK_API_URL };
  }
  return { env, discord, slack };
}
