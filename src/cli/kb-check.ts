// `npm run kb:check`: validate and cross-check knowledge/; non-zero exit on any problem.
// Warnings (figures more than two years old, source names an answer would cut) go to stderr and do not fail the check.
import { resolve } from "node:path";
import { loadKnowledge, KnowledgeError, formatProblem } from "../knowledge/load.ts";
import { knowledgeWarnings } from "../knowledge/source-check.ts";

const dir = resolve(process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? "knowledge");
try {
  const kb = loadKnowledge(dir);
  const figures = [...kb.roles.values()].flatMap((r) => Object.values(r.aspects).flatMap((s) => s?.figures ?? [])).length;
  const regional = kb.regions.flatMap((r) => r.pay).length;
  console.log(
    `knowledge OK: ${kb.roles.size} roles, ${kb.comparisons.length} comparisons, ${kb.transitions.length} transitions, ` +
      `${kb.paths.length} learning paths, ${kb.resources.length} resources, ${kb.glossary.length} glossary terms, ${kb.titles.length} job titles, ${figures} figures with source and date, ` +
      `${regional} pay figures for ${kb.regions.length - 1} regions outside the US with currency, measure, proxy, source and date`,
  );
  // KB_CHECK_TODAY pins the date for tests; otherwise today.
  const today = process.env.KB_CHECK_TODAY ? new Date(`${process.env.KB_CHECK_TODAY}T00:00:00Z`) : new Date();
  const warnings = knowledgeWarnings(kb, dir, today);
  if (warnings.length > 0)
    console.error(`${warnings.length} warning${warnings.length === 1 ? "" : "s"} (not errors):\n${warnings.map((w) => `warning:${formatProblem(w)}`).join("\n")}`);
} catch (err) {
  if (err instanceof KnowledgeError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
}
