// What goes wrong on Discord, survived: a foreign user's click on someone's
// quiz, a late interaction (10062), one answered elsewhere (40060), a slow
// core (the deferral comes first), a failing handler (ephemeral "Something
// went wrong (ref …)" and an error log with the same ref), and a stop while
// a handler runs (it finishes first).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MessageFlags } from "discord.js";
import type { Core } from "../../src/bootstrap.ts";
import type { Mentor } from "../../src/core/mentor.ts";
import { pino } from "pino";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { GENERAL, asMessage, autocomplete, click, person, slash, userMessage } from "./fixtures.ts";
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

describe("clicks refused on one's own quiz: privately, the question left as it was", () => {
  async function openQuiz(b: Bot) {
    const user = person("quizzer");
    const dm = b.fake.dmChannel(user.id);
    const opened = await b.interact(slash(user, { dm }, "quiz"));
    const question = b.fake.messages.get(opened.find(isEditOriginal)!.response.id as string)!;
    const answers = buttonsOf(question).filter((x) => x.custom_id.startsWith("quiz:a:")).map((x) => x.custom_id);
    return { user, dm, question, answers, snapshot: structuredClone(question) };
  }

  /** The click was acknowledged without touching the message, and answered with an ephemeral follow-up. */
  function expectPrivateAnswer(reqs: Awaited<ReturnType<Bot["interact"]>>, text: RegExp) {
    expect(reqs.find(isCallback)!.body.type).toBe(6);
    expect(reqs.filter(isEditOriginal)).toEqual([]);
    const followUp = reqs.find(isFollowUp)!;
    expect(followUp.body.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(followUp.body)).toMatch(text);
  }

  it("a forged owner, an earlier run and a garbled index", async () => {
    bot = await startBot(core);
    const { user, dm, question, answers, snapshot } = await openQuiz(bot);
    const [, run, owner, item] = /^quiz:a:([^:]+):([^:]+):([^:]+):/.exec(answers[0]!)!;
    expectPrivateAnswer(await bot.interact(click(user, { dm }, asMessage(question), `quiz:a:${run}:00000000:${item}:0`)), /belongs to someone else/);
    expectPrivateAnswer(await bot.interact(click(user, { dm }, asMessage(question), `quiz:a:ffffffffff:${owner}:${item}:0`)), /earlier quiz/);
    expect(bot.fake.messages.get(question.id as string)).toEqual(snapshot);
    // A garbled id is not a quiz step at all: a private "no longer valid", the question untouched.
    const garbled = await bot.interact(click(user, { dm }, asMessage(question), `quiz:a:${run}:${owner}:${item}:0x1`));
    expect(textOf(garbled.find(isEditOriginal)?.body ?? garbled.find(isFollowUp)?.body)).toMatch(/no longer valid/);
    expect(bot.fake.messages.get(question.id as string)).toEqual(snapshot);
    // The real answer still moves the quiz on, in place.
    const real = await bot.interact(click(user, { dm }, asMessage(question), answers[0]!));
    expect(questionNumber(real.find(isEditOriginal)!.body)).toBe(2);
  });

  it("a rate-limited quiz click keeps the question and its buttons", async () => {
    const limited = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: pino({ level: "silent" }), perMinute: 2 });
    bot = await startBot(limited);
    const { user, dm, question, answers } = await openQuiz(bot); // 1 of 2
    const second = await bot.interact(click(user, { dm }, asMessage(question), answers[0]!)); // 2 of 2
    const now = bot.fake.messages.get(question.id as string)!;
    expect(questionNumber(second.find(isEditOriginal)!.body)).toBe(2);
    const snapshot = structuredClone(now);
    const next = buttonsOf(now).find((x) => x.custom_id.startsWith("quiz:a:"))!.custom_id;
    expectPrivateAnswer(await bot.interact(click(user, { dm }, asMessage(now), next)), /faster than I can answer/);
    expect(bot.fake.messages.get(question.id as string)).toEqual(snapshot);
  });
});

describe("interactions the bot does not offer, or malformed ones", () => {
  beforeEach(async () => { bot = await startBot(core); });

  /** Deliver a raw INTERACTION_CREATE and wait for the bot's callback to it. */
  async function raw(payload: Record<string, unknown> & { id: string; token: string }) {
    const from = bot.fake.requests.length;
    bot.fake.interact(payload);
    const callback = await bot.fake.waitFor((r) => isCallback(r) && r.route.includes(`/${payload.id}/`), { from });
    await bot.adapter.idle();
    return callback;
  }

  it("a command of type 2 or 3 without `resolved`, `options` that is not an array, no `data`: 'Something went wrong (ref …)', logged, and the bot keeps serving", async () => {
    const u = person();
    const good = slash(u, { channel: GENERAL }, "help");
    const malformed = [
      { ...slash(u, { channel: GENERAL }, "help"), data: { id: "1", name: "Profile", type: 2, target_id: "5" } },
      { ...slash(u, { channel: GENERAL }, "help"), data: { id: "1", name: "Quote", type: 3, target_id: "5" } },
      { ...slash(u, { channel: GENERAL }, "role"), data: { id: "1", name: "role", type: 1, options: "ai-engineer" } },
      { ...slash(u, { channel: GENERAL }, "role"), data: { id: "1", name: "role", type: 1, options: { role: "x" } } },
      { ...slash(u, { channel: GENERAL }, "help"), data: undefined },
      { ...click(u, { channel: GENERAL }, asMessage({ id: "1500000000000000003", channel_id: GENERAL, flags: 0, components: [], embeds: [], content: "" }), "help"), data: undefined },
    ];
    for (const p of malformed) {
      const callback = await raw(p as never);
      expect(callback.body.type, JSON.stringify(p.data)).toBe(4);
      expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
      const ref = /Something went wrong \(ref ([0-9a-f]{8})\)/.exec(callback.body.data.content)?.[1];
      expect(ref, JSON.stringify(p.data)).toBeDefined();
      expect(bot.logs.some((l) => l.level >= 50 && l.ref === ref)).toBe(true);
    }
    const next = await bot.interact(good);
    expect(next.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 204", "PATCH 200"]);
  });

  it("a select menu, a context-menu command and an autocomplete without a focused option are acknowledged", async () => {
    const u = person();
    const message = asMessage({ id: "1500000000000000004", channel_id: GENERAL, flags: 0, components: [], embeds: [], content: "" });
    const select = { ...click(u, { channel: GENERAL }, message, "menu"), data: { custom_id: "menu", component_type: 3, values: ["a"] } };
    const selected = await raw(select as never);
    expect(selected.status).toBeLessThan(300);
    expect(selected.body.data?.flags).toBe(MessageFlags.Ephemeral);

    const userCommand = { ...slash(u, { channel: GENERAL }, "x"), data: { id: "1", name: "Profile", type: 2, target_id: u.id, resolved: { users: { [u.id]: u } } } };
    const ctx = await raw(userCommand as never);
    expect(ctx.status).toBeLessThan(300);
    expect(ctx.body.data?.flags).toBe(MessageFlags.Ephemeral);

    const unfocused = autocomplete(u, { channel: GENERAL }, "glossary", "term", "rag");
    (unfocused.data.options[0] as { focused?: boolean }).focused = false;
    const auto = await raw(unfocused as never);
    expect(auto.status).toBeLessThan(300);
    expect(auto.body).toEqual({ type: 8, data: { choices: [] } });
    expect(errors(bot.logs)).toEqual([]);
  });
});
