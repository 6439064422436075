// The quiz result card in Slack: after the result message, the PNG goes to
// the person's DM through the current upload flow (files.getUploadURLExternal,
// the bytes to the upload URL, files.completeUploadExternal), with the result
// in words as alt text; never through the retired files.upload. A failed
// upload leaves the result intact and says so in one line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { PNG } from "pngjs";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { CARD_FILENAME } from "../../src/quiz/card-files.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "../../src/quiz/card.ts";
import { startHttpHarness, unique, type HttpHarness } from "./harness.ts";
import { buttonsOf, headerOf } from "./slack-text.ts";
import type { RecordedCall } from "./fakes/fake-slack-api.ts";

const dir = mkdtempSync(join(tmpdir(), "slack-cards-"));
let core: Core;
let h: HttpHarness;
beforeAll(() => { core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: pino({ level: "silent" }), perMinute: 100_000, cardsDir: dir }); });
beforeEach(async () => { h = await startHttpHarness({ core }); });
afterEach(async () => { await h.close(); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isResult = (c: RecordedCall) => /^Your result: /.test(headerOf(c) ?? "");

/** /quiz from a channel, then clicks in the DM (each updating the question in place) until the result. */
async function quizToResult(user: string): Promise<{ dm: string; result: RecordedCall; from: number; ts: string }> {
  const dm = `D${user}`;
  await h.command("/quiz", "", { user_id: user, channel_id: "C1" });
  await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === dm));
  let shown = h.api.callsTo("chat.postMessage").find((c) => c.body.channel === dm)!;
  const ts = String(shown.response!.ts);
  for (let step = 0; step < 30 && !isResult(shown); step++) {
    const before = h.api.calls.length;
    const answers = buttonsOf(shown).filter((b) => b.id.startsWith("quiz:a:"));
    await h.click(answers[step % answers.length]!.id, {
      user: { id: user, username: "q", team_id: "T1" },
      channel: { id: dm, name: "directmessage" },
      container: { type: "message", message_ts: ts, channel_id: dm, is_ephemeral: false },
    });
    // Generous: the last click renders the card first (on a loaded machine, seconds).
    await h.api.waitFor(() => h.api.calls.slice(before).some((c) => c.method === "chat.update"), 20_000);
    shown = h.api.calls.slice(before).find((c) => c.method === "chat.update")!;
  }
  expect(isResult(shown), "the quiz reached a result").toBe(true);
  return { dm, result: shown, from: h.api.calls.indexOf(shown), ts };
}

describe("the result card in Slack", () => {
  it("uploads the card to the DM after the result, through getUploadURLExternal + completeUploadExternal", async () => {
    const user = unique("UCARD");
    const { dm, from } = await quizToResult(user);
    await h.api.waitFor(() => h.api.files.length > 0, 20_000, "the card upload");
    const after = h.api.calls.slice(from).map((c) => c.method);
    expect(after).toEqual(["chat.update", "files.getUploadURLExternal", "file_upload", "files.completeUploadExternal"]);
    expect(h.api.callsTo("files.upload")).toEqual([]);

    const [ask] = h.api.callsTo("files.getUploadURLExternal");
    expect(ask!.auth).toBe("Bearer xoxb-test");
    expect(ask!.body.filename).toBe(CARD_FILENAME);
    expect(String(ask!.body.alt_text)).toMatch(/^Role Mentor quiz result: .+Scores out of 100: ML engineer \d+/);
    expect(String(ask!.body.alt_text)).not.toContain(user);

    const [upload] = h.api.callsTo("file_upload");
    const png = PNG.sync.read(upload!.bytes!);
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(Number(ask!.body.length)).toBe(upload!.bytes!.length);

    expect(h.api.files).toHaveLength(1);
    expect(h.api.files[0]).toMatchObject({ channel: dm, filename: CARD_FILENAME, title: "Your quiz result" });
    expect(h.api.calls.filter((c) => c.error)).toEqual([]);
  });

  it("when the upload is refused (an install without files:write), the result stands and one line says the picture is missing", async () => {
    const user = unique("UCARDX");
    h.api.failNext("files.getUploadURLExternal", "missing_scope");
    const { dm, from } = await quizToResult(user);
    await h.api.waitFor(() => h.api.calls.slice(from).some((c) => c.method === "chat.postMessage" && c.body.channel === dm), 5000, "the note");
    const note = h.api.calls.slice(from).find((c) => c.method === "chat.postMessage")!;
    expect(String(note.body.text)).toMatch(/couldn't attach the picture of your result/);
    expect(h.api.files).toEqual([]);
    // No "Something went wrong": the result was delivered.
    expect(h.api.messages().some((c) => /Something went wrong/.test(JSON.stringify(c.body)))).toBe(false);
    expect(h.logs.some((l) => (l.level as number) >= 50)).toBe(false);
    expect(h.logs.some((l) => l.level === 40 && /quiz result card not uploaded: .*missing_scope/.test(String(l.msg)))).toBe(true);
  });

  const clickShare = async (user: string, dm: string, ts: string, result: RecordedCall) => {
    const share = buttonsOf(result).find((b) => b.label === "Share to channel");
    expect(share, "offered: the quiz was asked for in C1").toBeDefined();
    await h.click(share!.id, {
      user: { id: user, username: "q", team_id: "T1" },
      channel: { id: dm, name: "directmessage" },
      container: { type: "message", message_ts: ts, channel_id: dm, is_ephemeral: false },
    });
  };

  it("Share to channel posts the card with one line in the channel the quiz was asked for in, only on the click", async () => {
    const user = unique("USHARE");
    const { dm, result, ts } = await quizToResult(user);
    await h.api.waitFor(() => h.api.files.length === 1, 20_000, "the DM card");
    expect(h.api.files[0]!.channel).toBe(dm);
    expect(h.api.calls.some((c) => c.body.channel === "C1" || c.body.channel_id === "C1"), "nothing in C1 before the click").toBe(false);

    await clickShare(user, dm, ts, result);
    await h.api.waitFor(() => h.api.files.length === 2, 5000, "the shared card");
    const shared = h.api.files[1]!;
    expect(shared).toMatchObject({ channel: "C1", filename: CARD_FILENAME });
    expect(PNG.sync.read(shared.bytes!).width).toBe(CARD_WIDTH);
    const complete = h.api.callsTo("files.completeUploadExternal").at(-1)!;
    expect(String(complete.body.initial_comment)).toMatch(/^A Role Mentor quiz result: .+\. Take the quiz yourself with \/quiz\.$/);
    expect(String(complete.body.initial_comment)).not.toContain(user);
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === dm && /Shared your result card in <#C1>/.test(String(c.body.text))), 3000, "the DM note");
    expect(h.api.calls.filter((c) => c.error)).toEqual([]);
  });

  it("Share to channel where the app is not a member says so in the DM and can be tried again", async () => {
    const user = unique("USHAREX");
    const { dm, result, ts } = await quizToResult(user);
    await h.api.waitFor(() => h.api.files.length === 1, 20_000, "the DM card");
    h.api.failNext("files.completeUploadExternal", "not_in_channel");
    await clickShare(user, dm, ts, result);
    await h.api.waitFor(() => h.api.callsTo("chat.postMessage").some((c) => c.body.channel === dm && /not a member there/.test(String(c.body.text))), 5000, "the note");
    expect(h.api.files).toHaveLength(1);
    expect(h.logs.some((l) => (l.level as number) >= 50)).toBe(false);
    await clickShare(user, dm, ts, result);
    await h.api.waitFor(() => h.api.files.length === 2, 5000, "the second try");
    expect(h.api.files[1]!.channel).toBe("C1");
  });
});
