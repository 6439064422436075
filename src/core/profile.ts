// What the mentor remembers about a person across their conversations on one
// platform (channels, threads and the quiz DM alike): a background they told
// it and the region they are in. Kept for the conversation context's time to live.
import { z } from "zod";
import { RoleId } from "../knowledge/schema.ts";
import type { Actor, Address } from "./events.ts";
import type { StateStore } from "./state-store.ts";

export const Background = z.object({
  /** The taxonomy role they come from, or null when it is not one (a teacher, a physics PhD). */
  from: RoleId.nullable(),
  /** A short description in the mentor's words, e.g. "QA tester" (never the person's whole message). */
  label: z.string().min(1).max(80),
  /** A described starting point outside the taxonomy (knowledge/starting-points.yaml id), when one matched. */
  startingPoint: z.string().max(60).optional(),
});
export type Background = z.infer<typeof Background>;

export const Profile = z.object({
  background: Background.optional(),
  /** A region id of knowledge/regions.yaml, e.g. "UK". */
  region: z.string().min(1).max(40).optional(),
});
export type Profile = z.infer<typeof Profile>;

/** Per person per platform: a Discord DM has no workspace, and the person is the same there. */
export function profileKey(address: Address, actor: Actor): string {
  return ["profile", address.platform, actor.id].join(":");
}

export async function getProfile(store: StateStore, address: Address, actor: Actor): Promise<Profile> {
  const parsed = Profile.safeParse((await store.get(profileKey(address, actor)))?.value);
  return parsed.success ? parsed.data : {};
}

/** Merge a change into the stored profile (last writer wins: a profile is advisory, not a ledger). */
export async function updateProfile(store: StateStore, address: Address, actor: Actor, patch: Partial<Profile>, ttlMs: number): Promise<Profile> {
  const next = Profile.parse({ ...(await getProfile(store, address, actor)), ...patch });
  await store.set(profileKey(address, actor), next, { ttlMs });
  return next;
}

export async function forgetProfile(store: StateStore, address: Address, actor: Actor): Promise<void> {
  await store.delete(profileKey(address, actor));
}
