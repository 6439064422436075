// The embedded default store: one SQLite table, WAL mode, compare-and-set by
// version inside a transaction, lazy expiry. Survives restarts (and SIGKILL:
// every write is committed before the call returns). Checkpoints run in a
// worker thread (sqlite-checkpointer.ts), so no commit waits for an fsync.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { SetOptions, StateStore, Versioned } from "../core/state-store.ts";
import { SqliteCheckpointer } from "./sqlite-checkpointer.ts";

/** About when SQLite's own auto-checkpoint would first have run (a write is one to three pages). */
const WRITES_BEFORE_CHECKPOINTER = 300;

export interface SqliteStoreOptions {
  /** How often the background checkpoint runs (default 500 ms). */
  checkpointEveryMs?: number;
}

export class SqliteStore implements StateStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string]>;
  private readonly upsert: Database.Statement<[string, string, number, number | null]>;
  private readonly del: Database.Statement<[string]>;
  private readonly keysStmt: Database.Statement<[string]>;
  private readonly setTx: Database.Transaction<(key: string, json: string, options: SetOptions) => number | undefined>;
  /** Started after WRITES_BEFORE_CHECKPOINTER writes; never for ":memory:" (no WAL). */
  checkpointer?: SqliteCheckpointer;
  private startCheckpointer?: () => void;
  private writes = 0;

  constructor(path: string, private readonly now: () => number = Date.now, opts: SqliteStoreOptions = {}) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(`CREATE TABLE IF NOT EXISTS state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      version INTEGER NOT NULL,
      expires_at INTEGER
    )`);
    this.getStmt = this.db.prepare("SELECT value, version, expires_at FROM state WHERE key = ?");
    this.upsert = this.db.prepare(
      "INSERT INTO state (key, value, version, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = excluded.version, expires_at = excluded.expires_at",
    );
    this.del = this.db.prepare("DELETE FROM state WHERE key = ?");
    // instr, not LIKE: a fragment with % or _ matches literally.
    this.keysStmt = this.db.prepare("SELECT key FROM state WHERE instr(key, ?) > 0");
    this.setTx = this.db.transaction((key: string, json: string, options: SetOptions) => {
      const current = this.row(key);
      if (options.expectedVersion !== undefined && (current?.version ?? 0) !== options.expectedVersion) return undefined;
      const version = (current?.version ?? 0) + 1;
      this.upsert.run(key, json, version, options.ttlMs ? this.now() + options.ttlMs : null);
      return version;
    });
    if (path !== ":memory:") {
      // The worker checkpoints instead of the commit that crosses 1,000 pages. It starts with the
      // writing (a terminal chat or a CLI never writes that much and never pays for the thread).
      this.db.pragma("wal_autocheckpoint = 0");
      this.startCheckpointer = () => { this.checkpointer = new SqliteCheckpointer(path, opts.checkpointEveryMs ?? 500); };
    }
  }

  private row(key: string): { value: string; version: number } | undefined {
    const r = this.getStmt.get(key) as { value: string; version: number; expires_at: number | null } | undefined;
    if (!r) return undefined;
    if (r.expires_at !== null && r.expires_at <= this.now()) {
      this.del.run(key);
      return undefined;
    }
    return r;
  }

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const r = this.row(key);
    return r ? { value: JSON.parse(r.value) as T, version: r.version } : undefined;
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<number | undefined> {
    if (++this.writes === WRITES_BEFORE_CHECKPOINTER) this.startCheckpointer?.();
    return this.setTx.immediate(key, JSON.stringify(value), options);
  }

  async delete(key: string): Promise<void> {
    this.del.run(key);
  }

  async keysContaining(fragment: string): Promise<string[]> {
    // Expired rows too: expiry is lazy here, and a deletion must leave no row behind.
    return (this.keysStmt.all(fragment) as { key: string }[]).map((r) => r.key);
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
