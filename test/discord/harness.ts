// One bot under test: the real DiscordAdapter (real discord.js client, real
// core) connected over loopback to the fake Discord, plus helpers to deliver
// an event and collect the requests the bot made while handling it.
import { Events, type Client } from "discord.js";
import { pino } from "pino";
import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import type { Mentor } from "../../src/core/mentor.ts";
import { DiscordAdapter } from "../../adapters/discord/discord-adapter.ts";
import { FakeDiscord, type RecordedRequest } from "./fakes/fake-discord.ts";
import { APP_ID, BOT, GUILD_ID, TOKEN, guildCreate } from "./fixtures.ts";

const silent = pino({ level: "silent" });

/** One core per test file (loading knowledge takes most of a second); tests use fresh people, so nothing leaks. */
export function testCore(): Core {
  return createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silent, perMinute: 100_000 });
}

export interface LogLine {
  level: number;
  msg: string;
  ref?: string;
  code?: number;
  [key: string]: unknown;
}

export interface Bot {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  client: Client;
  logs: LogLine[];
  /** Deliver an interaction and wait until the bot has finished with it; the requests it made meanwhile. */
  interact(payload: { id: string; token: string; channel_id?: string; message?: { id: string } }): Promise<RecordedRequest[]>;
  /** Deliver a message (MESSAGE_CREATE) and wait until the bot has finished with it. */
  say(payload: { id: string }): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export async function startBot(core: Core, opts: { guildId?: string | null; mentor?: Pick<Mentor, "handle">; register?: boolean } = {}): Promise<Bot> {
  const fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()], interactionWindowMs: 2000, token: TOKEN });
  const logs: LogLine[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const adapter = new DiscordAdapter({
    token: TOKEN, applicationId: APP_ID, guildId: opts.guildId === null ? undefined : (opts.guildId ?? GUILD_ID), apiUrl: fake.apiUrl,
    mentor: opts.mentor ?? core.mentor, quiz: core.quiz, kb: core.kb, logger, registerCommands: opts.register ?? true,
    rest: { retries: 0, timeout: 3000 }, drainMs: 1000,
  });
  await adapter.start();
  const client = adapter.client;

  const deliver = async (event: Events.InteractionCreate | Events.MessageCreate, id: string, send: () => void) => {
    const from = fake.requests.length;
    const arrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { client.off(event, on); reject(new Error(`${event} ${id} never reached the bot`)); }, 3000);
      const on = (x: { id: string }) => {
        if (x.id !== id) return;
        clearTimeout(timer);
        client.off(event, on);
        resolve();
      };
      client.on(event, on);
    });
    send();
    await arrived;
    await adapter.idle();
    return fake.requests.slice(from);
  };

  return {
    fake, adapter, client, logs,
    interact: (p) => deliver(Events.InteractionCreate, p.id, () => fake.interact(p)),
    say: (p) => deliver(Events.MessageCreate, p.id, () => fake.dispatch("MESSAGE_CREATE", p)),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

// ---- reading what the bot sent ----

/** The message body inside a request, whatever the route (callback data, webhook, channel message). */
export function messageBody(r: RecordedRequest): Record<string, unknown> | undefined {
  if (/\/callback$/.test(r.route)) return r.body?.data && (r.body.type === 4 || r.body.type === 7) ? r.body.data : undefined;
  if (/^\/webhooks\//.test(r.route) && (r.method === "POST" || r.method === "PATCH")) return r.body;
  if (/^\/channels\/\d+\/messages$/.test(r.route) && r.method === "POST") return r.body;
  return undefined;
}

/** Every message the bot tried to send or edit must parse no mentions at all. */
export function expectNoMentionsAnywhere(requests: RecordedRequest[]): void {
  const bodies = requests.map(messageBody).filter((b): b is Record<string, unknown> => b !== undefined);
  for (const b of bodies) expect(b.allowed_mentions, JSON.stringify(b).slice(0, 300)).toEqual({ parse: [], replied_user: false });
}

interface Embed { title?: string; description?: string; fields?: { name: string; value: string; inline?: boolean }[]; footer?: { text: string } }
interface Row { components: { custom_id: string; label: string; style: number }[] }

export const embedsOf = (body: unknown): Embed[] => ((body as { embeds?: Embed[] } | undefined)?.embeds ?? []);
export const buttonsOf = (body: unknown) => ((body as { components?: Row[] } | undefined)?.components ?? []).flatMap((r) => r.components);
export const textOf = (body: unknown): string => [
  (body as { content?: string } | undefined)?.content ?? "",
  ...embedsOf(body).flatMap((e) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ""]),
].join("\n");

export const isCallback = (r: RecordedRequest) => /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.route);
export const isEditOriginal = (r: RecordedRequest) => r.method === "PATCH" && /\/messages\/(@|%40)original$/.test(r.route);
export const isFollowUp = (r: RecordedRequest) => r.method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(r.route);
export const isChannelPost = (channel: string) => (r: RecordedRequest) => r.method === "POST" && r.route === `/channels/${channel}/messages`;

export { GUILD_ID };

/** Per test: a fresh bot over one core shared by the file; afterwards every request is checked for pings. */
export function useBot(set: (bot: Bot, core: Core) => void): void {
  let core: Core;
  let bot: Bot;
  beforeAll(() => { core = testCore(); });
  beforeEach(async () => {
    bot = await startBot(core);
    set(bot, core);
  });
  afterEach(async () => {
    expectNoMentionsAnywhere(bot.fake.requests);
    await bot.close();
  });
}
