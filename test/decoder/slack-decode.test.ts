// /mentor decode on Slack, through the fake Slack API: with text it answers
// like any command; without text it opens a modal with a 3,000-character
// multi-line input whose submission is decoded and answered in the DM.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { slackTestCore, startHttpHarness, unique, type HttpHarness } from "../slack/harness.ts";
import { headerOf } from "../slack/slack-text.ts";
import { posting } from "./fixtures.ts";

let core: Core;
let h: HttpHarness;
beforeAll(() => { core = slackTestCore(); });
beforeEach(async () => { h = await startHttpHarness({ core }); });
afterEach(async () => { await h.close(); });

const spotify = posting("spotify-sr-mle-conversational");
const text = `${spotify.title}\n${spotify.text}`.slice(0, 3000);

describe("/mentor decode on Slack", () => {
  it("without text opens a modal with one multi-line input of 3,000 characters", async () => {
    const { res } = await h.command("/mentor", "decode");
    expect(res.status).toBe(200);
    await h.api.waitFor(() => h.api.callsTo("views.open").length >= 1);
    const call = h.api.callsTo("views.open")[0]!;
    const view = typeof call.body.view === "string" ? JSON.parse(call.body.view as string) : call.body.view;
    expect(view.callback_id).toBe("decode-modal");
    expect(view.blocks[0].element).toMatchObject({ type: "plain_text_input", multiline: true, max_length: 3000 });
  });

  it("decodes what is submitted and answers in the DM", async () => {
    const payload = {
      type: "view_submission", team: { id: "T1" }, user: { id: "U1", name: "alex", team_id: "T1" }, api_app_id: "A1", trigger_id: unique("t"),
      view: { id: unique("V"), callback_id: "decode-modal", type: "modal", private_metadata: "C1", state: { values: { posting: { text: { type: "plain_text_input", value: text } } } } },
    };
    const res = await h.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    const answer = h.api.callsTo("chat.postMessage")[0]!;
    expect(String(answer.body.channel)).toMatch(/^D/);
    expect(headerOf(answer)).toBe("This posting is an AI engineer job");
  });

  it("a posting pasted into the DM is decoded without a command", async () => {
    await h.event("message-im", { text: `${spotify.title}\n${spotify.text}`.replace(/&/g, "&amp;") });
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").length >= 1);
    expect(headerOf(h.api.callsTo("chat.postMessage")[0])).toBe("This posting is an AI engineer job");
  });
});
