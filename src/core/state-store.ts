// The storage port: get/set/delete with a time to live and a compare-and-set
// version, so two writers racing on one key never both win.
export interface Versioned<T> {
  value: T;
  version: number;
}

export interface SetOptions {
  ttlMs?: number;
  /** Write only if the stored version is this one (0 = the key must not exist). */
  expectedVersion?: number;
}

export interface StateStore {
  /** False while a shared store cannot be reached (Redis down); stores in the process are always ready. */
  isReady?(): boolean;
  get<T>(key: string): Promise<Versioned<T> | undefined>;
  /** Returns the new version, or undefined when expectedVersion did not match. */
  set<T>(key: string, value: T, options?: SetOptions): Promise<number | undefined>;
  delete(key: string): Promise<void>;
  /**
   * Every stored key that contains `fragment`, expired ones not yet removed included, so that deleting
   * them leaves nothing behind (rarely used, never on a turn's hot path: /forget and a community's
   * removal find what is stored about a person or a community this way).
   */
  keysContaining(fragment: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The store cannot be reached right now (a shared store's server is down or
 * restarting). Nothing of the operation was applied; the turn should say
 * "try again in a moment" rather than fail, and the store recovers by itself.
 */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super("the state store is unavailable", { cause });
    this.name = "StoreUnavailableError";
  }
}

/** In-process store; values are copied so callers cannot mutate stored state. */
export class MemoryStore implements StateStore {
  private readonly entries = new Map<string, { json: string; version: number; expiresAt: number | null }>();
  constructor(private readonly now: () => number = Date.now) {}

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const e = this.live(key);
    return e ? { value: JSON.parse(e.json) as T, version: e.version } : undefined;
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<number | undefined> {
    const current = this.live(key);
    if (options.expectedVersion !== undefined && (current?.version ?? 0) !== options.expectedVersion) return undefined;
    const version = (current?.version ?? 0) + 1;
    this.entries.set(key, { json: JSON.stringify(value), version, expiresAt: options.ttlMs ? this.now() + options.ttlMs : null });
    return version;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async keysContaining(fragment: string): Promise<string[]> {
    return [...this.entries.keys()].filter((k) => k.includes(fragment));
  }

  async close(): Promise<void> {}

  private live(key: string) {
    const e = this.entries.get(key);
    if (e && e.expiresAt !== null && e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}
