// Forged Socket Mode envelopes (the same payload shapes as over HTTP, with
// fields removed or replaced, and payloads that are not objects): the app
// never crashes, acknowledges each envelope so Slack does not redeliver it,
// and still answers a well-formed command afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { FakeSlackApi } from "../slack/fakes/fake-slack-api.ts";
import { FakeSocketMode } from "../slack/fakes/fake-socket-mode.ts";
import { APP_TOKEN, BOT_TOKEN, capturingLogger, fixture, slackTestCore, unique } from "../slack/harness.ts";
import { applyMutations, mutations } from "./mutate.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

let api: FakeSlackApi;
let socket: FakeSocketMode;
let adapter: SlackAdapter;
const escaped: unknown[] = [];
const onEscape = (err: unknown) => void escaped.push(err);

beforeAll(async () => {
  socket = new FakeSocketMode();
  await socket.start();
  api = new FakeSlackApi({ socketUrl: () => socket.url });
  await api.start();
  adapter = createSlackAdapter({
    core: slackTestCore(),
    config: { botToken: BOT_TOKEN, appToken: APP_TOKEN, mode: "socket", port: 3000, apiUrl: api.apiUrl },
    logger: capturingLogger().logger,
    clientOptions: { retryConfig: { retries: 0 } },
    drainTimeoutMs: 1000,
  });
  await adapter.start();
  process.on("uncaughtException", onEscape);
  process.on("unhandledRejection", onEscape);
});
afterAll(async () => {
  process.off("uncaughtException", onEscape);
  process.off("unhandledRejection", onEscape);
  await adapter.stop();
  await socket.stop();
  await api.stop();
});

type Kind = "events_api" | "slash_commands" | "interactive";

function base(kind: number): { type: Kind; payload: Record<string, unknown> } {
  const responseUrl = api.responseUrl(unique("sk"));
  switch (kind % 4) {
    case 0: return { type: "interactive", payload: { ...fixture("block-actions"), trigger_id: unique("t"), response_url: responseUrl } };
    case 1: return { type: "events_api", payload: { ...fixture("message-im"), event_id: unique("Ev") } };
    case 2: return { type: "events_api", payload: { ...fixture("app-mention"), event_id: unique("Ev") } };
    default: return { type: "slash_commands", payload: { ...fixture("slash-command"), command: "/role", text: "ml engineer", trigger_id: unique("t"), response_url: responseUrl } };
  }
}

describe("fuzz: forged Socket Mode envelopes", () => {
  it("payloads that are not objects are acknowledged and survived", async () => {
    for (const payload of [null, [], 42, "text"]) {
      for (const type of ["events_api", "slash_commands", "interactive"] as const) {
        const ack = await socket.send(type, payload as never, {}, 2000);
        expect(ack.envelope_id).toMatch(/^env-/);
      }
    }
    expect(escaped).toEqual([]);
  });

  it("mutated payloads never crash the app, each is acknowledged, and a good command is still answered", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, async (kind, muts) => {
        const { type, payload } = base(kind);
        const ack = await socket.send(type, applyMutations(payload, muts), {}, 2000);
        expect(ack.envelope_id).toMatch(/^env-/);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(escaped).toEqual([]);
    const responseUrl = api.responseUrl(unique("good"));
    await socket.send("slash_commands", { ...fixture("slash-command"), command: "/mentor", text: "help", trigger_id: unique("t"), response_url: responseUrl });
    const path = new URL(responseUrl).pathname;
    await api.waitFor(() => api.calls.some((c) => c.method === "response_url" && c.path === path));
  });
});
