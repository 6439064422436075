// Listening mode on Slack: in a thread the person already talks with the app
// (after a mention), a follow-up without a mention that starts the quiz, or
// answers it by typing, is not dropped: the quiz's messages go to the person's
// DM with the app (as /quiz and a mention do) and the thread gets an ephemeral
// note saying so; a follow-up about something else leaves the DM's quiz alone
// (as on Discord). Real Bolt against the fake Web API.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHttpHarness, type HttpHarness } from "./harness.ts";
import { blocksText } from "./slack-text.ts";

let h: HttpHarness;
beforeEach(async () => { h = await startHttpHarness(); });
afterEach(async () => h.close());

const posted = (channel: string) => h.api.callsTo("chat.postMessage").filter((c) => c.body.channel === channel);

describe("a follow-up heard in a listened thread", () => {
  it("that asks for the quiz gets its first question in the DM, then an answer typed in the thread moves it on (in the DM)", async () => {
    h.api.admins.add("UADMIN");
    const { responseUrl } = await h.command("/mentor", "config listening on <#C0LISTEN|careers>", { user_id: "UADMIN" });
    await h.api.waitFor(() => h.api.calls.some((c) => c.method === "response_url" && c.path === new URL(responseUrl).pathname));

    // A mention starts the conversation in its thread.
    const thread = "1700000600.000100";
    await h.event("app-mention", { user: "UQ1", channel: "C0LISTEN", text: "<@UBOT> what is RAG?", ts: thread });
    await h.api.waitFor(() => posted("C0LISTEN").length >= 1);

    // A follow-up there without a mention asks for the quiz.
    await h.event("message-im", { channel_type: "channel", user: "UQ1", channel: "C0LISTEN", text: "I want to take the quiz", ts: "1700000601.000100", thread_ts: thread });
    await h.api.waitFor(() => posted("DUQ1").length >= 1, 5000, "the quiz in the DM");
    expect(blocksText(posted("DUQ1")[0]!.body.blocks)).toMatch(/Question 1 of/);
    await h.api.waitFor(() => h.api.callsTo("chat.postEphemeral").some((c) => c.body.channel === "C0LISTEN"));
    const note = h.api.callsTo("chat.postEphemeral").find((c) => c.body.channel === "C0LISTEN")!;
    expect(note.body).toMatchObject({ user: "UQ1", thread_ts: thread });
    expect(String(note.body.text)).toMatch(/The quiz runs in .*direct messages/);
    // No question in the channel's thread.
    expect(posted("C0LISTEN").map((c) => blocksText(c.body.blocks)).join("\n")).not.toMatch(/Question \d/);

    // A typed answer in the thread continues the quiz: the next question goes to the DM too.
    await h.event("message-im", { channel_type: "channel", user: "UQ1", channel: "C0LISTEN", text: "1", ts: "1700000602.000100", thread_ts: thread });
    await h.api.waitFor(() => posted("DUQ1").length >= 2, 5000, "the second question in the DM");
    expect(blocksText(posted("DUQ1")[1]!.body.blocks)).toMatch(/Question 2 of/);
    expect(posted("C0LISTEN").map((c) => blocksText(c.body.blocks)).join("\n")).not.toMatch(/Question \d/);
    // The thread is told where it went on, as on Discord.
    const notes = () => h.api.callsTo("chat.postEphemeral").filter((c) => c.body.channel === "C0LISTEN" && c.body.user === "UQ1");
    await h.api.waitFor(() => notes().length >= 2, 5000, "a second note in the thread");
    expect(String(notes()[1]!.body.text)).toMatch(/The quiz runs in .*direct messages/);

    // A follow-up about something else is answered in the thread; the DM's quiz is left alone (no question sent again).
    await h.event("message-im", { channel_type: "channel", user: "UQ1", channel: "C0LISTEN", text: "what does a data engineer do?", ts: "1700000603.000100", thread_ts: thread });
    await h.api.waitFor(() => posted("C0LISTEN").length >= 2, 5000, "the follow-up answered in the thread");
    await new Promise((r) => setTimeout(r, 200));
    expect(posted("DUQ1")).toHaveLength(2);
    expect(notes()).toHaveLength(2);
  });
});
