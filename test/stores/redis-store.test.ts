// The Redis store against a real redis-server (started by test/global-setup.ts):
// same contract as the other stores, plus compare-and-set across connections.
import { afterEach, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { createCore } from "../../src/bootstrap.ts";
import { command, choose, message, silentLogger, textOf } from "../helpers/core.ts";

const url = inject("redisUrl");
const open: RedisStore[] = [];
afterEach(async () => void (await Promise.all(open.splice(0).map((s) => s.close()))));

function store(now: () => number = Date.now, prefix = `test-${randomUUID()}:`): RedisStore {
  const s = new RedisStore(url, now, prefix);
  open.push(s);
  return s;
}

describe.skipIf(!url)("RedisStore", () => {
  it("gets what was set with a version that counts writes, and deletes", async () => {
    const s = store();
    expect(await s.get("k")).toBeUndefined();
    expect(await s.set("k", { a: 1, text: "é → 🤖" })).toBe(1);
    expect(await s.set("k", { a: 2 })).toBe(2);
    expect(await s.get("k")).toEqual({ value: { a: 2 }, version: 2 });
    await s.delete("k");
    expect(await s.get("k")).toBeUndefined();
  });

  it("refuses a write whose expected version is stale; 0 means the key must not exist", async () => {
    const s = store();
    expect(await s.set("k", 1, { expectedVersion: 0 })).toBe(1);
    expect(await s.set("k", 2, { expectedVersion: 0 })).toBeUndefined();
    expect(await s.set("k", 2, { expectedVersion: 1 })).toBe(2);
    expect(await s.set("k", 3, { expectedVersion: 1 })).toBeUndefined();
    expect((await s.get("k"))?.value).toBe(2);
  });

  it("expires entries after their time to live, by the store's clock", async () => {
    let now = 1_000_000;
    const s = store(() => now);
    await s.set("k", "v", { ttlMs: 1000 });
    now += 999;
    expect((await s.get("k"))?.value).toBe("v");
    now += 1;
    expect(await s.get("k")).toBeUndefined();
    // An expired key counts as absent for compare-and-set too.
    await s.set("j", "v", { ttlMs: 10 });
    now += 10;
    expect(await s.set("j", "w", { expectedVersion: 0 })).toBe(1);
  });

  it("lets exactly one of many racing writers win, across connections", async () => {
    const prefix = `race-${randomUUID()}:`;
    const writers = Array.from({ length: 8 }, () => store(Date.now, prefix));
    await writers[0]!.set("quiz", { n: 0 });
    const results = await Promise.all(writers.map((w, i) => w.set("quiz", { n: i + 1 }, { expectedVersion: 1 })));
    expect(results.filter((r) => r === 2)).toHaveLength(1);
    expect(results.filter((r) => r === undefined)).toHaveLength(7);
  });

  it("keeps a quiz across a reconnect: what one replica wrote, another continues", async () => {
    const prefix = `quiz-${randomUUID()}:`;
    const first = createCore({ knowledgeDir: "knowledge", store: store(Date.now, prefix), logger: silentLogger });
    const q1 = (await first.mentor.handle(command("quiz"))).replies.at(-1)!;
    await first.mentor.handle(choose(q1.choices[4]!.id));
    const second = createCore({ knowledgeDir: "knowledge", store: store(Date.now, prefix), logger: silentLogger });
    expect(textOf((await second.mentor.handle(message("like"))).replies)).toMatch(/Question 3 of/);
  });
});
