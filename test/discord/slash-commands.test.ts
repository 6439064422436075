// Each slash command end to end: the interaction arrives over the gateway,
// the bot defers within Discord's window, asks the core and fills the
// deferred reply. The payload must be exactly the core's answer rendered,
// public in a channel (personal ones ephemeral), with mentions disabled.
import { describe, expect, it } from "vitest";
import { MessageFlags } from "discord.js";
import type { Core } from "../../src/bootstrap.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import { renderReply } from "../../adapters/discord/render.ts";
import { commandArgs } from "../../adapters/discord/commands.ts";
import { APP_ID, GENERAL, asMessage, click, person, slash } from "./fixtures.ts";
import { embedsOf, isCallback, isEditOriginal, textOf, buttonsOf, type Bot } from "./harness.ts";
import { useBot } from "./harness.ts";
import { cachedAbout } from "../../adapters/discord/cached-person.ts";

let core: Core;
let bot: Bot;
useBot((b, c) => { bot = b; core = c; });

/** What the core answers this command with, asked directly by someone else (so no shared context). */
async function coreAnswer(name: string, options: Record<string, string>) {
  const args = commandArgs(name, (o) => options[o] ?? null, core.kb);
  const event: InboundEventInput = { kind: "command", name, args, address: { platform: "test", workspace: null, channel: "x", thread: null, dm: true }, actor: person() };
  return (await core.mentor.handle(event)).replies;
}

const CASES: [string, Record<string, string>, string][] = [
  ["compare", {}, "ML engineer vs AI engineer"],
  ["compare", { role1: "ml-engineer", role2: "ai-engineer", role3: "data-scientist", aspect: "salary" }, "ML engineer vs AI engineer vs Data scientist: salary"],
  ["role", { role: "mlops-engineer" }, "MLOps Engineer"],
  ["role", { role: "ai-engineer", aspect: "tools" }, "AI Engineer: tools"],
  ["ask", { question: "what does an MLOps engineer earn?" }, "MLOps Engineer: salary"],
  ["path", { role: "ai-engineer" }, "Learning path: AI Engineer"],
  ["path", { role: "data-analyst", to: "ml-engineer" }, "Data analyst → ML engineer"],
  ["resources", {}, "Resources"],
  ["resources", { role: "data-engineer" }, "Resources"],
  ["glossary", { term: "rag" }, "Retrieval-augmented generation (RAG)"],
  ["help", {}, "What I can do"],
];

describe("public commands in a server channel", () => {
  for (const [name, options, title] of CASES) {
    it(`/${name} ${JSON.stringify(options)}: defers publicly, then fills the reply with the core's answer`, async () => {
      const user = person();
      const i = slash(user, { channel: GENERAL }, name, options);
      const reqs = await bot.interact(i);
      expect(reqs.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 204", "PATCH 200"]);
      const [defer, fill] = reqs as [typeof reqs[0], typeof reqs[0]];
      expect(defer.route).toBe(`/interactions/${i.id}/${i.token}/callback`);
      expect(defer.body).toEqual({ type: 5, data: { flags: 0 } });
      expect(defer.auth).toBeNull(); // interaction responses use the interaction token, not the bot token
      expect(isEditOriginal(fill)).toBe(true);
      expect(fill.route).toBe(`/webhooks/${APP_ID}/${i.token}/messages/%40original`);
      expect(embedsOf(fill.body)[0]?.title).toContain(title);

      const [expected] = renderReply((await coreAnswer(name, options))[0]!);
      expect(fill.body.embeds).toEqual(expected!.embeds);
      expect(fill.body.components).toEqual(expected!.components);
      expect(fill.body.flags ?? 0).toBe(0);
    });
  }

  it("/compare shows the roles side by side as inline fields, three per line", async () => {
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "compare", { role1: "ml-engineer", role2: "ai-engineer", role3: "data-scientist" }));
    const fields = embedsOf(reqs.find(isEditOriginal)!.body).flatMap((e) => e.fields ?? []);
    // The first view is chat-sized (at least one row; the rest under "Full comparison").
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(fields.length % 3).toBe(0);
    expect(fields.every((f) => f.inline)).toBe(true);
    // Each line of three is one row of the comparison: the three roles in order.
    for (let k = 0; k < fields.length; k += 3) {
      expect(fields.slice(k, k + 3).map((f) => f.name.replace(/^.* — /, ""))).toEqual(["ML engineer", "AI engineer", "Data scientist"]);
    }
  });

  it("/compare of two roles pads each line so the next row starts on its own line", async () => {
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "compare", {}));
    const fields = embedsOf(reqs.find(isEditOriginal)!.body).flatMap((e) => e.fields ?? []);
    for (let k = 0; k < fields.length; k += 3) {
      expect(fields[k]!.name).toMatch(/ML engineer$/);
      expect(fields[k + 1]!.name).toMatch(/AI engineer$/);
      expect(fields[k + 2]).toEqual({ name: "\u200b", value: "\u200b", inline: true });
    }
  });

  it("answers' follow-up choices become buttons with the core's choice ids", async () => {
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "role", { role: "ml-engineer" }));
    const buttons = buttonsOf(reqs.find(isEditOriginal)!.body);
    expect(buttons.length).toBeGreaterThan(0);
    const expected = (await coreAnswer("role", { role: "ml-engineer" }))[0]!.choices;
    expect(buttons.map((b) => [b.custom_id, b.label])).toEqual(expected.map((c) => [c.id, c.label]));
  });
});

describe("follow-up buttons", () => {
  it("a follow-up button on a public answer answers with a new public message and leaves the answer as it was", async () => {
    const user = person();
    const first = await bot.interact(slash(user, { channel: GENERAL }, "role", { role: "ml-engineer" }));
    const answer = bot.fake.messages.get(first.find(isEditOriginal)!.response.id as string)!;
    const compare = buttonsOf(answer).find((b) => b.custom_id.startsWith("compare:"))!;
    const reqs = await bot.interact(click(user, { channel: GENERAL }, asMessage(answer), compare.custom_id));
    expect(reqs.find(isCallback)!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(embedsOf(reqs.find(isEditOriginal)!.body)[0]?.title).toMatch(/^ML engineer vs /);
    expect(bot.fake.messages.get(answer.id as string)).toEqual(answer);
  });
});

describe("personal commands", () => {
  it("/forget in a server is ephemeral from the deferral on", async () => {
    const reqs = await bot.interact(slash(person(), { channel: GENERAL }, "forget"));
    expect(reqs.find(isCallback)!.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(textOf(reqs.find(isEditOriginal)!.body)).toMatch(/deleted/i);
  });

  it("/forget also drops what the process holds about the person (user, DM channel, memberships), and no one else's", async () => {
    const user = person();
    const other = person();
    for (const u of [user, other]) {
      await bot.interact(slash(u, { dm: bot.fake.dmChannel(u.id) }, "quiz"));
      await bot.interact(slash(u, { channel: GENERAL }, "help"));
    }
    expect(cachedAbout(bot.client, user.id)).toEqual(expect.arrayContaining(["user", `dm:${bot.fake.dmChannel(user.id)}`]));
    const othersBefore = cachedAbout(bot.client, other.id);
    await bot.interact(slash(user, { channel: GENERAL }, "forget"));
    expect(cachedAbout(bot.client, user.id)).toEqual([]);
    expect(cachedAbout(bot.client, other.id)).toEqual(othersBefore);
  });

  it("/quiz in the bot's DM asks the first question right there, with answer buttons", async () => {
    const user = person();
    const dm = bot.fake.dmChannel(user.id);
    const reqs = await bot.interact(slash(user, { dm }, "quiz"));
    expect(reqs.find(isCallback)!.body).toEqual({ type: 5, data: { flags: 0 } });
    const fill = reqs.find(isEditOriginal)!;
    expect(textOf(fill.body)).toMatch(/Question 1 of \d+/);
    expect(buttonsOf(fill.body).map((b) => b.label)).toEqual(expect.arrayContaining(["Skip", "Quit"]));
  });

  it("commands work in the bot's DM too", async () => {
    const user = person();
    const reqs = await bot.interact(slash(user, { dm: bot.fake.dmChannel(user.id) }, "role", { role: "data-scientist" }));
    expect(embedsOf(reqs.find(isEditOriginal)!.body)[0]?.title).toBe("Data Scientist");
  });
});
