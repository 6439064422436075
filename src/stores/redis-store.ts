// A store for several replicas behind a load balancer: Redis, one hash per
// key (d = JSON value, v = version, e = expiry in ms). Compare-and-set runs as
// one Lua script, so two replicas racing on a quiz never both win. Expiry is
// checked against the injected clock (like the other stores) and Redis's own
// PEXPIRE removes the key a little later.
import { Redis } from "ioredis";
import type { SetOptions, StateStore, Versioned } from "../core/state-store.ts";

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

export class RedisStore implements StateStore {
  private readonly redis: Redis;

  constructor(url: string, private readonly now: () => number = Date.now, private readonly prefix = "role-mentor:") {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.defineCommand("casSet", { numberOfKeys: 1, lua: SET_SCRIPT });
  }

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const [d, v, e] = await this.redis.hmget(this.prefix + key, "d", "v", "e");
    if (d == null || v == null) return undefined;
    if (e && Number(e) > 0 && Number(e) <= this.now()) {
      await this.redis.del(this.prefix + key);
      return undefined;
    }
    return { value: JSON.parse(d) as T, version: Number(v) };
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<number | undefined> {
    const casSet = (this.redis as unknown as { casSet: (...args: (string | number)[]) => Promise<number> }).casSet;
    const version = await casSet.call(this.redis, this.prefix + key, JSON.stringify(value), options.ttlMs ?? 0, options.expectedVersion ?? -1, this.now());
    return version < 0 ? undefined : version;
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    if (this.redis.status !== "end") await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
