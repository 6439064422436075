// Checks on where facts come from: nothing rests on a source marked weak, every
// figure names a year, and figures older than two years are reported as warnings.
import { join } from "node:path";
import { displayPath } from "./display-path.ts";
import type { KnowledgeParts } from "./knowledge-base.ts";
import type { KnowledgeProblem } from "./load.ts";
import type { Figure, Source } from "./schema.ts";
import { regionalFigures } from "./regions.ts";

type At = (file: string, path: string, message: string) => void;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * The date of the data an as-of text names: the last day of the latest period
 * it mentions that has already ended by `today` ("May 2024" → 2024-05-31;
 * "2024-2034 projections" → 2024-12-31, the base year, since the horizon lies
 * ahead; "2026-01" → 2026-01-31). Undefined when it names no year.
 */
export function asOfDate(asOf: string, today: Date = new Date(8.64e15)): Date | undefined {
  let latest: Date | undefined;
  for (const m of asOf.matchAll(/(?:\b([A-Za-z]{3,})\s+)?\b((?:19|20)\d{2})(?:-(0[1-9]|1[0-2])(?!\d))?/g)) {
    const named = m[1] ? MONTHS.findIndex((x) => x.startsWith(m[1]!.toLowerCase())) : -1;
    const month = m[3] ? Number(m[3]) - 1 : named >= 0 ? named : 11;
    const year = Number(m[2]);
    const start = new Date(Date.UTC(year, m[3] || named >= 0 ? month : 0, 1));
    if (start > today) continue;
    const end = new Date(Date.UTC(year, month + 1, 0));
    if (!latest || end > latest) latest = end;
  }
  return latest;
}

/** Every figure in the role files with where it sits. */
function figures(kb: KnowledgeParts): { file: string; path: string; figure: Figure }[] {
  const out: { file: string; path: string; figure: Figure }[] = [];
  for (const [id, role] of kb.roles)
    for (const [aspect, section] of Object.entries(role.aspects))
      section?.figures.forEach((figure, i) => out.push({ file: `roles/${id}.yaml`, path: `aspects.${aspect}.figures.${i}`, figure }));
  return out;
}

export function sourceProblems(kb: KnowledgeParts, at: At): void {
  for (const { file, path, figure } of figures(kb)) {
    if (figure.source.quality === "weak")
      at(file, `${path}.source`, `the figure '${figure.value}' rests on a source marked weak ('${figure.source.name}'): cite the primary or a reputable source, or drop the figure`);
    if (!asOfDate(figure.source.as_of))
      at(file, `${path}.source.as_of`, `'${figure.source.as_of}' names no year: give the date of the data (or, for an undated page, when it was read)`);
  }
  // A list of sources may include a weak one next to better ones, never weak ones alone.
  const notOnlyWeak = (file: string, path: string, sources: Source[]) => {
    if (sources.length > 0 && sources.every((s) => s.quality === "weak"))
      at(file, path, `rests only on sources marked weak (${sources.map((s) => `'${s.name}'`).join(", ")}): add a primary or reputable source, or drop the claim`);
  };
  for (const [id, role] of kb.roles) {
    for (const [aspect, section] of Object.entries(role.aspects)) if (section) notOnlyWeak(`roles/${id}.yaml`, `aspects.${aspect}.sources`, section.sources);
    if (role.interview) notOnlyWeak(`roles/${id}.yaml`, "interview.sources", role.interview.sources);
  }
  kb.comparisons.forEach((c, i) => notOnlyWeak("comparisons.yaml", `comparisons.${i}.sources`, c.sources));
  kb.transitions.forEach((t, i) => {
    notOnlyWeak("transitions.yaml", `transitions.${i}.sources`, t.sources);
    if (t.duration.source?.quality === "weak") at("transitions.yaml", `transitions.${i}.duration.source`, "a duration rests on a source marked weak");
  });
  kb.paths.forEach((p, i) => {
    notOnlyWeak("paths.yaml", `paths.${i}.sources`, p.sources);
    if (p.duration.source?.quality === "weak") at("paths.yaml", `paths.${i}.duration.source`, "a duration rests on a source marked weak");
  });
  kb.glossary.forEach((t, i) => notOnlyWeak("glossary.yaml", `terms.${i}.source`, [t.source, ...t.further_sources]));
  kb.jobSearch.topics.forEach((t, i) => notOnlyWeak("job-search.yaml", `topics.${i}.sources`, t.sources));
  notOnlyWeak("decision.yaml", "sources", kb.decision.sources);
}

/** Every source in the knowledge base with the file and path it sits at. */
function allSources(kb: KnowledgeParts): { file: string; path: string; source: Source }[] {
  const out: { file: string; path: string; source: Source }[] = [];
  const add = (file: string, path: string, sources: Source[]) => sources.forEach((source, i) => out.push({ file, path: `${path}.${i}`, source }));
  for (const [id, role] of kb.roles) {
    for (const [aspect, section] of Object.entries(role.aspects)) if (section) add(`roles/${id}.yaml`, `aspects.${aspect}.sources`, section.sources);
    if (role.interview) add(`roles/${id}.yaml`, "interview.sources", role.interview.sources);
  }
  for (const { file, path, figure } of [...figures(kb), ...regionalFigures(kb.regions)]) out.push({ file, path: `${path}.source`, source: figure.source });
  kb.comparisons.forEach((c, i) => add("comparisons.yaml", `comparisons.${i}.sources`, c.sources));
  kb.transitions.forEach((t, i) => add("transitions.yaml", `transitions.${i}.sources`, [...t.sources, ...(t.duration.source ? [t.duration.source] : [])]));
  kb.paths.forEach((p, i) => add("paths.yaml", `paths.${i}.sources`, [...p.sources, ...(p.duration.source ? [p.duration.source] : [])]));
  kb.glossary.forEach((t, i) => add("glossary.yaml", `terms.${i}.sources`, [t.source, ...t.further_sources]));
  kb.jobSearch.topics.forEach((t, i) => add("job-search.yaml", `topics.${i}.sources`, t.sources));
  add("decision.yaml", "sources", kb.decision.sources);
  return out;
}

/**
 * Things kb:check reports without failing: figures more than two years old, and
 * source names with "; " in them (answers list sources separated by "; ", so
 * such a name shows up cut in two).
 */
export function knowledgeWarnings(kb: KnowledgeParts, dir: string, today: Date): KnowledgeProblem[] {
  const split = allSources(kb)
    .filter(({ source }) => source.name.includes("; "))
    .map(({ file, path, source }) => ({
      file: displayPath(join(dir, file)),
      path: `${path}.name`,
      message: `the source name '${source.name.slice(0, 60)}…' contains '; ', which splits it in two in an answer's Sources line: use a comma`,
    }));
  return [...staleFigureWarnings(kb, dir, today), ...split];
}

/** Figures (role pages and pay outside the US) whose data is more than two years older than `today`: shown, but worth refreshing. */
export function staleFigureWarnings(kb: KnowledgeParts, dir: string, today: Date): KnowledgeProblem[] {
  const limit = new Date(Date.UTC(today.getUTCFullYear() - 2, today.getUTCMonth(), today.getUTCDate()));
  const dated: { file: string; path: string; figure: Pick<Figure, "value" | "source"> }[] = [...figures(kb), ...regionalFigures(kb.regions)];
  return dated.flatMap(({ file, path, figure }) => {
    // A figure already marked historic says so to people; it needs no reminder.
    if (/historic/i.test(figure.source.as_of)) return [];
    const date = asOfDate(figure.source.as_of, today);
    if (!date || date >= limit) return [];
    return [{
      file: displayPath(join(dir, file)),
      path: `${path}.source.as_of`,
      message: `the figure '${figure.value}' is from '${figure.source.as_of}', more than two years before ${today.toISOString().slice(0, 10)}: look for newer data or mark it as historic`,
    }];
  });
}
