// The worker thread that renders result cards: satori and resvg take
// 150–300 ms of CPU per card, which on the main thread would stall every
// other person's click while it runs.
import { parentPort } from "node:worker_threads";
import { renderCard, warmCardRenderer, type CardInputInput } from "./card.ts";

interface Job { id: number; input?: CardInputInput; warm?: true }

warmCardRenderer();
parentPort?.on("message", (job: Job) => {
  if (job.warm || !job.input) return;
  renderCard(job.input).then(
    (png) => parentPort!.postMessage({ id: job.id, png }),
    (err: unknown) => parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
