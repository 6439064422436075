// /decode on Discord, through the fake Discord: with text it answers like any
// command; without text it opens a modal whose paragraph field (4,000
// characters) is decoded when submitted.
import { describe, expect, it } from "vitest";
import { ComponentType, InteractionType } from "discord.js";
import type { Core } from "../../src/bootstrap.ts";
import { GENERAL, person, slash } from "../discord/fixtures.ts";
import { isCallback, isEditOriginal, textOf, useBot, type Bot } from "../discord/harness.ts";
import { posting } from "./fixtures.ts";

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
