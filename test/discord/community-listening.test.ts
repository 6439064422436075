// Listening mode on Discord (real discord.js over the loopback fake): in a
// thread the person already talks with the bot (after a mention), a follow-up
// without a mention that asks for the quiz is not dropped: the quiz opens in
// the person's DM, as it does for a mention, and the thread says so; asking
// again while it runs offers to continue it, in the DM. Nothing of the quiz
// is posted in the server.
import { describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { BOT, GENERAL, GUILD_ID, person, userMessage } from "./fixtures.ts";
import { isChannelPost, textOf, useBot, type Bot } from "./harness.ts";

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

      const again = await bot.say(userMessage(user, { channel: asked.id }, "let's do the quiz"));
      expect(textOf(again.filter(isChannelPost(dm)).at(-1)!.body)).toMatch(/quiz in progress .*Continue/s);
      expect(again.filter(isChannelPost(asked.id)).map((r) => textOf(r.body)).join("\n")).not.toMatch(/Question \d|in progress/);
    } finally {
      await core.mentor.forgetCommunity({ platform: "discord", id: GUILD_ID });
    }
  });
});
