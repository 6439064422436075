// The package scripts run compiled JavaScript from dist/, preloading
// scripts/fresh-dist.mjs so a build older than the TypeScript never answers.
// Exercised for real in a throwaway project: the real preload, the real
// tsconfig.build.json and the real TypeScript compiler from node_modules.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, cleanEnv } from "../helpers/child.ts";
import { runThroughFreshDist, throwawayProject, writeSource } from "../helpers/throwaway-project.ts";

let dir: string;

const source = (path: string, text: string, ageS = 0) => writeSource(dir, path, text, ageS);
const runEntry = (entry = "dist/src/main.js") => runThroughFreshDist(dir, entry);

beforeEach(() => {
  dir = throwawayProject("fresh-dist", ["scripts/fresh-dist.mjs", "tsconfig.build.json", "tsconfig.json"]);
  source("src/main.ts", 'import { word } from "./word.ts";\nconst n: number = 1;\nconsole.log(`${word} ${n}`);\n', -60);
  source("src/word.ts", 'export const word: string = "first";\n', -60);
  source("src/types/ambient.d.ts", "declare const nothing: never;\n", -60);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("scripts/fresh-dist.mjs", () => {
  it("builds a missing dist/ before the entry loads, with .ts imports rewritten to .js", () => {
    const r = runEntry();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("first 1\n");
    expect(readFileSync(join(dir, "dist/src/main.js"), "utf8")).toContain('from "./word.js"');
    expect(existsSync(join(dir, "dist/src/types/ambient.d.js"))).toBe(false);
  });

  it("re-emits a file edited after the build, and leaves fresh ones alone", () => {
    expect(runEntry().stdout).toBe("first 1\n");
    const before = readFileSync(join(dir, "dist/src/main.js"), "utf8");
    source("src/word.ts", 'export const word: string = "second";\n', 5);
    const r = runEntry();
    expect(r.stdout).toBe("second 1\n");
    expect(readFileSync(join(dir, "dist/src/main.js"), "utf8")).toBe(before);
  });

  it("re-emits everything when a tsconfig changed since the build", () => {
    expect(runEntry().stdout).toBe("first 1\n");
    // The target drops to ES2019: `??` is then compiled away, which shows the file was re-emitted.
    source("src/word.ts", 'export const word: string = (undefined as string | undefined) ?? "first";\n', 0);
    runEntry();
    expect(readFileSync(join(dir, "dist/src/word.js"), "utf8")).toContain("??");
    const config = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, "")) as { compilerOptions: Record<string, unknown> };
    config.compilerOptions.target = "ES2019";
    source("tsconfig.json", JSON.stringify(config), 5);
    expect(runEntry().stdout).toBe("first 1\n");
    expect(readFileSync(join(dir, "dist/src/word.js"), "utf8")).not.toContain("??");
  });

  it("removes the output of a deleted source, so it cannot be imported any more", () => {
    runEntry();
    expect(existsSync(join(dir, "dist/src/word.js"))).toBe(true);
    rmSync(join(dir, "src/word.ts"));
    source("src/main.ts", 'console.log("alone");\n', 5);
    expect(runEntry().stdout).toBe("alone\n");
    expect(existsSync(join(dir, "dist/src/word.js"))).toBe(false);
  });

  it("refuses to start on a syntax error, naming the file, instead of running the old build", () => {
    expect(runEntry().stdout).toBe("first 1\n");
    source("src/word.ts", "export const word: string = ;\n", 5);
    const r = runEntry();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("src/word.ts");
  });
});

describe("package scripts", () => {
  const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

  it("every script on compiled code preloads the freshness check and names a real TypeScript entry", () => {
    const compiled = Object.entries(scripts).filter(([, cmd]) => /\bdist\//.test(cmd));
    expect(compiled.map(([name]) => name)).toEqual(expect.arrayContaining(["start", "chat", "ask", "decode", "kb:check", "start:sharded", "discord:register"]));
    for (const [name, cmd] of compiled) {
      expect(cmd, name).toMatch(/^node (--[\w=-]+ )*--import \.\/scripts\/fresh-dist\.mjs dist\//);
      const entry = /dist\/(\S+)\.js/.exec(cmd)![1]!;
      expect(existsSync(join(ROOT, `${entry}.ts`)), `${name}: ${entry}.ts`).toBe(true);
    }
  });

  it("npm install builds dist/ (prepare runs the build)", () => {
    expect(scripts.prepare).toBe("npm run build");
    expect(scripts.build).toBe("tsc -p tsconfig.build.json && node scripts/bundle.mjs");
  });
});

describe("the real entry points, compiled", () => {
  const compiled = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "./scripts/fresh-dist.mjs", ...args], { cwd: ROOT, env: cleanEnv(), encoding: "utf8", timeout: 60_000 });

  it("ask answers from dist/ with the same reading as the TypeScript", () => {
    const r = compiled(["dist/src/cli/ask.js", "--json", "what does an ml engineer do"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { intent: string; roles: string[] };
    expect(out.intent).toBe("role.overview");
    expect(out.roles).toEqual(["ml-engineer"]);
  });

  it("kb:check runs compiled and reads knowledge/ at run time", () => {
    const r = compiled(["dist/src/cli/kb-check.js"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^knowledge OK: \d+ roles/);
  });
});
