// Redis going away and coming back, with a real redis-server this test stops
// and restarts: turns get a short "try again" (nothing half-saved), /healthz
// reports the store unhealthy, and the bot recovers by itself, the quiz
// continuing where the person left it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { createCore } from "../../src/bootstrap.ts";
import { Metrics, boundPort } from "../../src/metrics.ts";
import { STORE_AWAY_TEXT } from "../../src/core/store-outage.ts";
import { choose, command, silentLogger, textOf } from "../helpers/core.ts";
import type { Reply } from "../../src/core/reply.ts";
import { freePort } from "../helpers/free-port.ts";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
const dir = mkdtempSync(join(tmpdir(), "role-mentor-outage-"));
const open: { stop(): void }[] = [];
afterAll(() => {
  open.forEach((o) => o.stop());
  rmSync(dir, { recursive: true, force: true });
});


/** A redis-server that keeps its data across a restart (append-only file), as a deployment would. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "always", "--save", ""], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start")), 10_000);
    child.stdout!.on("data", (d: Buffer) => {
      if (/Ready to accept connections/.test(d.toString())) { clearTimeout(timer); resolve(); }
    });
  });
  open.push({ stop: () => child.kill("SIGKILL") });
  return child;
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const questionNumber = (replies: Reply[]) => Number(/Question (\d+) of/.exec(textOf(replies))?.[1] ?? NaN);
const firstAnswer = (replies: Reply[]) => replies.at(-1)!.choices.find((c) => c.id.startsWith("quiz:a:"))!.id;

describe.skipIf(!hasRedis)("Redis outage and recovery", () => {
  it("refuses turns briefly while Redis is down, reports it on /healthz, and carries on after", async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const store = new RedisStore(`redis://127.0.0.1:${port}`);
    open.push({ stop: () => void store.close() });
    const core = createCore({ knowledgeDir: "knowledge", store, logger: silentLogger });
    const metrics = new Metrics({ processMetrics: false });
    const server = await metrics.serve(0, "127.0.0.1", () => (store.isReady() ? [] : ["store: unreachable"]));
    open.push({ stop: () => server.close() });
    const health = async () => { const r = await fetch(`http://127.0.0.1:${boundPort(server)}/healthz`); return { status: r.status, text: await r.text() }; };
    await until(() => store.isReady(), 5000, "the first connection");
    expect(await health()).toEqual({ status: 200, text: "ok\n" });

    const who = { actor: { id: "outage-user" } };
    let replies = (await core.mentor.handle(command("quiz", "", who))).replies;
    expect(questionNumber(replies)).toBe(1);
    replies = (await core.mentor.handle(choose(firstAnswer(replies), who))).replies;
    expect(questionNumber(replies)).toBe(2);
    const secondAnswer = firstAnswer(replies);

    redis.kill("SIGTERM");
    await new Promise((r) => redis.once("exit", r));
    await until(() => !store.isReady(), 5000, "the store to notice");
    expect(await health()).toEqual({ status: 503, text: "store: unreachable\n" });
    const started = Date.now();
    const refused = await core.mentor.handle(choose(secondAnswer, who));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(textOf(refused.replies)).toBe(STORE_AWAY_TEXT);
    expect(refused.replies[0]!.visibility).toBe("private");

    redis = await startRedis(port);
    await until(() => store.isReady(), 10_000, "the store to reconnect by itself");
    expect(await health()).toEqual({ status: 200, text: "ok\n" });
    // The refused answer was not saved: the same click now moves the quiz on, once.
    const after = (await core.mentor.handle(choose(secondAnswer, who))).replies;
    expect(questionNumber(after)).toBe(3);
  }, 40_000);
});
