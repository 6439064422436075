// Loads and cross-checks the topic files (outlook, tool choices, starting
// points) with the same reader as the rest of knowledge/, so their problems
// are reported with file and path like any other.
import type { z } from "zod";
import { TOPIC_FILES, type Topics } from "./topics-schema.ts";

/** The reader load.ts uses: parse and validate one file, collecting problems; undefined on failure. */
export type ReadFile = <S extends z.ZodType>(file: string, schema: S) => z.infer<S> | undefined;
type Problem = { file: string; path: string; message: string };

export function readTopics(read: ReadFile): Topics | undefined {
  const outlook = read(TOPIC_FILES.outlook.path, TOPIC_FILES.outlook.schema);
  const toolChoices = read(TOPIC_FILES.toolChoices.path, TOPIC_FILES.toolChoices.schema);
  const startingPoints = read(TOPIC_FILES.startingPoints.path, TOPIC_FILES.startingPoints.schema);
  if (!outlook || !toolChoices || !startingPoints) return undefined;
  return { outlook: outlook.outlook, toolChoices, startingPoints: startingPoints.starting_points };
}

/** Ids that must be unique within their file: one outlook per role, one entry per id. */
export function checkTopics(topics: Topics, at: (file: string) => string): Problem[] {
  const problems: Problem[] = [];
  const unique = (file: string, list: string[], what: string, key: string) => {
    const seen = new Set<string>();
    list.forEach((id, i) => {
      if (seen.has(id)) problems.push({ file: at(file), path: `${key}.${i}`, message: `${what} '${id}' appears twice` });
      seen.add(id);
    });
  };
  unique(TOPIC_FILES.outlook.path, topics.outlook.map((o) => o.role), "outlook for role", "outlook");
  unique(TOPIC_FILES.toolChoices.path, topics.toolChoices.choices.map((c) => c.id), "tool choice", "choices");
  unique(TOPIC_FILES.startingPoints.path, topics.startingPoints.map((s) => s.id), "starting point", "starting_points");
  return problems;
}
