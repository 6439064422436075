// The quiz on Discord: /quiz in a server opens it in the DM ("check your
// DMs"), buttons answer by editing the question in place, typed answers in
// the DM work too, and the result arrives; with DMs closed (50007) it runs
// ephemerally in the channel instead.
import { describe, expect, it } from "vitest";
import { MessageFlags, type APIUser } from "discord.js";
import { DMS_CLOSED } from "../../adapters/discord/quiz-dm.ts";
import type { RecordedRequest } from "./fakes/fake-discord.ts";
import { GENERAL, GUILD_NAME, asMessage, click, person, slash, userMessage } from "./fixtures.ts";
import {
  buttonsOf, embedsOf, isCallback, isChannelPost, isEditOriginal, textOf, type Bot,
} from "./harness.ts";
import { useBot } from "./harness.ts";

let bot: Bot;
useBot((b) => { bot = b; });

type Msg = Record<string, unknown> & { id: string };
const answerButtons = (m: unknown) => buttonsOf(m).filter((b) => b.custom_id.startsWith("quiz:a:"));
const questionNumber = (m: unknown) => Number(/Question (\d+) of \d+/.exec(textOf(m))?.[1] ?? NaN);

describe("/quiz in a server", () => {
  it("answers ephemerally 'check your DMs', then runs in the DM through buttons (in place) and typed answers to the result", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const opened = await bot.interact(slash(user, { channel: GENERAL }, "quiz"));

    expect(opened.map((r) => `${r.method} ${r.route.replace(/\d{6,}/g, "#")} ${r.status}`)).toEqual([
      "POST /interactions/#/itoken-#/callback 204",
      "POST /users/@me/channels 200",
      "POST /channels/#/messages 200",
      "POST /channels/#/messages 200",
      "PATCH /webhooks/#/itoken-#/messages/%40original 200",
    ]);
    expect(opened[0]!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(opened[1]!.body).toEqual({ recipient_id: user.id });
    const [intro, first] = opened.filter(isChannelPost(dm));
    expect(intro!.auth).toMatch(/^Bot /);
    expect(textOf(intro!.body)).toContain(GUILD_NAME);
    expect(questionNumber(first!.body)).toBe(1);
    expect(answerButtons(first!.body).length).toBeGreaterThanOrEqual(2);
    expect(textOf(opened[4]!.body)).toMatch(/Check your DMs/);
    expect(textOf(opened[4]!.body)).toContain(`https://discord.com/channels/@me/${dm}`);

    let question = first!.response as Msg;
    let clicks = 0;
    let typed = 0;
    let lastNumber = 1;
    let result: unknown;
    for (let step = 1; step <= 30 && !result; step++) {
      let reqs: RecordedRequest[];
      let next: unknown;
      if (step % 2 === 1) {
        // A button: acknowledged with a deferred update, then the same message edited.
        const buttons = answerButtons(question);
        const i = click(user, { dm }, asMessage(question), buttons[step % buttons.length]!.custom_id);
        reqs = await bot.interact(i);
        expect(reqs.find(isCallback)!.body).toEqual({ type: 6 });
        expect(reqs.filter(isChannelPost(dm))).toEqual([]);
        const edit = reqs.find(isEditOriginal)!;
        expect(edit.route).toContain(i.token);
        next = bot.fake.messages.get(question.id);
        clicks++;
      } else {
        // Typed in the DM: the next question comes as a new message.
        reqs = await bot.say(userMessage(user, { dm }, step % 4 === 0 ? "1" : "2"));
        const posts = reqs.filter(isChannelPost(dm));
        expect(posts).toHaveLength(1);
        next = posts[0]!.response;
        typed++;
      }
      if (/Your result/.test(textOf(next))) result = next;
      else {
        // Core questions count "N of M"; tie-breakers and the optional last question say what they are.
        // A tie-breaker can come before the core questions end (an early stop that a tie-breaker's answer
        // reopens), so the count goes on from the last core question rather than from the step.
        if (/Question \d+ of/.test(textOf(next))) {
          expect(questionNumber(next), textOf(next)).toBe(lastNumber + 1);
          lastNumber++;
        } else expect(textOf(next)).toMatch(/One more to break the tie, \d of up to \d|Last question \(optional\)/);
        question = next as Msg;
      }
    }

    expect(result, "the quiz reached a result").toBeDefined();
    expect(clicks).toBeGreaterThan(2);
    expect(typed).toBeGreaterThan(2);
    const [head] = embedsOf(result);
    expect(head!.title).toMatch(/^Your result: /);
    expect(textOf(result)).toMatch(/█/);
    expect(buttonsOf(result).map((b) => b.label)).toContain("Retake the quiz");

    // Retaking starts a new quiz in a new message: the result stays readable.
    const kept = structuredClone(result) as Msg;
    const retake = buttonsOf(result).find((b) => b.label === "Retake the quiz")!;
    const again = await bot.interact(click(user, { dm }, asMessage(kept), retake.custom_id));
    expect(again.find(isCallback)!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(questionNumber(again.find(isEditOriginal)!.body)).toBe(1);
    expect(textOf(bot.fake.messages.get(kept.id))).toBe(textOf(kept));
  });

  it("runs ephemerally in the channel when the person's DMs are closed (50007), and leaves no quiz in the DM", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    bot.fake.closedDms.add(user.id);
    const i = slash(user, { channel: GENERAL }, "quiz");
    const reqs = await bot.interact(i);

    expect(reqs.find(isCallback)!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(reqs.find(isChannelPost(dm))!.status).toBe(403);
    expect(bot.logs.some((l) => l.level >= 50)).toBe(false);
    const fill = reqs.find(isEditOriginal)!;
    expect(textOf(fill.body)).toContain(DMS_CLOSED);
    expect(questionNumber(fill.body)).toBe(1);
    const original = bot.fake.messages.get(fill.response.id as string)! as Msg;
    expect(original.flags).toBe(MessageFlags.Ephemeral);

    // Its buttons work in place on the ephemeral message.
    const answered = await bot.interact(click(user, { channel: GENERAL }, asMessage(original), answerButtons(original)[0]!.custom_id));
    expect(answered.find(isCallback)!.body).toEqual({ type: 6 });
    expect(questionNumber(answered.find(isEditOriginal)!.body)).toBe(2);

    // Once DMs open, /quiz in the DM starts afresh: nothing was left behind there.
    bot.fake.closedDms.delete(user.id);
    const inDm = await bot.interact(slash(user, { dm }, "quiz"));
    expect(textOf(inDm.find(isEditOriginal)!.body)).not.toMatch(/in progress/);
    expect(questionNumber(inDm.find(isEditOriginal)!.body)).toBe(1);
  });

  it("the 'Take the quiz' button on a public answer opens the quiz in the DM too", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const help = await bot.interact(slash(user, { channel: GENERAL }, "help"));
    const answer = bot.fake.messages.get(help.find(isEditOriginal)!.response.id as string)! as Msg;
    const start = buttonsOf(answer).find((b) => b.label === "Take the quiz")!;
    const reqs = await bot.interact(click(user, { channel: GENERAL }, asMessage(answer), start.custom_id));
    expect(reqs.find(isCallback)!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(questionNumber(reqs.filter(isChannelPost(dm)).at(-1)!.body)).toBe(1);
    expect(textOf(reqs.find(isEditOriginal)!.body)).toMatch(/Check your DMs/);
    // The public answer itself is untouched.
    expect(bot.fake.messages.get(answer.id)).toEqual(answer);
  });

  it("a second /quiz offers to continue, and Continue turns that message into the current question", async () => {
    const user: APIUser = person();
    const dm = bot.fake.dmChannel(user.id);
    await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    await bot.say(userMessage(user, { dm }, "3"));
    const again = await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    const prompt = again.filter(isChannelPost(dm)).at(-1)!;
    expect(textOf(prompt.body)).toMatch(/quiz in progress/);
    const cont = buttonsOf(prompt.body).find((b) => b.label === "Continue")!;
    const reqs = await bot.interact(click(user, { dm }, asMessage(prompt.response), cont.custom_id));
    expect(reqs.find(isCallback)!.body).toEqual({ type: 6 });
    expect(questionNumber(reqs.find(isEditOriginal)!.body)).toBe(2);
  });
});
