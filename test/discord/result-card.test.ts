// The quiz result card on Discord: the PNG goes up with the result message
// (multipart, as discord.js sends files) with its alt text as the
// attachment's description, and the result's embed shows it via attachment://.
// Both ways a result arrives: a click (the question edited in place) and a
// typed answer in the DM (a new message).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { PNG } from "pngjs";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { CARD_FILENAME } from "../../src/quiz/card-files.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "../../src/quiz/card.ts";
import type { RecordedRequest } from "./fakes/fake-discord.ts";
import { GENERAL, asMessage, click, person, slash, userMessage } from "./fixtures.ts";
import { GUILD_ID, buttonsOf, embedsOf, expectNoMentionsAnywhere, isChannelPost, isEditOriginal, startBot, textOf, type Bot } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "discord-cards-"));
let core: Core;
let bot: Bot;
beforeAll(async () => {
  core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: pino({ level: "silent" }), perMinute: 100_000, cardsDir: dir });
  bot = await startBot(core);
});
afterEach(() => expectNoMentionsAnywhere(bot.fake.requests));
afterAll(async () => {
  await bot.close();
  rmSync(dir, { recursive: true, force: true });
});

type Msg = Record<string, unknown> & { id: string };
const answerButtons = (m: unknown) => buttonsOf(m).filter((b) => b.custom_id.startsWith("quiz:a:"));
const isResult = (m: unknown) => /Your result/.test(textOf(m));

/** The result request carries the card: one PNG file, listed with its alt text, shown by the first embed. */
function expectCard(r: RecordedRequest, userId: string): void {
  expect(r.contentType).toMatch(/^multipart\/form-data/);
  expect(r.files).toHaveLength(1);
  const [file] = r.files;
  expect(file!.filename).toBe(CARD_FILENAME);
  const png = PNG.sync.read(file!.bytes);
  expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  // discord.js lists the upload as attachment "0" (files[0]) with its description: the alt text.
  expect(file!.field).toBe("files[0]");
  const attachments = r.body.attachments as { id: string; description: string }[];
  expect(attachments).toHaveLength(1);
  expect(String(attachments[0]!.id)).toBe("0");
  expect(attachments[0]!.description).toMatch(/^Role Mentor quiz result: .+Scores out of 100: ML engineer \d+/);
  expect(attachments[0]!.description).not.toContain(userId);
  const [first] = embedsOf(r.body) as { image?: { url: string } }[];
  expect(first!.image).toEqual({ url: `attachment://${CARD_FILENAME}` });
  // The very card written to disk for this result.
  expect(readdirSync(dir).some((f) => readFileSync(join(dir, f)).equals(file!.bytes))).toBe(true);
}

describe("the result card on Discord", () => {
  it("a click that finishes the quiz edits the question into the result with the card attached", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const opened = await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    let question = opened.filter(isChannelPost(dm)).at(-1)!.response as Msg;
    let finish: RecordedRequest | undefined;
    for (let step = 0; step < 30 && !finish; step++) {
      const buttons = answerButtons(question);
      const reqs = await bot.interact(click(user, { dm }, asMessage(question), buttons[step % buttons.length]!.custom_id));
      const edit = reqs.find(isEditOriginal)!;
      if (isResult(edit.body)) finish = edit;
      else {
        expect(edit.files, "questions carry no file").toEqual([]);
        question = bot.fake.messages.get(question.id) as Msg;
      }
    }
    expect(finish, "the quiz reached a result").toBeDefined();
    expectCard(finish!, user.id);
    const stored = bot.fake.messages.get(question.id)!;
    expect((stored.attachments as { filename: string }[]).map((a) => a.filename)).toEqual([CARD_FILENAME]);
  });

  it("Share to channel, on the result of a quiz asked for in a channel, posts the card and one line there; the person is told where", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const opened = await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    let question = opened.filter(isChannelPost(dm)).at(-1)!.response as Msg;
    for (let step = 0; step < 30 && !isResult(question); step++) {
      const buttons = answerButtons(question);
      await bot.interact(click(user, { dm }, asMessage(question), buttons[step % buttons.length]!.custom_id));
      question = bot.fake.messages.get(question.id) as Msg;
    }
    expect(isResult(question)).toBe(true);
    const shareButton = buttonsOf(question).find((b) => b.label === "Share to channel");
    expect(shareButton, "offered: the quiz was asked for in #general").toBeDefined();
    expect(bot.fake.requests.some(isChannelPost(GENERAL)), "nothing is posted before the click").toBe(false);

    const reqs = await bot.interact(click(user, { dm }, asMessage(question), shareButton!.custom_id));
    const posts = reqs.filter(isChannelPost(GENERAL));
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expectCard(post!, user.id);
    expect(textOf(post!.body)).toMatch(/A Role Mentor quiz result: .+\. Take the quiz yourself with \/quiz\./);
    expect(textOf(post!.body)).not.toContain(user.username);
    expect(buttonsOf(post!.body), "no buttons in the channel").toEqual([]);
    // The person's DM: the click's answer says where the card went; the result itself is untouched.
    const note = reqs.find(isEditOriginal)!;
    expect(textOf(note.body)).toContain(`Shared your result card in the channel: https://discord.com/channels/${GUILD_ID}/${GENERAL}`);
    expect(isResult(bot.fake.messages.get(question.id))).toBe(true);
  });

  it("Share to channel where the bot may not post (50013) tells the person, and nothing fails", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const opened = await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    let question = opened.filter(isChannelPost(dm)).at(-1)!.response as Msg;
    for (let step = 0; step < 30 && !isResult(question); step++) {
      await bot.interact(click(user, { dm }, asMessage(question), answerButtons(question)[0]!.custom_id));
      question = bot.fake.messages.get(question.id) as Msg;
    }
    const shareButton = buttonsOf(question).find((b) => b.label === "Share to channel")!;
    bot.fake.noSendChannels.add(GENERAL);
    try {
      const reqs = await bot.interact(click(user, { dm }, asMessage(question), shareButton.custom_id));
      expect(reqs.filter(isChannelPost(GENERAL)).map((r) => r.status)).toEqual([403]);
      expect(textOf(reqs.find(isEditOriginal)!.body)).toMatch(/I couldn't post in that channel .*attach files/);
      expect(bot.logs.some((l) => l.level >= 50)).toBe(false);
    } finally {
      bot.fake.noSendChannels.delete(GENERAL);
    }
  });

  it("a typed answer that finishes the quiz posts the result with the card in the DM", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    await bot.interact(slash(user, { channel: GENERAL }, "quiz"));
    let finish: RecordedRequest | undefined;
    for (let step = 0; step < 30 && !finish; step++) {
      const reqs = await bot.say(userMessage(user, { dm }, step % 2 === 0 ? "1" : "4"));
      const post = reqs.filter(isChannelPost(dm)).find((r) => isResult(r.body));
      if (post) finish = post;
    }
    expect(finish, "the quiz reached a result").toBeDefined();
    expectCard(finish!, user.id);
    expect(finish!.status).toBe(200);
  });
});
