// pino JSON logs. `destination` 2 (stderr) keeps stdout clean for the
// terminal chat and `ask`; secrets are redacted by path.
import { pino } from "pino";
import type { Logger } from "./core/logger.ts";

export function createLogger(opts: { level: string; pretty: boolean; destination: 1 | 2 }): Logger {
  return pino(
    {
      level: opts.level,
      base: { app: "role-mentor" },
      redact: { paths: ["token", "*.token", "botToken", "*.botToken", "appToken", "*.appToken", "signingSecret", "*.signingSecret", "headers.authorization"], censor: "[secret]" },
    },
    opts.pretty
      ? pino.transport({ target: "pino-pretty", options: { destination: opts.destination } })
      : pino.destination({ dest: opts.destination, sync: true }),
  );
}
