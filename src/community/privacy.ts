// /forget across a person's conversations: every conversation context written
// for a person is listed under one key per person and platform, so /forget can
// delete them all (the store has no key scan). The reply says what was deleted.
import { z } from "zod";
import { reply, type Reply } from "../core/reply.ts";
import type { Actor, Address } from "../core/events.ts";
import type { StateStore } from "../core/state-store.ts";

/** Enough for an active person; the oldest entries drop off (their contexts expire on their own). */
const MAX_LISTED = 200;
const Listed = z.array(z.string()).max(MAX_LISTED);

export const conversationsKey = (address: Pick<Address, "platform">, actor: Actor) => ["ctxlist", address.platform, actor.id].join(":");

/** Note that `key` holds a context of this person; kept as long as the contexts themselves. */
export async function rememberConversation(store: StateStore, address: Address, actor: Actor, key: string, ttlMs: number): Promise<void> {
  const listKey = conversationsKey(address, actor);
  const parsed = Listed.safeParse((await store.get(listKey))?.value);
  const listed = parsed.success ? parsed.data : [];
  // One write per new conversation, not per turn.
  if (listed.includes(key)) return;
  await store.set(listKey, [...listed, key].slice(-MAX_LISTED), { ttlMs });
}

/** Delete every listed context of the person (and `current`); the number of conversations that had one. */
export async function forgetConversations(store: StateStore, address: Address, actor: Actor, current: string): Promise<number> {
  const listKey = conversationsKey(address, actor);
  const parsed = Listed.safeParse((await store.get(listKey))?.value);
  const keys = new Set([...(parsed.success ? parsed.data : []), current]);
  let had = 0;
  for (const key of keys) {
    if (await store.get(key)) had++;
    await store.delete(key);
  }
  await store.delete(listKey);
  return had;
}

const PLATFORM_NAMES: Record<string, string> = { discord: "Discord", slack: "Slack", terminal: "this terminal", test: "this platform" };

/** What /forget deleted, in plain words. */
export function forgotReply(platform: string, conversations: number): Reply {
  const where = PLATFORM_NAMES[platform] ?? platform;
  return reply([
    { type: "text", text: `Done: I deleted everything I stored about you on ${where}.` },
    { type: "list", title: "Deleted", items: [
      "your quiz answers and your last result (with its result card)",
      `the conversation context of ${conversations === 1 ? "1 conversation" : `${conversations} conversations`} (what we last talked about)`,
      "the background and region you told me",
      "your message count for the rate limit",
    ] },
    { type: "context", text: "Anonymous knowledge-gap records (kept only where a community turned them on) carry no name or id, so they cannot be traced to you or deleted per person; they expire after 30 days." },
  ], [], { visibility: "private" });
}
