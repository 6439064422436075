// The anonymous knowledge-gap log: questions the mentor could not answer well
// (out of scope, "Did you mean", low confidence) and 👍/👎 on answers, so that
// knowledge authors see what to add. No user, channel or community id is kept;
// records live in day buckets that expire after 30 days, each bucket bounded.
import { z } from "zod";
import { IntentId, RoleId } from "../knowledge/schema.ts";
import type { StateStore } from "../core/state-store.ts";
import { scrubGapText } from "./gap-text.ts";

export const GAP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Records per day bucket: a flood cannot grow the store without bound. */
export const GAP_BUCKET_MAX = 500;
const CAS_TRIES = 8;

export const GapKind = z.enum(["out-of-scope", "did-you-mean", "low-confidence", "thumbs-down", "thumbs-up"]);
export type GapKind = z.infer<typeof GapKind>;

export const GapRecord = z.object({
  kind: GapKind,
  /** Scrubbed question (see gap-text.ts); absent for 👍/👎 on a button answer. */
  text: z.string().max(200).optional(),
  /** How the mentor read it. */
  intent: IntentId,
  roles: z.array(RoleId),
  confidence: z.number().min(0).max(1),
  at: z.number().int(),
});
export type GapRecord = z.infer<typeof GapRecord>;

const Bucket = z.array(GapRecord);

const bucketKey = (day: number) => `gaps:${day}`;
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

export interface GapInput {
  kind: GapKind;
  text?: string;
  intent: GapRecord["intent"];
  roles: GapRecord["roles"];
  confidence: number;
}

/**
 * Append one record to today's bucket (compare-and-set, so replicas do not
 * overwrite each other). Returns false when nothing was kept: the text could not
 * be scrubbed into something safe, or today's bucket is full.
 */
export async function recordGap(store: StateStore, input: GapInput, now = Date.now()): Promise<boolean> {
  const text = input.text === undefined ? undefined : scrubGapText(input.text);
  if (input.text !== undefined && text === undefined) return false;
  const record = GapRecord.parse({ ...input, text, confidence: Math.round(input.confidence * 100) / 100, at: now });
  const key = bucketKey(dayOf(now));
  for (let i = 0; i < CAS_TRIES; i++) {
    const current = await store.get<unknown>(key);
    const parsed = Bucket.safeParse(current?.value);
    const records = parsed.success ? parsed.data : [];
    if (records.length >= GAP_BUCKET_MAX) return false;
    const ttlMs = (GAP_DAYS + 1) * DAY_MS - (now % DAY_MS);
    if (await store.set(key, [...records, record], { ttlMs, expectedVersion: current?.version ?? 0 })) return true;
  }
  return false;
}

/** Every record of the last 30 days, oldest first (buckets that expired or were corrupted are skipped). */
export async function listGaps(store: StateStore, now = Date.now()): Promise<GapRecord[]> {
  const today = dayOf(now);
  const out: GapRecord[] = [];
  for (let day = today - GAP_DAYS + 1; day <= today; day++) {
    const parsed = Bucket.safeParse((await store.get<unknown>(bucketKey(day)))?.value);
    if (parsed.success) out.push(...parsed.data.filter((r) => now - r.at < GAP_DAYS * DAY_MS));
  }
  return out;
}
