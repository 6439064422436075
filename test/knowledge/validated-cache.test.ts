// The validated-knowledge cache: a warm start gives exactly the knowledge a
// full load gives; any change to a knowledge file or to the loader's code is a
// miss; broken knowledge reports the same problems after a warm cache as
// without one; a damaged or unwritable cache is ignored; without a cache
// folder (kb:check) nothing is read from one.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { serialize } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge, KnowledgeError, type KnowledgeProblem } from "../../src/knowledge/load.ts";
import { defaultCacheDir, knowledgeKey, readCached, writeCached } from "../../src/knowledge/validated-cache.ts";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { KNOWLEDGE, knowledgeCopies, loadProblems } from "../helpers/knowledge-copy.ts";
import { ROOT, run } from "../helpers/child.ts";
import { silentLogger } from "../helpers/core.ts";

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "role-mentor-cache-"));
  temp.push(d);
  return d;
};
const copy = knowledgeCopies();
/** A cache folder holding the clean knowledge's entry. */
const writeClean = () => {
  const dir = tempDir();
  loadKnowledge(KNOWLEDGE, { cacheDir: dir });
  return dir;
};
const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".v8"));
const problemsOf = (load: () => unknown): KnowledgeProblem[] => {
  try {
    load();
  } catch (err) {
    if (err instanceof KnowledgeError) return err.problems;
    throw err;
  }
  return [];
};
/** The knowledge base's data, without its look-up functions. */
const dataOf = (kb: object) => Object.fromEntries(Object.entries(kb).filter(([, v]) => typeof v !== "function"));

describe("the validated-knowledge cache", () => {
  it("stores clean knowledge on the first load and gives back the same knowledge on the next", () => {
    const cacheDir = tempDir();
    const full = loadKnowledge(KNOWLEDGE);
    const cold = loadKnowledge(KNOWLEDGE, { cacheDir });
    expect(entries(cacheDir)).toHaveLength(1);
    const warm = loadKnowledge(KNOWLEDGE, { cacheDir });
    expect(dataOf(warm)).toStrictEqual(dataOf(full));
    expect(dataOf(cold)).toStrictEqual(dataOf(full));
    expect(warm.role("ml-engineer")).toStrictEqual(full.role("ml-engineer"));
    expect(warm.term("rag")).toStrictEqual(full.term("rag"));
  });

  it("is what a warm start reads: a doctored entry under the right key is used with a cache folder, and never without one (kb:check)", () => {
    const cacheDir = tempDir();
    loadKnowledge(KNOWLEDGE, { cacheDir });
    const key = knowledgeKey(KNOWLEDGE)!;
    const parts = readCached(cacheDir, key)!;
    const [file] = entries(cacheDir);
    writeFileSync(join(cacheDir, file!), serialize({ key, parts: { ...parts, titles: [] } }));
    expect(loadKnowledge(KNOWLEDGE, { cacheDir }).titles).toEqual([]);
    expect(loadKnowledge(KNOWLEDGE).titles.length).toBeGreaterThan(0);
  });

  it("is never read by kb:check, even when an entry claims that broken knowledge is valid (and a start would take it)", async () => {
    const broken = copy((dir) => {
      const path = join(dir, "roles", "ml-engineer.yaml");
      writeFileSync(path, readFileSync(path, "utf8").replace(/^name: .*$/m, "name: 42"));
    });
    // A stale or doctored entry in the default cache folder, under the broken copy's own key.
    const cacheDir = defaultCacheDir()!;
    const key = knowledgeKey(broken)!;
    writeCached(cacheDir, key, readCached(writeClean(), knowledgeKey(KNOWLEDGE)!)!);
    temp.push(join(cacheDir, `knowledge-${key}.v8`));
    expect(() => createCore({ knowledgeDir: broken, store: new MemoryStore(), logger: silentLogger })).not.toThrow();
    const r = await run(["src/cli/kb-check.ts", broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ml-engineer.yaml at name");
  });

  it("changes its key when any knowledge file changes, even by a byte, or when a file is added", () => {
    const same = copy(() => {});
    const edited = copy((dir) => writeFileSync(join(dir, "glossary.yaml"), `${readFileSync(join(dir, "glossary.yaml"), "utf8")} `));
    const added = copy((dir) => writeFileSync(join(dir, "roles", "notes.txt"), "x"));
    const key = knowledgeKey(KNOWLEDGE);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(knowledgeKey(same)).toBe(key);
    expect(knowledgeKey(edited)).not.toBe(key);
    expect(knowledgeKey(added)).not.toBe(key);
  });

  it("changes its key when a folder appears, even an empty one named like a YAML file (the loader refuses it)", () => {
    const key = knowledgeKey(KNOWLEDGE);
    const withFolder = copy((dir) => mkdirSync(join(dir, "roles", "zz.yaml")));
    expect(knowledgeKey(withFolder)).not.toBe(key);
    const problems = problemsOf(() => loadKnowledge(withFolder, { cacheDir: tempDir() }));
    expect(problems).toContainEqual(expect.objectContaining({ file: expect.stringContaining("zz.yaml"), message: expect.stringMatching(/is a directory/) }));
  });

  it("has no key, so the full load reports the problem, for a FIFO, a dangling link or a linked folder", () => {
    const fifo = copy((dir) => (unlinkSync(join(dir, "glossary.yaml")), execFileSync("mkfifo", [join(dir, "glossary.yaml")])));
    const dangling = copy((dir) => (unlinkSync(join(dir, "glossary.yaml")), symlinkSync(join(dir, "nowhere.yaml"), join(dir, "glossary.yaml"))));
    const linkedFolder = copy((dir) => {
      const elsewhere = join(dir, "..", `${basename(dir)}-roles`);
      temp.push(elsewhere);
      renameSync(join(dir, "roles"), elsewhere);
      symlinkSync(elsewhere, join(dir, "roles"));
    });
    expect(knowledgeKey(fifo)).toBeUndefined();
    expect(knowledgeKey(dangling)).toBeUndefined();
    expect(knowledgeKey(linkedFolder)).toBeUndefined();
    // A linked file is hashed by what it points to.
    const linkedFile = copy((dir) => {
      renameSync(join(dir, "glossary.yaml"), join(dir, "glossary.real"));
      symlinkSync(join(dir, "glossary.real"), join(dir, "glossary.yaml"));
    });
    expect(knowledgeKey(linkedFile)).toMatch(/^[0-9a-f]{64}$/);
    expect(problemsOf(() => loadKnowledge(fifo, { cacheDir: tempDir() }))).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/not a regular file/) }));
  });

  it("changes its key when the loader's or a schema's code changes", () => {
    const code = tempDir();
    cpSync(join(ROOT, "src/knowledge"), code, { recursive: true });
    const before = knowledgeKey(KNOWLEDGE, code);
    writeFileSync(join(code, "schema.ts"), `${readFileSync(join(code, "schema.ts"), "utf8")}\n// changed\n`);
    expect(knowledgeKey(KNOWLEDGE, code)).not.toBe(before);
    // Bundled, the code is the one bundle file.
    const bundleFile = join(code, "bundle.js");
    writeFileSync(bundleFile, "one");
    const bundled = knowledgeKey(KNOWLEDGE, bundleFile);
    writeFileSync(bundleFile, "two");
    expect(knowledgeKey(KNOWLEDGE, bundleFile)).not.toBe(bundled);
  });

  it("reports a broken copy's problems, file and path, exactly as a full load does, after the cache is warm", () => {
    const cacheDir = tempDir();
    const broken = copy((dir) => {
      const path = join(dir, "roles", "ml-engineer.yaml");
      writeFileSync(path, readFileSync(path, "utf8").replace(/^name: .*$/m, "name: 42"));
    });
    loadKnowledge(KNOWLEDGE, { cacheDir });
    // The same knowledge through a core, warm, as `npm start` loads it.
    createCore({ knowledgeDir: KNOWLEDGE, store: new MemoryStore(), logger: silentLogger, knowledgeCache: cacheDir });
    const expected = loadProblems(broken);
    expect(expected).toContainEqual(expect.objectContaining({ file: expect.stringContaining("ml-engineer.yaml"), path: "name" }));
    expect(problemsOf(() => loadKnowledge(broken, { cacheDir }))).toStrictEqual(expected);
    expect(problemsOf(() => createCore({ knowledgeDir: broken, store: new MemoryStore(), logger: silentLogger, knowledgeCache: cacheDir }))).toStrictEqual(expected);
    expect(entries(cacheDir)).toHaveLength(1);
  });

  it("ignores a damaged entry and loads in full, then repairs it", () => {
    const cacheDir = tempDir();
    loadKnowledge(KNOWLEDGE, { cacheDir });
    const [file] = entries(cacheDir);
    writeFileSync(join(cacheDir, file!), "not a serialization");
    expect(loadKnowledge(KNOWLEDGE, { cacheDir }).roles.size).toBeGreaterThan(0);
    expect(readCached(cacheDir, knowledgeKey(KNOWLEDGE)!)).toBeDefined();
  });

  it("loads in full when the cache folder cannot be created", () => {
    const blocker = join(tempDir(), "a-file");
    writeFileSync(blocker, "");
    expect(loadKnowledge(KNOWLEDGE, { cacheDir: join(blocker, "cache") }).roles.size).toBeGreaterThan(0);
  });

  it("keeps a few entries, not one per knowledge copy ever loaded", () => {
    const cacheDir = tempDir();
    for (let i = 0; i < 6; i++)
      loadKnowledge(copy((dir) => writeFileSync(join(dir, `extra-${i}.txt`), String(i))), { cacheDir });
    expect(entries(cacheDir).length).toBeLessThanOrEqual(4);
  });
});
