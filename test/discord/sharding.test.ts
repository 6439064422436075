// `npm run start:sharded` against the loopback Discord fake recommending two
// shards: the commands are registered once (by the manager, not per shard),
// each shard process identifies with its own [id, count] on the shared Redis
// store, and a guild's events reach the shard that guild belongs to, which answers.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, inject, it } from "vitest";
import { FakeDiscord } from "./fakes/fake-discord.ts";
import { APP_ID, BOT, GENERAL, GUILD_ID, TOKEN, guildCreate, person, userMessage } from "./fixtures.ts";
import { ROOT, TSX, cleanEnv } from "../helpers/child.ts";
import { isChannelPost } from "./harness.ts";

const redisUrl = inject("redisUrl");
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A second server that Discord's rule puts on the other of two shards. */
const OTHER_GUILD = "1200000000004194305";
const OTHER_CHANNEL = "1200000000004194400";
function otherGuild() {
  const g = guildCreate();
  return { ...g, id: OTHER_GUILD, name: "Data Folks", channels: g.channels.map((c, i) => ({ ...c, id: i === 0 ? OTHER_CHANNEL : `${OTHER_CHANNEL.slice(0, -1)}${i}`, guild_id: OTHER_GUILD })), roles: g.roles.map((r) => ({ ...r, id: OTHER_GUILD })) };
}

describe.skipIf(!redisUrl)("npm run start:sharded", () => {
  it("registers once, runs two shards on the shared store, and each guild is served by its own shard", async () => {
    expect(FakeDiscord.shardFor(GUILD_ID, 2)).not.toBe(FakeDiscord.shardFor(OTHER_GUILD, 2));
    fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate(), otherGuild()], token: TOKEN, shards: 2 });
    const child = spawn(TSX, ["adapters/discord/sharded.ts"], {
      cwd: ROOT,
      env: cleanEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, STORE: "redis", REDIS_URL: redisUrl, DISCORD_SHARD_DELAY_MS: "0", LOG_LEVEL: "info" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!/all shards ready/.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`shards did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      // One bulk overwrite for everyone: shards never register.
      expect(fake.requests.filter((r) => r.method === "PUT" && /\/commands$/.test(r.route))).toHaveLength(1);
      expect(fake.identifies.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
      expect(fake.connectedShards.sort()).toEqual([[0, 2], [1, 2]]);
      expect(out).not.toContain(TOKEN);

      for (const [guild, channel] of [[GUILD_ID, GENERAL], [OTHER_GUILD, OTHER_CHANNEL]] as const) {
        const from = fake.requests.length;
        const message = { ...userMessage(person(), { channel }, `<@${BOT.id}> what is RAG?`, [{ ...BOT, discriminator: "0", avatar: null, global_name: null }]), guild_id: guild };
        const shard = fake.dispatchToGuild(guild, "MESSAGE_CREATE", message);
        expect(shard).toBe(FakeDiscord.shardFor(guild, 2));
        // The mention is answered in a thread started on that very message (as in mentions-and-dms.test.ts).
        const thread = await fake.waitFor((r) => r.method === "POST" && r.route === `/channels/${channel}/messages/${message.id}/threads`, { from, ms: 15_000 });
        expect(thread.status).toBe(201);
        const answer = await fake.waitFor(isChannelPost(message.id), { from, ms: 15_000 });
        expect(JSON.stringify(answer.body)).toContain("Retrieval-augmented generation");
      }

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 90_000);
});
