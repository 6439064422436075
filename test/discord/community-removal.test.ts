// Removing the bot from a server (GATEWAY GUILD_DELETE, real discord.js over
// the loopback fake) deletes all of that server's data in the store, not only
// its settings: contexts of its threads, quizzes taken there, cooldowns.
import { Events } from "discord.js";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { BOT, GENERAL, GUILD_ID, person, slash, userMessage } from "./fixtures.ts";
import { startBot, type Bot } from "./harness.ts";

let bot: Bot | undefined;
afterEach(async () => bot?.close());

const botUser = { id: BOT.id, username: BOT.username, discriminator: "0", avatar: null, global_name: null, bot: true };

describe("GUILD_DELETE", () => {
  it("deletes every key of the server: settings, thread contexts, a quiz taken there", async () => {
    const store = new MemoryStore();
    const core = createCore({ knowledgeDir: "knowledge", store, logger: pino({ level: "silent" }), perMinute: 100_000 });
    bot = await startBot(core);
    await core.mentor.handle({ kind: "command", name: "mentor-config", args: "gaps on", admin: true, address: { platform: "discord", workspace: GUILD_ID, channel: GENERAL, thread: null, dm: false }, actor: person() });
    const user = person();
    bot.fake.closedDms.add(user.id); // /quiz then runs in the server, keyed by it
    await bot.say(userMessage(user, { channel: GENERAL }, `<@${BOT.id}> what is RAG?`, [botUser]));
    await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    const before = await store.keysContaining(GUILD_ID);
    for (const kind of ["community:", "ctx:", "quiz:person:"]) expect(before.some((k) => k.startsWith(kind)), kind).toBe(true);

    const gone = new Promise<void>((resolve) => bot!.client.once(Events.GuildDelete, () => resolve()));
    bot.fake.dispatch("GUILD_DELETE", { id: GUILD_ID });
    await gone;
    await bot.adapter.idle();
    expect(await store.keysContaining(GUILD_ID)).toEqual([]);
  });
});
