// `npm run discord:register`: register the slash commands (one bulk
// overwrite: to DISCORD_GUILD_ID when set, globally otherwise) and print the
// invite URL. Nothing else: no gateway connection.
import "dotenv/config";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { REST, type RESTOptions } from "discord.js";
import { ConfigError, loadConfig, type Config } from "../../src/config.ts";
import { KnowledgeError, loadKnowledge } from "../../src/knowledge/load.ts";
import { registerCommands, type Registration } from "./commands.ts";
import { inviteUrl } from "./invite.ts";

export async function registerFromConfig(config: Config, rest: Partial<RESTOptions> = {}): Promise<Registration & { invite: string }> {
  if (!config.discord) throw new ConfigError("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the Discord commands (see README, \"Discord\").");
  const { token, applicationId, guildId, apiUrl } = config.discord;
  const kb = loadKnowledge(resolve(config.env.KNOWLEDGE_DIR));
  const client = new REST({ ...(apiUrl ? { api: apiUrl } : {}), ...rest }).setToken(token);
  const r = await registerCommands(client, { applicationId, guildId, kb });
  return { ...r, invite: inviteUrl(applicationId) };
}

async function main(): Promise<void> {
  const r = await registerFromConfig(loadConfig());
  const where = r.scope === "global"
    ? "globally (servers and the bot's DM)"
    : `to server ${r.scope.guildId} (available there at once; not in DMs)`;
  process.stdout.write(`Registered ${r.count} slash commands ${where}.\nInvite the bot: ${r.invite}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError || err instanceof KnowledgeError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
