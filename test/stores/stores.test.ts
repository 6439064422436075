// The storage port: MemoryStore and SqliteStore (real SQLite, in memory and in
// a file) behave the same, so the core never notices which one it runs on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { MemoryStore, type StateStore } from "../../src/core/state-store.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "role-mentor-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const STORES: [string, (now: () => number) => StateStore][] = [
  ["MemoryStore", (now) => new MemoryStore(now)],
  ["SqliteStore :memory:", (now) => new SqliteStore(":memory:", now)],
  ["SqliteStore file", (now) => new SqliteStore(join(dir, `nested/dir/store-${++files}.sqlite`), now)],
];

describe.each(STORES)("%s", (_, create) => {
  let now = 1_000_000;
  const open: StateStore[] = [];
  const make = () => {
    now = 1_000_000;
    const s = create(() => now);
    open.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it("gets what was set, as a copy, with a version that counts writes", async () => {
    const s = make();
    expect(await s.get("k")).toBeUndefined();
    const value = { topic: { intent: "compare", roles: ["ml-engineer", "ai-engineer"] }, n: 1, unicode: "é → 🤖" };
    expect(await s.set("k", value)).toBe(1);
    const got = await s.get<typeof value>("k");
    expect(got).toEqual({ value, version: 1 });
    got!.value.n = 99;
    expect((await s.get<typeof value>("k"))!.value.n).toBe(1);
    expect(await s.set("k", { n: 2 })).toBe(2);
    expect(await s.get("k")).toEqual({ value: { n: 2 }, version: 2 });
    expect(await s.get("other")).toBeUndefined();
  });

  it("deletes a key, and deleting a missing key is fine", async () => {
    const s = make();
    await s.set("k", "v");
    await s.delete("k");
    expect(await s.get("k")).toBeUndefined();
    await expect(s.delete("never-there")).resolves.toBeUndefined();
    expect(await s.set("k", "again")).toBe(1);
  });

  it("expires a value when its time to live has passed, by the injected clock", async () => {
    const s = make();
    await s.set("short", "v", { ttlMs: 1_000 });
    await s.set("forever", "v");
    now += 999;
    expect((await s.get("short"))?.value).toBe("v");
    now += 1;
    expect(await s.get("short")).toBeUndefined();
    now += 10 * 365 * 86_400_000;
    expect((await s.get("forever"))?.value).toBe("v");
  });

  it("a new write resets the time to live, and a write without one keeps the value for good", async () => {
    const s = make();
    await s.set("k", 1, { ttlMs: 1_000 });
    now += 800;
    await s.set("k", 2, { ttlMs: 1_000 });
    now += 800;
    expect((await s.get("k"))?.value).toBe(2);
    await s.set("k", 3);
    now += 5_000;
    expect((await s.get("k"))?.value).toBe(3);
  });

  it("compare-and-set: a stale version loses, the current one wins, 0 means must not exist", async () => {
    const s = make();
    expect(await s.set("k", "first", { expectedVersion: 0 })).toBe(1);
    expect(await s.set("k", "again", { expectedVersion: 0 })).toBeUndefined();
    expect(await s.set("k", "stale", { expectedVersion: 7 })).toBeUndefined();
    expect(await s.set("k", "second", { expectedVersion: 1 })).toBe(2);
    expect(await s.set("k", "lost race", { expectedVersion: 1 })).toBeUndefined();
    expect(await s.get("k")).toEqual({ value: "second", version: 2 });
    expect(await s.set("absent", "x", { expectedVersion: 1 })).toBeUndefined();
    expect(await s.get("absent")).toBeUndefined();
  });

  it("an expired key counts as absent for compare-and-set, and its versions start again", async () => {
    const s = make();
    await s.set("k", "old", { ttlMs: 100 });
    await s.set("k", "older", { ttlMs: 100 });
    now += 100;
    expect(await s.set("k", "stale", { expectedVersion: 2 })).toBeUndefined();
    expect(await s.set("k", "new", { expectedVersion: 0 })).toBe(1);
    expect(await s.get("k")).toEqual({ value: "new", version: 1 });
  });

  it("two writers racing with the same expected version: exactly one wins", async () => {
    const s = make();
    await s.set("k", 0);
    const results = await Promise.all([s.set("k", "a", { expectedVersion: 1 }), s.set("k", "b", { expectedVersion: 1 })]);
    expect(results.filter((r) => r === 2)).toHaveLength(1);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
  });

  it("close can be called twice", async () => {
    const s = make();
    await s.close();
    await expect(s.close()).resolves.toBeUndefined();
  });
});

describe("SqliteStore on a file", () => {
  it("keeps values, versions and expiry across closing and reopening", async () => {
    const path = join(dir, "reopen.sqlite");
    let now = 5_000;
    const first = new SqliteStore(path, () => now);
    await first.set("kept", { roles: ["ai-engineer"] });
    await first.set("kept", { roles: ["ml-engineer"] });
    await first.set("expiring", "v", { ttlMs: 1_000 });
    await first.close();

    const second = new SqliteStore(path, () => now);
    expect(await second.get("kept")).toEqual({ value: { roles: ["ml-engineer"] }, version: 2 });
    expect(await second.set("kept", "x", { expectedVersion: 1 })).toBeUndefined();
    expect((await second.get("expiring"))?.value).toBe("v");
    now += 1_000;
    expect(await second.get("expiring")).toBeUndefined();
    await second.close();
  });

  it("two stores on the same file see each other's writes", async () => {
    const path = join(dir, "shared.sqlite");
    const a = new SqliteStore(path);
    const b = new SqliteStore(path);
    await a.set("k", "from a");
    expect(await b.get("k")).toEqual({ value: "from a", version: 1 });
    expect(await b.set("k", "from b", { expectedVersion: 1 })).toBe(2);
    expect(await a.set("k", "a again", { expectedVersion: 1 })).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
  });
});
