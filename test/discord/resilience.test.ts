// What goes wrong on Discord, survived: a foreign user's click on someone's
// quiz, a late interaction (10062), one answered elsewhere (40060), a slow
// core (the deferral comes first), a failing handler (ephemeral "Something
// went wrong (ref …)" and an error log with the same ref), and a stop while
// a handler runs (it finishes first).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MessageFlags } from "discord.js";
import type { Core } from "../../src/bootstrap.ts";
import type { Mentor } from "../../src/core/mentor.ts";
import { GENERAL, asMessage, click, person, slash, userMessage } from "./fixtures.ts";
import {
  buttonsOf, expectNoMentionsAnywhere, isCallback, isChannelPost, isEditOriginal, isFollowUp, startBot, testCore, textOf, type Bot, type LogLine,
} from "./harness.ts";

let core: Core;
beforeAll(() => { core = testCore(); });
let bot: Bot;
afterEach(async () => {
  expectNoMentionsAnywhere(bot.fake.requests);
  await bot.close();
});

const errors = (logs: LogLine[]) => logs.filter((l) => l.level >= 50);
const questionNumber = (m: unknown) => Number(/Question (\d+) of \d+/.exec(textOf(m))?.[1] ?? NaN);

/** A core that fails (or dawdles) on purpose for one command. */
function mentorWith(behaviour: { failOn?: string; delayMs?: number }): Pick<Mentor, "handle"> {
  return {
    async handle(event) {
      if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
      if (event.kind === "command" && event.name === behaviour.failOn) throw new Error("the knowledge base caught fire");
      if (event.kind === "message" && behaviour.failOn === "message") throw new Error("the knowledge base caught fire");
      return core.mentor.handle(event);
    },
  };
}

describe("clicks that are not yours", () => {
  beforeEach(async () => { bot = await startBot(core); });

  it("someone else's quiz button is refused privately and changes nothing", async () => {
    const alice = person("alice");
    const bob = person("bob");
    const aliceDm = bot.fake.dmChannel(alice.id);
    const opened = await bot.interact(slash(alice, { dm: aliceDm }, "quiz"));
    const question = bot.fake.messages.get(opened.find(isEditOriginal)!.response.id as string)!;
    const aliceAnswer = buttonsOf(question).find((b) => b.custom_id.startsWith("quiz:a:"))!.custom_id;

    // Bob replays Alice's button id from a public message in a server channel.
    const publicMessage = asMessage({ ...question, id: "1500000000000000001", channel_id: GENERAL, flags: 0 });
    const bobs = await bot.interact(click(bob, { channel: GENERAL }, publicMessage, aliceAnswer));
    expect(bobs.find(isCallback)!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(textOf(bobs.find(isEditOriginal)!.body)).toMatch(/belongs to someone else/);
    expect(bot.fake.messages.get(question.id as string)).toEqual(question); // Alice's question untouched

    // Alice's quiz is where she left it: her click moves it to question 2.
    const hers = await bot.interact(click(alice, { dm: aliceDm }, asMessage(question), aliceAnswer));
    expect(questionNumber(hers.find(isEditOriginal)!.body)).toBe(2);
  });

  it("a button id that is not one of ours gets a private 'no longer valid'", async () => {
    const user = person();
    const message = asMessage({ id: "1500000000000000002", channel_id: GENERAL, flags: 0, components: [], embeds: [], content: "" });
    const reqs = await bot.interact(click(user, { channel: GENERAL }, message, "something:else:entirely"));
    expect(reqs.find(isCallback)!.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(reqs.find(isEditOriginal)!.body)).toMatch(/no longer valid/);
  });
});

describe("Discord's 3-second window", () => {
  it("a late interaction (10062) is logged and survived; the next one is answered", async () => {
    bot = await startBot(core);
    const late = slash(person(), { channel: GENERAL }, "help");
    bot.fake.expired.add(late.id);
    const reqs = await bot.interact(late);
    expect(reqs.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 404"]);
    expect(bot.logs.find((l) => l.code === 10062)?.level).toBe(40);
    expect(errors(bot.logs)).toEqual([]);

    const next = await bot.interact(slash(person(), { channel: GENERAL }, "help"));
    expect(next.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 204", "PATCH 200"]);
  });

  it("an interaction answered elsewhere already (40060) is logged and left alone", async () => {
    bot = await startBot(core);
    const i = slash(person(), { channel: GENERAL }, "help");
    bot.fake.answeredElsewhere.add(i.id);
    const reqs = await bot.interact(i);
    expect(reqs.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 400"]);
    expect(bot.logs.find((l) => l.code === 40060)?.level).toBe(40);
    expect(errors(bot.logs)).toEqual([]);
  });

  it("defers before asking the core, so a slow answer still arrives", async () => {
    bot = await startBot(core, { mentor: mentorWith({ delayMs: 400 }) });
    bot.fake.interactionWindowMs = 150;
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "role", { role: "ai-engineer" }));
    expect(reqs.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 204", "PATCH 200"]);
  });
});

describe("a failing handler", () => {
  it("after a public deferral: an ephemeral 'Something went wrong (ref …)', the placeholder removed, the error logged with that ref", async () => {
    bot = await startBot(core, { mentor: mentorWith({ failOn: "help" }) });
    const i = slash(person(), { channel: GENERAL }, "help");
    const reqs = await bot.interact(i);
    expect(reqs.find(isCallback)!.body).toEqual({ type: 5, data: { flags: 0 } });
    const followUp = reqs.find(isFollowUp)!;
    expect(followUp.body.flags).toBe(MessageFlags.Ephemeral);
    const ref = /Something went wrong \(ref ([0-9a-f]{8})\)/.exec(followUp.body.content)?.[1];
    expect(ref).toBeDefined();
    expect(reqs.find((r) => r.method === "DELETE")?.route).toBe(`/webhooks/${i.application_id}/${i.token}/messages/%40original`);
    const logged = errors(bot.logs);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ ref, interaction: i.id, msg: "Discord interaction failed" });
    expect(JSON.stringify(logged[0])).toContain("the knowledge base caught fire");
  });

  it("after an ephemeral deferral: the ephemeral follow-up only", async () => {
    bot = await startBot(core, { mentor: mentorWith({ failOn: "forget" }) });
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "forget"));
    expect(reqs.find(isFollowUp)!.body.content).toMatch(/Something went wrong \(ref [0-9a-f]{8}\)/);
    expect(reqs.some((r) => r.method === "DELETE")).toBe(false);
  });

  it("in a DM conversation: the same message in the DM, and the error logged with its ref", async () => {
    bot = await startBot(core, { mentor: mentorWith({ failOn: "message" }) });
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const reqs = await bot.say(userMessage(user, { dm }, "hello"));
    const ref = /ref ([0-9a-f]{8})/.exec(reqs.find(isChannelPost(dm))!.body.content)?.[1];
    expect(errors(bot.logs)).toEqual([expect.objectContaining({ ref })]);
  });
});

describe("stopping", () => {
  it("lets a running handler finish before disconnecting", async () => {
    bot = await startBot(core, { mentor: mentorWith({ delayMs: 200 }) });
    const i = slash(person(), { channel: GENERAL }, "help");
    const from = bot.fake.requests.length;
    bot.fake.interact(i);
    await bot.fake.waitFor(isCallback, { from });
    await bot.adapter.stop();
    expect(bot.fake.requests.slice(from).map((r) => `${r.method} ${r.status}`)).toEqual(["POST 204", "PATCH 200"]);
  });
});
