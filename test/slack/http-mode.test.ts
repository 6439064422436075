// The real Bolt app over HTTP on loopback: request signatures, every slash
// command in its /mentor form and its short form, acks before answers,
// errors, and a clean stop.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { COMMANDS } from "../../src/core/commands.ts";
import { BOT_TOKEN, SIGNING_SECRET, capturingLogger, slackTestCore, sign, startHttpHarness, unique, type HttpHarness } from "./harness.ts";
import { ConfigError } from "../../src/config.ts";
import { createSlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { FakeSlackApi } from "./fakes/fake-slack-api.ts";
import { blocksText, buttonsOf, callText, headerOf } from "./slack-text.ts";
import { pino } from "pino";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore, StoreUnavailableError } from "../../src/core/state-store.ts";
import { STORE_AWAY_TEXT } from "../../src/core/store-outage.ts";
import { LISTEN_BACKLOG } from "../../adapters/slack/slack-adapter.ts";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { RecordedCall } from "./fakes/fake-slack-api.ts";

let core: Core;
let h: HttpHarness;
beforeAll(() => { core = slackTestCore(); });
beforeEach(async () => { h = await startHttpHarness({ core }); });
afterEach(async () => { await h.close(); });
afterAll(() => undefined);

const short = (id: Parameters<Core["kb"]["role"]>[0]) => core.kb.role(id).short;

/** The messages sent to one response_url, once `n` have arrived. */
async function responses(responseUrl: string, n = 1): Promise<RecordedCall[]> {
  const path = new URL(responseUrl).pathname;
  const mine = () => h.api.calls.filter((c) => c.method === "response_url" && c.path === path);
  await h.api.waitFor(() => mine().length >= n, 3000, `${n} response(s) to ${path}`);
  return mine();
}

describe("request verification", () => {
  it("refuses a bad signature and a stale timestamp with 401, before any work", async () => {
    const body = new URLSearchParams({ command: "/mentor", text: "help", team_id: "T1", user_id: "U1", channel_id: "C1", response_url: h.api.responseUrl("x"), trigger_id: "t" }).toString();
    const bad = await h.post(body, "application/x-www-form-urlencoded", { signature: sign(body, Math.floor(Date.now() / 1000), "wrong-secret") });
    expect(bad.status).toBe(401);
    const staleTs = Math.floor(Date.now() / 1000) - 10 * 60;
    const stale = await h.post(body, "application/x-www-form-urlencoded", { timestamp: staleTs, signature: sign(body, staleTs) });
    expect(stale.status).toBe(401);
    const tampered = await h.post(body.replace("help", "quiz"), "application/x-www-form-urlencoded", { signature: sign(body, Math.floor(Date.now() / 1000)) });
    expect(tampered.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    // Only start-up's token check reached Slack: nothing was answered, opened or posted.
    expect(h.api.calls.map((c) => c.method)).toEqual(["auth.test"]);
  });

  it("refuses a signed request whose timestamp is more than 5 minutes ahead (or not a time at all) with 401", async () => {
    const body = new URLSearchParams({ command: "/mentor", text: "help", team_id: "T1", user_id: "U1", channel_id: "C1", response_url: h.api.responseUrl("future"), trigger_id: "t" }).toString();
    const now = Math.floor(Date.now() / 1000);
    for (const ts of [now + 600, now + 301, 1e20]) {
      const res = await h.post(body, "application/x-www-form-urlencoded", { timestamp: ts, signature: sign(body, ts) });
      expect(res.status, `timestamp ${ts}`).toBe(401);
    }
    for (const ts of ["1e3x", "", "NaN"]) {
      const res = await h.post(body, "application/x-www-form-urlencoded", { headers: { "x-slack-request-timestamp": ts }, signature: `v0=${"0".repeat(64)}` });
      expect(res.status, `timestamp "${ts}"`).toBe(401);
    }
    // Within the window either way is still fine (clocks drift a little).
    const soon = now + 120;
    const ok = await h.post(body, "application/x-www-form-urlencoded", { timestamp: soon, signature: sign(body, soon) });
    expect(ok.status).toBe(200);
    await h.api.waitFor(() => h.api.callsTo("response_url").length === 1, 3000, "the in-window request answered");
  });

  it("answers 400 to a validly signed body that is not an object, and keeps serving", async () => {
    for (const json of ["null", "[]", "42", "\"text\"", "true"]) {
      const res = await h.post(json, "application/json");
      expect(res.status, json).toBe(400);
    }
    const asPayload = await h.post(new URLSearchParams({ payload: "null" }).toString(), "application/x-www-form-urlencoded");
    expect(asPayload.status).toBe(400);
    // Objects, but not a shape Slack sends: a click without the person, an event without its channel, no type at all.
    const click = { type: "block_actions", team: { id: "T1" }, actions: [{ action_id: "help", type: "button" }], container: { type: "message" }, trigger_id: "t" };
    const noUser = await h.post(new URLSearchParams({ payload: JSON.stringify(click) }).toString(), "application/x-www-form-urlencoded");
    expect(noUser.status).toBe(400);
    const noChannel = await h.post(JSON.stringify({ type: "event_callback", team_id: "T1", event_id: "Ev9", event: { type: "app_mention", text: "hi", ts: "1.2" } }), "application/json");
    expect(noChannel.status).toBe(400);
    expect((await h.post(JSON.stringify({ hello: "world" }), "application/json")).status).toBe(400);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.api.calls.map((c) => c.method)).toEqual(["auth.test"]);
    // Slack's own checks still pass the gate: an unsigned ssl_check and a signed url_verification.
    const ssl = await fetch(h.eventsUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "ssl_check=1&token=x" });
    expect(ssl.status).toBe(200);
    const challenge = await h.post(JSON.stringify({ type: "url_verification", challenge: "c-123" }), "application/json");
    expect(await challenge.json()).toEqual({ challenge: "c-123" });
    // Still alive and answering.
    const { res, responseUrl } = await h.command("/mentor", "help");
    expect(res.status).toBe(200);
    expect(headerOf((await responses(responseUrl))[0])).toBe("What I can do");
  });

  it("accepts a correctly signed request", async () => {
    const { res, responseUrl } = await h.command("/mentor", "help");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(headerOf((await responses(responseUrl))[0])).toBe("What I can do");
  });
});

describe("slash commands: /mentor <subcommand> and the short forms", () => {
  it("/mentor compare and /compare: fields side by side, posted in the channel", async () => {
    for (const [cmd, text] of [["/mentor", "compare"], ["/compare", ""]] as const) {
      const { res, responseUrl } = await h.command(cmd, text);
      expect(res.status).toBe(200);
      const [r] = await responses(responseUrl);
      expect(headerOf(r)).toBe(`${short("ml-engineer")} vs ${short("ai-engineer")}`);
      expect(r!.body.response_type).toBe("in_channel");
      const blocks = r!.body.blocks as { type: string; fields?: { text: string }[] }[];
      const withFields = blocks.filter((b) => b.type === "section" && b.fields);
      expect(withFields.length).toBeGreaterThan(0);
      expect(withFields[0]!.fields!.map((f) => f.text.split("\n")[0])).toEqual([`*${short("ml-engineer")}*`, `*${short("ai-engineer")}*`]);
      expect(blocks.some((b) => b.type === "actions")).toBe(true);
      expect(typeof r!.body.text).toBe("string");
    }
  });

  it("/mentor compare with three roles and an aspect, and /compare with the same", async () => {
    for (const [cmd, text] of [["/mentor", "compare mle data scientist aie salary"], ["/compare", "mle data scientist aie salary"]] as const) {
      const { responseUrl } = await h.command(cmd, text);
      const [r] = await responses(responseUrl);
      expect(headerOf(r)).toBe(`${short("ml-engineer")} vs ${short("data-scientist")} vs ${short("ai-engineer")}: salary`);
    }
  });

  it("/mentor role and /role", async () => {
    for (const [cmd, text] of [["/mentor", "role mlops skills"], ["/role", "mlops skills"]] as const) {
      const { responseUrl } = await h.command(cmd, text);
      expect(headerOf((await responses(responseUrl))[0])).toBe(`${core.kb.role("mlops-engineer").name}: skills`);
    }
  });

  it("/mentor ask and /ask answer a question in the person's words", async () => {
    for (const [cmd, text] of [["/mentor", "ask what is RAG?"], ["/ask", "what is RAG?"]] as const) {
      const { responseUrl } = await h.command(cmd, text);
      expect(headerOf((await responses(responseUrl))[0])).toBe(core.kb.term("rag")!.term);
    }
  });

  it("/mentor path: a learning path, and a move between two roles", async () => {
    const one = await h.command("/mentor", "path ai engineer");
    expect(headerOf((await responses(one.responseUrl))[0])).toBe(`Learning path: ${core.kb.role("ai-engineer").name}`);
    const move = await h.command("/mentor", "path data analyst ml engineer");
    expect(headerOf((await responses(move.responseUrl))[0])).toBe(`${short("data-analyst")} → ${short("ml-engineer")}`);
  });

  it("/mentor resources and /mentor glossary", async () => {
    const res = await h.command("/mentor", "resources ai engineer");
    const [r] = await responses(res.responseUrl);
    expect(headerOf(r)).toBe(`Resources for ${short("ai-engineer")}s`);
    expect(blocksText(r!.body.blocks)).toMatch(/• <https?:\/\/[^|>]+\|[^>]+>/);
    expect(r!.body.unfurl_links).toBe(false);
    const term = await h.command("/mentor", "glossary mlops");
    expect(headerOf((await responses(term.responseUrl))[0])).toBe(core.kb.term("mlops")!.term);
  });

  it("/mentor forget answers ephemerally", async () => {
    const { responseUrl } = await h.command("/mentor", "forget");
    const [r] = await responses(responseUrl);
    expect(r!.body.response_type).toBe("ephemeral");
    expect(callText(r)).toMatch(/deleted everything I stored about you on Slack/);
  });

  it("/mentor forget also drops what the process remembers about the person (their DM channel), and no one else's", async () => {
    await h.event("message-im", { user: "UFORGET", channel: "DFORGET" });
    await h.command("/quiz", "", { user_id: "UKEEP" });
    await h.api.waitFor(() => h.adapter.heldInMemoryAbout("UFORGET").length > 0 && h.adapter.heldInMemoryAbout("UKEEP").length > 0, 3000, "both DMs remembered");
    const { responseUrl } = await h.command("/mentor", "forget", { user_id: "UFORGET" });
    await responses(responseUrl);
    await expect.poll(() => h.adapter.heldInMemoryAbout("UFORGET"), { timeout: 2000 }).toEqual([]);
    expect(h.adapter.heldInMemoryAbout("UKEEP")).toEqual(["T1:UKEEP"]);
  });

  it("/mentor quiz and /quiz in a channel: an ephemeral note there, the first question in the DM", async () => {
    for (const [cmd, text, user] of [["/mentor", "quiz", "U7"], ["/quiz", "", "U8"]] as const) {
      const { responseUrl } = await h.command(cmd, text, { user_id: user });
      const [note] = await responses(responseUrl);
      expect(note!.body.response_type).toBe("ephemeral");
      expect(String(note!.body.text)).toMatch(/^The quiz runs in <slack:\/\/app\?team=T1&amp;id=A1&amp;tab=messages\|our direct messages>/);
      const opened = h.api.callsTo("conversations.open").find((c) => c.body.users === user);
      expect(opened?.auth).toBe("Bearer xoxb-test");
      const question = h.api.callsTo("chat.postMessage").find((c) => c.body.channel === `D${user}`);
      expect(callText(question)).toMatch(/Question 1 of \d+/);
      expect(question!.error).toBeUndefined();
    }
  });

  it("/mentor help, /mentor alone and an unknown subcommand all show the help with /mentor commands", async () => {
    for (const text of ["help", "", "bananas split"]) {
      const { responseUrl } = await h.command("/mentor", text);
      const [r] = await responses(responseUrl);
      expect(headerOf(r)).toBe("What I can do");
      const shown = blocksText(r!.body.blocks);
      for (const c of COMMANDS) expect(shown).toContain(`/mentor ${c.name}`);
    }
  });

  it("every reply sent so far is within Block Kit's limits (the fake refuses anything else)", async () => {
    await h.command("/compare", "mle aie data engineer");
    await h.api.waitFor(() => h.api.callsTo("response_url").length >= 1);
    expect(h.api.calls.filter((c) => c.error)).toEqual([]);
  });
});

describe("acknowledge first, answer after", () => {
  it("the HTTP response (the ack) comes back before the core has answered", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow: Core = { ...core, mentor: { ...core.mentor, handle: async (e) => { await gate; return core.mentor.handle(e); } } };
    await h.close();
    h = await startHttpHarness({ core: slow });
    const started = Date.now();
    const { res, responseUrl } = await h.command("/role", "ml engineer");
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.api.callsTo("response_url")).toEqual([]);
    release();
    expect(headerOf((await responses(responseUrl))[0])).toBe(core.kb.role("ml-engineer").name);
  });

  it("a click is acknowledged only once its answer is handled (saved), then the reply is delivered", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let handled = false;
    const slow: Core = { ...core, mentor: { ...core.mentor, handle: async (e) => { await gate; const t = await core.mentor.handle(e); handled = true; return t; } } };
    await h.close();
    h = await startHttpHarness({ core: slow });
    const user = unique("UK");
    const over = { user: { id: user, username: "k", team_id: "T1" }, channel: { id: `D${user}`, name: "directmessage" }, container: { type: "message", message_ts: "1700000000.000500", channel_id: `D${user}`, is_ephemeral: false } };
    let acked = false;
    const clicked = h.click("help", over).then((r) => { acked = true; expect(handled).toBe(true); return r; });
    await new Promise((r) => setTimeout(r, 200));
    expect(acked).toBe(false);
    release();
    const { res } = await clicked;
    expect(res.status).toBe(200);
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === `D${user}`));
  });

  it("a click whose handling is slow is still acknowledged by the deadline", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow: Core = { ...core, mentor: { ...core.mentor, handle: async (e) => { await gate; return core.mentor.handle(e); } } };
    await h.close();
    h = await startHttpHarness({ core: slow, ackDeadlineMs: 250 });
    const user = unique("UL");
    const started = Date.now();
    const { res } = await h.click("help", { user: { id: user, username: "l", team_id: "T1" }, channel: { id: `D${user}`, name: "directmessage" }, container: { type: "message", message_ts: "1700000000.000600", channel_id: `D${user}`, is_ephemeral: false } });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(2000);
    release();
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === `D${user}`));
  });

  it("an unacknowledged request gets Bolt's 404 after unhandledRequestTimeoutMillis", async () => {
    await h.close();
    h = await startHttpHarness({ core, unhandledRequestTimeoutMillis: 300 });
    // No listener handles view_submission: nothing acks it.
    const payload = { type: "view_submission", team: { id: "T1" }, user: { id: "U1" }, api_app_id: "A1", trigger_id: "t", view: { id: "V1", callback_id: "unknown", type: "modal", state: { values: {} } } };
    const started = Date.now();
    const res = await h.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
    expect(res.status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});

describe("nothing lost at a crash", () => {
  it("a typed answer after a question that never went out shows that question first, and is not recorded", async () => {
    const user = unique("UC");
    const dm = `D${user}`;
    const posted = () => h.api.callsTo("chat.postMessage").filter((c) => c.body.channel === dm && !c.error);
    const numberOf = (c: RecordedCall | undefined) => Number(/Question (\d+) of \d+/.exec(callText(c))?.[1] ?? NaN);
    await h.command("/quiz", "", { user_id: user, channel_id: "C1" });
    await h.api.waitFor(() => posted().length === 1, 3000, "question 1");
    let ts = 1700000300;
    const type = async (text: string, n: number) => {
      await h.event("message-im", { user, channel: dm, text, ts: `${++ts}.000100` });
      await h.api.waitFor(() => h.api.calls.filter((c) => c.method === "chat.postMessage" || c.method === "chat.postEphemeral").length >= n, 3000, `reply to "${text}"`);
    };
    const sends = () => h.api.calls.filter((c) => c.method === "chat.postMessage" || c.method === "chat.postEphemeral").length;
    // The answer to question 1 is saved, but question 2 never reaches the person (Slack refused the post).
    h.api.failNext("chat.postMessage", "internal_error");
    await type("1", sends() + 2); // the failed post and the "Something went wrong" note
    expect(posted()).toHaveLength(1);
    // Their next typed answer would have landed on question 2: question 2 is shown instead.
    await type("2", sends() + 1);
    expect(numberOf(posted().at(-1))).toBe(2);
    expect(callText(posted().at(-1))).toMatch(/did not reach you/);
    // Now that they have seen it, the answer counts.
    await type("2", sends() + 1);
    expect(numberOf(posted().at(-1))).toBe(3);
  });
});

describe("errors", () => {
  it("a failure becomes an ephemeral 'Something went wrong (ref …)' and a logged error with the same ref", async () => {
    const broken: Core = { ...core, mentor: { ...core.mentor, handle: async () => { throw new Error("knowledge on fire"); } } };
    await h.close();
    h = await startHttpHarness({ core: broken });
    const { responseUrl } = await h.command("/mentor", "role ml engineer");
    const [r] = await responses(responseUrl);
    expect(r!.body.response_type).toBe("ephemeral");
    const ref = /Something went wrong \(ref ([0-9a-f]{8})\)/.exec(String(r!.body.text))?.[1];
    expect(ref).toBeDefined();
    const logged = h.logs.find((l) => l.ref === ref);
    expect(logged?.level).toBe(50);
    expect(JSON.stringify(logged)).toContain("knowledge on fire");
    expect(String(r!.body.text)).not.toContain("knowledge on fire");
  });

  it("a Web API error while answering is reported the same way", async () => {
    h.api.failNext("chat.postMessage", "channel_not_found");
    const { responseUrl } = await h.command("/quiz", "", { user_id: "U9" });
    const [r] = await responses(responseUrl);
    expect(String(r!.body.text)).toMatch(/^Something went wrong \(ref [0-9a-f]{8}\)/);
    expect(h.logs.some((l) => l.level === 50 && JSON.stringify(l).includes("channel_not_found"))).toBe(true);
  });
});

describe("start-up", () => {
  it("a bot token Slack rejects stops start-up with an error naming SLACK_BOT_TOKEN, and nothing listens", async () => {
    const api = new FakeSlackApi();
    await api.start();
    try {
      api.failNext("auth.test", "invalid_auth");
      const adapter = createSlackAdapter({ core, config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, mode: "http", port: 0, apiUrl: api.apiUrl }, logger: capturingLogger().logger, host: "127.0.0.1", clientOptions: { retryConfig: { retries: 0 } } });
      const failed = await adapter.start().then(() => undefined, (e: unknown) => e);
      expect(failed).toBeInstanceOf(ConfigError);
      expect((failed as Error).message).toBe("Slack rejected SLACK_BOT_TOKEN (invalid_auth).");
      expect(adapter.port).toBeUndefined();
      await adapter.stop();
    } finally {
      await api.stop();
    }
  });
});

describe("stop", () => {
  it("lets an answer under way finish before it resolves", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow: Core = { ...core, mentor: { ...core.mentor, handle: async (e) => { await gate; return core.mentor.handle(e); } } };
    await h.close();
    h = await startHttpHarness({ core: slow });
    const { responseUrl } = await h.command("/mentor", "glossary rag");
    let stopped = false;
    const stopping = h.adapter.stop().then(() => { stopped = true; });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(h.api.callsTo("response_url").map((c) => c.path)).toEqual([new URL(responseUrl).pathname]);
    await h.api.stop();
    h = { ...h, close: async () => undefined };
  });

  it("listens with a backlog of LISTEN_BACKLOG (capped by the kernel's somaxconn), not Node's 511", () => {
    let listing: string;
    try {
      listing = execFileSync("ss", ["-ltnH", `sport = :${h.adapter.port}`], { encoding: "utf8" });
    } catch {
      return; // no ss (not Linux): nothing to read the backlog with
    }
    const somaxconn = Number(readFileSync("/proc/sys/net/core/somaxconn", "utf8"));
    // For a listening socket, ss's Send-Q column is the backlog it was given.
    const sendQ = Number(listing.trim().split(/\s+/)[2]);
    expect(sendQ).toBe(Math.min(LISTEN_BACKLOG, somaxconn));
    expect(sendQ).toBeGreaterThan(511);
  });

  it("closes the HTTP listener", async () => {
    const url = h.eventsUrl;
    await h.adapter.stop();
    await expect(fetch(url, { method: "POST", body: "x" })).rejects.toThrow();
    // close() again must not throw on an already-stopped adapter.
    await h.api.stop();
    h = { ...h, close: async () => undefined };
  });
});

describe("clicks that are not for this message: the refusal goes to the clicker, ephemeral, and the question stays", () => {
  const dmClick = (user: string, ts: string) => ({
    user: { id: user, username: "q", team_id: "T1" },
    channel: { id: `D${user}`, name: "directmessage" },
    container: { type: "message", message_ts: ts, channel_id: `D${user}`, is_ephemeral: false },
  });

  /** Start a quiz in the person's DM; its first question's ts and answer ids. */
  async function startQuiz(user: string): Promise<{ ts: string; answers: string[] }> {
    await h.command("/quiz", "", { user_id: user, channel_id: "C1" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === `D${user}`), 3000, "the first question");
    const q = h.api.callsTo("chat.postMessage").find((c) => c.body.channel === `D${user}`)!;
    return { ts: String(q.response!.ts), answers: buttonsOf(q).filter((b) => b.id.startsWith("quiz:a:")).map((b) => b.id) };
  }

  /** After one click: the ephemeral answer on its response_url, and nothing updated or posted meanwhile. */
  async function clickAndRead(id: string, over: Record<string, unknown>): Promise<RecordedCall> {
    const before = h.api.calls.length;
    const { responseUrl } = await h.click(id, over);
    const [r] = await responses(responseUrl);
    await new Promise((done) => setTimeout(done, 50));
    const since = h.api.calls.slice(before).map((c) => c.method);
    expect(since.filter((m) => m === "chat.update" || m === "chat.postMessage"), id).toEqual([]);
    expect(r!.body.response_type).toBe("ephemeral");
    expect(r!.body.replace_original).toBe(false);
    return r!;
  }

  it("a forged owner, an earlier run and a garbled index on one's own question are answered privately; the question is not replaced", async () => {
    const user = unique("UF");
    const { ts, answers } = await startQuiz(user);
    const [, run, owner, item] = /^quiz:a:([^:]+):([^:]+):([^:]+):/.exec(answers[0]!)!;
    const foreign = await clickAndRead(`quiz:a:${run}:00000000:${item}:0`, dmClick(user, ts));
    expect(callText(foreign)).toMatch(/belongs to someone else/);
    const earlier = await clickAndRead(`quiz:a:ffffffffff:${owner}:${item}:0`, dmClick(user, ts));
    expect(callText(earlier)).toMatch(/earlier quiz/);
    const garbled = await clickAndRead(`quiz:a:${run}:${owner}:${item}:0x1`, dmClick(user, ts));
    expect(callText(garbled)).toMatch(/no longer valid/);
    // The real answer still updates the question in place.
    const before = h.api.calls.length;
    await h.click(answers[0]!, dmClick(user, ts));
    await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "chat.update"));
  });

  it("someone else's quiz button in a channel: a private refusal there, nothing posted in anyone's DM", async () => {
    const alice = unique("UA");
    const { answers } = await startQuiz(alice);
    const bob = unique("UB");
    const r = await clickAndRead(answers[0]!, {
      user: { id: bob, username: "b", team_id: "T1" },
      channel: { id: "C1", name: "careers" },
      container: { type: "message", message_ts: "1700000000.000900", channel_id: "C1", is_ephemeral: false },
    });
    expect(callText(r)).toMatch(/belongs to someone else/);
  });

  it("a rate-limited quiz click is answered privately and leaves the question and its buttons in place", async () => {
    const limited = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: pino({ level: "silent" }), perMinute: 2 });
    await h.close();
    h = await startHttpHarness({ core: limited });
    const user = unique("UR");
    const { ts, answers } = await startQuiz(user); // 1 of 2
    const before = h.api.calls.length;
    await h.click(answers[0]!, dmClick(user, ts)); // 2 of 2: answered in place
    await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "chat.update"));
    const update = h.api.calls.slice(before).find((c) => c.method === "chat.update")!;
    const next = buttonsOf(update).find((b) => b.id.startsWith("quiz:a:"))!.id;
    const r = await clickAndRead(next, dmClick(user, ts));
    expect(callText(r)).toMatch(/faster than I can answer/);
  });

  it("a quiz click while the store is away gets 'try again' privately, and the question keeps its buttons for the retry", async () => {
    /** A store that is unreachable while `away` (as RedisStore is while Redis restarts). */
    class FlakyStore extends MemoryStore {
      away = false;
      override async get<T>(key: string) { if (this.away) throw new StoreUnavailableError(new Error("down")); return super.get<T>(key); }
      override async set<T>(key: string, value: T, o?: Parameters<MemoryStore["set"]>[2]) { if (this.away) throw new StoreUnavailableError(new Error("down")); return super.set(key, value, o); }
    }
    const store = new FlakyStore();
    await h.close();
    h = await startHttpHarness({ core: createCore({ knowledgeDir: "knowledge", store, logger: pino({ level: "silent" }), perMinute: 100 }) });
    const user = unique("US");
    const { ts, answers } = await startQuiz(user);
    store.away = true;
    const r = await clickAndRead(answers[0]!, dmClick(user, ts));
    expect(callText(r)).toContain(STORE_AWAY_TEXT);
    store.away = false;
    const before = h.api.calls.length;
    await h.click(answers[0]!, dmClick(user, ts));
    await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "chat.update"));
    const update = h.api.calls.slice(before).find((c) => c.method === "chat.update")!;
    expect(blocksText(update.body.blocks)).toMatch(/Question 2 of/);
  });
});
