// `npm run kb:check`: validate and cross-check knowledge/; non-zero exit on any problem.
import { resolve } from "node:path";
import { loadKnowledge, KnowledgeError } from "../knowledge/load.ts";

const dir = resolve(process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? "knowledge");
try {
  const kb = loadKnowledge(dir);
  const figures = [...kb.roles.values()].flatMap((r) => Object.values(r.aspects).flatMap((s) => s?.figures ?? [])).length;
  const regional = kb.regions.flatMap((r) => r.pay).length;
  console.log(
    `knowledge OK: ${kb.roles.size} roles, ${kb.comparisons.length} comparisons, ${kb.transitions.length} transitions, ` +
      `${kb.paths.length} learning paths, ${kb.resources.length} resources, ${kb.glossary.length} glossary terms, ${figures} figures with source and date, ` +
      `${regional} pay figures for ${kb.regions.length - 1} regions outside the US with currency, measure, proxy, source and date`,
  );
} catch (err) {
  if (err instanceof KnowledgeError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
}
