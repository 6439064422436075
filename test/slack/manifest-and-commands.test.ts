// The app manifest people paste into Slack matches what the adapter handles,
// and the slash command parsing behind /mentor and its short forms.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/core/commands.ts";
import { SHORT_COMMANDS, SLASH_COMMANDS, parseSlashCommand } from "../../adapters/slack/commands.ts";

interface Manifest {
  display_information: { name: string };
  features: { app_home: Record<string, boolean>; bot_user: { display_name: string }; slash_commands: { command: string; description: string; usage_hint?: string; should_escape: boolean; url?: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = yaml.load(readFileSync("adapters/slack/manifest.yaml", "utf8")) as Manifest;

describe("manifest.yaml", () => {
  it("declares exactly the slash commands the adapter registers: /mentor and the short forms", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([...SLASH_COMMANDS]);
    expect(SHORT_COMMANDS).toEqual(["/compare", "/role", "/quiz", "/ask"]);
    const mentor = manifest.features.slash_commands[0]!;
    for (const c of COMMANDS) expect(mentor.usage_hint).toContain(c.name);
    for (const c of manifest.features.slash_commands) {
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.should_escape).toBe(false);
    }
  });

  it("subscribes to the events the adapter handles, with the scopes they need and no more", () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(["app_home_opened", "app_mention", "app_uninstalled", "message.im", "tokens_revoked"]);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(["app_mentions:read", "chat:write", "commands", "files:write", "im:history", "im:write", "users:read"]);
  });

  it("enables interactivity, Socket Mode, the Home tab and a writable Messages tab", () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.display_information.name).toBe("Role Mentor");
  });
});

describe("parseSlashCommand", () => {
  it("maps /mentor <subcommand> and the short forms to the same core command", () => {
    for (const name of ["compare", "role", "quiz", "ask"]) {
      expect(parseSlashCommand("/mentor", `${name} ml engineer`)).toEqual({ name, args: "ml engineer" });
      expect(parseSlashCommand(`/${name}`, " ml engineer ")).toEqual({ name, args: "ml engineer" });
    }
    for (const c of COMMANDS) expect(parseSlashCommand("/mentor", c.name).name).toBe(c.name);
    expect(parseSlashCommand("/mentor", "  PATH  data analyst\nml engineer")).toEqual({ name: "path", args: "data analyst\nml engineer" });
    expect(parseSlashCommand("/mentor", "/glossary rag")).toEqual({ name: "glossary", args: "rag" });
  });

  it("gives the help for /mentor alone or an unknown subcommand", () => {
    expect(parseSlashCommand("/mentor", "")).toEqual({ name: "help", args: "" });
    expect(parseSlashCommand("/mentor", "   ")).toEqual({ name: "help", args: "" });
    expect(parseSlashCommand("/mentor", "dance now")).toEqual({ name: "help", args: "" });
  });
});
