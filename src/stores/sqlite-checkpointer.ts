// WAL checkpoints off the event loop. A checkpoint copies the write-ahead log
// into the database file and fsyncs both; run by SQLite's auto-checkpoint it
// happens inside whichever commit crosses 1,000 pages, on the main thread,
// stalling every other person's click for the fsync (8-50 ms, more on a busy
// disk). Here a worker thread with its own connection checkpoints on a timer
// (PASSIVE: it never waits for, or blocks, the main connection's writes).
// Durability is unchanged: a commit is in the WAL before set() returns.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Plain JavaScript (no build step, no loader): the worker only needs the driver. */
const WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("busy_timeout = 0");
const timer = setInterval(() => {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    if (r.log > 0) parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed });
  } catch {
    // SQLITE_BUSY and the like: the next round catches up.
  }
}, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export class SqliteCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  /** Frames copied into the database file so far (for tests and curiosity). */
  checkpointed = 0;

  constructor(path: string, everyMs: number) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, everyMs } });
    this.worker.on("message", (m: { checkpointed: number }) => { this.checkpointed += Math.max(0, m.checkpointed); });
    // A failing checkpointer costs only WAL growth, never a turn: the main connection still works.
    this.worker.on("error", () => undefined);
    this.exited = new Promise<void>((done) => this.worker.once("exit", () => done()));
    this.worker.unref();
  }

  /** Stop checkpointing and close the worker's connection (before the main one closes and checkpoints last). */
  async stop(): Promise<void> {
    this.worker.postMessage("stop");
    const timer = setTimeout(() => void this.worker.terminate(), 2000);
    await this.exited;
    clearTimeout(timer);
  }
}
