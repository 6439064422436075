// Knowledge files that cannot be used as text (a directory named like a YAML
// file, a file the process cannot read, a FIFO, a dangling symbolic link,
// invalid UTF-8) stop loading with the file, the path and the problem —
// through the loader, `kb:check` and start-up — never a stack dump or a hang.
import { mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText, readText } from "../../src/knowledge/load.ts";
import { cleanEnv, run } from "../helpers/child.ts";
import { KNOWLEDGE, knowledgeCopies, loadProblems } from "../helpers/knowledge-copy.ts";

const brokenCopy = knowledgeCopies();

const problemsOf = loadProblems;

const CASES: { name: string; edit: (d: string) => void; file: string; path: RegExp; message: RegExp }[] = [
  { name: "a directory named roles/zz.yaml", edit: (d) => mkdirSync(join(d, "roles", "zz.yaml")), file: join("roles", "zz.yaml"), path: /^$/, message: /is a directory/ },
  {
    name: "a dangling symbolic link in place of a file",
    edit: (d) => { unlinkSync(join(d, "glossary.yaml")); symlinkSync(join(d, "no-such-file.yaml"), join(d, "glossary.yaml")); },
    file: "glossary.yaml", path: /^$/, message: /missing/,
  },
  {
    name: "a FIFO in place of a file (reading it would block for ever)",
    edit: (d) => { unlinkSync(join(d, "glossary.yaml")); execFileSync("mkfifo", [join(d, "glossary.yaml")]); },
    file: "glossary.yaml", path: /^$/, message: /not a regular file/,
  },
  {
    name: "invalid UTF-8 in a file",
    edit: (d) => {
      const p = join(d, "decision.yaml");
      const text = readFileSync(p);
      const at = text.indexOf("\n", text.indexOf("title:")) ; // end of the title line
      writeFileSync(p, Buffer.concat([text.subarray(0, at), Buffer.from([0x20, 0xc3, 0x28]), text.subarray(at)]));
    },
    file: "decision.yaml", path: /^line \d+, column \d+$/, message: /not valid UTF-8/,
  },
];

const dirs = new Map(CASES.map((c) => [c.name, brokenCopy(c.edit)]));

describe("knowledge files that are not readable text", () => {
  for (const c of CASES) {
    it(`${c.name}: names the file, the path and the problem`, () => {
      const problems = problemsOf(dirs.get(c.name)!);
      const p = problems.find((x) => x.file.endsWith(c.file));
      expect(p, JSON.stringify(problems)).toBeDefined();
      expect(p!.path).toMatch(c.path);
      expect(p!.message).toMatch(c.message);
    });
  }

  it("points at the line and column of the first invalid byte", () => {
    const at = decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x82, 0xac, 0x63, 0xff, 0x64]));
    expect(at).toEqual({ path: "line 2, column 4", problem: "is not valid UTF-8 text" });
    // A character cut at the end of the file is invalid too.
    expect(decodeText(Buffer.from([0x61, 0xe2, 0x82]))).toMatchObject({ path: "line 1, column 2" });
    expect(decodeText(Buffer.from("é → 🤖\n"))).toBe("é → 🤖\n");
  });

  it("a file the process may not read (tests run as root, so the reader is injected) is a problem, not a throw", () => {
    const denied = () => { throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }); };
    expect(readText(join(KNOWLEDGE, "glossary.yaml"), denied)).toEqual({ problem: "cannot be read (EACCES)" });
  });

  it("a missing roles folder is a problem, not a throw", () => {
    const dir = brokenCopy((d) => rmSync(join(d, "roles"), { recursive: true }));
    expect(problemsOf(dir).some((p) => p.file.endsWith("roles") && /folder is missing/.test(p.message))).toBe(true);
  });

  it("kb:check and start-up report them as a list of problems and exit non-zero, with no stack trace", async () => {
    const names = CASES.map((c) => c.name);
    const results = await Promise.all([
      ...names.map((n) => run(["src/cli/kb-check.ts", dirs.get(n)!])),
      run(["src/main.ts", "--terminal"], { input: "", env: cleanEnv({ KNOWLEDGE_DIR: dirs.get(names[0]!)! }) }),
      run(["src/main.ts", "--terminal"], { input: "", env: cleanEnv({ KNOWLEDGE_DIR: dirs.get(names[3]!)! }) }),
    ]);
    results.forEach((r, i) => {
      const c = CASES[i] ?? CASES[i === CASES.length ? 0 : 3]!;
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).toContain(c.file);
      expect(r.stderr).toMatch(c.message);
    });
  });
});
