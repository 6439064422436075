// Random mutations of the real knowledge files (keys deleted, values of
// another type, text cut short, control and unicode characters, duplicated
// keys, broken YAML syntax, huge strings, wrong ids, empty files, bytes that
// are not UTF-8): loadKnowledge either accepts the folder or throws a
// KnowledgeError whose problems name a knowledge file, a path and the problem;
// never another exception. `kb:check` on a broken copy exits 1 with
// "file at path: problem" lines and no stack trace.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import yaml from "js-yaml";
import { loadKnowledge, KnowledgeError, type KnowledgeProblem } from "../../src/knowledge/load.ts";
import { knowledgeCopies } from "../helpers/knowledge-copy.ts";
import { run } from "../helpers/child.ts";
import { applyMutations, mutations, type Mutation } from "./mutate.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const copy = knowledgeCopies();
const dir = copy(() => {});
/** Every YAML file of the copy, relative to it (roles/…, understanding/…, top level). */
const FILES = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".yaml")).sort();
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(join(dir, f))]));

/** Ids a typo or a rename produces: near misses of real ones, and shapes no id has. */
const WRONG_IDS = ["ml-enginer", "ai_engineer", "ML-Engineer", "data-scientist ", "", "-", "__proto__", "constructor", "role:1", "a".repeat(300)];
const JUNK = ["\u0000", "\u0007", "\u001b[2J", "\u200b", "\u202e", "\ufeff", "\ud800", "😀", "👩‍💻", "İ", "日本語", "\r", "\t", "\u2028", "\u0085"];

type Edit =
  | { kind: "structure"; muts: Mutation[] }
  | { kind: "string"; at: number; how: "truncate" | "insert" | "huge" | "wrong-id" | "empty"; pos: number; junk: string; id: string }
  | { kind: "text"; how: "truncate" | "insert" | "duplicate-line" | "break-syntax" | "tab-indent" | "empty" | "whitespace" | "bom" | "not-utf8"; pos: number; junk: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("structure" as const), muts: mutations }),
  fc.record({
    kind: fc.constant("string" as const), at: fc.nat(), pos: fc.nat(),
    how: fc.constantFrom("truncate" as const, "insert" as const, "huge" as const, "wrong-id" as const, "empty" as const),
    junk: fc.oneof(fc.constantFrom(...JUNK), fc.string({ unit: "binary", maxLength: 8 })), id: fc.constantFrom(...WRONG_IDS),
  }),
  fc.record({
    kind: fc.constant("text" as const), pos: fc.nat(),
    how: fc.constantFrom("truncate" as const, "insert" as const, "duplicate-line" as const, "break-syntax" as const, "tab-indent" as const, "empty" as const, "whitespace" as const, "bom" as const, "not-utf8" as const),
    junk: fc.oneof(fc.constantFrom(...JUNK, ": [", "{", "'", "\"", "- ", "&a *b", "!!binary x", "? ", "|", "%YAML 9.9"), fc.string({ unit: "binary", maxLength: 8 })),
  }),
);

/** Paths to every string value inside parsed YAML. */
function stringPaths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof v === "string") out.push(at);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, [...at, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) stringPaths(x, [...at, k], out);
  return out;
}

function changeString(data: unknown, e: Extract<Edit, { kind: "string" }>): unknown {
  const all = stringPaths(data);
  if (all.length === 0) return data;
  const path = all[e.at % all.length]!;
  let parent = data as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const s = parent[key] as string;
  const p = e.pos % (s.length + 1);
  parent[key] = e.how === "truncate" ? s.slice(0, p)
    : e.how === "insert" ? s.slice(0, p) + e.junk + s.slice(p)
    : e.how === "huge" ? s + "x".repeat(200_000)
    : e.how === "wrong-id" ? e.id
    : "";
  return data;
}

/** The bytes of `file` after the edit. */
function mutate(file: string, e: Edit): Buffer {
  const bytes = ORIGINAL.get(file)!;
  const text = bytes.toString("utf8");
  if (e.kind !== "text") {
    const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    const changed = e.kind === "structure" ? applyMutations(data, e.muts) : changeString(structuredClone(data), e);
    return Buffer.from(yaml.dump(changed, { schema: yaml.CORE_SCHEMA, lineWidth: -1 }));
  }
  const p = e.pos % (text.length + 1);
  const lines = text.split("\n");
  const l = e.pos % lines.length;
  switch (e.how) {
    case "truncate": return Buffer.from(text.slice(0, p));
    case "insert": return Buffer.from(text.slice(0, p) + e.junk + text.slice(p));
    // A key line twice in a row: a duplicated mapping key (or a duplicated list item).
    case "duplicate-line": return Buffer.from([...lines.slice(0, l + 1), lines[l]!, ...lines.slice(l + 1)].join("\n"));
    case "break-syntax": return Buffer.from([...lines.slice(0, l), `${lines[l]}${e.junk}`, ...lines.slice(l + 1)].join("\n"));
    case "tab-indent": return Buffer.from([...lines.slice(0, l), `\t${lines[l]}`, ...lines.slice(l + 1)].join("\n"));
    case "empty": return Buffer.alloc(0);
    case "whitespace": return Buffer.from(" \n\t\n");
    case "bom": return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    default: return Buffer.concat([bytes.subarray(0, p), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(p)]);
  }
}

/** What loading the folder gave: the knowledge base's size, or the problems. Anything else is thrown on. */
function load(): { ok: true } | { ok: false; problems: KnowledgeProblem[] } {
  try {
    loadKnowledge(dir);
    return { ok: true };
  } catch (err) {
    if (err instanceof KnowledgeError) return { ok: false, problems: err.problems };
    throw err;
  }
}

const knownFile = (f: string) => FILES.some((k) => f.endsWith(k)) || /(^|\/)(roles|knowledge|role-mentor-kb-\w+)$/.test(f);
const STACK = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

function expectReadable(problems: KnowledgeProblem[], file: string, what: string): void {
  expect(problems.length, what).toBeGreaterThan(0);
  for (const p of problems) {
    expect(knownFile(p.file), `${what}: ${JSON.stringify(p)}`).toBe(true);
    expect(typeof p.path, what).toBe("string");
    expect(p.message.trim().length, what).toBeGreaterThan(0);
    // One line each, of a size a person reads: no stack, no dump of a huge value.
    expect(p.message, what).not.toMatch(STACK);
    expect(p.message.length + p.path.length, `${what}: ${p.message.slice(0, 200)}`).toBeLessThan(2000);
  }
  // The broken file is named, unless the break shows where another file refers to it (and that problem says so).
  if (!problems.some((p) => p.file.endsWith(file))) {
    const base = file.split("/").at(-1)!;
    expect(problems.every((p) => p.message.includes(base) || /unknown|not found|refers|missing|no such|does not exist/i.test(p.message)), `${what}: ${JSON.stringify(problems).slice(0, 500)}`).toBe(true);
  }
}

describe("fuzz: knowledge files", () => {
  it("a mutated file is accepted or refused with file, path and problem; never another exception", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), edit, (pick, e) => {
        const file = FILES[pick % FILES.length]!;
        const what = `${file} ${JSON.stringify(e).slice(0, 200)}`;
        writeFileSync(join(dir, file), mutate(file, e));
        try {
          const r = load();
          if (!r.ok) {
            refused++;
            expectReadable(r.problems, file, what);
          }
        } finally {
          writeFileSync(join(dir, file), ORIGINAL.get(file)!);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most mutations break something; a fuzzer that only ever produced valid files would test nothing.
    expect(refused).toBeGreaterThan(RUNS / 3);
    // The copy is whole again.
    expect(load()).toEqual({ ok: true });
  }, 10_000 + RUNS * 1_500);

  it("an overlong id is refused at its own path, and no problem quotes a huge value in full", () => {
    const file = "glossary.yaml";
    const text = ORIGINAL.get(file)!.toString("utf8");
    const data = yaml.load(text, { schema: yaml.CORE_SCHEMA }) as { terms: { id: string }[] };
    data.terms[0]!.id += "x".repeat(200_000);
    writeFileSync(join(dir, file), yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 }));
    try {
      const r = load() as { ok: false; problems: KnowledgeProblem[] };
      expect(r.problems.some((p) => p.file.endsWith(file) && p.path === "terms.0.id" && /too long for an id/.test(p.message)), JSON.stringify(r.problems).slice(0, 500)).toBe(true);
      for (const p of r.problems) expect(p.message.length).toBeLessThan(500);
    } finally {
      writeFileSync(join(dir, file), ORIGINAL.get(file)!);
    }
    // A cross-file message quoting a huge value is cut where it is raised.
    expect(new KnowledgeError([{ file, path: "x", message: `unknown term id '${"y".repeat(5000)}'` }]).problems[0]!.message).toMatch(/^unknown term id 'y+… \(cut; 5018 characters\)$/);
  });

  it("an overlong name or phrase (it would break the patterns built from it) is refused at its path, not a crash", () => {
    const file = join("understanding", "lexicon.yaml");
    const data = yaml.load(ORIGINAL.get(file)!.toString("utf8"), { schema: yaml.CORE_SCHEMA }) as { roles: Record<string, string[]> };
    data.roles["ml-engineer"]![0] += "x".repeat(200_000);
    writeFileSync(join(dir, file), yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 }));
    try {
      const r = load();
      expect(r.ok).toBe(false);
      const problems = (r as { problems: KnowledgeProblem[] }).problems;
      expect(problems).toEqual([expect.objectContaining({ path: "roles.ml-engineer.0", message: expect.stringMatching(/too long for a name or phrase/) })]);
      expect(problems[0]!.file.endsWith(file)).toBe(true);
    } finally {
      writeFileSync(join(dir, file), ORIGINAL.get(file)!);
    }
  });

  it("kb:check on broken copies exits 1 with 'file at path: problem' lines and no stack trace", async () => {
    const broken = [
      copy((d) => writeFileSync(join(d, "glossary.yaml"), mutate("glossary.yaml", { kind: "text", how: "break-syntax", pos: 7, junk: ": [" }))),
      copy((d) => writeFileSync(join(d, "roles", "ml-engineer.yaml"), mutate(join("roles", "ml-engineer.yaml"), { kind: "string", how: "wrong-id", at: 0, pos: 0, junk: "", id: "ml-enginer" }))),
    ];
    const results = await Promise.all(broken.map((d) => run(["src/cli/kb-check.ts", d])));
    results.forEach((r, n) => {
      const file = n === 0 ? "glossary.yaml" : join("roles", "ml-engineer.yaml");
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
      const lines = r.stderr.split("\n").filter((l) => l.includes(relative(process.cwd(), join(broken[n]!, file))));
      expect(lines.length, r.stderr).toBeGreaterThan(0);
      for (const l of lines) expect(l).toMatch(/^\s+\S+\.yaml( at [^:]+(:[^:]+)?)?: \S/);
    });
  });
});
