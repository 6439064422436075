// Reads knowledge/ from disk, validates every file with its zod schema and
// returns one frozen, indexed KnowledgeBase. Any problem stops start-up with
// an error that names the file, the path inside it and the problem.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { displayPath } from "./display-path.ts";
import yaml from "js-yaml";
import type { z } from "zod";
import { KNOWLEDGE_FILES, ROLES_DIR, RoleFile, type RoleId } from "./schema.ts";
import { buildKnowledgeBase, type KnowledgeBase, type KnowledgeParts } from "./knowledge-base.ts";
import { crossCheck } from "./cross-check.ts";
import { checkTopics, readTopics } from "./topics.ts";
import { commentCuts } from "./prose.ts";
import { TITLES_FILE } from "./titles-schema.ts";
import { checkRegions, readRegions } from "./regions.ts";
import { knowledgeKey, readCached, writeCached } from "./validated-cache.ts";

export interface KnowledgeProblem {
  file: string;
  /** Dotted path inside the file, e.g. `aspects.salary.figures.0.source.as_of`; empty for the whole file. */
  path: string;
  message: string;
}

/** Longest problem message shown: one that quotes a huge value is cut, so the report stays readable. */
const MAX_MESSAGE = 400;
const clipped = (p: KnowledgeProblem): KnowledgeProblem =>
  p.message.length <= MAX_MESSAGE ? p : { ...p, message: `${p.message.slice(0, MAX_MESSAGE)}… (cut; ${p.message.length} characters)` };

export class KnowledgeError extends Error {
  readonly problems: KnowledgeProblem[];

  constructor(found: KnowledgeProblem[]) {
    const problems = found.map(clipped);
    super(
      `The knowledge base has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "KnowledgeError";
    this.problems = problems;
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  return `  ${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`;
}

/**
 * The file's text, or why it cannot be used. Checked before reading: a FIFO
 * would block start-up forever and a directory would throw EISDIR. Invalid
 * UTF-8 is refused (a lenient decode would silently put U+FFFD into answers).
 */
export function readText(full: string, read: (path: string) => Buffer = readFileSync): string | { path?: string; problem: string } {
  let bytes: Buffer;
  try {
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return { problem: "file is missing (or a symbolic link to nothing)" };
    if (!stat.isFile()) return { problem: stat.isDirectory() ? "is a directory, not a YAML file" : "is not a regular file" };
    bytes = read(full);
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Buffer): string | { path: string; problem: string } {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { path: invalidUtf8Position(bytes), problem: "is not valid UTF-8 text" };
  }
}

/** `line L, column C` of the first byte sequence that is not UTF-8. */
function invalidUtf8Position(bytes: Buffer): string {
  // In stream mode a prefix cut inside a character is still valid, so validity
  // of prefixes is monotone and the longest valid one is found by bisection.
  const valid = (n: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  // Stream mode holds back a character cut at the end: `before` is the text up to the bad sequence.
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, lo), { stream: true });
  const lines = before.split("\n");
  return `line ${lines.length}, column ${[...lines.at(-1)!].length + 1}`;
}

/** Parse one YAML file and validate it; problems are collected, not thrown. */
function readValidated<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: KnowledgeProblem[],
): z.infer<S> | undefined {
  const full = join(dir, file);
  const name = displayPath(full);
  const text = readText(full);
  if (typeof text !== "string") {
    problems.push({ file: name, path: text.path ?? "", message: text.problem });
    return undefined;
  }
  let data: unknown;
  try {
    // CORE_SCHEMA: dates such as 2024-05-01 stay text, as the schemas expect.
    data = yaml.load(text, { filename: name, schema: yaml.CORE_SCHEMA });
  } catch (e) {
    if (!(e instanceof yaml.YAMLException)) throw e;
    problems.push({ file: name, path: `line ${e.mark.line + 1}, column ${e.mark.column + 1}`, message: `invalid YAML: ${e.reason}` });
    return undefined;
  }
  for (const cut of commentCuts(text, data))
    problems.push({ file: name, path: `line ${cut.line}`, message: `text cut short by a YAML comment ('${cut.text}'): put the text in quotes` });
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // Name the offending value too ("unknown role 'ml-enginer'" is easier to fix than "invalid option").
      const got = "input" in issue && issue.input !== undefined && typeof issue.input !== "object" ? ` (got ${JSON.stringify(issue.input).slice(0, 60)})` : "";
      problems.push({ file: name, path: issue.path.map(String).join("."), message: `${issue.message}${got}` });
    }
    return undefined;
  }
  return parsed.data;
}

/** The .yaml names in a folder; a missing or unreadable folder is a problem, not a crash. */
function listYaml(folder: string, problems: KnowledgeProblem[]): string[] {
  try {
    return readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push({ file: displayPath(folder), path: "", message: code === "ENOENT" ? "folder is missing" : `folder cannot be read (${code ?? (e as Error).message})` });
    return [];
  }
}

export interface LoadOptions {
  /**
   * A folder for the validated-knowledge cache (validated-cache.ts): a warm
   * start with unchanged knowledge and code skips parsing and validation.
   * Without it (kb:check, tests of the loader) every file is read and checked.
   */
  cacheDir?: string;
}

/** Load, validate and cross-check knowledge/; throws KnowledgeError listing every problem. */
export function loadKnowledge(dir: string, options: LoadOptions = {}): KnowledgeBase {
  if (!options.cacheDir) return buildKnowledgeBase(validatedParts(dir));
  const key = knowledgeKey(dir);
  const cached = key ? readCached(options.cacheDir, key) : undefined;
  if (cached) return buildKnowledgeBase(cached);
  const parts = validatedParts(dir);
  // Stored only when the files hashed the same after reading as before: nothing changed under the loader.
  if (key && knowledgeKey(dir) === key) writeCached(options.cacheDir, key, parts);
  return buildKnowledgeBase(parts);
}

/** Every file read, parsed, validated and cross-checked: the parts of the knowledge base, or a KnowledgeError. */
function validatedParts(dir: string): KnowledgeParts {
  const problems: KnowledgeProblem[] = [];
  const rolesDir = join(dir, ROLES_DIR);
  const roleFiles = listYaml(rolesDir, problems);
  const roles = roleFiles
    .map((f) => {
      const role = readValidated(dir, join(ROLES_DIR, f), RoleFile, problems);
      if (role && `${role.id}.yaml` !== f) {
        problems.push({ file: displayPath(join(dir, ROLES_DIR, f)), path: "id", message: `id '${role.id}' does not match the file name` });
      }
      return role;
    })
    .filter((r) => r !== undefined);

  const read = <K extends keyof typeof KNOWLEDGE_FILES>(key: K) =>
    readValidated(dir, KNOWLEDGE_FILES[key].path, KNOWLEDGE_FILES[key].schema, problems) as
      | z.infer<(typeof KNOWLEDGE_FILES)[K]["schema"]>
      | undefined;
  const comparisons = read("comparisons");
  const transitions = read("transitions");
  const paths = read("paths");
  const resources = read("resources");
  const glossary = read("glossary");
  const decision = read("decision");
  const jobSearch = read("jobSearch");
  const lexicon = read("lexicon");
  const intents = read("intents");
  const quiz = read("quiz");
  const topics = readTopics((file, schema) => readValidated(dir, file, schema, problems));
  const titles = readValidated(dir, TITLES_FILE.path, TITLES_FILE.schema, problems);
  const regions = readRegions((file, schema) => readValidated(dir, file, schema, problems));

  if (problems.length > 0 || !topics || !regions || !comparisons || !transitions || !paths || !resources || !glossary || !decision || !jobSearch || !lexicon || !intents || !quiz || !titles) {
    throw new KnowledgeError(problems);
  }
  const parts: KnowledgeParts = {
    roles: new Map(roles.map((r) => [r.id as RoleId, r])),
    comparisons: comparisons.comparisons,
    transitions: transitions.transitions,
    paths: paths.paths,
    resources: resources.resources,
    glossary: glossary.terms,
    decision,
    jobSearch,
    lexicon,
    intents,
    quiz,
    topics,
    titles: titles.titles,
    regions: regions.regions,
    regionFiller: regions.filler,
  };
  const crossProblems = [...crossCheck(parts, dir), ...checkTopics(topics, (f) => displayPath(join(dir, f))), ...checkRegions(regions, (f) => displayPath(join(dir, f)))];
  if (crossProblems.length > 0) throw new KnowledgeError(crossProblems);
  return parts;
}
