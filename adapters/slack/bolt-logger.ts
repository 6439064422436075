// Bolt and its Web API / Socket Mode clients log through this: their
// string-first calls become pino lines under the adapter's logger. At debug
// they dump whole envelopes, request bodies and API results (user text, and
// sometimes tokens): those payloads are cut before they reach the log.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";

const OMITTED = "[payload omitted]";

/** One log line from Bolt's arguments with any payload (JSON, envelope, body) left out. */
export function withoutPayloads(args: unknown[]): string {
  return args
    .map((a) => {
      if (a instanceof Error) return a.message;
      if (typeof a !== "string") return OMITTED; // objects handed to the logger are bodies or envelopes
      // "Received a message on the WebSocket: {…}", "http request body: {…}", "ack() call begins (body: …)".
      const labelled = /^(.*?\b(?:WebSocket message|WebSocket|body|result|data|headers|storedResponse|payload|will ignore\))\s*:\s*)[\s\S]+$/i.exec(a);
      if (labelled) return `${labelled[1]}${OMITTED}`;
      // A bare JSON dump (Bolt logs JSON.stringify(body) on its own) or one trailing a message.
      const json = a.search(/[{[]/);
      return json === -1 ? a : `${a.slice(0, json)}${OMITTED}`;
    })
    .join(" ");
}

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = "bolt";
  const line = withoutPayloads;
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
