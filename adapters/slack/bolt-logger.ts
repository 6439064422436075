// Bolt and its Web API / Socket Mode clients log through this: their
// string-first calls become pino lines under the adapter's logger.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = "bolt";
  const line = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(" ");
  const err = (args: unknown[]) => args.find((a): a is Error => a instanceof Error);
  return {
    debug: (...args: unknown[]) => logger.debug({ lib: name }, line(args)),
    info: (...args: unknown[]) => logger.info({ lib: name }, line(args)),
    warn: (...args: unknown[]) => logger.warn({ lib: name, err: err(args) }, line(args)),
    error: (...args: unknown[]) => logger.error({ lib: name, err: err(args) }, line(args)),
    setLevel: (l: LogLevel) => { level = l; },
    getLevel: () => level,
    setName: (n: string) => { name = n; },
  };
}
