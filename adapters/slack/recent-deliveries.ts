// Slack redelivers an Events API event it thinks went unacknowledged
// (X-Slack-Retry-Num over HTTP, retry_attempt in Socket Mode), with the same
// event_id. This process remembers the ids it has taken, so a retry is dropped
// before any work; the core's durable dedupe (by the same id) covers restarts.
export const RECENT_DELIVERY_TTL_MS = 10 * 60 * 1000;
const MAX_REMEMBERED = 10_000;

export class RecentDeliveries {
  private readonly seen = new Map<string, number>();
  constructor(private readonly ttlMs = RECENT_DELIVERY_TTL_MS, private readonly now: () => number = Date.now) {}

  /** True the first time an id is offered (within the TTL), false for a redelivery. */
  firstTime(id: string): boolean {
    const t = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, t);
    if (this.seen.size > MAX_REMEMBERED) {
      for (const [key, when] of this.seen) {
        if (t - when >= this.ttlMs || this.seen.size > MAX_REMEMBERED) this.seen.delete(key);
        else break;
      }
    }
    return true;
  }
}
