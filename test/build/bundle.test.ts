// The `ask` entry runs as one bundled file (scripts/bundle.mjs), and the
// freshness check keeps the bundle as fresh as the modules: an edit to any
// source it holds rebuilds it before the entry loads, and without esbuild the
// entry goes back to its plain module instead of answering with old code.
// Exercised for real in a throwaway project with the real scripts, esbuild and
// TypeScript from node_modules.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/child.ts";
import { runThroughFreshDist, throwawayProject, writeSource } from "../helpers/throwaway-project.ts";

let dir: string;

const source = (path: string, text: string, ageS = 0) => writeSource(dir, path, text, ageS);
const runAsk = () => runThroughFreshDist(dir, "dist/src/cli/ask.js");
const ask = () => readFileSync(join(dir, "dist/src/cli/ask.js"), "utf8");
const manifest = () => join(dir, "dist/src/cli/ask.js.bundle.json");

beforeEach(() => {
  dir = throwawayProject("bundle", ["scripts/fresh-dist.mjs", "scripts/bundle.mjs", "tsconfig.build.json", "tsconfig.json"]);
  source("src/cli/ask.ts", 'import { word } from "../word.ts";\nconsole.log(word);\n', -60);
  source("src/word.ts", 'export const word: string = "first";\n', -60);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the bundled ask entry", () => {
  it("is built as one file that imports none of our modules, with the list of sources it holds", () => {
    const r = runAsk();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("first\n");
    expect(ask()).not.toMatch(/from "\.\.\/word\.js"/);
    expect(ask()).toContain('"first"');
    expect((JSON.parse(readFileSync(manifest(), "utf8")) as { inputs: string[] }).inputs).toEqual(["src/cli/ask.ts", "src/word.ts"]);
  });

  it("is rebuilt when a source inside it changes, so it never answers with old code", () => {
    expect(runAsk().stdout).toBe("first\n");
    source("src/word.ts", 'export const word: string = "second";\n', 5);
    expect(runAsk().stdout).toBe("second\n");
    expect(ask()).not.toMatch(/from "\.\.\/word\.js"/);
  });

  it("is rebuilt after tsc alone rewrote the entry as a plain module", () => {
    expect(runAsk().stdout).toBe("first\n");
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: dir, encoding: "utf8" });
    expect(tsc.status, tsc.stdout).toBe(0);
    expect(ask()).toMatch(/from "\.\.\/word\.js"/);
    expect(runAsk().stdout).toBe("first\n");
    expect(ask()).not.toMatch(/from "\.\.\/word\.js"/);
  });

  it("goes back to the plain module, with the edit, when esbuild is not installed", () => {
    expect(runAsk().stdout).toBe("first\n");
    // node_modules with TypeScript only.
    rmSync(join(dir, "node_modules"));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(ROOT, "node_modules/typescript"), join(dir, "node_modules/typescript"), "dir");
    source("src/word.ts", 'export const word: string = "second";\n', 5);
    const r = runAsk();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("second\n");
    expect(ask()).toMatch(/from "\.\.\/word\.js"/);
    expect(existsSync(manifest())).toBe(false);
  });

  it("is kept when only package.json or node_modules changed and there is neither esbuild nor TypeScript (an install without dev dependencies)", () => {
    expect(runAsk().stdout).toBe("first\n");
    rmSync(join(dir, "node_modules"));
    mkdirSync(join(dir, "node_modules"));
    source("package.json", JSON.stringify({ type: "module", name: "pruned" }), 5);
    const r = runAsk();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("first\n");
    expect(existsSync(manifest())).toBe(true);
  });
});
