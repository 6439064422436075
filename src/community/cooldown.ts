// The per-channel cooldown: at most one unprompted or repeated answer to a
// person in a channel per cooldown period. Claimed with compare-and-set on the
// shared store, so two replicas seeing the same person never both answer.
import type { StateStore } from "../core/state-store.ts";

export interface CooldownSpot {
  platform: string;
  community: string;
  channel: string;
  person: string;
}

const key = (s: CooldownSpot) => `cooldown:${s.platform}:${s.community}:${s.channel}:${s.person}`;

/** True (and the period starts now) when the person may be answered here; false while a period runs. */
export async function claimCooldown(store: StateStore, spot: CooldownSpot, seconds: number): Promise<boolean> {
  if (seconds <= 0) return true;
  return (await store.set(key(spot), 1, { ttlMs: seconds * 1000, expectedVersion: 0 })) !== undefined;
}

export async function clearCooldown(store: StateStore, spot: CooldownSpot): Promise<void> {
  await store.delete(key(spot));
}
