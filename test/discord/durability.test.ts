// Killed with SIGKILL while a quiz question was on its way to the DM: the
// process (`src/main.ts` on Discord, SQLite) had saved the answer, but the
// next question never arrived. After a restart on the same file the answers
// given are kept, and the next typed answer is not recorded against the
// question nobody saw: that question is shown first, then answers go on.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeDiscord, type RecordedRequest } from "./fakes/fake-discord.ts";
import { APP_ID, BOT, GENERAL, GUILD_ID, TOKEN, guildCreate, person, slash, userMessage } from "./fixtures.ts";
import { ROOT, cleanEnv } from "../helpers/child.ts";
import { isChannelPost, textOf } from "./harness.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "role-mentor-discord-kill-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

const questionNumber = (m: unknown) => Number(/Question (\d+) of \d+/.exec(textOf(m))?.[1] ?? NaN);

/**
 * `npm start` with Discord credentials on a SQLite file; resolves once connected.
 * Node runs the entry itself (tsx as a loader): SIGKILL to the tsx command would kill only
 * its wrapper and leave the bot running.
 */
async function startBot(fake: FakeDiscord, sqlite: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: cleanEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl, SQLITE_PATH: sqlite, LOG_LEVEL: "info" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!/Discord connected/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the bot did not connect:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

describe("kill -9 on Discord", () => {
  it("an answer saved before a crash is kept; the question lost in the crash is shown before any typed answer counts", async () => {
    const fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()], token: TOKEN, interactionWindowMs: 10_000 });
    const sqlite = join(dir, "quiz.sqlite");
    const store = new SqliteStore(sqlite);
    try {
      const user = person();
      const dm = fake.dmChannel(user.id);
      /** The report of the delivered question is written just after its post: wait for it, so the next answer meets it. */
      const seen = async (item: unknown) => {
        for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 25))) {
          const q = await store.get<{ state: { shown?: string } }>(`quiz:person:discord:-:${user.id}`);
          if (q?.value.state.shown === item) return;
        }
        throw new Error(`question ${String(item)} never recorded as delivered`);
      };
      const itemOf = (r: RecordedRequest) => ((r.response as { components?: { components: { custom_id: string }[] }[] }).components ?? [])
        .flatMap((row) => row.components).map((b) => /^quiz:a:[^:]+:[^:]+:([^:]+):/.exec(b.custom_id)?.[1]).find(Boolean);
      /** Type in the DM; the next post there. */
      const type = async (text: string) => {
        const from = fake.requests.length;
        fake.dispatch("MESSAGE_CREATE", userMessage(user, { dm }, text));
        return fake.waitFor(isChannelPost(dm), { from, ms: 15_000 });
      };

      let bot = await startBot(fake, sqlite);
      let from = fake.requests.length;
      fake.interact(slash(user, { channel: GENERAL }, "quiz"));
      await fake.waitFor((r) => isChannelPost(dm)(r) && questionNumber(r.body) === 1, { from, ms: 15_000 });
      const q1 = fake.requests.slice(from).find((r) => isChannelPost(dm)(r) && questionNumber(r.body) === 1)!;
      await seen(itemOf(q1));
      const q2 = await type("1");
      expect(questionNumber(q2.body)).toBe(2);
      await seen(itemOf(q2));

      // Question 3 is on its way when the process dies: the answer to question 2 is saved, question 3 never arrives.
      fake.holdChannels.add(dm);
      from = fake.held.length;
      fake.dispatch("MESSAGE_CREATE", userMessage(user, { dm }, "2"));
      await fake.waitFor(() => fake.held.length > from, { ms: 15_000 });
      expect(questionNumber(fake.held.at(-1)!.body)).toBe(3);
      const exited = new Promise((r) => bot.once("exit", r));
      bot.kill("SIGKILL");
      await exited;
      fake.holdChannels.delete(dm);

      bot = await startBot(fake, sqlite);
      const shownFirst = await type("3");
      expect(questionNumber(shownFirst.body)).toBe(3);
      expect(textOf(shownFirst.body)).toMatch(/did not reach you before, so your answer was not recorded/);
      await seen(itemOf(shownFirst));
      const q4 = await type("3");
      expect(questionNumber(q4.body), textOf(q4.body)).toBe(4);

      const stopped = new Promise((r) => bot.once("exit", r));
      bot.kill("SIGTERM");
      expect(await stopped).toBe(0);
    } finally {
      await store.close();
      await fake.close();
    }
  }, 90_000);
});
