// Under tsx (tests, development) a worker thread does not inherit tsx's
// loader: this registers it, then loads the TypeScript worker named in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
