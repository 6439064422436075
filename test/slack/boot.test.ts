// `npm start` with Slack credentials, as a child process: Socket Mode against
// the loopback fakes, a slash command answered, SIGTERM stops it cleanly; and
// a missing variable for the chosen mode stops start-up naming it.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, TSX, cleanEnv, run } from "../helpers/child.ts";
import { FakeSlackApi } from "./fakes/fake-slack-api.ts";
import { FakeSocketMode } from "./fakes/fake-socket-mode.ts";
import { APP_TOKEN, BOT_TOKEN, fixture, unique } from "./harness.ts";
import { headerOf } from "./slack-text.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("npm start with Slack credentials", () => {
  it("connects in Socket Mode, answers, and stops on SIGTERM with exit code 0", async () => {
    const socket = new FakeSocketMode();
    await socket.start();
    const api = new FakeSlackApi({ socketUrl: () => socket.url });
    await api.start();
    cleanups.push(() => socket.stop(), () => api.stop());

    const child = spawn(TSX, ["src/main.ts"], {
      cwd: ROOT,
      env: cleanEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.apiUrl, LOG_LEVEL: "info" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    cleanups.push(async () => { if (child.exitCode === null) child.kill("SIGKILL"); });

    const responseUrl = api.responseUrl(unique("boot"));
    const payload = { ...fixture<Record<string, string>>("slash-command"), command: "/compare", text: "", trigger_id: unique("t"), response_url: responseUrl };
    const ack = await socket.send("slash_commands", payload, {}, 20_000);
    expect(ack.envelope_id).toBeTruthy();
    await api.waitFor(() => api.callsTo("response_url").length >= 1, 10_000);
    expect(headerOf(api.callsTo("response_url")[0])).toBe("ML engineer vs AI engineer");
    expect(api.callsTo("apps.connections.open")[0]!.auth).toBe(`Bearer ${APP_TOKEN}`);
    expect(out).toContain("slack adapter connected (Socket Mode)");
    expect(out).not.toContain(BOT_TOKEN);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("slack adapter stopped");
  }, 30_000);

  it("HTTP mode without SLACK_SIGNING_SECRET stops start-up naming it", async () => {
    const r = await run(["src/main.ts"], { env: cleanEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_MODE: "http" }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("SLACK_SIGNING_SECRET");
  }, 30_000);
});
