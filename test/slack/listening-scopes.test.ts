// Listening mode on Slack needs `channels:history` (and the message.channels
// event), which the default manifest leaves out. Start-up reads the token's
// scopes from auth.test (Slack's `x-oauth-scopes` header, which WebClient
// exposes as response_metadata.scopes) and, when the workspace's settings turn
// listening on without them, logs one warning that says it cannot work and how
// to fix it. Real Bolt against the fake Web API, with and without the scope.
import { afterEach, describe, expect, it } from "vitest";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { updateSettings } from "../../src/community/settings.ts";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { FakeSlackApi } from "./fakes/fake-slack-api.ts";
import { BOT_TOKEN, SIGNING_SECRET, capturingLogger, startHttpHarness } from "./harness.ts";
import { blocksText } from "./slack-text.ts";
import { silentLogger } from "../helpers/core.ts";

const DEFAULT_SCOPES = ["commands", "chat:write", "im:history", "im:write", "files:write", "app_mentions:read", "users:read"];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function boot(scopes: string[], listening: { enabled: boolean; channels: string[] }): Promise<{ warnings: Record<string, unknown>[]; adapter: SlackAdapter }> {
  const api = new FakeSlackApi({ scopes });
  await api.start();
  const store = new MemoryStore();
  await updateSettings(store, { platform: "slack", id: "T1" }, { listening });
  const core = createCore({ knowledgeDir: "knowledge", store, logger: silentLogger });
  const { logger, lines } = capturingLogger();
  const adapter = createSlackAdapter({
    core, logger, host: "127.0.0.1", clientOptions: { retryConfig: { retries: 0 } }, drainTimeoutMs: 200,
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, mode: "http", port: 0, apiUrl: api.apiUrl },
  });
  cleanups.push(() => api.stop(), () => adapter.stop());
  await adapter.start();
  return { warnings: lines.filter((l) => l.level === 40), adapter };
}

const about = (w: Record<string, unknown>[]) => w.filter((l) => /listening mode/.test(String(l.msg)));

describe("start-up checks the scopes listening mode needs", () => {
  it("listening on without channels:history: one warning that it cannot work, naming the scope and the fix", async () => {
    const { warnings } = await boot(DEFAULT_SCOPES, { enabled: true, channels: ["C0LISTEN1"] });
    const lines = about(warnings);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toMatch(/cannot work.*channels:history.*message\.channels.*manifest.*README.*reinstall/);
    expect(lines[0]!.missing).toEqual(["channels:history"]);
    expect(JSON.stringify(lines[0])).not.toContain(BOT_TOKEN);
  });

  it("a private listening channel also needs groups:history", async () => {
    const { warnings } = await boot([...DEFAULT_SCOPES, "channels:history"], { enabled: true, channels: ["C0LISTEN1", "G0PRIVATE1"] });
    expect(about(warnings).map((l) => l.missing)).toEqual([["groups:history"]]);
  });

  it("with the scope, or with listening off, nothing is said", async () => {
    expect(about((await boot([...DEFAULT_SCOPES, "channels:history"], { enabled: true, channels: ["C0LISTEN1"] })).warnings)).toEqual([]);
    expect(about((await boot(DEFAULT_SCOPES, { enabled: false, channels: [] })).warnings)).toEqual([]);
  });
});

describe("turning listening on without the scope", () => {
  /** An admin turns listening on in a workspace whose token has `scopes`: the text of the answer. */
  async function adminTurnsListeningOn(scopes: string[]): Promise<string> {
    const h = await startHttpHarness({ api: { scopes } });
    cleanups.push(() => h.close());
    h.api.admins.add("UADMIN");
    const { responseUrl } = await h.command("/mentor", "config listening on <#C0LISTEN1|careers>", { user_id: "UADMIN" });
    const path = new URL(responseUrl).pathname;
    await h.api.waitFor(() => h.api.calls.some((c) => c.method === "response_url" && c.path === path));
    return blocksText(h.api.calls.find((c) => c.method === "response_url" && c.path === path)!.body.blocks);
  }

  it("the admin's answer says listening cannot work yet, and what to add", async () => {
    expect(await adminTurnsListeningOn(DEFAULT_SCOPES)).toMatch(/Listening in .*Listening cannot work yet: this app lacks the channels:history scope/s);
  });

  it("with the scope the answer has no such note", async () => {
    const answer = await adminTurnsListeningOn([...DEFAULT_SCOPES, "channels:history"]);
    expect(answer).toMatch(/Listening in/);
    expect(answer).not.toMatch(/cannot work/);
  });
});
