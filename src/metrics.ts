// Prometheus metrics for community admins: turns by platform, kind and intent,
// answer latency, duplicates, rate-limited turns and quiz outcomes. Served on
// METRICS_PORT (/metrics, plus /healthz) when it is set.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { TurnObserver } from "./core/mentor.ts";

export class Metrics implements TurnObserver {
  readonly registry = new Registry();
  private readonly turns = new Counter({ name: "role_mentor_turns_total", help: "Events handled, by platform, kind and understood intent", labelNames: ["platform", "kind", "intent"] as const, registers: [this.registry] });
  private readonly duplicates = new Counter({ name: "role_mentor_duplicate_events_total", help: "Redelivered events ignored", labelNames: ["platform"] as const, registers: [this.registry] });
  private readonly limited = new Counter({ name: "role_mentor_rate_limited_total", help: "Turns refused because a person sent too many", labelNames: ["platform"] as const, registers: [this.registry] });
  private readonly outcomes = new Counter({ name: "role_mentor_quiz_results_total", help: "Finished quizzes by outcome", labelNames: ["outcome"] as const, registers: [this.registry] });
  private readonly latency = new Histogram({ name: "role_mentor_turn_seconds", help: "Time to answer an event", labelNames: ["platform"] as const, buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [this.registry] });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  turn(t: Parameters<TurnObserver["turn"]>[0]): void {
    if (t.duplicate) {
      this.duplicates.inc({ platform: t.platform });
      return;
    }
    if (t.rateLimited) this.limited.inc({ platform: t.platform });
    this.turns.inc({ platform: t.platform, kind: t.kind, intent: t.intent ?? "none" });
    this.latency.observe({ platform: t.platform }, t.seconds);
    if (t.quizOutcome) this.outcomes.inc({ outcome: t.quizOutcome });
  }

  /**
   * Serve /metrics and /healthz; resolves with the server once it listens.
   * /healthz is 200 "ok" only while `health` names no problem (knowledge loaded,
   * store reachable, platforms connected), else 503 with the problems, one per line.
   */
  async serve(port: number, host = "0.0.0.0", health: () => string[] = () => []): Promise<Server> {
    const server = createServer((req, res) => {
      if (req.url === "/metrics") {
        this.registry.metrics().then(
          (body) => res.writeHead(200, { "content-type": this.registry.contentType }).end(body),
          (err: unknown) => res.writeHead(500).end(String(err)),
        );
      } else if (req.url === "/healthz") {
        const problems = health();
        res.writeHead(problems.length === 0 ? 200 : 503, { "content-type": "text/plain" }).end(problems.length === 0 ? "ok\n" : `${problems.join("\n")}\n`);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    return server;
  }
}

export const boundPort = (server: Server) => (server.address() as AddressInfo).port;
