// pino JSON logs. `destination` 2 (stderr) keeps stdout clean for the
// terminal chat and `ask`; secrets are redacted by path, and every line is
// scanned for token shapes before it is written (see redact-secrets.ts).
import { pino, type DestinationStream } from "pino";
import type { Logger } from "./core/logger.ts";
import { redactSecrets } from "./redact-secrets.ts";

/** `destination`: 1 stdout, 2 stderr, or a stream (tests capture lines this way). */
export function createLogger(opts: { level: string; pretty: boolean; destination: 1 | 2 | DestinationStream }): Logger {
  const fd = typeof opts.destination === "number" ? opts.destination : undefined;
  return pino(
    {
      level: opts.level,
      base: { app: "role-mentor" },
      hooks: { streamWrite: redactSecrets },
      redact: { paths: ["token", "*.token", "botToken", "*.botToken", "appToken", "*.appToken", "signingSecret", "*.signingSecret", "headers.authorization"], censor: "[secret]" },
    },
    typeof opts.destination !== "number"
      ? opts.destination
      : opts.pretty
        ? pino.transport({ target: "pino-pretty", options: { destination: fd } })
        : pino.destination({ dest: fd, sync: true }),
  );
}
