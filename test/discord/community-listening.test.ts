// Listening mode on Discord (real discord.js over the loopback fake): in a
// thread the person already talks with the bot (after a mention), a follow-up
// without a mention that asks for the quiz is not dropped: the quiz opens in
// the person's DM, as it does for a mention, and the thread says so; asking
// again while it runs offers to continue it, in the DM; an answer typed in the
// thread lands on the DM's quiz (the thread gets a link). Nothing of the quiz
// is posted in the server.
import { describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { PermissionFlagsBits } from "discord.js";
import { BOT, GENERAL, GUILD_ID, person, slash, userMessage } from "./fixtures.ts";
import { isChannelPost, isEditOriginal, textOf, useBot, type Bot } from "./harness.ts";

let core: Core;
let bot: Bot;
useBot((b, c) => { bot = b; core = c; });

const botUser = { id: BOT.id, username: BOT.username, discriminator: "0", avatar: null, global_name: null, bot: true };
const inGeneral = { platform: "discord" as const, workspace: GUILD_ID, channel: GENERAL, thread: null, dm: false };

describe("a follow-up heard in a listened thread", () => {
  it("that asks for the quiz opens it in the DM and says so in the thread; asking again offers to continue it there", async () => {
    await core.mentor.handle({ kind: "command", name: "mentor-config", args: `listening on <#${GENERAL}>`, admin: true, address: inGeneral, actor: person() });
    try {
      const user = person();
      const dm = bot.fake.dmChannel(user.id);
      const asked = userMessage(user, { channel: GENERAL }, `<@${BOT.id}> what is RAG?`, [botUser]);
      expect((await bot.say(asked)).filter(isChannelPost(asked.id))).toHaveLength(1);

      // In the thread started from the mention (its id is the message's), no mention this time.
      const followUp = userMessage(user, { channel: asked.id }, "I want to take the quiz");
      const reqs = await bot.say(followUp);
      expect(textOf(reqs.filter(isChannelPost(dm)).at(-1)!.body)).toMatch(/Question 1 of/);
      const inThread = reqs.filter(isChannelPost(asked.id));
      expect(inThread).toHaveLength(1);
      expect(textOf(inThread[0]!.body)).toMatch(/sent you the quiz in a DM/);
      expect(reqs.filter((r) => r.method === "POST" && !r.route.startsWith(`/channels/${dm}`)).map((r) => textOf(r.body)).join("\n")).not.toMatch(/Question \d/);

      // An answer typed in the thread lands on the DM's quiz (the question it got there): the next question
      // goes to the DM, the thread gets a link to it and nothing of the quiz.
      const typed = await bot.say(userMessage(user, { channel: asked.id }, "1"));
      expect(textOf(typed.filter(isChannelPost(dm)).at(-1)!.body)).toMatch(/Question 2 of/);
      const note = typed.filter(isChannelPost(asked.id));
      expect(note).toHaveLength(1);
      expect(textOf(note[0]!.body)).toMatch(new RegExp(`quiz runs in our DM.*https://discord\\.com/channels/@me/${dm}`));
      expect(note.map((r) => textOf(r.body)).join("\n")).not.toMatch(/Question \d/);
      // The question that went to the DM was recorded as delivered there: an answer typed in the DM lands on it.
      const inDm = await bot.say(userMessage(user, { dm }, "1"));
      expect(textOf(inDm.filter(isChannelPost(dm)).at(-1)!.body)).toMatch(/Question 3 of/);

      const again = await bot.say(userMessage(user, { channel: asked.id }, "let's do the quiz"));
      expect(textOf(again.filter(isChannelPost(dm)).at(-1)!.body)).toMatch(/quiz in progress .*Continue/s);
      expect(again.filter(isChannelPost(asked.id)).map((r) => textOf(r.body)).join("\n")).not.toMatch(/Question \d|in progress/);
    } finally {
      await core.mentor.forgetCommunity({ platform: "discord", id: GUILD_ID });
    }
  });
});

describe("turning listening on without the Message Content intent", () => {
  it("the admin's answer says listening cannot work yet and what to switch on (this bot runs without DISCORD_MESSAGE_CONTENT)", async () => {
    const i = slash(person(), { channel: GENERAL }, "mentor-config", { setting: `listening on <#${GENERAL}>` });
    (i as { member?: { permissions: string } }).member!.permissions = String(BigInt("2251804225") | PermissionFlagsBits.ManageGuild);
    try {
      const reqs = await bot.interact(i);
      const said = textOf(reqs.find(isEditOriginal)!.body);
      expect(said).toMatch(/Listening in/);
      expect(said).toMatch(/Listening cannot work yet.*Message Content intent.*Developer Portal.*DISCORD_MESSAGE_CONTENT=true/s);
      // Other settings carry no such note.
      const other = slash(person(), { channel: GENERAL }, "mentor-config", { setting: "gaps on" });
      (other as { member?: { permissions: string } }).member!.permissions = String(BigInt("2251804225") | PermissionFlagsBits.ManageGuild);
      expect(textOf((await bot.interact(other)).find(isEditOriginal)!.body)).not.toMatch(/cannot work/);
    } finally {
      await core.mentor.forgetCommunity({ platform: "discord", id: GUILD_ID });
    }
  });
});
