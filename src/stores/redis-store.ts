// A store for several replicas behind a load balancer: Redis, one hash per
// key (d = JSON value, v = version, e = expiry in ms). Compare-and-set runs as
// one Lua script, so two replicas racing on a quiz never both win. Expiry is
// checked against the injected clock (like the other stores) and Redis's own
// PEXPIRE removes the key a little later.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { StoreUnavailableError, type SetOptions, type StateStore, type Versioned } from "../core/state-store.ts";

const SET_SCRIPT = `
local now = tonumber(ARGV[4])
local cur = redis.call('HMGET', KEYS[1], 'v', 'e')
local version = tonumber(cur[1]) or 0
local expires = tonumber(cur[2])
if expires and expires > 0 and expires <= now then version = 0 end
local expected = tonumber(ARGV[3])
if expected >= 0 and version ~= expected then return -1 end
version = version + 1
local ttl = tonumber(ARGV[2])
local e = 0
if ttl > 0 then e = now + ttl end
redis.call('HSET', KEYS[1], 'd', ARGV[1], 'v', version, 'e', e)
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl + 60000) else redis.call('PERSIST', KEYS[1]) end
return version
`;

/** How long one command may wait for Redis before the turn is told to try again. */
const COMMAND_TIMEOUT_MS = 2000;

const globEscape = (s: string) => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

export class RedisStore implements StateStore {
  private readonly redis: Redis;

  constructor(url: string, private readonly now: () => number = Date.now, private readonly prefix = "role-mentor:") {
    // While Redis is away, commands fail within seconds instead of queueing:
    // a queued write replayed after the person was told "try again" would apply twice.
    this.redis = new Redis(url, {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      autoResendUnfulfilledCommands: false,
      enableOfflineQueue: true, // only until the first connection: start-up may issue commands before it
      retryStrategy: (times) => Math.min(times * 200, 1000),
    });
    this.redis.once("ready", () => { this.redis.options.enableOfflineQueue = false; });
    // Outages are reported through isReady() and the failing turns; an unhandled 'error' event would end the process.
    this.redis.on("error", () => undefined);
    this.redis.defineCommand("casSet", { numberOfKeys: 1, lua: SET_SCRIPT });
  }

  /**
   * The per-person rate limit in this Redis, so replicas count one person together.
   * While Redis is away, each process limits on its own (insurance) rather than failing the turn.
   */
  rateLimiter(points: number, durationSeconds: number): RateLimiterRedis {
    return new RateLimiterRedis({
      storeClient: this.redis, points, duration: durationSeconds, keyPrefix: `${this.prefix}rate`,
      insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
    });
  }

  isReady(): boolean {
    return this.redis.status === "ready";
  }

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const [d, v, e] = await this.reach(() => this.redis.hmget(this.prefix + key, "d", "v", "e"));
    if (d == null || v == null) return undefined;
    if (e && Number(e) > 0 && Number(e) <= this.now()) {
      await this.reach(() => this.redis.del(this.prefix + key));
      return undefined;
    }
    return { value: JSON.parse(d) as T, version: Number(v) };
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<number | undefined> {
    const casSet = (this.redis as unknown as { casSet: (...args: (string | number)[]) => Promise<number> }).casSet;
    const version = await this.reach(() => casSet.call(this.redis, this.prefix + key, JSON.stringify(value), options.ttlMs ?? 0, options.expectedVersion ?? -1, this.now()));
    return version < 0 ? undefined : version;
  }

  async delete(key: string): Promise<void> {
    await this.reach(() => this.redis.del(this.prefix + key));
  }

  /**
   * SCAN (incremental, never blocks Redis) for keys under this store's prefix containing `fragment`,
   * the rate limiter's counters and expired keys Redis has not removed yet included; without the prefix.
   */
  async keysContaining(fragment: string): Promise<string[]> {
    const glob = globEscape(fragment);
    const found = new Set<string>();
    let cursor = "0";
    do {
      const [next, keys] = await this.reach(() => this.redis.scan(cursor, "MATCH", `${globEscape(this.prefix)}*${glob}*`, "COUNT", 1000));
      for (const k of keys) found.add(k);
      cursor = next;
    } while (cursor !== "0");
    return [...found].map((k) => k.slice(this.prefix.length));
  }

  /** Connection problems become StoreUnavailableError; errors Redis itself answers (a script error) stay what they are. */
  private async reach<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof Error && err.name === "ReplyError") throw err;
      throw new StoreUnavailableError(err);
    }
  }

  async close(): Promise<void> {
    if (this.redis.status !== "end") await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
