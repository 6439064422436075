// Community settings over the real Bolt app and the fake Web API:
// `/mentor config` changes settings only for workspace admins and owners
// (users.info) or people the settings list, always ephemerally; the settings
// take effect (private command answers, mentions only in the chosen channels);
// app_uninstalled and tokens_revoked delete the workspace's settings.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import type { RecordedCall } from "./fakes/fake-slack-api.ts";
import { updateSettings } from "../../src/community/settings.ts";
import { pino } from "pino";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { fixture, startHttpHarness, unique, type HttpHarness } from "./harness.ts";
import { blocksText } from "./slack-text.ts";

let core: Core;
let h: HttpHarness;
const store = new MemoryStore();
beforeAll(() => { core = createCore({ knowledgeDir: "knowledge", store, logger: pino({ level: "silent" }), perMinute: 100_000 }); });
beforeEach(async () => { h = await startHttpHarness({ core }); });
afterEach(async () => {
  await core.mentor.forgetCommunity({ platform: "slack", id: "T1" });
  await h.close();
});

async function responses(responseUrl: string, n = 1): Promise<RecordedCall[]> {
  const path = new URL(responseUrl).pathname;
  const mine = () => h.api.calls.filter((c) => c.method === "response_url" && c.path === path);
  await h.api.waitFor(() => mine().length >= n, 3000, `${n} response(s) to ${path}`);
  return mine();
}
const settings = () => core.mentor.settings({ platform: "slack", workspace: "T1" });
const text = (c: RecordedCall | undefined) => `${String(c?.body.text ?? "")}\n${blocksText(c?.body.blocks)}`;
const settle = () => new Promise((r) => setTimeout(r, 150));

describe("/mentor config", () => {
  it("a member who is not an admin is refused a change, politely and ephemerally; showing works for anyone", async () => {
    const { responseUrl } = await h.command("/mentor", "config gaps on", { user_id: "UMEMBER" });
    const [r] = await responses(responseUrl);
    expect(r!.body.response_type).toBe("ephemeral");
    expect(text(r)).toMatch(/Only workspace admins and owners .* can change Role Mentor's settings/);
    expect(h.api.callsTo("users.info").map((c) => c.body.user)).toEqual(["UMEMBER"]);
    expect((await settings()).recordGaps).toBe(false);

    const shown = await h.command("/mentor", "config", { user_id: "UMEMBER" });
    expect(text((await responses(shown.responseUrl))[0])).toMatch(/Role Mentor settings for this community/);
  });

  it("a workspace admin changes a setting; private answers then make /compare ephemeral", async () => {
    h.api.admins.add("UADMIN");
    const { responseUrl } = await h.command("/mentor", "config replies private", { user_id: "UADMIN" });
    const [r] = await responses(responseUrl);
    expect(r!.body.response_type).toBe("ephemeral");
    expect(text(r)).toMatch(/visible only to the person who asked/);
    expect((await settings()).commandReplies).toBe("private");
    const compare = await h.command("/compare", "", { user_id: "UOTHER" });
    expect((await responses(compare.responseUrl))[0]!.body.response_type).toBe("ephemeral");
  });

  it("an owner may change settings, and so may someone the settings list as an admin", async () => {
    // The admins list has no command: written to the store before the bot reads the workspace's settings.
    await updateSettings(store, { platform: "slack", id: "T1" }, { admins: ["ULISTED1"] });
    h.api.owners.add("UOWNER");
    await responses((await h.command("/mentor", "config gaps on", { user_id: "UOWNER" })).responseUrl);
    expect((await settings()).recordGaps).toBe(true);
    await responses((await h.command("/mentor", "config gaps off", { user_id: "ULISTED1" })).responseUrl);
    expect((await settings()).recordGaps).toBe(false);
  });

  it("when users.info fails, the person is refused, not shown an error", async () => {
    h.api.failNext("users.info", "missing_scope");
    const [r] = await responses((await h.command("/mentor", "config gaps on", { user_id: "UADMIN2" })).responseUrl);
    expect(text(r)).toMatch(/Only workspace admins/);
  });
});

describe("settings take effect on mentions", () => {
  it("with answer channels set, a mention elsewhere gets no answer; one in the channel does", async () => {
    h.api.admins.add("UADMIN");
    await responses((await h.command("/mentor", "config channels <#C0CAREERS|careers>", { user_id: "UADMIN" })).responseUrl);
    expect((await settings()).mentionChannels).toEqual(["C0CAREERS"]);
    await h.event("app-mention", { channel: "C0RANDOM", text: "<@UBOT> what is RAG?", ts: "1700000100.000100" });
    await settle();
    expect(h.api.callsTo("chat.postMessage")).toEqual([]);
    await h.event("app-mention", { channel: "C0CAREERS", text: "<@UBOT> what is RAG?", ts: "1700000101.000100" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    expect(h.api.callsTo("chat.postMessage")[0]!.body.channel).toBe("C0CAREERS");
  });
});

describe("removing the app", () => {
  const envelope = (event: Record<string, unknown>) => JSON.stringify({ ...fixture("app-mention"), event_id: unique("Ev"), event });

  for (const [name, event] of [
    ["app_uninstalled", { type: "app_uninstalled", event_ts: "1700000200.000100" }],
    ["tokens_revoked (bot token)", { type: "tokens_revoked", tokens: { bot: ["UBOT"] }, event_ts: "1700000201.000100" }],
  ] as const) {
    it(`${name} deletes the workspace's settings`, async () => {
      h.api.admins.add("UADMIN");
      await responses((await h.command("/mentor", "config gaps on", { user_id: "UADMIN" })).responseUrl);
      expect((await settings()).recordGaps).toBe(true);
      expect((await h.post(envelope(event), "application/json")).status).toBe(200);
      await expect.poll(async () => (await settings()).recordGaps, { timeout: 3000 }).toBe(false);
    });
  }

  it("app_uninstalled deletes the workspace's conversations and quizzes too, not only its settings", async () => {
    await h.event("app-mention", { user: "UGONE1", channel: "C0GONE", text: "<@UBOT> what is RAG?", ts: "1700000210.000100" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === "C0GONE"));
    await responses((await h.command("/quiz", "", { user_id: "UGONE1" })).responseUrl);
    expect((await store.keysContaining("UGONE1")).some((k) => k.startsWith("ctx:slack:T1:"))).toBe(true);
    expect((await store.keysContaining("UGONE1")).some((k) => k.startsWith("quiz:person:slack:T1:"))).toBe(true);
    await h.post(envelope({ type: "app_uninstalled", event_ts: "1700000211.000100" }), "application/json");
    await expect.poll(async () => store.keysContaining(":T1:"), { timeout: 3000 }).toEqual([]);
  });

  it("tokens_revoked for user tokens only leaves the settings", async () => {
    h.api.admins.add("UADMIN");
    await responses((await h.command("/mentor", "config gaps on", { user_id: "UADMIN" })).responseUrl);
    await h.post(envelope({ type: "tokens_revoked", tokens: { oauth: ["U1"] }, event_ts: "1700000202.000100" }), "application/json");
    await settle();
    expect((await settings()).recordGaps).toBe(true);
  });
});

describe("listening mode (message.channels)", () => {
  const said = (text: string, over: Record<string, unknown> = {}) =>
    h.event("message-im", { channel_type: "channel", channel: "C0LISTEN", text, ts: `17000003${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}.000100`, ...over });

  it("is silent until an admin turns it on; then one threaded offer per person per cooldown, never for a mention", async () => {
    await said("which role would suit me better, ML engineer or AI engineer?", { user: "UL1" });
    await settle();
    expect(h.api.messages()).toEqual([]);

    h.api.admins.add("UADMIN");
    await responses((await h.command("/mentor", "config listening on <#C0LISTEN|careers>", { user_id: "UADMIN" })).responseUrl);
    await said("which role would suit me better, ML engineer or AI engineer?", { user: "UL1", ts: "1700000400.000100" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    const [offer] = h.api.callsTo("chat.postMessage");
    expect(offer!.body).toMatchObject({ channel: "C0LISTEN", thread_ts: "1700000400.000100" });
    expect(text(offer)).toMatch(/Wondering which role fits you/);

    // Again within the cooldown, chatter, and a mention (app_mention answers that one): nothing more here.
    await said("what role fits me best, ML or AI engineer?", { user: "UL1" });
    await said("anyone up for lunch?", { user: "UL2" });
    await said("<@UBOT> which role fits me?", { user: "UL3" });
    await settle();
    expect(h.api.callsTo("chat.postMessage")).toHaveLength(1);
  });
});
