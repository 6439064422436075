import { z } from "zod";
if (process.argv[2] === "jitless") z.config({ jitless: true });
const { loadKnowledge } = await import("./dist/src/knowledge/load.js");
let C = process.cpuUsage(); const t = performance.now();
loadKnowledge("knowledge");
const c = process.cpuUsage(C);
console.log(process.argv[2] ?? "jit", (performance.now() - t).toFixed(0), "cpu", ((c.user + c.system) / 1000).toFixed(0));
