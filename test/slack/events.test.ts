// Events API over the real Bolt app: mentions answered in their thread, DMs
// as a conversation, bots (the app included) ignored, retries handled once,
// and user text that can never ping anyone.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import type { Mentor } from "../../src/core/mentor.ts";
import { reply } from "../../src/core/reply.ts";
import { slackTestCore, startHttpHarness, unique, type HttpHarness } from "./harness.ts";
import { blocksText, buttonsOf, callText, headerOf } from "./slack-text.ts";

let core: Core;
let h: HttpHarness;
beforeAll(() => { core = slackTestCore(); });
beforeEach(async () => { h = await startHttpHarness({ core }); });
afterEach(async () => { await h.close(); });

const short = (id: Parameters<Core["kb"]["role"]>[0]) => core.kb.role(id).short;
const settle = () => new Promise((r) => setTimeout(r, 150));

describe("app_mention", () => {
  it("is answered in the thread of the mention, with a quiz button and a note to mention the app again", async () => {
    const res = await h.event("app-mention", { text: "<@UBOT> ML engineer vs AI engineer?", ts: "1700000000.000100" });
    expect(res.status).toBe(200);
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    const [answer] = h.api.callsTo("chat.postMessage");
    expect(answer!.body).toMatchObject({ channel: "C1", thread_ts: "1700000000.000100" });
    expect(headerOf(answer)).toBe(`${short("ml-engineer")} vs ${short("ai-engineer")}`);
    expect(buttonsOf(answer).map((b) => b.id)).toContain("quiz:start");
    expect(blocksText(answer!.body.blocks)).toContain("Follow-up questions: mention <@UBOT> again in this thread.");
    expect(answer!.body.link_names).toBeUndefined();
  });

  it("a follow-up mention inside the thread is answered there, using the thread's context", async () => {
    await h.event("app-mention", { text: "<@UBOT> tell me about MLOps engineers", ts: "1700000000.000200" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    await h.event("app-mention", { text: "<@UBOT> and the salary?", ts: "1700000000.000300", thread_ts: "1700000000.000200" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 2);
    const second = h.api.callsTo("chat.postMessage")[1]!;
    expect(second.body.thread_ts).toBe("1700000000.000200");
    expect(headerOf(second)).toBe(`${core.kb.role("mlops-engineer").name}: salary`);
    // Only a new thread gets the how-to-follow-up note.
    expect(blocksText(second.body.blocks)).not.toContain("Follow-up questions");
  });

  it("a mention asking for the quiz starts it in the DM and says so, ephemerally, in the thread", async () => {
    await h.event("app-mention", { user: "UM", text: "<@UBOT> quiz me", ts: "1700000000.000400" });
    await h.api.waitFor(() => h.api.callsTo("chat.postEphemeral").length >= 1);
    const question = h.api.callsTo("chat.postMessage").find((c) => c.body.channel === "DUM");
    expect(callText(question)).toMatch(/Question 1 of \d+/);
    const [note] = h.api.callsTo("chat.postEphemeral");
    expect(note!.body).toMatchObject({ channel: "C1", user: "UM", thread_ts: "1700000000.000400" });
    expect(String(note!.body.text)).toMatch(/The quiz runs in/);
    expect(h.api.callsTo("chat.postMessage").filter((c) => c.body.channel === "C1")).toEqual([]);
  });

  it("mentions by other bots are ignored", async () => {
    await h.event("app-mention", { bot_id: "BOTHER", user: "UOTHERBOT", text: "<@UBOT> compare", ts: "1700000000.000500" });
    await settle();
    expect(h.api.messages()).toEqual([]);
  });
});

describe("direct messages", () => {
  it("are a conversation with the mentor, answered in the DM", async () => {
    await h.event("message-im", { text: "what is RAG?" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    const [answer] = h.api.callsTo("chat.postMessage");
    expect(answer!.body.channel).toBe("DU1");
    expect(answer!.body.thread_ts).toBeUndefined();
    expect(headerOf(answer)).toBe(core.kb.term("rag")!.term);
    // The follow-up uses the DM's context.
    await h.event("message-im", { text: "tell me about ai engineers", ts: "1700000002.000100" });
    await h.event("message-im", { text: "and the tools?", ts: "1700000003.000100" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 3);
    expect(headerOf(h.api.callsTo("chat.postMessage")[2])).toBe(`${core.kb.role("ai-engineer").name}: tools`);
  });

  it("ignore bots, the app's own messages, edits and other channels; people are answered", async () => {
    await h.event("message-im", { bot_id: "BOTHER", subtype: "bot_message", user: undefined, text: "what is RAG?" });
    await h.event("message-im", { bot_id: "BBOT", user: "UBOT", text: "what is RAG?", app_id: "A1" });
    await h.event("message-im", { subtype: "message_changed", text: undefined, message: { text: "what is RAG?", user: "U1" } });
    await h.event("message-im", { channel_type: "channel", channel: "C1", text: "what is RAG?" });
    await settle();
    expect(h.api.messages()).toEqual([]);
    await h.event("message-im", { text: "what is RAG?" });
    await h.api.waitFor(() => h.api.messages().length >= 1);
    await settle();
    expect(h.api.messages()).toHaveLength(1);
  });

  it("a file shared with a comment is answered like a message", async () => {
    await h.event("message-im", { subtype: "file_share", text: "what is RAG?", files: [{ id: "F1", name: "cv.pdf" }] });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    expect(headerOf(h.api.callsTo("chat.postMessage")[0])).toBe(core.kb.term("rag")!.term);
  });

  it("a failure while answering tells the person ephemerally in the DM, with a ref that is logged", async () => {
    h.api.failNext("chat.postMessage", "msg_too_long");
    await h.event("message-im", { text: "what is RAG?" });
    await h.api.waitFor(() => h.api.callsTo("chat.postEphemeral").length >= 1);
    const [note] = h.api.callsTo("chat.postEphemeral");
    expect(note!.body).toMatchObject({ channel: "DU1", user: "U1" });
    const ref = /Something went wrong \(ref ([0-9a-f]{8})\)/.exec(String(note!.body.text))?.[1];
    expect(h.logs.some((l) => l.ref === ref && l.level === 50)).toBe(true);
  });
});

describe("retries", () => {
  it("a retried event (same event_id, X-Slack-Retry-Num) is handled once", async () => {
    const eventId = unique("EvRetry");
    await h.event("message-im", { text: "what is MLOps?" }, { event_id: eventId });
    await h.event("message-im", { text: "what is MLOps?" }, { event_id: eventId }, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await h.event("message-im", { text: "what is MLOps?" }, { event_id: eventId }, { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" });
    await h.api.waitFor(() => h.api.messages().length >= 1);
    await settle();
    expect(h.api.callsTo("chat.postMessage")).toHaveLength(1);
    const ignored = h.logs.filter((l) => l.msg === "slack redelivery ignored");
    expect(ignored.map((l) => [l.retryNum, l.retryReason])).toEqual([[1, "http_timeout"], [2, "http_timeout"]]);
  });

  it("a retry reaching a restarted process is still handled once (the core remembers the event id)", async () => {
    const eventId = unique("EvRestart");
    await h.event("app-mention", { text: "<@UBOT> what is RAG?" }, { event_id: eventId });
    await h.api.waitFor(() => h.api.messages().length >= 1);
    await h.close();
    h = await startHttpHarness({ core }); // same core and store, new adapter
    await h.event("app-mention", { text: "<@UBOT> what is RAG?" }, { event_id: eventId }, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_error" });
    await settle();
    expect(h.api.messages()).toEqual([]);
  });
});

describe("user text never pings anyone", () => {
  // As Slack delivers what a person typed: special mentions as <!…>, user mentions as <@…>, & < > escaped.
  const INJECTION = "<!channel> <!here> <@U123> &amp;&lt;&gt; <!subteam^S1|@admins>";
  const RAW = ["<!channel>", "<!here>", "<@U123>", "<!subteam^S1|@admins>"];

  /** Every mrkdwn surface of a message: the text fallback, sections, fields, context. */
  function mrkdwnSurfaces(body: Record<string, unknown>): string[] {
    const out = [String(body.text ?? "")];
    for (const b of (body.blocks as Record<string, unknown>[] | undefined) ?? []) {
      const texts = [b.text, ...((b.fields as unknown[]) ?? []), ...(b.type === "context" ? (b.elements as unknown[]) : [])] as ({ type: string; text: string } | undefined)[];
      for (const t of texts) if (t && t.type === "mrkdwn") out.push(t.text);
      if (b.type === "header") expect((b.text as { type: string }).type).toBe("plain_text");
      if (b.type === "actions") for (const e of b.elements as { text: { type: string } }[]) expect(e.text.type).toBe("plain_text");
    }
    return out;
  }

  it("the real mentor's answer to injection text contains no live mention and no link_names", async () => {
    await h.event("message-im", { text: INJECTION });
    await h.event("app-mention", { text: `<@UBOT> ${INJECTION}` });
    await h.command("/ask", "<!channel> what is RAG &amp; <@U123>?");
    await h.api.waitFor(() => h.api.messages().length >= 3);
    for (const call of h.api.messages()) {
      const json = JSON.stringify(call.body);
      for (const raw of RAW) expect(json).not.toContain(raw);
      expect(call.body.link_names).toBeUndefined();
      expect(call.body.parse).toBeUndefined();
    }
  });

  it("echoed text is escaped in every block type and the fallback (mentor echoing on purpose)", async () => {
    let seen = "";
    const echo: Mentor = {
      answerStateless: core.mentor.answerStateless,
      help: core.mentor.help,
      settings: core.mentor.settings,
      forgetCommunity: core.mentor.forgetCommunity,
      handle: async (e) => {
        const text = e.kind === "message" ? e.text : e.kind === "command" ? e.args ?? "" : "";
        seen = text;
        return {
          replies: [reply([
            { type: "quote", text },
            { type: "text", text: `You said: ${text}` },
            { type: "fields", title: text, fields: [{ label: text, value: text }, { label: "b", value: text }] },
            { type: "list", title: text, items: [text, text] },
            { type: "links", title: text, links: [{ label: text, url: "https://example.com/?a=1&b=2", note: text }] },
            { type: "context", text },
            { type: "bars", title: text, bars: [{ label: text, value: 50 }] },
          ], [{ id: "help", label: text.slice(0, 80) }])],
        };
      },
    };
    await h.close();
    h = await startHttpHarness({ core: { ...core, mentor: echo } });
    await h.event("message-im", { text: INJECTION });
    await h.api.waitFor(() => h.api.messages().length >= 1);
    // The core got plain text: mentions as @names, entities decoded.
    expect(seen).toBe("@channel @here @U123 &<> @admins");
    const [call] = h.api.messages();
    expect(call!.error).toBeUndefined();
    const surfaces = mrkdwnSurfaces(call!.body);
    for (const s of surfaces) {
      for (const raw of RAW) expect(s).not.toContain(raw);
      expect(s).not.toMatch(/<(?!https:\/\/example\.com\/\?a=1&amp;b=2\|)/); // the only "<" opens our own link
    }
    const all = surfaces.join("\n");
    expect(all).toContain("@channel @here @U123 &amp;&lt;&gt; @admins");
    expect(all).toContain("<https://example.com/?a=1&amp;b=2|@channel @here @U123 &amp;&lt;&gt; @admins>");
  });

  it("even raw control sequences in echoed text are neutralised", async () => {
    const echo: Mentor = {
      answerStateless: core.mentor.answerStateless,
      help: core.mentor.help,
      settings: core.mentor.settings,
      forgetCommunity: core.mentor.forgetCommunity,
      handle: async () => ({ replies: [reply([{ type: "quote", text: "<!channel> <@U123> <!here> & <https://evil.example|click>" }])] }),
    };
    await h.close();
    h = await startHttpHarness({ core: { ...core, mentor: echo } });
    await h.event("message-im", { text: "hi" });
    await h.api.waitFor(() => h.api.messages().length >= 1);
    const [call] = h.api.messages();
    for (const s of mrkdwnSurfaces(call!.body)) expect(s).not.toContain("<");
    expect(blocksText(call!.body.blocks)).toContain("> &lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt; &amp; &lt;https://evil.example|click&gt;");
  });
});
