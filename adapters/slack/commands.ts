// Slash commands. `/mentor <subcommand> …` always works, because short names
// clash between apps in a workspace; the commonest subcommands also have
// short forms. Both become the same core command.
import { COMMANDS, commandSpec } from "../../src/core/commands.ts";

export const MENTOR_COMMAND = "/mentor";
/** Registered in manifest.yaml next to /mentor. */
export const SHORT_COMMANDS = ["/compare", "/role", "/quiz", "/ask"] as const;
export const SLASH_COMMANDS: readonly string[] = [MENTOR_COMMAND, ...SHORT_COMMANDS];

/** `/mentor config …`: the community's settings (changes for workspace admins and owners). */
export const CONFIG_SUBCOMMAND = "config";

/** The subcommands of /mentor, as the core knows them. */
export const SUBCOMMANDS: readonly string[] = [...COMMANDS.map((c) => c.name), CONFIG_SUBCOMMAND];

export interface ParsedCommand {
  /** The core command name ("compare"). */
  name: string;
  args: string;
}

/**
 * `/mentor compare mle aie` and `/compare mle aie` both give
 * { name: "compare", args: "mle aie" }; `/mentor` alone or with an unknown
 * subcommand gives the help.
 */
export function parseSlashCommand(command: string, text: string): ParsedCommand {
  const name = command.trim().replace(/^\//, "").toLowerCase();
  if (`/${name}` !== MENTOR_COMMAND) return { name, args: text.trim() };
  const match = /^\s*\/?([^\s]+)\s*([\s\S]*)$/.exec(text);
  const sub = match?.[1]?.toLowerCase();
  if (!sub || (!commandSpec(sub) && sub !== CONFIG_SUBCOMMAND)) return { name: "help", args: "" };
  return { name: sub, args: (match?.[2] ?? "").trim() };
}
