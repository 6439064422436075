// Socket Mode (the default) over loopback: the app token opens the
// connection (apps.connections.open on the fake Web API), the fake socket
// says hello and sends envelopes, and the acks come back over the socket.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { FakeSlackApi } from "./fakes/fake-slack-api.ts";
import { FakeSocketMode } from "./fakes/fake-socket-mode.ts";
import { APP_TOKEN, BOT_TOKEN, capturingLogger, fixture, slackTestCore, unique } from "./harness.ts";
import { callText, headerOf } from "./slack-text.ts";

let core: Core;
let api: FakeSlackApi;
let socket: FakeSocketMode;
let adapter: SlackAdapter;
let logs: Record<string, unknown>[];

beforeAll(() => { core = slackTestCore(); });
beforeEach(async () => {
  socket = new FakeSocketMode();
  await socket.start();
  api = new FakeSlackApi({ socketUrl: () => socket.url });
  await api.start();
  const captured = capturingLogger();
  logs = captured.lines;
  adapter = createSlackAdapter({
    core,
    config: { botToken: BOT_TOKEN, appToken: APP_TOKEN, mode: "socket", port: 3000, apiUrl: api.apiUrl },
    logger: captured.logger,
    clientOptions: { retryConfig: { retries: 0 } },
    drainTimeoutMs: 1000,
  });
  await adapter.start();
});
afterEach(async () => {
  await adapter.stop();
  await socket.stop();
  await api.stop();
});

const eventBody = (name: string, event: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) => {
  const base = fixture(name);
  return { ...base, event_id: unique("EvSock"), ...envelope, event: { ...(base.event as object), ...event } };
};

describe("Socket Mode", () => {
  it("connects with the app token through the configured Web API URL", () => {
    const open = api.callsTo("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]!.auth).toBe(`Bearer ${APP_TOKEN}`);
    expect(api.callsTo("auth.test")[0]!.auth).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("acks a slash command over the socket, then answers on the response_url", async () => {
    const responseUrl = api.responseUrl(unique("sock"));
    const payload = { ...fixture<Record<string, string>>("slash-command"), command: "/mentor", text: "role data engineer", trigger_id: unique("t"), response_url: responseUrl };
    const ack = await socket.send("slash_commands", payload);
    expect(ack.envelope_id).toMatch(/^env-/);
    await api.waitFor(() => api.callsTo("response_url").length >= 1);
    const [answer] = api.callsTo("response_url");
    expect(answer!.path).toBe(new URL(responseUrl).pathname);
    expect(headerOf(answer)).toBe(core.kb.role("data-engineer").name);
  });

  it("acks events, answers a DM, and handles a retried event (retry_attempt) once", async () => {
    const body = eventBody("message-im", { text: "what is fine-tuning?" });
    const first = await socket.send("events_api", body, { retry_attempt: 0, retry_reason: "" });
    const retry = await socket.send("events_api", body, { retry_attempt: 1, retry_reason: "timeout" });
    expect([first.envelope_id, retry.envelope_id]).toEqual(socket.acks.map((a) => a.envelope_id).slice(-2));
    await api.waitFor(() => api.callsTo("chat.postMessage").length >= 1);
    await new Promise((r) => setTimeout(r, 150));
    const posts = api.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe("DU1");
    expect(callText(posts[0])).toMatch(/fine-tun/i);
    expect(logs.find((l) => l.msg === "slack redelivery ignored")).toMatchObject({ retryNum: 1, retryReason: "timeout" });
  });

  it("acks a button click and publishes App Home, like HTTP mode", async () => {
    const click = { ...fixture("block-actions"), trigger_id: unique("t"), response_url: api.responseUrl(unique("sock")), channel: { id: "C1", name: "careers" }, container: { type: "message", message_ts: "1.1", channel_id: "C1", is_ephemeral: true }, actions: [{ action_id: "glossary:rag", value: "glossary:rag", type: "button", block_id: "b", action_ts: "1", text: { type: "plain_text", text: "RAG" } }] };
    await socket.send("interactive", click);
    await api.waitFor(() => api.callsTo("response_url").length >= 1);
    const [answer] = api.callsTo("response_url");
    expect(answer!.body.response_type).toBe("ephemeral");
    expect(headerOf(answer)).toBe(core.kb.term("rag")!.term);
    await socket.send("events_api", eventBody("app-home-opened", { user: "USOCK" }));
    await api.waitFor(() => api.callsTo("views.publish").length >= 1);
    expect(api.callsTo("views.publish")[0]!.body.user_id).toBe("USOCK");
  });
});
