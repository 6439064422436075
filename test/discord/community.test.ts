// Community settings over the loopback fake: /mentor-config changes settings
// only for members with Manage Server (checked from the interaction, not only
// hidden by Discord) and always answers ephemerally; the settings take effect
// (private command answers, mentions only in the chosen channels); removing
// the bot from the server (GUILD_DELETE) deletes the server's settings.
import { describe, expect, it } from "vitest";
import { Events, MessageFlags, PermissionFlagsBits } from "discord.js";
import type { Core } from "../../src/bootstrap.ts";
import { BOT, GENERAL, GUILD_ID, NEWS, person, slash, userMessage } from "./fixtures.ts";
import { commandDefinitions } from "../../adapters/discord/commands.ts";
import { isChannelPost, isEditOriginal, textOf, useBot, type Bot } from "./harness.ts";

let core: Core;
let bot: Bot;
useBot((b, c) => { bot = b; core = c; });

const botUser = { id: BOT.id, username: BOT.username, discriminator: "0", avatar: null, global_name: null, bot: true };
const EVERYDAY = "2251804225"; // the fixtures' member: no Manage Server
const withManageServer = (i: ReturnType<typeof slash>) => {
  (i as { member?: { permissions: string } }).member!.permissions = String(BigInt(EVERYDAY) | PermissionFlagsBits.ManageGuild);
  return i;
};
const settingsOfGuild = () => core.mentor.settings({ platform: "discord", workspace: GUILD_ID });
const reset = () => core.mentor.forgetCommunity({ platform: "discord", id: GUILD_ID });

describe("/mentor-config", () => {
  it("is registered for members with Manage Server only, and only in servers", () => {
    const def = commandDefinitions(core.kb, "global").find((c) => c.name === "mentor-config")!;
    expect(def.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(def.contexts).toEqual([0]);
  });

  it("a member without Manage Server sees the settings but is refused a change, politely and ephemerally", async () => {
    expect(BigInt(EVERYDAY) & PermissionFlagsBits.ManageGuild).toBe(0n);
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "mentor-config", { setting: "gaps on" }));
    const [defer, fill] = reqs;
    expect(defer!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(isEditOriginal(fill!)).toBe(true);
    expect(textOf(fill!.body)).toMatch(/Only members with the Manage Server permission can change/);
    expect((await settingsOfGuild()).recordGaps).toBe(false);

    const shown = await bot.interact(slash(person(), { channel: GENERAL }, "mentor-config"));
    expect(textOf(shown.find(isEditOriginal)!.body)).toMatch(/Role Mentor settings for this community/);
  });

  it("a member with Manage Server changes a setting; private answers then make /compare ephemeral", async () => {
    try {
      const reqs = await bot.interact(withManageServer(slash(person(), { channel: GENERAL }, "mentor-config", { setting: "replies private" })));
      expect(reqs[0]!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
      expect(textOf(reqs.find(isEditOriginal)!.body)).toMatch(/visible only to the person who asked/);
      expect((await settingsOfGuild()).commandReplies).toBe("private");

      const compare = await bot.interact(slash(person(), { channel: GENERAL }, "compare"));
      expect(compare[0]!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    } finally {
      await reset();
    }
  });

  it("with answer channels set, a mention elsewhere gets no answer; one in the channel does", async () => {
    try {
      await bot.interact(withManageServer(slash(person(), { channel: GENERAL }, "mentor-config", { setting: `channels <#${GENERAL}>` })));
      expect((await settingsOfGuild()).mentionChannels).toEqual([GENERAL]);

      const elsewhere = await bot.say(userMessage(person(), { channel: NEWS }, `<@${BOT.id}> what is RAG?`, [botUser]));
      expect(elsewhere.filter((r) => r.method === "POST")).toEqual([]);
      const here = userMessage(person(), { channel: GENERAL }, `<@${BOT.id}> what is RAG?`, [botUser]);
      const answered = await bot.say(here);
      expect(answered.filter(isChannelPost(here.id))).toHaveLength(1);
    } finally {
      await reset();
    }
  });
});

describe("removing the bot from a server", () => {
  it("GUILD_DELETE deletes the server's settings", async () => {
    await core.mentor.handle({ kind: "command", name: "mentor-config", args: "gaps on", admin: true, address: { platform: "discord", workspace: GUILD_ID, channel: GENERAL, thread: null, dm: false }, actor: person() });
    expect((await settingsOfGuild()).recordGaps).toBe(true);
    const gone = new Promise<void>((resolve) => bot.client.once(Events.GuildDelete, () => resolve()));
    bot.fake.dispatch("GUILD_DELETE", { id: GUILD_ID });
    await gone;
    await bot.adapter.idle();
    expect((await settingsOfGuild()).recordGaps).toBe(false);
  });
});

describe("listening mode", () => {
  it("without listening on, a message that does not mention the bot gets nothing; with it, one offer in a thread", async () => {
    try {
      const asked = () => userMessage(person(), { channel: GENERAL }, "which role would suit me better, ML engineer or AI engineer?");
      expect((await bot.say(asked())).filter((r) => r.method === "POST")).toEqual([]);
      await bot.interact(withManageServer(slash(person(), { channel: GENERAL }, "mentor-config", { setting: `listening on <#${GENERAL}>` })));
      const m = asked();
      const reqs = await bot.say(m);
      expect(reqs.some((r) => r.route === `/channels/${GENERAL}/messages/${m.id}/threads`)).toBe(true);
      const offer = reqs.find(isChannelPost(m.id))!;
      expect(textOf(offer.body)).toMatch(/Wondering which role fits you/);
      expect((await bot.say(userMessage(person(), { channel: GENERAL }, "anyone up for lunch?"))).filter((r) => r.method === "POST")).toEqual([]);
    } finally {
      await reset();
    }
  });
});
