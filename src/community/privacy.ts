// /forget and a community's removal: everything stored about a person (or a
// community) on a platform is found by its id in the store's keys, whatever
// wrote it (context in every conversation, the profile, quiz and result in every
// server or workspace, cooldowns, redelivery notes, rate-limit counters), so
// nothing written later under a new key can be missed. The reply says what went.
import { reply, type Reply } from "../core/reply.ts";
import type { Address } from "../core/events.ts";
import type { StateStore } from "../core/state-store.ts";

/**
 * Where each kind of key keeps its parts (`ctx:<platform>:<workspace>:<channel>:<thread>:<person>`,
 * `quiz:person:<platform>:<workspace>:<person>`, …): the platform's index, the community's, and the index
 * the person's id starts at. The person's id runs to the end of the key, so an id with `:` in it (a
 * terminal user may pick one) is read whole.
 */
interface Layout { platform: number; community?: number; person?: number }
const OF_A_PERSON: Layout = { platform: 2, community: 3, person: 4 };
const LAYOUTS: Record<string, Layout> = {
  ctx: { platform: 1, community: 2, person: 5 },
  profile: { platform: 1, person: 2 },
  cooldown: { platform: 1, community: 2, person: 4 },
  community: { platform: 1, community: 2 },
  seen: { platform: 1 },
  quiz: OF_A_PERSON, result: OF_A_PERSON, origin: OF_A_PERSON, share: OF_A_PERSON, rate: OF_A_PERSON,
};

/** A key's layout; a kind written later and not listed here is read as `<kind>:<platform>:…:<person>`. */
function layoutOf(parts: string[]): Layout {
  return LAYOUTS[parts[0]!] ?? (parts[1] === "person" ? OF_A_PERSON : { platform: 1, community: 2, person: parts.length - 1 });
}

/**
 * Every key about a person or a community of this platform, matched by position, not anywhere: an id
 * that equals another part ("-", a channel name) or ends like another person's id never reaches someone
 * else's keys.
 */
export async function keysAbout(store: StateStore, platform: string, of: { person: string } | { community: string }): Promise<string[]> {
  const id = "person" in of ? of.person : of.community;
  return (await store.keysContaining(id)).filter((key) => {
    const parts = key.split(":");
    const layout = layoutOf(parts);
    if (parts[layout.platform] !== platform || (layout.platform === 2 && parts[1] !== "person")) return false;
    if ("community" in of) return layout.community !== undefined && parts[layout.community] === id;
    return layout.person !== undefined && parts.length > layout.person && parts.slice(layout.person).join(":") === id;
  });
}

/**
 * The person keys (`person:<platform>:<workspace or ->:<person>`, what the quiz and the rate limiter key by)
 * of every place `keys` show the person in: a quiz, result or share there, or a conversation there.
 */
export function personKeysIn(keys: string[]): string[] {
  const found = keys.map((k) => {
    const quiz = /^(?:quiz|result|origin|share|rate):(person:[^:]+:[^:]+:.+)$/.exec(k)?.[1];
    if (quiz) return quiz;
    const ctx = /^ctx:([^:]+):([^:]+):[^:]+:[^:]+:(.+)$/.exec(k);
    return ctx ? `person:${ctx[1]}:${ctx[2]}:${ctx[3]}` : undefined;
  });
  return [...new Set(found.filter((k): k is string => k !== undefined))];
}

/** The person a person key (`person:<platform>:<workspace or ->:<person>`) is about; ids with `:` are read whole. */
export const personOfKey = (personKey: string): string => personKey.split(":").slice(3).join(":");

/** The address a person key belongs to (the quiz service keys by platform, workspace and person). */
export function addressOfPersonKey(personKey: string, like: Address): Address {
  const workspace = personKey.split(":")[2]!;
  return { ...like, workspace: workspace === "-" ? null : workspace, dm: workspace === "-" ? true : like.dm };
}

export interface Forgotten {
  /** Conversations that had a context. */
  conversations: number;
  /** Servers, workspaces or DMs where a quiz or a result was kept. */
  quizPlaces: number;
  /** Short-lived entries: cooldowns, redelivery notes, rate-limit counters. */
  shortLived: number;
}

/** What the keys found about a person amount to, for the reply. */
export function forgottenOf(keys: string[]): Forgotten {
  const quizPlaces = new Set(keys.flatMap((k) => /^(?:quiz|result):(person:.+)$/.exec(k)?.[1] ?? []));
  return {
    conversations: keys.filter((k) => k.startsWith("ctx:")).length,
    quizPlaces: quizPlaces.size,
    shortLived: keys.filter((k) => /^(?:cooldown|seen|rate):/.test(k)).length,
  };
}

const PLATFORM_NAMES: Record<string, string> = { discord: "Discord", slack: "Slack", terminal: "this terminal", test: "this platform" };

/** What /forget deleted, in plain words. */
export function forgotReply(platform: string, f: Forgotten): Reply {
  const where = PLATFORM_NAMES[platform] ?? platform;
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return reply([
    { type: "text", text: `Done: I deleted everything I stored about you on ${where}.` },
    { type: "list", title: "Deleted", items: [
      `your quiz answers and your last result (with its result card)${f.quizPlaces > 1 ? `, in ${f.quizPlaces} places (servers, workspaces or our DM)` : ""}`,
      `the conversation context of ${n(f.conversations, "conversation")} (what we last talked about)`,
      "the background and region you told me",
      "your message count for the rate limit",
      ...(f.shortLived > 0 ? [`${n(f.shortLived, "short-lived note")} (cooldowns and delivery checks)`] : []),
    ] },
    { type: "context", text: "Anonymous knowledge-gap records (kept only where a community turned them on) carry no name or id, so they cannot be traced to you or deleted per person; they expire after 30 days." },
  ], [], { visibility: "private" });
}
