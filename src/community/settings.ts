// What a community admin decides for their Discord server or Slack workspace:
// where the bot answers mentions, whether command answers are public, a
// per-channel cooldown, the default salary region, knowledge-gap recording and
// listening mode. Stored per community until changed or until the bot leaves.
import { z } from "zod";
import type { StateStore } from "../core/state-store.ts";

/** A channel id as platforms send them: Discord snowflakes, Slack C…/G… ids. */
export const ChannelId = z.string().regex(/^(?:\d{15,21}|[CG][A-Z0-9]{6,14})$/, "not a channel id");

export const CommunitySettings = z.object({
  /** Channels where mentions are answered; empty = every channel the bot can see. */
  mentionChannels: z.array(ChannelId).max(100).default([]),
  /** Default visibility of command answers in channels. */
  commandReplies: z.enum(["public", "private"]).default("public"),
  /** Least time between two unprompted or repeated answers to the same person in one channel. */
  cooldownSeconds: z.number().int().min(0).max(86_400).default(30),
  /** Region salary answers lead with when the person has not said where they are (null: the United States figures). */
  salaryRegion: z.string().regex(/^[a-z]{2}(?:-[a-z0-9]{1,8})?$/).nullable().default(null),
  /** Record anonymous knowledge gaps (off by default). */
  recordGaps: z.boolean().default(false),
  /** Offer help unprompted in these channels (off by default; needs the platform's message-content access). */
  listening: z.object({ enabled: z.boolean().default(false), channels: z.array(ChannelId).max(100).default([]) }).default({ enabled: false, channels: [] }),
  /** Slack: people allowed to change settings besides workspace admins and owners. */
  admins: z.array(z.string().regex(/^[UW][A-Z0-9]{6,14}$|^\d{15,21}$/)).max(50).default([]),
});
export type CommunitySettings = z.infer<typeof CommunitySettings>;

export const DEFAULT_SETTINGS: CommunitySettings = CommunitySettings.parse({});

export interface Community {
  platform: string;
  /** Discord guild id or Slack team id. */
  id: string;
}

const key = (c: Community) => `community:${c.platform}:${c.id}`;

/** The community's settings; defaults when none are stored or what is stored no longer validates. */
export async function getSettings(store: StateStore, community: Community): Promise<CommunitySettings> {
  const parsed = CommunitySettings.safeParse((await store.get<unknown>(key(community)))?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Apply a validated change with compare-and-set, so two admins editing at once both land. */
export async function updateSettings(store: StateStore, community: Community, patch: Partial<CommunitySettings>): Promise<CommunitySettings> {
  for (let i = 0; i < 8; i++) {
    const current = await store.get<unknown>(key(community));
    const base = CommunitySettings.safeParse(current?.value);
    const next = CommunitySettings.parse({ ...(base.success ? base.data : DEFAULT_SETTINGS), ...patch });
    if (await store.set(key(community), next, { expectedVersion: current?.version ?? 0 })) return next;
  }
  throw new Error("community settings are changing too fast; try again");
}

/** The bot was removed from the server or workspace: its settings go with it. */
export async function deleteSettings(store: StateStore, community: Community): Promise<void> {
  await store.delete(key(community));
}

/** How long a process trusts the settings it read: the bound on how stale another replica's change may look. */
export const SETTINGS_TTL_MS = 5000;
/** Communities whose settings one process keeps at most (the oldest read is dropped first). */
const MAX_CACHED = 10_000;

/**
 * The settings every turn reads, cached for a few seconds so a busy channel costs one store read per
 * TTL instead of one per message. A change through this cache (the config command, a removal) is
 * seen at once in this process; another replica sees it when its entry expires (SETTINGS_TTL_MS).
 */
export class SettingsCache {
  private readonly entries = new Map<string, { at: number; settings: Promise<CommunitySettings> }>();

  constructor(private readonly store: StateStore, private readonly ttlMs = SETTINGS_TTL_MS, private readonly now: () => number = Date.now) {}

  get(community: Community): Promise<CommunitySettings> {
    const k = key(community);
    const cached = this.entries.get(k);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.settings;
    const settings = getSettings(this.store, community);
    this.remember(k, settings);
    // A failed read (the store away) is not remembered: the next turn asks again.
    settings.catch(() => { if (this.entries.get(k)?.settings === settings) this.entries.delete(k); });
    return settings;
  }

  async update(community: Community, patch: Partial<CommunitySettings>): Promise<CommunitySettings> {
    const next = await updateSettings(this.store, community, patch);
    this.remember(key(community), Promise.resolve(next));
    return next;
  }

  async delete(community: Community): Promise<void> {
    this.entries.delete(key(community));
    await deleteSettings(this.store, community);
    this.entries.delete(key(community));
  }

  private remember(k: string, settings: Promise<CommunitySettings>): void {
    this.entries.delete(k);
    if (this.entries.size >= MAX_CACHED) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(k, { at: this.now(), settings });
  }
}

/** Mentions are answered in every channel unless the admin listed some. */
export const answersMentionsIn = (s: CommunitySettings, channel: string) => s.mentionChannels.length === 0 || s.mentionChannels.includes(channel);

/** Listening mode applies only in the channels the admin turned it on for. */
export const listensIn = (s: CommunitySettings, channel: string) => s.listening.enabled && s.listening.channels.includes(channel);
