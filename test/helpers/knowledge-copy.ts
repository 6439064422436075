// Throw-away copies of knowledge/ for tests that break a file on purpose;
// removed after the test file has run.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { ROOT } from "./child.ts";
import { loadKnowledge, KnowledgeError, type KnowledgeProblem } from "../../src/knowledge/load.ts";

export const KNOWLEDGE = join(ROOT, "knowledge");

/** Returns a function that copies knowledge/ to a temp folder, applies `edit`, and returns the folder. */
export function knowledgeCopies(): (edit: (dir: string) => void) => string {
  const temp: string[] = [];
  afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (edit) => {
    const dir = mkdtempSync(join(tmpdir(), "role-mentor-kb-"));
    temp.push(dir);
    cpSync(KNOWLEDGE, dir, { recursive: true });
    edit(dir);
    return dir;
  };
}

/** The problems loading `dir` reports; none when it loads. */
export function loadProblems(dir: string): KnowledgeProblem[] {
  try {
    loadKnowledge(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) return err.problems;
    throw err;
  }
  return [];
}
