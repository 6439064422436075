// Forged INTERACTION_CREATE payloads (valid ones with fields removed or
// replaced) through the real Discord adapter over the loopback fake: the bot
// never crashes, never sends anything out of limits or that pings, and still
// answers a well-formed interaction afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Core } from "../../src/bootstrap.ts";
import { GENERAL, asMessage, autocomplete, click, person, slash } from "../discord/fixtures.ts";
import { expectNoMentionsAnywhere, isCallback, startBot, testCore, type Bot } from "../discord/harness.ts";
import { applyMutations, mutations } from "./mutate.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

let core: Core;
let bot: Bot;
const escaped: unknown[] = [];
const onEscape = (err: unknown) => void escaped.push(err);
beforeAll(async () => {
  core = testCore();
  bot = await startBot(core);
  process.on("uncaughtException", onEscape);
  process.on("unhandledRejection", onEscape);
});
afterAll(async () => {
  process.off("uncaughtException", onEscape);
  process.off("unhandledRejection", onEscape);
  await bot.close();
});
afterEach(() => { expectNoMentionsAnywhere(bot.fake.requests); });

/** A valid interaction of each kind the bot sees, built afresh (new id and token). */
function base(kind: number): Record<string, unknown> & { id: string; token: string } {
  const u = person();
  const dm = { dm: bot.fake.dmChannel(u.id) };
  const message = asMessage({ id: "1500000000000000009", channel_id: GENERAL, flags: 0, components: [{ type: 1, components: [{ type: 2, style: 1, label: "Help", custom_id: "help" }] }], embeds: [], content: "" });
  switch (kind % 6) {
    case 0: return slash(u, { channel: GENERAL }, "role", { role: "ml-engineer", aspect: "skills" }) as never;
    case 1: return slash(u, dm, "quiz") as never;
    case 2: return click(u, { channel: GENERAL }, message, "help") as never;
    case 3: return click(u, dm, message, "quiz:start") as never;
    case 4: return autocomplete(u, { channel: GENERAL }, "glossary", "term", "ra") as never;
    default: return slash(u, { channel: GENERAL }, "compare", { roles: "ml engineer vs ai engineer" }) as never;
  }
}

describe("fuzz: forged Discord interactions", () => {
  it("never crash the bot, and a well-formed one is still answered afterwards", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, async (kind, muts) => {
        const forged = applyMutations(base(kind), muts, ["id", "token"]);
        bot.fake.interact(forged);
        await new Promise((r) => setTimeout(r, 5));
        await bot.adapter.idle();
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await new Promise((r) => setTimeout(r, 100));
    await bot.adapter.idle();
    expect(escaped).toEqual([]);
    const good = slash(person(), { channel: GENERAL }, "help");
    const reqs = await bot.interact(good);
    expect(reqs.filter(isCallback).map((r) => r.status)).toEqual([204]);
    // Whatever the bot sent meanwhile, the fake accepted (it refuses anything out of limits with 400).
    expect(bot.fake.requests.filter((r) => r.status === 400 && r.response?.code === 50035)).toEqual([]);
  });
});
