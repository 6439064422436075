// Configuration from the environment: defaults, a bad value names the variable,
// incomplete platform credentials name what is missing.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

/** loadConfig's error message, or a failure if it did not throw a ConfigError. */
function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe("defaults", () => {
  it("an empty environment gives the terminal setup with documented defaults", () => {
    const { env, discord, slack } = loadConfig({});
    expect(discord).toBeNull();
    expect(slack).toBeNull();
    expect(env).toMatchObject({
      KNOWLEDGE_DIR: "knowledge",
      SQLITE_PATH: "data/role-mentor.sqlite",
      LOG_LEVEL: "info",
      LOG_PRETTY: false,
      CONTEXT_TTL_HOURS: 24,
      QUIZ_TTL_DAYS: 7,
      SLACK_MODE: "socket",
      PORT: 3000,
    });
  });

  it("empty strings count as unset, and values are parsed", () => {
    const { env } = loadConfig({ PORT: "", LOG_LEVEL: "", SQLITE_PATH: ":memory:", LOG_PRETTY: "yes", CONTEXT_TTL_HOURS: "0.5", PORT_UNRELATED: "x" });
    expect(env).toMatchObject({ PORT: 3000, LOG_LEVEL: "info", SQLITE_PATH: ":memory:", LOG_PRETTY: true, CONTEXT_TTL_HOURS: 0.5 });
  });

  it("ignores the rest of the environment", () => {
    const config = loadConfig({ PATH: "/usr/bin", HOME: "/root", NODE_ENV: "production", npm_lifecycle_event: "start", DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "" });
    expect(config.discord).toBeNull();
    expect(config.slack).toBeNull();
  });
});

describe("a bad value names the variable", () => {
  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "3.5"],
    ["SLACK_MODE", "foo"],
    ["LOG_LEVEL", "loud"],
    ["LOG_PRETTY", "maybe"],
    ["CONTEXT_TTL_HOURS", "-1"],
    ["QUIZ_TTL_DAYS", "soon"],
    ["DISCORD_API_URL", "not a url"],
    ["SLACK_API_URL", "ftp//broken"],
  ])("%s=%s", (name, value) => {
    expect(configError({ [name]: value })).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe("Discord credentials", () => {
  it("a token without the application id names DISCORD_APPLICATION_ID", () => {
    const msg = configError({ DISCORD_TOKEN: "t0ken-secret" });
    expect(msg).toContain("DISCORD_APPLICATION_ID");
    expect(msg).not.toContain("t0ken-secret");
  });

  it("an application id without the token names DISCORD_TOKEN", () => {
    expect(configError({ DISCORD_APPLICATION_ID: "123" })).toContain("DISCORD_TOKEN");
  });

  it("a guild id alone names both missing variables", () => {
    const msg = configError({ DISCORD_GUILD_ID: "42" });
    expect(msg).toContain("DISCORD_TOKEN");
    expect(msg).toContain("DISCORD_APPLICATION_ID");
  });

  it("a whitespace-only token counts as missing", () => {
    expect(configError({ DISCORD_TOKEN: "   ", DISCORD_APPLICATION_ID: "123" })).toContain("DISCORD_TOKEN");
  });

  it("token and application id are enough", () => {
    const { discord, slack } = loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123", DISCORD_GUILD_ID: "42" });
    expect(discord).toEqual({ token: "t", applicationId: "123", guildId: "42", apiUrl: undefined, messageContent: false });
    expect(loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123", DISCORD_MESSAGE_CONTENT: "true" }).discord?.messageContent).toBe(true);
    expect(slack).toBeNull();
  });
});

describe("Slack credentials and modes", () => {
  it("socket mode (the default) needs the app-level token", () => {
    const msg = configError({ SLACK_BOT_TOKEN: "xoxb-1" });
    expect(msg).toContain("SLACK_APP_TOKEN");
    expect(msg).not.toContain("SLACK_SIGNING_SECRET");
  });

  it("socket mode needs the bot token when only the app token is set", () => {
    expect(configError({ SLACK_APP_TOKEN: "xapp-1" })).toContain("SLACK_BOT_TOKEN");
  });

  it("socket mode works with bot and app tokens, no signing secret", () => {
    const { slack, discord } = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(slack).toMatchObject({ botToken: "xoxb-1", appToken: "xapp-1", mode: "socket" });
    expect(discord).toBeNull();
  });

  it("http mode needs the signing secret, not the app token", () => {
    const msg = configError({ SLACK_MODE: "http", SLACK_BOT_TOKEN: "xoxb-1" });
    expect(msg).toContain("SLACK_SIGNING_SECRET");
    expect(msg).not.toContain("SLACK_APP_TOKEN");
    expect(configError({ SLACK_MODE: "http", SLACK_APP_TOKEN: "xapp-1" })).toContain("SLACK_BOT_TOKEN");
  });

  it("http mode works with bot token and signing secret, on PORT", () => {
    const { slack } = loadConfig({ SLACK_MODE: "http", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PORT: "8080" });
    expect(slack).toMatchObject({ botToken: "xoxb-1", signingSecret: "s", mode: "http", port: 8080 });
  });

  it("Discord and Slack can be configured together", () => {
    const { slack, discord } = loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1", SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(discord).not.toBeNull();
    expect(slack).not.toBeNull();
  });
});
