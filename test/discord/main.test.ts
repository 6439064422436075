// The composition root with Discord credentials: `npm start` (tsx src/main.ts)
// registers the commands, connects, logs the invite URL, answers a DM, and
// on SIGTERM stops the adapter, closes the store and exits 0.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { FakeDiscord } from "./fakes/fake-discord.ts";
import { APP_ID, BOT, GUILD_ID, TOKEN, guildCreate, person, userMessage } from "./fixtures.ts";
import { ROOT, TSX, cleanEnv } from "../helpers/child.ts";
import { embedsOf, expectNoMentionsAnywhere, isChannelPost } from "./harness.ts";

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("npm start with Discord credentials", () => {
  it("serves Discord (no terminal chat) and shuts down gracefully on SIGTERM", async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()], token: TOKEN });
    const child = spawn(TSX, ["src/main.ts"], {
      cwd: ROOT,
      env: cleanEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: "info" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    try {
      const until = async (what: () => boolean, label: string) => {
        const deadline = Date.now() + 20_000;
        while (!what()) {
          if (Date.now() > deadline) throw new Error(`${label} did not happen\nstdout: ${stdout}\nstderr: ${stderr}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await until(() => /Discord connected/.test(stdout), "connecting");
      expect(fake.requests.find((r) => r.method === "PUT")?.route).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
      expect(stdout).toContain("scope=bot+applications.commands");
      expect(stdout).not.toContain(TOKEN); // secrets are never logged
      expect(stdout).not.toMatch(/you>/); // no terminal chat

      const user = person();
      const dm = fake.dmChannel(user.id);
      fake.dispatch("MESSAGE_CREATE", userMessage(user, { dm }, "what is RAG?"));
      const answer = await fake.waitFor(isChannelPost(dm), { ms: 10_000 });
      expect(embedsOf(answer.body)[0]?.title).toBe("Retrieval-augmented generation (RAG)");
      expectNoMentionsAnywhere(fake.requests);

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/shutting down/);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
