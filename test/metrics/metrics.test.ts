// Prometheus metrics, served over real HTTP on loopback, counting real turns.
import { afterEach, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { Metrics, boundPort } from "../../src/metrics.ts";
import { choose, command, message, silentLogger } from "../helpers/core.ts";

let server: Server | undefined;
afterEach(() => void server?.close());

describe("metrics", () => {
  it("counts turns by intent, duplicates, rate-limited turns and quiz outcomes, and serves them with a health check", async () => {
    const metrics = new Metrics({ processMetrics: false });
    const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silentLogger, observer: metrics, perMinute: 40 });
    await core.mentor.handle(message("ml engineer vs ai engineer", { id: "dup-1" }));
    await core.mentor.handle(message("ml engineer vs ai engineer", { id: "dup-1" }));
    await core.mentor.handle(message("what is rag"));
    // A whole quiz, clicking the first option each time, to a result.
    let r = (await core.mentor.handle(command("quiz"))).replies.at(-1)!;
    for (let i = 0; i < 30 && r.data?.quiz; i++) r = (await core.mentor.handle(choose(r.choices[0]!.id))).replies.at(-1)!;
    expect(r.data?.outcome).toBeDefined();

    server = await metrics.serve(0, "127.0.0.1");
    const base = `http://127.0.0.1:${boundPort(server)}`;
    expect(await (await fetch(`${base}/healthz`)).text()).toBe("ok\n");
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(/role_mentor_turns_total\{platform="test",kind="message",intent="compare"\} 1/);
    expect(body).toMatch(/role_mentor_turns_total\{platform="test",kind="message",intent="glossary"\} 1/);
    expect(body).toMatch(/role_mentor_duplicate_events_total\{platform="test"\} 1/);
    expect(body).toMatch(new RegExp(`role_mentor_quiz_results_total\\{outcome="${String(r.data!.outcome)}"\\} 1`));
    expect(body).toMatch(/role_mentor_turn_seconds_count\{platform="test"\} \d+/);
    // Nothing people wrote ends up in the metrics.
    expect(body).not.toMatch(/ml engineer vs ai engineer|what is rag/i);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it("counts turns refused for going too fast", async () => {
    const metrics = new Metrics({ processMetrics: false });
    const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silentLogger, observer: metrics, perMinute: 1 });
    await core.mentor.handle(message("hi"));
    await core.mentor.handle(message("hi"));
    expect(await metrics.registry.getSingleMetricAsString("role_mentor_rate_limited_total")).toMatch(/role_mentor_rate_limited_total\{platform="test"\} 1/);
  });
});
