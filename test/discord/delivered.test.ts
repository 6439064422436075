// The Discord adapter reports each quiz question it delivered (in the DM, by
// editing the clicked question in place, or ephemerally when DMs are closed),
// so a typed answer after a lost delivery (the answer saved, the next question
// never sent) first shows that question instead of being recorded against it.
import { describe, expect, it } from "vitest";
import { GENERAL, asMessage, click, person, slash, userMessage } from "./fixtures.ts";
import { buttonsOf, isChannelPost, textOf, type Bot } from "./harness.ts";
import { useBot } from "./harness.ts";

let bot: Bot;
useBot((b) => { bot = b; });

type Msg = Record<string, unknown> & { id: string };
const questionNumber = (m: unknown) => Number(/Question (\d+) of \d+/.exec(textOf(m))?.[1] ?? NaN);
const NOT_RECORDED = /did not reach you before, so your answer was not recorded/;

describe("delivered quiz questions on Discord", () => {
  it("typed answers land on delivered questions; after a lost delivery the question is shown first and the answer is not recorded", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const opened = await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    const first = opened.filter(isChannelPost(dm))[1]!.response as Msg;
    expect(questionNumber(first)).toBe(1);

    /** Type in the DM; the one message posted there in return. */
    const type = async (text: string) => {
      const posts = (await bot.say(userMessage(user, { dm }, text))).filter(isChannelPost(dm));
      expect(posts.map((p) => p.status)).toEqual([200]);
      return posts[0]!.response as Msg;
    };

    // Question 1 went out when the quiz opened in the DM: a typed answer lands on it at once.
    const second = await type("1");
    expect(questionNumber(second)).toBe(2);
    expect(textOf(second)).not.toMatch(NOT_RECORDED);

    // A button edits the question in place; that delivery counts too.
    const answer = buttonsOf(second).find((b) => b.custom_id.startsWith("quiz:a:"))!;
    await bot.interact(click(user, { dm }, asMessage(second), answer.custom_id));
    const third = bot.fake.messages.get(second.id);
    expect(questionNumber(third)).toBe(3);
    expect(questionNumber(await type("2"))).toBe(4);

    // The answer to question 4 is saved, but question 5 never reaches the DM.
    bot.fake.noSendChannels.add(dm);
    const lost = await bot.say(userMessage(user, { dm }, "1"));
    expect(lost.filter(isChannelPost(dm)).every((r) => r.status === 403)).toBe(true);
    bot.fake.noSendChannels.delete(dm);

    // The next typed answer would land on question 5, which the person never saw: shown first, not recorded.
    const shownAgain = await type("2");
    expect(questionNumber(shownAgain)).toBe(5);
    expect(textOf(shownAgain)).toMatch(NOT_RECORDED);
    // Now it was seen: the same answer is taken.
    const sixth = await type("2");
    expect(questionNumber(sixth)).toBe(6);
    expect(textOf(sixth)).not.toMatch(NOT_RECORDED);
  });

});
