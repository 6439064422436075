// The logging port: the slice of pino the core uses, so tests can pass a silent logger.
import type { Logger as PinoLogger } from "pino";
export type Logger = Pick<PinoLogger, "debug" | "info" | "warn" | "error" | "child">;
