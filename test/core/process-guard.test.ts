// The process-level guard: errors that escaped every handler are logged with
// a reference and the process keeps serving; a burst ends it gracefully.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { pino } from "pino";
import { installProcessGuards } from "../../src/process-guard.ts";

function setup(opts: { max?: number } = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
  const proc = new EventEmitter();
  const fatal: string[] = [];
  let t = 0;
  installProcessGuards(proc as never, { logger, onFatal: (r) => fatal.push(r), maxUncaught: opts.max ?? 3, windowMs: 1000, now: () => t });
  return { proc, lines, fatal, advance: (ms: number) => { t += ms; } };
}

describe("process guards", () => {
  it("an unhandled rejection is logged with a ref, and nothing ends", () => {
    const g = setup();
    g.proc.emit("unhandledRejection", new Error("nobody awaited me"));
    expect(g.lines).toHaveLength(1);
    expect(g.lines[0]).toMatchObject({ level: 50, msg: "unhandled promise rejection; still serving" });
    expect(String(g.lines[0]!.ref)).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(g.lines[0])).toContain("nobody awaited me");
    expect(g.fatal).toEqual([]);
  });

  it("single uncaught exceptions are survived; more than the limit within the window shut down once", () => {
    const g = setup({ max: 3 });
    for (let i = 0; i < 3; i++) { g.proc.emit("uncaughtException", new Error(`boom ${i}`)); g.advance(100); }
    expect(g.fatal).toEqual([]);
    g.advance(2000); // the window has passed: the count starts again
    for (let i = 0; i < 3; i++) g.proc.emit("uncaughtException", new Error("again"));
    expect(g.fatal).toEqual([]);
    g.proc.emit("uncaughtException", new Error("one too many"));
    g.proc.emit("uncaughtException", new Error("and another"));
    expect(g.fatal).toEqual(["uncaught exceptions"]);
    expect(g.lines.filter((l) => l.msg === "uncaught exceptions keep coming; shutting down")).toHaveLength(2);
  });
});
