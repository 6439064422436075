// Result cards are rendered off the main thread, in one worker started on the
// first card (or when a quiz starts), so a burst of results never delays
// anyone's answer. Idle, the worker never keeps the process alive.
import { Worker } from "node:worker_threads";
import type { CardInputInput } from "./card.ts";

/** Under tsx (tests, development) the worker must register tsx itself; compiled, it is plain JavaScript. */
const RUNNING_TS = import.meta.url.endsWith(".ts");
const ENTRY = new URL(`./card-render-worker.${RUNNING_TS ? "ts" : "js"}`, import.meta.url);
/** One card should take well under a second; a worker that hangs is replaced. */
const TIMEOUT_MS = 20_000;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { done: (png: Buffer) => void; fail: (err: Error) => void; timer: NodeJS.Timeout }>();

function start(): Worker {
  const w = RUNNING_TS ? new Worker(new URL("./card-worker-boot.mjs", import.meta.url), { workerData: { entry: ENTRY.href } }) : new Worker(ENTRY);
  w.on("message", (m: { id: number; png?: Uint8Array; error?: string }) => {
    const job = pending.get(m.id);
    if (!job) return;
    pending.delete(m.id);
    clearTimeout(job.timer);
    if (pending.size === 0) w.unref();
    if (m.png) job.done(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
    else job.fail(new Error(m.error ?? "card not rendered"));
  });
  const lost = (err: Error) => {
    if (worker === w) worker = undefined;
    for (const [id, job] of pending) {
      pending.delete(id);
      clearTimeout(job.timer);
      job.fail(err);
    }
  };
  w.on("error", lost);
  w.on("exit", (code) => lost(new Error(`card worker exited (${code})`)));
  // After the listeners: attaching a 'message' listener refs the worker again.
  w.unref();
  return w;
}

/** Start the worker and its renderers ahead of the first card. */
export function warmCardThread(): void {
  (worker ??= start()).postMessage({ id: -1, warm: true });
}

/** The card as a PNG, rendered in the worker. */
export function renderCardOffThread(input: CardInputInput): Promise<Buffer> {
  const w = (worker ??= start());
  const id = ++nextId;
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      fail(new Error("card rendering timed out"));
      // A stuck worker is replaced; the next card starts a fresh one.
      if (worker === w) { worker = undefined; void w.terminate(); }
    }, TIMEOUT_MS);
    timer.unref();
    pending.set(id, { done, fail, timer });
    // While a card is on its way the worker keeps the process alive; idle, it never does.
    w.ref();
    w.postMessage({ id, input });
  });
}
