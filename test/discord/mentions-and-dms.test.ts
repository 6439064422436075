// Messages: a mention in a server channel is answered in a thread started
// from it (a reply where threads are not allowed), with a quiz button and a
// note that follow-ups must mention the bot again; follow-ups in the thread
// keep the conversation's context; DMs are a conversation with the mentor;
// bots (the bot itself included) and un-mentioned chatter are ignored.
import { describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { reply } from "../../src/core/reply.ts";
import { followUpNote } from "../../adapters/discord/messages.ts";
import { BOT, GENERAL, GUILD_ID, NEWS, OTHER_BOT, person, slash, userMessage } from "./fixtures.ts";
import { buttonsOf, embedsOf, isChannelPost, isEditOriginal, startBot, textOf, type Bot } from "./harness.ts";
import { useBot } from "./harness.ts";

let core: Core;
let bot: Bot;
useBot((b, c) => { bot = b; core = c; });

const mentionBot = `<@${BOT.id}>`;
const botUser = { id: BOT.id, username: BOT.username, discriminator: "0", avatar: null, global_name: null, bot: true };

describe("a mention in a server channel", () => {
  it("is answered in a thread started from the message, with a quiz button and the follow-up note; follow-ups there keep the context", async () => {
    const user = person();
    const asked = userMessage(user, { channel: GENERAL }, `${mentionBot} ML engineer vs AI engineer?`, [botUser]);
    const reqs = await bot.say(asked);

    const thread = reqs.find((r) => r.method === "POST" && r.route === `/channels/${GENERAL}/messages/${asked.id}/threads`)!;
    expect(thread.status).toBe(201);
    expect(thread.auth).toMatch(/^Bot /);
    expect(thread.body.name).toBe("ML engineer vs AI engineer"); // named after the answer, not after what was typed
    const posts = reqs.filter(isChannelPost(asked.id)); // a thread started from a message has the message's id
    expect(posts).toHaveLength(1);
    const answer = posts[0]!.body;
    expect(embedsOf(answer)[0]!.title).toBe("ML engineer vs AI engineer");
    expect(textOf(answer)).toContain(followUpNote(BOT.username));
    expect(buttonsOf(answer).map((b) => b.custom_id)).toContain("quiz:start");
    expect(reqs.filter(isChannelPost(GENERAL))).toEqual([]); // nothing in the channel itself

    // A follow-up in the thread mentions the bot again; "and the salary?" keeps the two roles.
    const followUp = userMessage(user, { channel: asked.id }, `${mentionBot} and the salary?`, [botUser]);
    const again = await bot.say(followUp);
    expect(again.some((r) => r.route.endsWith("/threads"))).toBe(false);
    const reply = again.find(isChannelPost(asked.id))!;
    expect(reply.body.message_reference).toMatchObject({ message_id: followUp.id });
    expect(embedsOf(reply.body)[0]!.title).toBe("ML engineer vs AI engineer: salary");
    expect(textOf(reply.body)).not.toContain(followUpNote(BOT.username));
  });

  it("is answered as a reply where threads are not allowed (50013)", async () => {
    bot.fake.noThreadChannels.add(NEWS);
    const asked = userMessage(person(), { channel: NEWS }, `${mentionBot} what is RAG?`, [botUser]);
    const reqs = await bot.say(asked);
    expect(reqs.find((r) => r.route.endsWith("/threads"))!.status).toBe(403);
    const reply = reqs.find(isChannelPost(NEWS))!;
    expect(reply.status).toBe(200);
    expect(reply.body.message_reference).toMatchObject({ message_id: asked.id });
    expect(embedsOf(reply.body)[0]!.title).toBe("Retrieval-augmented generation (RAG)");
    expect(buttonsOf(reply.body).map((b) => b.custom_id)).toContain("quiz:start");
    expect(bot.logs.some((l) => l.level >= 50)).toBe(false);
  });

  it("asking for the quiz there sends it to the DM and says so in the thread, leaving no quiz in the server", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const asked = userMessage(user, { channel: GENERAL }, `${mentionBot} I want to take the quiz`, [botUser]);
    const reqs = await bot.say(asked);
    const inDm = reqs.filter(isChannelPost(dm));
    expect(textOf(inDm.at(-1)!.body)).toMatch(/Question 1 of/);
    const inThread = reqs.filter(isChannelPost(asked.id));
    expect(inThread).toHaveLength(1);
    expect(textOf(inThread[0]!.body)).toMatch(/sent you the quiz in a DM/);
    expect(textOf(inThread[0]!.body)).not.toMatch(/Question \d/);

    // With DMs now closed, /quiz here starts a fresh quiz: the one the mention began was discarded.
    bot.fake.closedDms.add(user.id);
    const here = await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    expect(textOf(here.find(isEditOriginal)!.body)).toMatch(/Question 1 of/);
    expect(textOf(here.find(isEditOriginal)!.body)).not.toMatch(/in progress/);
  });

  it("mention syntax and @everyone in the question are never parsed", async () => {
    const asked = userMessage(person(), { channel: GENERAL }, `${mentionBot} @everyone @here <@&${GUILD_ID}> what does an ML engineer earn?`, [botUser]);
    const reqs = await bot.say(asked);
    const answer = reqs.find(isChannelPost(asked.id))!;
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(textOf(answer.body)).not.toMatch(/@everyone|@here|<@&/);
  });
});

describe("personal replies to a mention", () => {
  it("go to the person's DM, never to the channel", async () => {
    const personal = reply([{ type: "text", text: "For your eyes only." }], [], { visibility: "private" });
    await bot.close();
    bot = await startBot(core, { mentor: { handle: async (e) => (e.kind === "message" && /secret/.test(e.text) ? { replies: [personal] } : core.mentor.handle(e)) } });
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const asked = userMessage(user, { channel: GENERAL }, `${mentionBot} tell me a secret`, [botUser]);
    const reqs = await bot.say(asked);
    expect(textOf(reqs.find(isChannelPost(dm))!.body)).toContain("For your eyes only.");
    expect(reqs.filter((r) => r.route.startsWith(`/channels/${GENERAL}`) || r.route.startsWith(`/channels/${asked.id}`))).toEqual([]);
  });
});

describe("what is ignored", () => {
  it("messages from other bots, from the bot itself, and server messages without a mention", async () => {
    const user = person();
    expect(await bot.say(userMessage(OTHER_BOT, { channel: GENERAL }, `${mentionBot} hello`, [botUser]))).toEqual([]);
    expect(await bot.say(userMessage({ ...botUser }, { channel: GENERAL }, `${mentionBot} echo`, [botUser]))).toEqual([]);
    expect(await bot.say(userMessage(OTHER_BOT, { dm: bot.fake.dmChannel(OTHER_BOT.id) }, "hello"))).toEqual([]);
    expect(await bot.say(userMessage(user, { channel: GENERAL }, "ML engineer vs AI engineer?"))).toEqual([]);
    expect(bot.fake.requests.filter((r) => r.method !== "GET" && r.method !== "PUT")).toEqual([]);
  });
});

describe("direct messages", () => {
  it("free text in the DM is a conversation with the mentor, answered in the DM", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const first = await bot.say(userMessage(user, { dm }, "what is RAG?"));
    const answer = first.find(isChannelPost(dm))!;
    expect(answer.auth).toMatch(/^Bot /);
    expect(embedsOf(answer.body)[0]!.title).toBe("Retrieval-augmented generation (RAG)");
    expect(answer.body.message_reference).toBeUndefined();

    await bot.say(userMessage(user, { dm }, "tell me about the data engineer role"));
    const more = await bot.say(userMessage(user, { dm }, "and the salary?"));
    expect(embedsOf(more.find(isChannelPost(dm))!.body)[0]!.title).toMatch(/Data Engineer: salary/);
  });
});
