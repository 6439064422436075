// StateStore.keysContaining, what /forget and a community's removal rely on,
// on every store (memory, real SQLite, real Redis): every stored key, expired
// ones not yet removed included (so deleting them leaves nothing), the
// fragment taken literally (no LIKE or glob wildcards), only this store's
// prefix on Redis, and rate-limiter counters (plain Redis strings) included.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MemoryStore, type StateStore } from "../../src/core/state-store.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { keysAbout, personKeysIn } from "../../src/community/privacy.ts";

const redisUrl = inject("redisUrl");
const opened: StateStore[] = [];
afterAll(async () => { for (const s of opened) await s.close(); });

const kinds: [string, (now: () => number, prefix?: string) => StateStore, boolean][] = [
  ["memory", (now) => new MemoryStore(now), true],
  ["SQLite", (now) => new SqliteStore(":memory:", now), true],
  ["Redis", (now, prefix = `keys-${randomUUID()}:`) => new RedisStore(redisUrl, now, prefix), Boolean(redisUrl)],
];

for (const [name, make, available] of kinds) {
  describe.skipIf(!available)(`keysContaining on ${name}`, () => {
    it("lists the stored keys that contain the fragment, literally, expired ones not yet removed too", async () => {
      let now = 1_000_000;
      const s = make(() => now);
      opened.push(s);
      await s.set("ctx:slack:T1:C1:-:U123", 1);
      await s.set("profile:slack:U123", 1, { ttlMs: 1000 });
      await s.set("profile:slack:U1234", 1);
      await s.set("odd:a%b_c*d?[e]", 1);
      await s.set("odd:aXbYcZd", 1);
      expect((await s.keysContaining("U123")).sort()).toEqual(["ctx:slack:T1:C1:-:U123", "profile:slack:U123", "profile:slack:U1234"]);
      expect(await s.keysContaining("a%b_c*d?[e]")).toEqual(["odd:a%b_c*d?[e]"]);
      expect(await s.keysContaining("nobody")).toEqual([]);
      now += 1000;
      expect(await s.get("profile:slack:U123")).toBeUndefined();
      expect((await s.keysContaining("U123")).sort()).toEqual(["ctx:slack:T1:C1:-:U123", "profile:slack:U1234"]);
      // Expired but never read again (lazy expiry): still stored, so still listed for deletion.
      await s.set("ctx:slack:T1:C2:-:U123", 1, { ttlMs: 10 });
      now += 10;
      expect(await s.keysContaining("C2")).toEqual(["ctx:slack:T1:C2:-:U123"]);
    });

    it("finds a person whose id contains ':' (a terminal user may pick any id) by /forget's matching, and no one else", async () => {
      const s = make(Date.now);
      opened.push(s);
      const of = (id: string) => [`ctx:terminal:-:local:-:${id}`, `profile:terminal:${id}`, `quiz:person:terminal:-:${id}`, `result:person:terminal:-:${id}`];
      for (const id of ["ada:lovelace", "lovelace", "x:ada:lovelace", "ada"]) for (const k of of(id)) await s.set(k, 1);
      expect((await keysAbout(s, "terminal", { person: "ada:lovelace" })).sort()).toEqual(of("ada:lovelace").sort());
      expect((await keysAbout(s, "terminal", { person: "lovelace" })).sort()).toEqual(of("lovelace").sort());
      expect((await keysAbout(s, "terminal", { person: "ada" })).sort()).toEqual(of("ada").sort());
      expect(personKeysIn(await keysAbout(s, "terminal", { person: "x:ada:lovelace" }))).toEqual(["person:terminal:-:x:ada:lovelace"]);
      expect(await keysAbout(s, "terminal", { person: "-:ada" })).toEqual([]);
    });
  });
}

describe.skipIf(!redisUrl)("keysContaining on Redis", () => {
  it("stays within its prefix and finds the rate limiter's counters", async () => {
    const prefix = `keys-${randomUUID()}:`;
    const mine = new RedisStore(redisUrl, Date.now, prefix);
    const other = new RedisStore(redisUrl, Date.now, `keys-${randomUUID()}:`);
    opened.push(mine, other);
    await other.set("profile:slack:U9", 1);
    await mine.set("profile:slack:U9", 1);
    await mine.rateLimiter(10, 60).consume("person:slack:T1:U9");
    expect((await mine.keysContaining("U9")).sort()).toEqual(["profile:slack:U9", "rate:person:slack:T1:U9"]);
    await mine.delete("rate:person:slack:T1:U9");
    expect(await mine.keysContaining("rate:")).toEqual([]);
  });
});
