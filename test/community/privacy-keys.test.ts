// Which keys /forget and a community's removal take: the person's id as the
// last part of a key of that platform, the community's id right after the
// platform. An id that equals some other part ("-", a channel name, a
// platform name) never reaches someone else's keys.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/core/state-store.ts";
import { keysAbout } from "../../src/community/privacy.ts";

async function storeWith(keys: string[]): Promise<MemoryStore> {
  const s = new MemoryStore();
  for (const k of keys) await s.set(k, 1);
  return s;
}

const KEYS = [
  "ctx:terminal:-:local:-:ada", "profile:terminal:ada", "quiz:person:terminal:-:ada",
  "ctx:terminal:-:local:-:bob", "profile:terminal:bob",
  "ctx:discord:G1:C1:T1:U1", "cooldown:discord:G1:C1:U1", "quiz:person:discord:G1:U1", "rate:person:discord:G1:U1", "community:discord:G1",
  "ctx:slack:G1:C1:-:U1", "seen:discord:event:U1x", "gaps:2026-12-02",
];

describe("keysAbout", () => {
  it("takes a person's keys on one platform only", async () => {
    const s = await storeWith(KEYS);
    expect((await keysAbout(s, "discord", { person: "U1" })).sort()).toEqual(["cooldown:discord:G1:C1:U1", "ctx:discord:G1:C1:T1:U1", "quiz:person:discord:G1:U1", "rate:person:discord:G1:U1"]);
    expect((await keysAbout(s, "terminal", { person: "ada" })).sort()).toEqual(["ctx:terminal:-:local:-:ada", "profile:terminal:ada", "quiz:person:terminal:-:ada"]);
  });

  it("an id equal to another part of the keys takes nothing of anyone else", async () => {
    const s = await storeWith(KEYS);
    for (const id of ["-", "local", "terminal", "discord", "G1", "C1", "T1", "person"]) {
      expect(await keysAbout(s, "terminal", { person: id }), id).toEqual([]);
      expect((await keysAbout(s, "discord", { person: id })).filter((k) => !k.endsWith(`:${id}`)), id).toEqual([]);
    }
    expect(await keysAbout(s, "discord", { person: "G1" })).toEqual([]);
  });

  it("takes a community's keys: settings, contexts, cooldowns, quizzes and rate counters there, nothing of the same id elsewhere", async () => {
    const s = await storeWith(KEYS);
    expect((await keysAbout(s, "discord", { community: "G1" })).sort()).toEqual([
      "community:discord:G1", "cooldown:discord:G1:C1:U1", "ctx:discord:G1:C1:T1:U1", "quiz:person:discord:G1:U1", "rate:person:discord:G1:U1",
    ]);
    expect(await keysAbout(s, "discord", { community: "C1" })).toEqual([]);
  });
});
