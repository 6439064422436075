// The SQLite store's WAL checkpoints run in a worker thread: a commit never
// copies the log into the database file (and fsyncs) on the main thread, yet
// the log is still folded in, in the background, and nothing is lost.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "role-mentor-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const value = { state: { history: Array.from({ length: 20 }, (_, i) => `question-${i}`) }, padding: "x".repeat(3000) };
async function writeMany(store: SqliteStore, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await store.set(`quiz:person:${i}`, { ...value, i });
}

describe("SqliteStore checkpoints", () => {
  it("no commit checkpoints on the main thread, however large the log grows", async () => {
    const path = join(dir, "quiet.sqlite");
    // The background checkpoint far away: whatever reaches the database file here, a commit put there.
    const store = new SqliteStore(path, Date.now, { checkpointEveryMs: 600_000 });
    const before = statSync(path).size;
    await writeMany(store, 10);
    expect(store.checkpointer).toBeUndefined(); // a few writes (a terminal chat) start no thread
    await writeMany(store, 1500); // well past SQLite's auto-checkpoint at 1,000 pages
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(4_000_000);
    expect(statSync(path).size).toBe(before);
    await store.close();
  });

  it("the worker folds the log into the database file by itself, and every write is there after a reopen", async () => {
    const path = join(dir, "busy.sqlite");
    const store = new SqliteStore(path, Date.now, { checkpointEveryMs: 50 });
    const before = statSync(path).size;
    await writeMany(store, 1500);
    const deadline = Date.now() + 10_000;
    while (store.checkpointer!.checkpointed === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(store.checkpointer!.checkpointed).toBeGreaterThan(0);
    expect(statSync(path).size).toBeGreaterThan(before + 4_000_000);
    await store.close();
    const reopened = new SqliteStore(path);
    expect((await reopened.get<{ i: number }>("quiz:person:1499"))?.value.i).toBe(1499);
    expect((await reopened.get<{ i: number }>("quiz:person:0"))?.value.i).toBe(0);
    await reopened.close();
  });
});
