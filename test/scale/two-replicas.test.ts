// Two real bot processes (`src/main.ts`, Slack HTTP mode) on one real Redis, as
// behind a load balancer: one person's quiz answers alternate between them and
// every answer counts once; the same event delivered to both is answered once.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FakeSlackApi, type RecordedCall } from "../slack/fakes/fake-slack-api.ts";
import { BOT_TOKEN, SIGNING_SECRET, fixture, sign, unique } from "../slack/harness.ts";
import { blocksText, buttonsOf, headerOf } from "../slack/slack-text.ts";
import { ROOT, TSX, cleanEnv } from "../helpers/child.ts";
import { freePort } from "../helpers/free-port.ts";

const redisUrl = inject("redisUrl");


interface Replica { child: ChildProcess; url: string; stderr: () => string }

async function startReplica(api: FakeSlackApi): Promise<Replica> {
  const port = await freePort();
  let stderr = "";
  const child = spawn(TSX, ["src/main.ts"], {
    cwd: ROOT,
    env: cleanEnv({ STORE: "redis", REDIS_URL: redisUrl, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_MODE: "http", SLACK_API_URL: api.apiUrl, PORT: String(port), LOG_LEVEL: "warn" }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}/slack/events`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(url, { method: "POST", body: "" });
      return { child, url, stderr: () => stderr };
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`replica did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function post(r: Replica, body: string, contentType: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(r.url, { method: "POST", headers: { "content-type": contentType, "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts) }, body });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.skipIf(!redisUrl)("two replicas on one Redis", () => {
  const api = new FakeSlackApi();
  let a: Replica;
  let b: Replica;
  beforeAll(async () => {
    await api.start();
    [a, b] = await Promise.all([startReplica(api), startReplica(api)]);
  }, 60_000);
  afterAll(async () => {
    for (const r of [a, b]) r?.child.kill("SIGTERM");
    await api.stop();
  });

  it("a quiz answered on alternating replicas completes with every answer counted once", async () => {
    const user = unique("UR");
    const dm = `D${user}`;
    const res = await post(a, form({ ...fixture<Record<string, string>>("slash-command"), command: "/quiz", text: "", user_id: user, channel_id: "C1", trigger_id: unique("t"), response_url: api.responseUrl(unique("cmd")) }), "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    await api.waitFor(() => api.callsTo("chat.postMessage").some((c) => c.body.channel === dm), 10_000, "the first question in the DM");
    let shown: RecordedCall = api.callsTo("chat.postMessage").find((c) => c.body.channel === dm)!;
    const ts = String(shown.response!.ts);
    const seen: number[] = [];
    let clicks = 0;
    for (let step = 0; step < 40 && !/^Your result: /.test(headerOf(shown) ?? ""); step++) {
      const n = /Question (\d+) of \d+/.exec(blocksText(shown.body.blocks))?.[1];
      if (n) seen.push(Number(n));
      const answer = buttonsOf(shown).find((x) => x.id.startsWith("quiz:a:"))!;
      expect(answer, blocksText(shown.body.blocks)).toBeDefined();
      const before = api.calls.length;
      const payload = { ...fixture("block-actions"), user: { id: user, username: "r", team_id: "T1" }, channel: { id: dm, name: "directmessage" }, container: { type: "message", message_ts: ts, channel_id: dm, is_ephemeral: false }, trigger_id: unique("t"), response_url: api.responseUrl(unique("act")), actions: [{ action_id: answer.id, block_id: "b1", value: answer.id, type: "button", text: { type: "plain_text", text: answer.label }, action_ts: "1700000000.000200" }] };
      // Alternate replicas, as a round-robin load balancer would.
      const res = await post(step % 2 === 0 ? a : b, form({ payload: JSON.stringify(payload) }), "application/x-www-form-urlencoded");
      expect(res.status).toBe(200);
      await api.waitFor(() => api.calls.slice(before).some((c) => c.method === "chat.update" && c.body.ts === ts), 10_000, `the answer to click ${step + 1}`);
      shown = api.calls.slice(before).find((c) => c.method === "chat.update" && c.body.ts === ts)!;
      clicks++;
    }
    expect(headerOf(shown)).toMatch(/^Your result: /);
    // Each core question was shown once, in order: no answer was lost on the other replica or applied twice.
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    expect(clicks).toBeGreaterThanOrEqual(seen.length);
    expect(a.stderr() + b.stderr()).not.toMatch(/"level":50/);
  }, 120_000);

  it("the same event delivered to both replicas is answered once", async () => {
    const user = unique("UE");
    const dm = `D${user}`;
    const base = fixture("message-im");
    const body = JSON.stringify({ ...base, event_id: unique("EvDup"), event: { ...(base.event as object), user, channel: dm, text: "what is rag?", ts: "1700000500.000100" } });
    const [ra, rb] = await Promise.all([post(a, body, "application/json"), post(b, body, "application/json")]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await api.waitFor(() => api.callsTo("chat.postMessage").some((c) => c.body.channel === dm), 10_000, "the answer");
    await new Promise((r) => setTimeout(r, 1500));
    expect(api.callsTo("chat.postMessage").filter((c) => c.body.channel === dm)).toHaveLength(1);
  }, 60_000);
});
