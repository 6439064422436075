// Community settings: what admins can set, validated and stored per community
// on every store; refused for others; cooldowns claimed once across replicas.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MemoryStore, type StateStore } from "../../src/core/state-store.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { renderPlainText } from "../../src/core/reply.ts";
import { DEFAULT_SETTINGS, SettingsCache, answersMentionsIn, deleteSettings, getSettings, listensIn, updateSettings } from "../../src/community/settings.ts";
import { configCommand, parseConfig } from "../../src/community/config-command.ts";
import { claimCooldown } from "../../src/community/cooldown.ts";

const dir = mkdtempSync(join(tmpdir(), "role-mentor-community-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reading /mentor config arguments", () => {
  it("shows the settings without arguments", () => {
    expect(parseConfig("")).toEqual({ kind: "show" });
    expect(parseConfig("  show ")).toEqual({ kind: "show" });
  });

  it("reads each setting as the platforms send it", () => {
    expect(parseConfig("channels <#123456789012345678> <#C0ABC1234|career-help>")).toMatchObject({ kind: "set", patch: { mentionChannels: ["123456789012345678", "C0ABC1234"] } });
    expect(parseConfig("channels c0abc1234")).toMatchObject({ kind: "set", patch: { mentionChannels: ["C0ABC1234"] } });
    expect(parseConfig("CHANNELS all")).toMatchObject({ kind: "set", patch: { mentionChannels: [] } });
    expect(parseConfig("replies private")).toMatchObject({ kind: "set", patch: { commandReplies: "private" } });
    expect(parseConfig("cooldown 2m")).toMatchObject({ kind: "set", patch: { cooldownSeconds: 120 } });
    expect(parseConfig("cooldown 45")).toMatchObject({ kind: "set", patch: { cooldownSeconds: 45 } });
    expect(parseConfig("cooldown 0")).toMatchObject({ kind: "set", patch: { cooldownSeconds: 0 } });
    expect(parseConfig("region uk")).toMatchObject({ kind: "set", patch: { salaryRegion: "uk" } });
    expect(parseConfig("region none")).toMatchObject({ kind: "set", patch: { salaryRegion: null } });
    expect(parseConfig("gaps on")).toMatchObject({ kind: "set", patch: { recordGaps: true } });
    expect(parseConfig("listening on <#C0ABC1234>")).toMatchObject({ kind: "set", patch: { listening: { enabled: true, channels: ["C0ABC1234"] } } });
    expect(parseConfig("listening off")).toMatchObject({ kind: "set", patch: { listening: { enabled: false, channels: [] } } });
  });

  it("names what it could not read, never echoing more than a short word", () => {
    const long = `<@U123> ${"x".repeat(500)}`;
    for (const args of ["cooldown forever", "cooldown 999999", "replies loud", "region narnia!", "gaps maybe", "listening on", "channels #general", `channels ${long}`, "colldown 5"]) {
      const r = parseConfig(args);
      expect(r.kind, args).toBe("error");
      if (r.kind === "error") expect(r.message.length, args).toBeLessThan(700);
    }
    const typo = parseConfig("colldown 5");
    expect(typo.kind === "error" && typo.message).toMatch(/not a setting \(did you mean cooldown\?\)/);
    const pasted = parseConfig(`channels ${long}`);
    expect(pasted.kind === "error" && pasted.message).not.toContain("x".repeat(31));
  });
});

const STORES: [string, () => StateStore][] = [
  ["MemoryStore", () => new MemoryStore()],
  ["SqliteStore file", () => new SqliteStore(join(dir, `s-${randomUUID()}.sqlite`))],
];
const redisUrl = inject("redisUrl");
if (redisUrl) STORES.push(["RedisStore", () => new RedisStore(redisUrl, Date.now, `test-${randomUUID()}:`)]);

describe.each(STORES)("settings on %s", (_, create) => {
  const guild = { platform: "discord", id: "111111111111111111" };
  const team = { platform: "slack", id: "T0TEAM01" };

  it("starts from the defaults and keeps each community's own", async () => {
    const store = create();
    expect(await getSettings(store, guild)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ mentionChannels: [], commandReplies: "public", recordGaps: false, listening: { enabled: false } });
    await updateSettings(store, guild, { commandReplies: "private" });
    expect((await getSettings(store, guild)).commandReplies).toBe("private");
    expect((await getSettings(store, team)).commandReplies).toBe("public");
    await deleteSettings(store, guild);
    expect(await getSettings(store, guild)).toEqual(DEFAULT_SETTINGS);
    await store.close();
  });

  it("refuses an invalid change and keeps what was stored", async () => {
    const store = create();
    await updateSettings(store, team, { cooldownSeconds: 60 });
    await expect(updateSettings(store, team, { cooldownSeconds: -5 })).rejects.toThrow();
    await expect(updateSettings(store, team, { mentionChannels: ["<@everyone>"] })).rejects.toThrow();
    expect((await getSettings(store, team)).cooldownSeconds).toBe(60);
    await store.close();
  });

  it("lets two admins change different settings at the same moment", async () => {
    const store = create();
    await Promise.all([updateSettings(store, team, { recordGaps: true }), updateSettings(store, team, { salaryRegion: "de" }), updateSettings(store, team, { cooldownSeconds: 5 })]);
    expect(await getSettings(store, team)).toMatchObject({ recordGaps: true, salaryRegion: "de", cooldownSeconds: 5 });
    await store.close();
  });

  it("the command shows to everyone, changes only for admins, and says what changed", async () => {
    const store = create();
    const shown = renderPlainText(await configCommand(new SettingsCache(store), guild, "", false));
    expect(shown).toMatch(/Answers mentions in: every channel it can see/);
    const refused = await configCommand(new SettingsCache(store), guild, "gaps on", false);
    expect(refused.visibility).toBe("private");
    expect(renderPlainText(refused)).toMatch(/Only members with the Manage Server permission/);
    expect((await getSettings(store, guild)).recordGaps).toBe(false);
    const done = renderPlainText(await configCommand(new SettingsCache(store), guild, "gaps on", true));
    expect(done).toMatch(/recorded anonymously/);
    expect(done).toMatch(/Knowledge-gap recording: on/);
    expect((await getSettings(store, guild)).recordGaps).toBe(true);
    expect(renderPlainText(await configCommand(new SettingsCache(store), team, "replies loud", true))).toMatch(/could not read the reply visibility/);
    await store.close();
  });

  it("claims a cooldown once per period, whichever replica asks", async () => {
    const store = create();
    const spot = { platform: "slack", community: team.id, channel: "C0ABC1234", person: "U1" };
    const claims = await Promise.all([claimCooldown(store, spot, 60), claimCooldown(store, spot, 60), claimCooldown(store, spot, 60)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimCooldown(store, { ...spot, person: "U2" }, 60)).toBe(true);
    expect(await claimCooldown(store, spot, 0)).toBe(true);
    await store.close();
  });
});

describe("where the bot answers", () => {
  it("answers mentions everywhere unless channels are listed, and listens only where enabled", () => {
    expect(answersMentionsIn(DEFAULT_SETTINGS, "C0ABC1234")).toBe(true);
    const s = { ...DEFAULT_SETTINGS, mentionChannels: ["C0ABC1234"], listening: { enabled: true, channels: ["C0LISTEN1"] } };
    expect(answersMentionsIn(s, "C0ABC1234")).toBe(true);
    expect(answersMentionsIn(s, "C0OTHER01")).toBe(false);
    expect(listensIn(s, "C0LISTEN1")).toBe(true);
    expect(listensIn(DEFAULT_SETTINGS, "C0LISTEN1")).toBe(false);
  });
});
