// The quiz in Slack, end to end over the real Bolt app: /quiz in a channel
// moves to the DM, buttons update the question in place (chat.update), typed
// DM answers work too, the result arrives, and the App Home then shows it.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { slackTestCore, startHttpHarness, unique, type HttpHarness } from "./harness.ts";
import { blocksText, buttonsOf, callText, headerOf } from "./slack-text.ts";
import type { RecordedCall } from "./fakes/fake-slack-api.ts";

let core: Core;
let h: HttpHarness;
beforeAll(() => { core = slackTestCore(); });
beforeEach(async () => { h = await startHttpHarness({ core }); });
afterEach(async () => { await h.close(); });

/** The quiz message as the person sees it now: its ts and its latest content. */
interface Shown { ts: string; call: RecordedCall }

const isResult = (c: RecordedCall) => /^Your result: /.test(headerOf(c) ?? "");
const questionNumber = (c: RecordedCall) => Number(/Question (\d+) of \d+/.exec(blocksText(c.body.blocks))?.[1] ?? NaN);

describe("the quiz in the DM", () => {
  it("runs from /quiz in a channel through buttons and typed answers to the result, then App Home shows it", async () => {
    const user = unique("UQ");
    const dm = `D${user}`;
    const { responseUrl } = await h.command("/quiz", "", { user_id: user, channel_id: "C1" });
    const isNote = (c: RecordedCall) => c.method === "response_url" && c.path === new URL(responseUrl).pathname;
    await h.api.waitFor(() => h.api.calls.some(isNote));
    const note = h.api.calls.find(isNote);
    expect(note?.body.response_type).toBe("ephemeral");

    const first = h.api.callsTo("chat.postMessage").find((c) => c.body.channel === dm)!;
    expect(headerOf(first)).toBeTruthy(); // the quiz title
    expect(questionNumber(first)).toBe(1);
    let shown: Shown = { ts: String(first.response!.ts), call: first };
    let clicks = 0;
    let typed = 0;
    let wentBack = false;

    for (let step = 0; step < 40 && !isResult(shown.call); step++) {
      const before = h.api.calls.length;
      const answers = buttonsOf(shown.call).filter((b) => b.id.startsWith("quiz:a:"));
      expect(answers.length).toBeGreaterThanOrEqual(2);
      const n = questionNumber(shown.call);
      if (step === 2 && !wentBack) {
        // "Back" replaces the question with the previous one, in place.
        const back = buttonsOf(shown.call).find((b) => b.label === "Back")!;
        await h.click(back.id, { user: { id: user, username: "q", team_id: "T1" }, channel: { id: dm, name: "directmessage" }, container: { type: "message", message_ts: shown.ts, channel_id: dm, is_ephemeral: false } });
        await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "chat.update"));
        const update = h.api.calls.slice(before).find((c) => c.method === "chat.update")!;
        expect(update.body).toMatchObject({ channel: dm, ts: shown.ts });
        expect(questionNumber(update)).toBe(n - 1);
        shown = { ts: shown.ts, call: update };
        wentBack = true;
        continue;
      }
      if (step % 2 === 0) {
        // A click: the question message is updated in place with the next one.
        await h.click(answers[step % answers.length]!.id, {
          user: { id: user, username: "q", team_id: "T1" },
          channel: { id: dm, name: "directmessage" },
          container: { type: "message", message_ts: shown.ts, channel_id: dm, is_ephemeral: false },
        });
        await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "chat.update"));
        const update = h.api.calls.slice(before).find((c) => c.method === "chat.update")!;
        expect(update.body).toMatchObject({ channel: dm, ts: shown.ts });
        expect(h.api.calls.slice(before).filter((c) => c.method === "chat.postMessage")).toEqual([]);
        shown = { ts: shown.ts, call: update };
        clicks++;
      } else {
        // A typed answer in the DM: the next question comes as a new message.
        const res = await h.event("message-im", { user, channel: dm, text: String(1 + (step % answers.length)), ts: `${1700000100 + step}.000100` });
        expect(res.status).toBe(200);
        await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "chat.postMessage" && c.body.channel === dm));
        const posted = h.api.calls.slice(before).find((c) => c.method === "chat.postMessage" && c.body.channel === dm)!;
        expect(posted.body.thread_ts).toBeUndefined();
        shown = { ts: String(posted.response!.ts), call: posted };
        typed++;
      }
      if (!isResult(shown.call)) expect(blocksText(shown.call.body.blocks)).toMatch(/Question [1-9]\d* of \d+|One more to break the tie|Last question \(optional\)/);
    }

    expect(isResult(shown.call)).toBe(true);
    expect(clicks).toBeGreaterThanOrEqual(3);
    expect(typed).toBeGreaterThanOrEqual(3);
    const label = headerOf(shown.call)!.replace(/^Your result: /, "");
    expect(buttonsOf(shown.call).map((b) => b.label)).toContain("Retake the quiz");
    expect(blocksText(shown.call.body.blocks)).toMatch(/`[█░]{20}` \d+ {2}/); // the score bars
    expect(h.api.calls.filter((c) => c.error)).toEqual([]);

    // App Home now shows the result.
    await h.event("app-home-opened", { user, channel: dm });
    await h.api.waitFor(() => h.api.callsTo("views.publish").some((c) => c.body.user_id === user));
    const home = h.api.callsTo("views.publish").find((c) => c.body.user_id === user)!;
    const view = home.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(blocksText(view.blocks)).toContain(`*Your last quiz result:* ${label}`);
    expect(home.error).toBeUndefined();
  });

  it("a quiz button clicked in a channel thread starts the quiz in the DM and says so there", async () => {
    const user = unique("UT");
    const before = h.api.calls.length;
    await h.click("quiz:start", {
      user: { id: user, username: "t", team_id: "T1" },
      channel: { id: "C1", name: "careers" },
      container: { type: "message", message_ts: "1700000000.000300", channel_id: "C1", is_ephemeral: false },
      message: { type: "message", ts: "1700000000.000300", thread_ts: "1700000000.000100", text: "answer" },
    });
    await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "response_url"));
    const posted = h.api.calls.slice(before).find((c) => c.method === "chat.postMessage")!;
    expect(posted.body.channel).toBe(`D${user}`);
    expect(questionNumber(posted)).toBe(1);
    const note = h.api.calls.slice(before).find((c) => c.method === "response_url")!;
    expect(note.body.response_type).toBe("ephemeral");
    expect(String(note.body.text)).toBe("The quiz runs in <slack://app?team=T1&amp;id=A1&amp;tab=messages|our direct messages>; I've posted it there.");
  });

  it("/quiz in the DM itself runs there without a note, and a second /quiz offers to continue", async () => {
    const user = unique("UD");
    const dm = `D${user}`;
    await h.command("/mentor", "quiz", { user_id: user, channel_id: dm, channel_name: "directmessage" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === dm));
    await h.command("/quiz", "", { user_id: user, channel_id: dm, channel_name: "directmessage" });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").filter((c) => c.body.channel === dm).length >= 2);
    const second = h.api.callsTo("chat.postMessage").filter((c) => c.body.channel === dm)[1]!;
    expect(callText(second)).toMatch(/You have a quiz in progress/);
    expect(buttonsOf(second).map((b) => b.label)).toEqual(["Continue", "Start again"]);
    expect(h.api.callsTo("response_url")).toEqual([]);
  });
});

describe("App Home", () => {
  it("is published on app_home_opened with what the mentor can do and quiz and compare buttons", async () => {
    const user = unique("UH");
    await h.event("app-home-opened", { user, channel: `D${user}` });
    await h.api.waitFor(() => h.api.callsTo("views.publish").length >= 1);
    const [publish] = h.api.callsTo("views.publish");
    expect(publish!.auth).toBe("Bearer xoxb-test");
    expect(publish!.body.user_id).toBe(user);
    const view = publish!.body.view as { type: string; blocks: Record<string, unknown>[] };
    expect(view.type).toBe("home");
    const text = blocksText(view.blocks);
    expect(text).toContain("What I can do");
    expect(text).toContain("/mentor compare");
    expect(text).toMatch(/haven't taken the quiz yet/);
    const buttons = buttonsOf({ body: { blocks: view.blocks } } as unknown as RecordedCall);
    expect(buttons.map((b) => b.id)).toEqual(expect.arrayContaining(["quiz:start", "compare:ml-engineer+ai-engineer"]));
    expect(buttons[0]!.id).toBe("quiz:start");
  });

  it("is not published for the Messages tab", async () => {
    await h.event("app-home-opened", { tab: "messages" });
    await new Promise((r) => setTimeout(r, 100));
    await h.command("/mentor", "help"); // something that does answer, to know the event was processed first
    await h.api.waitFor(() => h.api.callsTo("response_url").length >= 1);
    expect(h.api.callsTo("views.publish")).toEqual([]);
  });

  it("buttons in App Home answer in the DM", async () => {
    const user = unique("UB");
    await h.click("compare:ml-engineer+ai-engineer", {
      user: { id: user, username: "b", name: "b", team_id: "T1" },
      container: { type: "view", view_id: "V1" },
      channel: undefined,
      message: undefined,
      response_url: undefined,
      view: { id: "V1", type: "home", blocks: [] },
    });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === `D${user}`));
    const answer = h.api.callsTo("chat.postMessage").find((c) => c.body.channel === `D${user}`)!;
    expect(headerOf(answer)).toBe(`${core.kb.role("ml-engineer").short} vs ${core.kb.role("ai-engineer").short}`);
  });
});
