// A throwaway project for the build tests: the real scripts and tsconfigs
// copied in, the real node_modules linked, `"type": "module"` as in the real
// package.json (NodeNext takes the module format from it).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./child.ts";

/** A new project folder holding copies of `files` (paths relative to the repository). */
export function throwawayProject(name: string, files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), `role-mentor-${name}-`));
  mkdirSync(join(dir, "scripts"));
  for (const f of files) copyFileSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return dir;
}

/** Write a source file with an mtime `ageS` seconds from now (later than any output written before). */
export function writeSource(dir: string, path: string, text: string, ageS = 0): void {
  const file = join(dir, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  const t = Date.now() / 1000 + ageS;
  utimesSync(file, t, t);
}

/** Run a compiled entry of the project the way the package scripts do, through the freshness check. */
export function runThroughFreshDist(dir: string, entry: string, env?: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ["--import", "./scripts/fresh-dist.mjs", entry], { cwd: dir, encoding: "utf8", timeout: 30_000, ...(env ? { env } : {}) });
}
