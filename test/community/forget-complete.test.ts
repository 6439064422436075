// /forget completeness on the real stores (SQLite file, real redis-server): a
// Discord person who talked in two servers and in the DM, took a quiz in one
// server and finished one in the DM (result card on disk), told a background,
// and got a listening offer (cooldown) — after /forget in one server, a scan of
// the whole store finds no key and no value with their id, their card file is
// gone, the rate limiter has forgotten them, and someone else's data is intact.
// A terminal id with a colon is forgotten whole, nobody else with it. Then the
// bot is removed from a server: every key of that server goes.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { Redis } from "ioredis";
import { RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";
import { RedisStore } from "../../src/stores/redis-store.ts";
import type { StateStore } from "../../src/core/state-store.ts";
import type { Address, InboundEventInput } from "../../src/core/events.ts";
import { personKey } from "../../src/core/events.ts";
import { updateSettings } from "../../src/community/settings.ts";
import { choose, command, message, silentLogger, textOf } from "../helpers/core.ts";

const redisUrl = inject("redisUrl");

interface Backend {
  store: StateStore;
  limiter: RateLimiterAbstract;
  /** Every key and value in the store, read around the store's own code, and whether it expires. */
  dump(): Promise<{ key: string; value: string; expires: boolean }[]>;
  close(): Promise<void>;
}

function sqliteBackend(): Backend {
  const path = join(mkdtempSync(join(tmpdir(), "forget-")), "state.sqlite");
  const store = new SqliteStore(path);
  const raw = new Database(path, { readonly: true });
  return {
    store, limiter: new RateLimiterMemory({ points: 1000, duration: 60 }),
    dump: async () => (raw.prepare("SELECT key, value, expires_at FROM state").all() as { key: string; value: string; expires_at: number | null }[])
      .map((r) => ({ key: r.key, value: r.value, expires: r.expires_at !== null })),
    close: async () => { raw.close(); await store.close(); },
  };
}

function redisBackend(): Backend {
  const prefix = `forget-${randomUUID()}:`;
  const store = new RedisStore(redisUrl, Date.now, prefix);
  const raw = new Redis(redisUrl);
  return {
    store, limiter: store.rateLimiter(1000, 60),
    dump: async () => {
      const keys = await raw.keys(`${prefix}*`);
      return Promise.all(keys.map(async (key) => ({
        key, value: (await raw.type(key)) === "hash" ? String(await raw.hget(key, "d")) : String(await raw.get(key)), expires: (await raw.pttl(key)) > 0,
      })));
    },
    close: async () => { raw.disconnect(); await store.close(); },
  };
}

const snowflake = () => String(1_400_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e15)));
const guild = (g: string, channel: string, thread: string | null = null): Address => ({ platform: "discord", workspace: g, channel, thread, dm: false });
const dmOf = (channel: string): Address => ({ platform: "discord", workspace: null, channel, thread: null, dm: true });

/** Answer the quiz with its first option until the result comes. */
async function finishQuiz(core: Core, over: Partial<InboundEventInput>): Promise<void> {
  let last = (await core.mentor.handle(command("quiz", "", over))).replies;
  for (let step = 0; step < 40; step++) {
    if (last.some((r) => r.data?.outcome !== undefined)) return;
    const next = last.flatMap((r) => r.choices).find((c) => c.id.startsWith("quiz:a:"));
    if (!next) throw new Error(`no answer to choose in: ${textOf(last)}`);
    last = (await core.mentor.handle(choose(next.id, over))).replies;
  }
  throw new Error("the quiz did not end");
}

const backends: [string, () => Backend, boolean][] = [["SQLite", sqliteBackend, true], ["Redis", redisBackend, Boolean(redisUrl)]];

for (const [name, make, available] of backends) {
  describe.skipIf(!available)(`on ${name}`, () => {
    const backend = available ? make() : undefined;
    const cards = mkdtempSync(join(tmpdir(), "forget-cards-"));
    const core = available ? createCore({ knowledgeDir: "knowledge", store: backend!.store, logger: silentLogger, cardsDir: cards, limiter: backend!.limiter }) : undefined;
    afterAll(async () => backend?.close());

    it("/forget leaves no key or value with the person's id anywhere in the store, nor their card", async () => {
      const me = { id: snowflake() };
      const other = { id: snowflake() };
      const [g1, g2] = [snowflake(), snowflake()];
      const [c1, c2, dm] = [snowflake(), snowflake(), snowflake()];
      const mentor = core!.mentor;
      await updateSettings(backend!.store, { platform: "discord", id: g2 }, { listening: { enabled: true, channels: [c2] }, cooldownSeconds: 600 });

      await mentor.handle(message("I'm a data analyst in the UK, how do I become an ML engineer?", { address: guild(g1, c1, snowflake()), actor: me, mention: true } as never));
      await mentor.handle(message("what is RAG?", { address: guild(g2, c2, snowflake()), actor: me, mention: true } as never));
      await mentor.handle(command("quiz", "", { address: guild(g1, c1), actor: me }));
      // Asked for in a server, run in the DM: its result can be shared back there (a share offer is stored).
      await finishQuiz(core!, { address: dmOf(dm), actor: me, origin: { workspace: g1, channel: c1 } });
      const offer = await mentor.handle(message("which role would suit me better, ML engineer or AI engineer?", { address: guild(g2, c2), actor: me, listen: true } as never));
      expect(offer.replies[0]?.data?.kind).toBe("listening-offer");
      await mentor.handle(message("what is RAG?", { address: guild(g1, c1, snowflake()), actor: other, mention: true } as never));

      // An entry past its time to live that nobody read again (expiry is lazy): still stored, so it must go too.
      await backend!.store.set(`cooldown:discord:${g1}:${c1}:${me.id}`, 1, { ttlMs: 1 });
      await new Promise((r) => setTimeout(r, 5));
      const before = await backend!.dump();
      const mine = before.filter((r) => r.key.includes(me.id));
      // What was stored about the person, so the test covers each kind.
      for (const kind of ["ctx:", "profile:", "quiz:person:", "result:person:", "share:person:", "cooldown:"]) expect(mine.some((r) => r.key.includes(kind)), kind).toBe(true);
      // Everything stored about a person has a time to live.
      expect(mine.filter((r) => !r.expires).map((r) => r.key)).toEqual([]);
      expect(readdirSync(cards).filter((f) => f.endsWith(".png"))).toHaveLength(1);
      expect(await backend!.limiter.get(personKey(guild(g1, c1), me))).not.toBeNull();

      const t = await mentor.handle(command("forget", "", { address: guild(g2, c2), actor: me }));
      const said = textOf(t.replies);
      const conversations = mine.filter((r) => r.key.includes("ctx:discord")).length;
      expect(said).toContain(`the conversation context of ${conversations} conversations`);
      expect(said).toMatch(/your last result \(with its result card\), in 2 places/);
      expect(said).toMatch(/short-lived note/);

      const after = await backend!.dump();
      expect(after.filter((r) => r.key.includes(me.id) || r.value.includes(me.id))).toEqual([]);
      expect(readdirSync(cards).filter((f) => f.endsWith(".png"))).toEqual([]);
      for (const where of [guild(g1, c1), guild(g2, c2), dmOf(dm)]) expect(await backend!.limiter.get(personKey(where, me))).toBeNull();
      // Someone else's context is still there, and so is the server's setting.
      expect(after.some((r) => r.key.includes(other.id) && r.key.includes("ctx:"))).toBe(true);
      expect(after.some((r) => r.key.endsWith(`community:discord:${g2}`))).toBe(true);
    }, 60_000);

    it("/forget at the terminal takes a person whose id contains ':' whole, and leaves the person whose id it ends with", async () => {
      const tag = snowflake();
      const me = { id: `ada:${tag}` };
      const other = { id: tag };
      const terminal: Address = { platform: "terminal", workspace: null, channel: "local", thread: null, dm: true };
      for (const actor of [me, other]) {
        await core!.mentor.handle(message("I'm a data analyst, how do I become an ML engineer?", { address: terminal, actor }));
        await finishQuiz(core!, { address: terminal, actor });
      }
      const mine = (await backend!.dump()).filter((r) => r.key.includes(me.id));
      for (const kind of ["ctx:", "profile:", "result:person:"]) expect(mine.some((r) => r.key.includes(kind)), kind).toBe(true);

      await core!.mentor.handle(command("forget", "", { address: terminal, actor: me }));

      const after = await backend!.dump();
      expect(after.filter((r) => r.key.includes(me.id) || r.value.includes(me.id))).toEqual([]);
      for (const kind of ["ctx:", "profile:", "result:person:"]) expect(after.some((r) => r.key.includes(kind) && r.key.endsWith(`:${other.id}`)), kind).toBe(true);
    }, 60_000);

    it("removing the bot from a server deletes every key of that server, and nothing of another", async () => {
      const [g1, g2, c1, c2] = [snowflake(), snowflake(), snowflake(), snowflake()];
      const a = { id: snowflake() };
      const b = { id: snowflake() };
      const mentor = core!.mentor;
      await updateSettings(backend!.store, { platform: "discord", id: g1 }, { listening: { enabled: true, channels: [c1] }, cooldownSeconds: 600, recordGaps: true });
      await updateSettings(backend!.store, { platform: "discord", id: g2 }, { recordGaps: true });
      await mentor.handle(message("what is RAG?", { address: guild(g1, c1, snowflake()), actor: a, mention: true } as never));
      await mentor.handle(command("quiz", "", { address: guild(g1, c1), actor: a }));
      await mentor.handle(message("which role would suit me better, ML engineer or AI engineer?", { address: guild(g1, c1), actor: b, listen: true } as never));
      await mentor.handle(message("what is RAG?", { address: guild(g2, c2, snowflake()), actor: a, mention: true } as never));
      const before = await backend!.dump();
      for (const kind of ["community:", "ctx:", "quiz:person:", "cooldown:"]) expect(before.some((r) => r.key.includes(kind) && r.key.includes(g1)), kind).toBe(true);

      await mentor.forgetCommunity({ platform: "discord", id: g1 });

      const after = await backend!.dump();
      expect(after.filter((r) => r.key.includes(g1)).map((r) => r.key)).toEqual([]);
      expect(after.some((r) => r.key.endsWith(`community:discord:${g2}`))).toBe(true);
      expect(after.some((r) => r.key.includes(`ctx:discord:${g2}`))).toBe(true);
      expect((await mentor.settings({ platform: "discord", workspace: g1 })).recordGaps).toBe(false);
    }, 60_000);
  });
}
