// Listening mode on Discord needs the privileged Message Content intent. With
// DISCORD_MESSAGE_CONTENT on but the intent not switched on in the Developer
// Portal, Discord closes the gateway with 4014: start-up must stop with a
// message that says what to switch on (not hang, not retry forever), both in
// the adapter and in `npm start` (exit code 1, the message on stderr).
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { GatewayIntentBits } from "discord.js";
import { pino } from "pino";
import { FakeDiscord } from "./fakes/fake-discord.ts";
import { APP_ID, BOT, GENERAL, GUILD_ID, TOKEN, guildCreate } from "./fixtures.ts";
import { DiscordAdapter } from "../../adapters/discord/discord-adapter.ts";
import { ConfigError } from "../../src/config.ts";
import { testCore } from "./harness.ts";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { updateSettings } from "../../src/community/settings.ts";
import { ROOT, TSX, cleanEnv } from "../helpers/child.ts";

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const startFake = () => FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()], token: TOKEN, disallowedIntents: GatewayIntentBits.MessageContent });
const CLEAR = /Message Content intent.*4014.*Developer Portal.*Privileged Gateway Intents.*DISCORD_MESSAGE_CONTENT/s;

describe("Message Content intent not switched on (gateway close 4014)", () => {
  it("the adapter's start-up fails with a ConfigError that says what to switch on", async () => {
    fake = await startFake();
    const core = testCore();
    const adapter = new DiscordAdapter({
      token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl, mentor: core.mentor, quiz: core.quiz, kb: core.kb,
      logger: pino({ level: "silent" }), registerCommands: false, rest: { retries: 0, timeout: 3000 }, messageContent: true, drainMs: 200,
    });
    try {
      const started = adapter.start();
      await expect(started).rejects.toBeInstanceOf(ConfigError);
      await expect(started).rejects.toThrow(CLEAR);
      // It asked for the intent once and did not keep re-identifying.
      expect(fake.identifies).toHaveLength(1);
      expect(Number(fake.identifies[0]!.intents) & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
    } finally {
      await adapter.stop();
    }
  });

  it("without DISCORD_MESSAGE_CONTENT the same bot connects (the intent is not asked for)", async () => {
    fake = await startFake();
    const core = testCore();
    const adapter = new DiscordAdapter({
      token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl, mentor: core.mentor, quiz: core.quiz, kb: core.kb,
      logger: pino({ level: "silent" }), registerCommands: false, rest: { retries: 0, timeout: 3000 }, drainMs: 200,
    });
    try {
      await adapter.start();
      expect(Number(fake.identifies[0]!.intents) & GatewayIntentBits.MessageContent).toBe(0);
    } finally {
      await adapter.stop();
    }
  });

  it("npm start exits with code 1 and the clear message on stderr", async () => {
    fake = await startFake();
    const child = spawn(TSX, ["src/main.ts"], {
      cwd: ROOT,
      env: cleanEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl, DISCORD_MESSAGE_CONTENT: "true", LOG_LEVEL: "warn" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    clearTimeout(timer);
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(CLEAR);
    expect(stderr).not.toContain(TOKEN);
  }, 40_000);
});

describe("listening on in a server's settings, the bot without DISCORD_MESSAGE_CONTENT", () => {
  it("start-up warns once that listening cannot work there and what to switch on", async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()], token: TOKEN });
    const store = new MemoryStore();
    await updateSettings(store, { platform: "discord", id: GUILD_ID }, { listening: { enabled: true, channels: [GENERAL] } });
    const core = createCore({ knowledgeDir: "knowledge", store, logger: pino({ level: "silent" }) });
    const lines: { level: number; msg: string; servers?: number }[] = [];
    const adapter = new DiscordAdapter({
      token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl, mentor: core.mentor, quiz: core.quiz, kb: core.kb,
      logger: pino({ level: "info" }, { write: (l: string) => void lines.push(JSON.parse(l)) }), registerCommands: false, rest: { retries: 0, timeout: 3000 }, drainMs: 200,
    });
    try {
      await adapter.start();
      await adapter.idle();
      const warned = lines.filter((l) => l.level === 40 && /listening mode/.test(l.msg));
      expect(warned).toHaveLength(1);
      expect(warned[0]!.msg).toMatch(/cannot work.*Message Content intent.*Developer Portal.*DISCORD_MESSAGE_CONTENT=true/);
      expect(warned[0]!.servers).toBe(1);
    } finally {
      await adapter.stop();
    }
  });
});
