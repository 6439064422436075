// /decode on Discord, through the fake Discord: with text it answers like any
// command; without text it opens a modal whose paragraph field (4,000
// characters) is decoded when submitted.
import { describe, expect, it } from "vitest";
import { ComponentType, InteractionType } from "discord.js";
import type { Core } from "../../src/bootstrap.ts";
import { GENERAL, person, slash, userMessage } from "../discord/fixtures.ts";
import { isCallback, isChannelPost, isEditOriginal, textOf, useBot, type Bot } from "../discord/harness.ts";
import { posting } from "./fixtures.ts";
import { isDiscordFile } from "../../adapters/discord/pasted-file.ts";

let bot: Bot;
useBot((b: Bot, _c: Core) => { bot = b; });

const spotify = posting("spotify-sr-mle-conversational");
const text = `${spotify.title}\n${spotify.text}`.slice(0, 4000);

describe("/decode on Discord", () => {
  it("with text decodes the posting in the channel", async () => {
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "decode", { text }));
    const answer = reqs.find(isEditOriginal);
    expect(textOf(answer?.body)).toContain("This posting is an AI engineer job");
  });

  it("without text opens a modal with one 4,000-character paragraph field", async () => {
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "decode", {}));
    const modal = reqs.find((r) => isCallback(r) && r.body?.type === 9);
    expect(modal?.body.data.custom_id).toBe("decode-modal");
    const field = modal?.body.data.components[0].components[0];
    expect(field).toMatchObject({ type: ComponentType.TextInput, style: 2, max_length: 4000, required: true });
  });

  it("decodes what is submitted in the modal", async () => {
    const base = slash(person(), { channel: GENERAL }, "decode", {});
    const submit = {
      ...base, type: InteractionType.ModalSubmit,
      data: { custom_id: "decode-modal", components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: "posting", value: text }] }] },
    };
    const reqs = await bot.interact(submit as unknown as Parameters<Bot["interact"]>[0]);
    expect(reqs.some((r) => isCallback(r) && r.body?.type === 5)).toBe(true);
    expect(textOf(reqs.find(isEditOriginal)?.body)).toContain("This posting is an AI engineer job");
  });
});

describe("a long paste in a DM", () => {
  it("arrives as message.txt, which is read and decoded", async () => {
    const user = person("sam");
    const dm = "1500000000000000077";
    bot.fake.files.set("9/message.txt", `${spotify.title}\n${spotify.text}`);
    const m = userMessage(user, { dm }, "");
    const withFile = { ...m, attachments: [{ id: "9", filename: "message.txt", size: spotify.text.length + 40, url: bot.fake.fileUrl("9/message.txt"), proxy_url: bot.fake.fileUrl("9/message.txt"), content_type: "text/plain; charset=utf-8" }] };
    const reqs = await bot.say(withFile);
    const posted = reqs.filter(isChannelPost(dm)).map((r) => textOf(r.body)).join("\n");
    expect(posted).toContain("This posting is an AI engineer job");
  });

  it("is not fetched from anywhere but Discord", async () => {
    const dm = "1500000000000000078";
    bot.fake.files.set("10/message.txt", spotify.text);
    const m = userMessage(person("kim"), { dm }, "");
    // The same fake server under another name: reachable, but not the configured Discord host.
    const elsewhere = bot.fake.fileUrl("10/message.txt").replace("127.0.0.1", "localhost");
    const withFile = { ...m, attachments: [{ id: "10", filename: "message.txt", size: 100, url: elsewhere, proxy_url: elsewhere, content_type: "text/plain" }] };
    const reqs = await bot.say(withFile);
    expect(reqs.filter(isChannelPost(dm)).map((r) => textOf(r.body)).join("\n")).not.toContain("This posting is");
  });
});

describe("isDiscordFile", () => {
  it("allows Discord's CDN over https and the configured API host, nothing else", () => {
    expect(isDiscordFile("https://cdn.discordapp.com/attachments/1/2/message.txt", undefined)).toBe(true);
    expect(isDiscordFile("http://cdn.discordapp.com/attachments/1/2/message.txt", undefined)).toBe(false);
    expect(isDiscordFile("https://evil.example/message.txt", "https://discord.com/api")).toBe(false);
    expect(isDiscordFile("http://127.0.0.1:5000/attachments/1/message.txt", "http://127.0.0.1:5000/api")).toBe(true);
    expect(isDiscordFile("not a url", undefined)).toBe(false);
  });
});
