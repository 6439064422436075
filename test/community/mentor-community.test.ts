// The community settings in the mentor itself: the config command (admin flag
// from the adapter), mentions only in the answer channels, private command
// answers, the default salary region, knowledge-gap recording with its /help
// note, and /forget deleting everything about the person.
import { describe, expect, it } from "vitest";
import { choose, command, message, testCore, textOf } from "../helpers/core.ts";
import { listGaps } from "../../src/gaps/gap-log.ts";
import { getSettings, updateSettings } from "../../src/community/settings.ts";
import { getProfile, profileKey } from "../../src/core/profile.ts";
import { conversationKey } from "../../src/core/events.ts";

const inChannel = (channel: string, workspace = "W-c"): { platform: "test"; workspace: string; channel: string; thread: string | null; dm: boolean } => ({ platform: "test", workspace, channel, thread: null, dm: false });

describe("the config command through the mentor", () => {
  it("shows the settings to anyone, changes them for admins only, and refuses others politely", async () => {
    const core = testCore();
    const address = inChannel("C100", "W-cfg");
    const shown = await core.mentor.handle(command("config", "", { address }));
    expect(textOf(shown.replies)).toMatch(/Role Mentor settings for this community/);
    const refused = await core.mentor.handle(command("config", "gaps on", { address }));
    expect(textOf(refused.replies)).toMatch(/Only .* can change Role Mentor's settings/);
    expect(refused.replies[0]!.visibility).toBe("private");
    expect((await getSettings(core.store, { platform: "test", id: "W-cfg" })).recordGaps).toBe(false);
    const changed = await core.mentor.handle(command("config", "gaps on", { address, admin: true } as never));
    expect(textOf(changed.replies)).toMatch(/recorded anonymously/);
    expect((await getSettings(core.store, { platform: "test", id: "W-cfg" })).recordGaps).toBe(true);
  });

  it("outside a community (no workspace) says settings belong to one", async () => {
    const core = testCore();
    const t = await core.mentor.handle(command("config", "gaps on", { address: { platform: "test", workspace: null, channel: "D1", thread: null, dm: true }, admin: true } as never));
    expect(textOf(t.replies)).toMatch(/belong to a server or workspace/);
  });
});

describe("settings take effect", () => {
  it("mentions are answered only in the configured channels", async () => {
    const core = testCore();
    await updateSettings(core.store, { platform: "test", id: "W-m" }, { mentionChannels: ["C200000"] });
    const elsewhere = await core.mentor.handle(message("what is RAG?", { address: inChannel("C999999", "W-m"), mention: true } as never));
    expect(elsewhere).toMatchObject({ replies: [], skipped: "channel" });
    const there = await core.mentor.handle(message("what is RAG?", { address: inChannel("C200000", "W-m"), mention: true } as never));
    expect(there.replies.length).toBeGreaterThan(0);
    expect(there.skipped).toBeUndefined();
  });

  it("command answers are private when the admin chose so", async () => {
    const core = testCore();
    const address = inChannel("C300", "W-p");
    expect((await core.mentor.handle(command("compare", "", { address }))).replies.every((r) => r.visibility === "public")).toBe(true);
    await core.mentor.handle(command("config", "replies private", { address, admin: true } as never));
    expect((await core.mentor.handle(command("compare", "", { address }))).replies.every((r) => r.visibility === "private")).toBe(true);
  });

  it("salary answers lead with the community's region unless the person named their own", async () => {
    const core = testCore();
    const address = inChannel("C400", "W-r");
    const before = textOf((await core.mentor.handle(message("what does an ML engineer earn?", { address, actor: { id: "u-r1" } }))).replies);
    await core.mentor.handle(command("config", "region uk", { address, admin: true } as never));
    const after = await core.mentor.handle(message("what does an ML engineer earn?", { address, actor: { id: "u-r2" } }));
    expect(textOf(after.replies)).not.toBe(before);
    expect(textOf(after.replies)).toMatch(/United Kingdom|UK/);
    // Someone who said where they are keeps their own region.
    await core.mentor.handle(message("I'm in Germany", { address, actor: { id: "u-r3" } }));
    const own = await core.mentor.handle(message("what does an ML engineer earn?", { address, actor: { id: "u-r3" } }));
    expect(textOf(own.replies)).toMatch(/Germany/);
  });
});

describe("knowledge gaps", () => {
  it("are recorded only where the community turned them on, without ids, and /help says so there", async () => {
    const core = testCore();
    const off = inChannel("C500", "W-off");
    const on = inChannel("C501", "W-on");
    await core.mentor.handle(message("what is the weather in Paris tomorrow? mail me at ada@example.com or 555 1234", { address: off }));
    expect(await listGaps(core.store)).toEqual([]);
    expect(textOf((await core.mentor.handle(command("help", "", { address: off }))).replies)).not.toMatch(/recorded anonymously/);

    await updateSettings(core.store, { platform: "test", id: "W-on" }, { recordGaps: true });
    await core.mentor.handle(message("what is the weather in Paris tomorrow? mail me at ada@example.com or 555 1234", { address: on, actor: { id: "U-secret-person" } }));
    await core.mentor.handle(message("ML engineer vs AI engineer?", { address: on }));
    const gaps = await listGaps(core.store);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ kind: "out-of-scope", intent: "out-of-scope" });
    expect(gaps[0]!.text).toBe("what is the weather in Paris tomorrow? mail me at or");
    expect(JSON.stringify(gaps)).not.toMatch(/W-on|C501|U-secret-person/);
    expect(textOf((await core.mentor.handle(command("help", "", { address: on }))).replies)).toMatch(/recorded anonymously/);
  });

  it("a 'Did you mean' turn is recorded as one", async () => {
    const core = testCore();
    await updateSettings(core.store, { platform: "test", id: "W-dym" }, { recordGaps: true });
    const t = await core.mentor.handle(message("engineer", { address: inChannel("C600", "W-dym") }));
    expect(textOf(t.replies)).toMatch(/Did you mean/);
    expect((await listGaps(core.store)).map((g) => ({ kind: g.kind, text: g.text }))).toEqual([{ kind: "did-you-mean", text: "engineer" }]);
  });
});

describe("/forget", () => {
  it("deletes context in every conversation, the profile and the quiz, and says what it deleted", async () => {
    const core = testCore();
    const actor = { id: "u-forget" };
    const a = inChannel("C700", "W-f");
    const b = { ...inChannel("C701", "W-f"), thread: "T1" };
    await core.mentor.handle(message("I'm a data analyst in the UK, how do I become an ML engineer?", { address: a, actor }));
    await core.mentor.handle(message("what is RAG?", { address: b, actor }));
    await core.mentor.handle(command("quiz", "", { address: a, actor }));
    expect(await core.store.get(conversationKey(a, actor))).toBeDefined();
    expect(await core.store.get(conversationKey(b, actor))).toBeDefined();
    expect(await core.store.get(profileKey(a, actor))).toBeDefined();

    const t = await core.mentor.handle(command("forget", "", { address: a, actor }));
    const text = textOf(t.replies);
    expect(text).toMatch(/quiz answers and your last result/);
    expect(text).toMatch(/2 conversations/);
    expect(text).toMatch(/background and region/);
    expect(text).toMatch(/rate limit/);
    expect(await core.store.get(conversationKey(a, actor))).toBeUndefined();
    expect(await core.store.get(conversationKey(b, actor))).toBeUndefined();
    expect(await getProfile(core.store, a, actor)).toEqual({});
    expect(await core.quiz.lastResult({ address: a, actor })).toBeUndefined();
  });

  it("forgetCommunity deletes the community's settings", async () => {
    const core = testCore();
    await updateSettings(core.store, { platform: "test", id: "W-gone" }, { recordGaps: true });
    await core.mentor.forgetCommunity({ platform: "test", id: "W-gone" });
    expect((await getSettings(core.store, { platform: "test", id: "W-gone" })).recordGaps).toBe(false);
  });
});

describe("listening mode", () => {
  const heard = (text: string, address: ReturnType<typeof inChannel>, actor = { id: "u-l1" }) =>
    message(text, { address, actor, listen: true } as never);

  it("is off by default and outside the chosen channels: nothing is said", async () => {
    const core = testCore();
    expect(await core.mentor.handle(heard("which role fits me, ML engineer or AI engineer?", inChannel("C800", "W-l0")))).toMatchObject({ replies: [], skipped: "channel" });
    await updateSettings(core.store, { platform: "test", id: "W-l1" }, { listening: { enabled: true, channels: ["C801000"] } });
    expect(await core.mentor.handle(heard("which role fits me, ML engineer or AI engineer?", inChannel("C802000", "W-l1")))).toMatchObject({ replies: [], skipped: "channel" });
  });

  it("offers the quiz once per person per cooldown for a clear fit question, and stays quiet for other chatter", async () => {
    const core = testCore();
    await updateSettings(core.store, { platform: "test", id: "W-l2" }, { listening: { enabled: true, channels: ["C810000"] }, cooldownSeconds: 600 });
    const here = inChannel("C810000", "W-l2");
    const first = await core.mentor.handle(heard("which role would suit me better, ML engineer or AI engineer?", here));
    expect(first.replies).toHaveLength(1);
    expect(first.replies[0]!.data?.kind).toBe("listening-offer");
    expect(first.replies[0]!.choices.map((c) => c.id)).toEqual(["quiz:start"]);
    // The same person again within the cooldown: nothing; someone else: their own offer.
    expect((await core.mentor.handle(heard("what role fits me best, ML or AI engineer?", here))).replies).toEqual([]);
    expect((await core.mentor.handle(heard("which role would suit me better, ML engineer or AI engineer?", here, { id: "u-l2" }))).replies).toHaveLength(1);
    expect((await core.mentor.handle(heard("anyone up for lunch?", here, { id: "u-l3" })))).toMatchObject({ replies: [], skipped: "quiet" });
  });

  it("in a thread, answers a person's follow-up only where they already talk with the bot", async () => {
    const core = testCore();
    await updateSettings(core.store, { platform: "test", id: "W-l3" }, { listening: { enabled: true, channels: ["C820000"] } });
    const thread = { ...inChannel("C820000", "W-l3"), thread: "T-820" };
    expect((await core.mentor.handle(heard("and the salary?", thread)))).toMatchObject({ replies: [], skipped: "quiet" });
    await core.mentor.handle(message("tell me about MLOps engineers", { address: thread, actor: { id: "u-l1" }, mention: true } as never));
    const followUp = await core.mentor.handle(heard("and the salary?", thread));
    expect(followUp.reading).toMatchObject({ intent: "role.aspect", roles: ["mlops-engineer"], aspect: "salary" });
  });
});

describe("rating answers", () => {
  it("where gaps are recorded, answers carry 👍/👎; a click records the reading only, and thanks privately", async () => {
    const core = testCore();
    const off = await core.mentor.handle(message("ML engineer vs AI engineer?", { address: inChannel("C900", "W-rate-off") }));
    expect(off.replies.flatMap((r) => r.choices).some((c) => c.id.startsWith("rate:"))).toBe(false);

    await updateSettings(core.store, { platform: "test", id: "W-rate" }, { recordGaps: true });
    const address = inChannel("C901", "W-rate");
    const t = await core.mentor.handle(message("ML engineer vs AI engineer?", { address, actor: { id: "U-rater" } }));
    const ids = t.replies.flatMap((r) => r.choices).map((c) => c.id).filter((id) => id.startsWith("rate:"));
    expect(ids).toEqual(["rate:up:compare:ml-engineer+ai-engineer", "rate:down:compare:ml-engineer+ai-engineer"]);
    expect(await listGaps(core.store)).toEqual([]);

    const thanks = await core.mentor.handle(choose(ids[1]!, { address, actor: { id: "U-rater" } }));
    expect(thanks.replies[0]!.visibility).toBe("private");
    expect(textOf(thanks.replies)).toMatch(/noted \(anonymously\)/);
    const gaps = await listGaps(core.store);
    expect(gaps).toMatchObject([{ kind: "thumbs-down", intent: "compare", roles: ["ml-engineer", "ai-engineer"] }]);
    expect(gaps[0]!.text).toBeUndefined();
    expect(JSON.stringify(gaps)).not.toMatch(/U-rater|W-rate|C901/);
    // A forged rating id is no action at all.
    expect(textOf((await core.mentor.handle(choose("rate:maybe:compare:-", { address }))).replies)).toMatch(/no longer valid/);
  });
});
