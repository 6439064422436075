// Community settings are cached per process for a short time: a busy channel
// costs one store read per TTL, a change through the config command is seen at
// once by the process that made it, and another replica on the same store sees
// it once its cached copy expires (the TTL bounds how stale it can be).
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore, type StateStore } from "../../src/core/state-store.ts";
import { SettingsCache, SETTINGS_TTL_MS } from "../../src/community/settings.ts";
import { command, message, silentLogger, textOf } from "../helpers/core.ts";

const address = { platform: "test" as const, workspace: "W-cache", channel: "C0CACHE01", thread: null, dm: false };

/** A store that counts reads of one key. */
function counting(inner: StateStore, key: string): StateStore & { reads: number } {
  const s = {
    reads: 0,
    get: async <T>(k: string) => { if (k === key) s.reads++; return inner.get<T>(k); },
    set: inner.set.bind(inner), delete: inner.delete.bind(inner), keysContaining: inner.keysContaining.bind(inner), close: inner.close.bind(inner),
  };
  return s;
}

describe("the settings cache", () => {
  it("reads the store once per TTL however many turns read the settings", async () => {
    let now = 1_000_000;
    const store = counting(new MemoryStore(() => now), "community:test:W-cache");
    const cache = new SettingsCache(store, 5000, () => now);
    await Promise.all(Array.from({ length: 20 }, () => cache.get({ platform: "test", id: "W-cache" })));
    expect(store.reads).toBe(1);
    now += 4999;
    await cache.get({ platform: "test", id: "W-cache" });
    expect(store.reads).toBe(1);
    now += 1;
    await cache.get({ platform: "test", id: "W-cache" });
    expect(store.reads).toBe(2);
  });

  it("a change through the config command is visible at once on the same process; a second process sees it within the TTL", async () => {
    const shared = new MemoryStore();
    const ttl = 400;
    const a = createCore({ knowledgeDir: "knowledge", store: shared, logger: silentLogger, settingsTtlMs: ttl });
    const b = createCore({ knowledgeDir: "knowledge", store: shared, logger: silentLogger, settingsTtlMs: ttl });
    const compare = (core: typeof a) => core.mentor.handle(command("compare", "", { address, actor: { id: "u-c1" } }));
    // Both replicas have read (and cached) the defaults.
    expect((await compare(a)).replies.every((r) => r.visibility === "public")).toBe(true);
    expect((await compare(b)).replies.every((r) => r.visibility === "public")).toBe(true);

    const changed = await a.mentor.handle(command("config", "replies private", { address, admin: true } as never));
    expect(textOf(changed.replies)).toMatch(/visible only to the person who asked/);
    const changedAt = Date.now();
    // The replica that made the change: at once.
    expect((await compare(a)).replies.every((r) => r.visibility === "private")).toBe(true);
    // The other: its cached copy may still be the old one, but never for longer than the TTL.
    let seen = false;
    while (!seen) {
      seen = (await compare(b)).replies.every((r) => r.visibility === "private");
      if (!seen) {
        expect(Date.now() - changedAt).toBeLessThan(ttl + 1000);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    expect(seen).toBe(true);
  });

  it("a replica stays on its cached copy within the TTL (the store is not read on every turn)", async () => {
    const shared = new MemoryStore();
    const a = createCore({ knowledgeDir: "knowledge", store: shared, logger: silentLogger, settingsTtlMs: 60_000 });
    const b = createCore({ knowledgeDir: "knowledge", store: shared, logger: silentLogger, settingsTtlMs: 60_000 });
    await b.mentor.handle(message("what is RAG?", { address: { ...address, workspace: "W-cache2" }, actor: { id: "u-c2" } }));
    await a.mentor.handle(command("config", "replies private", { address: { ...address, workspace: "W-cache2" }, admin: true } as never));
    expect((await b.mentor.settings({ platform: "test", workspace: "W-cache2" })).commandReplies).toBe("public");
    expect((await a.mentor.settings({ platform: "test", workspace: "W-cache2" })).commandReplies).toBe("private");
  });

  it("defaults to a few seconds", () => {
    expect(SETTINGS_TTL_MS).toBeGreaterThanOrEqual(1000);
    expect(SETTINGS_TTL_MS).toBeLessThanOrEqual(10_000);
  });
});
