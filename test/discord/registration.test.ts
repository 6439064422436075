// Start-up: the gateway identify (intents), the slash commands' bulk
// overwrite (guild and global, at start and from `npm run discord:register`),
// what each command offers (choices, autocomplete), and the invite URL.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApplicationCommandOptionType, GatewayIntentBits, InteractionContextType, PermissionFlagsBits } from "discord.js";
import type { Core } from "../../src/bootstrap.ts";
import { COMMANDS } from "../../src/core/commands.ts";
import { ASPECT_IDS, ROLE_IDS } from "../../src/knowledge/schema.ts";
import { loadConfig } from "../../src/config.ts";
import { CONFIG_COMMAND, commandArgs, commandDefinitions, type CommandDefinition } from "../../adapters/discord/commands.ts";
import { registerFromConfig } from "../../adapters/discord/register.ts";
import { glossarySuggestions } from "../../adapters/discord/glossary-autocomplete.ts";
import { pino } from "pino";
import { DiscordAdapter } from "../../adapters/discord/discord-adapter.ts";
import { FakeDiscord } from "./fakes/fake-discord.ts";
import { APP_ID, BOT, GENERAL, GUILD_ID, TOKEN, autocomplete, guildCreate, person } from "./fixtures.ts";
import { startBot, testCore, type Bot } from "./harness.ts";

let core: Core;
beforeAll(() => { core = testCore(); });

let bot: Bot | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await bot?.close();
  await fake?.close();
  bot = fake = undefined;
});

type Option = { name: string; type: number; required?: boolean; autocomplete?: boolean; choices?: { name: string; value: string }[]; max_length?: number };
const options = (defs: CommandDefinition[], name: string) => (defs.find((d) => d.name === name)?.options ?? []) as Option[];

describe("connecting", () => {
  it("identifies with Guilds, GuildMessages and DirectMessages only (no privileged intent) and logs the invite URL", async () => {
    bot = await startBot(core);
    const identify = bot.fake.identifies[0] as { token: string; intents: number };
    expect(identify.token).toBe(TOKEN);
    expect(identify.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    expect(identify.intents & GatewayIntentBits.MessageContent).toBe(0);

    const line = bot.logs.find((l) => typeof l.invite === "string");
    const invite = new URL(String(line?.invite));
    expect(invite.origin + invite.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(invite.searchParams.get("client_id")).toBe(APP_ID);
    expect(invite.searchParams.get("scope")).toBe("bot applications.commands");
    const permissions = BigInt(invite.searchParams.get("permissions")!);
    const wanted = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.SendMessagesInThreads, PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.ReadMessageHistory, PermissionFlagsBits.AttachFiles];
    expect(permissions).toBe(wanted.reduce((a, b) => a | b, 0n));
    expect(permissions & PermissionFlagsBits.Administrator).toBe(0n);
    expect(permissions & PermissionFlagsBits.MentionEveryone).toBe(0n);
  });
});

describe("registering the slash commands", () => {
  it("at start, overwrites the guild's commands in one PUT (bot token, every command, no contexts)", async () => {
    bot = await startBot(core);
    const puts = bot.fake.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]!.route).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(puts[0]!.auth).toBe(`Bot ${TOKEN}`);
    const body = puts[0]!.body as CommandDefinition[];
    expect(body.map((c) => c.name)).toEqual([...COMMANDS.map((c) => c.name), CONFIG_COMMAND]);
    // Guild commands cannot carry contexts (Discord: "only for globally-scoped commands").
    for (const c of body) expect(c).not.toHaveProperty("contexts");
    // Registration happens before the gateway connects.
    expect(bot.fake.requests.findIndex((r) => r.method === "PUT")).toBeLessThan(bot.fake.requests.findIndex((r) => r.route === "/gateway/bot"));
  });

  it("without DISCORD_GUILD_ID, registers globally for servers and the bot's DM", async () => {
    bot = await startBot(core, { guildId: null });
    const put = bot.fake.requests.find((r) => r.method === "PUT")!;
    expect(put.route).toBe(`/applications/${APP_ID}/commands`);
    for (const c of put.body as CommandDefinition[]) {
      // Settings belong to a server: /mentor-config is not offered in the DM.
      expect(c.contexts).toEqual(c.name === CONFIG_COMMAND ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM]);
      expect(c.integration_types).toEqual([0]);
    }
  });

  it("`npm run discord:register` does the same PUT from the environment, guild and global, and nothing else", async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()], token: TOKEN });
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl };
    const guild = await registerFromConfig(loadConfig({ ...env, DISCORD_GUILD_ID: GUILD_ID }), { retries: 0 });
    const global = await registerFromConfig(loadConfig(env), { retries: 0 });
    expect(guild).toMatchObject({ scope: { guildId: GUILD_ID }, count: COMMANDS.length + 1 });
    expect(global).toMatchObject({ scope: "global", count: COMMANDS.length + 1 });
    expect(guild.invite).toContain(`client_id=${APP_ID}`);
    expect(fake.requests.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      `PUT /applications/${APP_ID}/guilds/${GUILD_ID}/commands 200`,
      `PUT /applications/${APP_ID}/commands 200`,
    ]);
    expect(fake.requests[0]!.body).toEqual(commandDefinitions(core.kb, { guildId: GUILD_ID }));
    expect(fake.requests[1]!.body).toEqual(commandDefinitions(core.kb, "global"));
  });

  it("a token Discord rejects stops start-up with a message naming DISCORD_TOKEN", async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()], token: TOKEN });
    const logger = pino({ level: "silent" });
    for (const register of [true, false]) {
      const adapter = new DiscordAdapter({ token: "wrong.token", applicationId: APP_ID, apiUrl: fake.apiUrl, mentor: core.mentor, kb: core.kb, logger, registerCommands: register, rest: { retries: 0 } });
      await expect(adapter.start()).rejects.toThrow(/Discord rejected DISCORD_TOKEN/);
      await adapter.stop();
    }
    expect(fake.requests.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      `PUT /applications/${APP_ID}/commands 401`,
      "GET /gateway/bot 401",
    ]);
    expect(fake.identifies).toEqual([]);
  });

  it("refuses to run without credentials", async () => {
    await expect(registerFromConfig(loadConfig({}))).rejects.toThrow(/DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });
});

describe("the command definitions", () => {
  const defs = () => commandDefinitions(core.kb, "global");

  it("are valid for Discord: names, descriptions ≤ 100, at most 25 choices, required options first", () => {
    for (const c of defs()) {
      expect(c.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      const opts = (c.options ?? []) as Option[];
      expect(opts.length).toBeLessThanOrEqual(25);
      const firstOptional = opts.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(opts.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const o of opts) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.type).toBe(ApplicationCommandOptionType.String);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
        if (o.autocomplete) expect(o.choices).toBeUndefined();
        for (const ch of o.choices ?? []) expect(ch.name.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("offer every role and aspect as choices and glossary terms by autocomplete", () => {
    const d = defs();
    const roleValues = [...ROLE_IDS].sort();
    for (const [cmd, opt] of [["compare", "role1"], ["compare", "role2"], ["compare", "role3"], ["role", "role"], ["path", "role"], ["path", "to"], ["resources", "role"]] as const) {
      expect(options(d, cmd).find((o) => o.name === opt)?.choices?.map((c) => c.value).sort(), `${cmd} ${opt}`).toEqual(roleValues);
    }
    expect(options(d, "compare").find((o) => o.name === "aspect")?.choices?.map((c) => c.value)).toEqual([...ASPECT_IDS]);
    expect(options(d, "role").find((o) => o.name === "aspect")?.choices?.map((c) => c.value)).toEqual([...ASPECT_IDS]);
    expect(options(d, "glossary")).toEqual([expect.objectContaining({ name: "term", required: true, autocomplete: true })]);
    expect(options(d, "ask")).toEqual([expect.objectContaining({ name: "question", required: true })]);
    for (const name of ["quiz", "forget", "help"]) expect(options(d, name)).toEqual([]);
  });

  it("turn every role and aspect choice into arguments the core recognises", () => {
    for (const role of ROLE_IDS) {
      for (const aspect of [undefined, ...ASPECT_IDS]) {
        const args = commandArgs("role", (o) => (o === "role" ? role : o === "aspect" ? (aspect ?? null) : null), core.kb);
        const slots = core.understander.slots(args);
        expect(slots.roles, args).toEqual([role]);
        expect(slots.aspects, args).toEqual(aspect ? [aspect] : []);
      }
    }
    for (const a of ROLE_IDS) for (const b of ROLE_IDS) for (const c of [null, ...ROLE_IDS]) {
      if (a === b || c === a || c === b) continue;
      const args = commandArgs("compare", (o) => ({ role1: a, role2: b, role3: c, aspect: "salary" } as Record<string, string | null>)[o] ?? null, core.kb);
      expect(core.understander.slots(args), args).toMatchObject({ roles: c ? [a, b, c] : [a, b], aspects: ["salary"] });
    }
    for (const t of core.kb.glossary) {
      expect(core.understander.slots(commandArgs("glossary", () => t.id, core.kb)).terms, t.id).toContain(t.id);
    }
  });

  it("autocomplete suggests matching glossary terms, at most 25, prefix matches first", async () => {
    expect(glossarySuggestions(core.kb, "").length).toBe(Math.min(25, core.kb.glossary.length));
    const rag = glossarySuggestions(core.kb, "retrieval");
    expect(rag[0]).toEqual({ name: "Retrieval-augmented generation (RAG)", value: "rag" });
    expect(glossarySuggestions(core.kb, "zzzz-nothing")).toEqual([]);

    bot = await startBot(core);
    const reqs = await bot.interact(autocomplete(person(), { channel: GENERAL }, "glossary", "term", "fine"));
    expect(reqs).toHaveLength(1);
    expect(reqs[0]!.body.type).toBe(8);
    expect(reqs[0]!.body.data.choices).toContainEqual({ name: expect.stringMatching(/fine-tuning/i), value: "fine-tuning" });
  });
});
