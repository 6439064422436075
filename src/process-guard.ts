// Last line of defence for a serving process: an error that escaped every
// handler (a library throwing inside its own event emitter, a promise nobody
// awaited) is logged with a reference and the process keeps serving the
// others. A burst of uncaught exceptions means the process itself is broken:
// then it shuts down (gracefully) so a supervisor can start a fresh one.
import { randomBytes } from "node:crypto";
import type { Logger } from "./core/logger.ts";

export interface ProcessLike {
  on(event: "uncaughtException", listener: (err: unknown) => void): unknown;
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
}

export interface ProcessGuardOptions {
  logger: Logger;
  /** Called once when uncaught exceptions come faster than `maxUncaught` per `windowMs`. */
  onFatal: (reason: string) => void;
  maxUncaught?: number;
  windowMs?: number;
  now?: () => number;
}

export function installProcessGuards(proc: ProcessLike, opts: ProcessGuardOptions): void {
  const max = opts.maxUncaught ?? 5;
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const recent: number[] = [];
  let fatal = false;
  proc.on("unhandledRejection", (reason) => {
    opts.logger.error({ err: reason, ref: ref() }, "unhandled promise rejection; still serving");
  });
  proc.on("uncaughtException", (err) => {
    const t = now();
    recent.push(t);
    while (recent.length > 0 && recent[0]! <= t - windowMs) recent.shift();
    if (recent.length > max) {
      opts.logger.error({ err, ref: ref(), count: recent.length, windowMs }, "uncaught exceptions keep coming; shutting down");
      if (!fatal) opts.onFatal("uncaught exceptions");
      fatal = true;
      return;
    }
    opts.logger.error({ err, ref: ref() }, "uncaught exception; still serving");
  });
}

const ref = () => randomBytes(4).toString("hex");
