// The knowledge base: the real one loads and covers the taxonomy; a broken copy
// stops loading (and `kb:check`) with the file, the path inside it and the problem.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument, YAMLMap, YAMLSeq, type Document } from "yaml";
import { loadKnowledge, KnowledgeError, type KnowledgeProblem } from "../../src/knowledge/load.ts";
import { knowledgeJsonSchemas } from "../../src/knowledge/json-schema.ts";
import type { RoleId } from "../../src/knowledge/schema.ts";
import { ROOT, run } from "../helpers/child.ts";
import { knowledgeCopies } from "../helpers/knowledge-copy.ts";

const KNOWLEDGE = join(ROOT, "knowledge");

/** ../shared/design/taxonomy.md, copied here so the tests do not trust the code's own lists. */
const TAXONOMY_ROLES = ["ml-engineer", "ai-engineer", "data-scientist", "mlops-engineer", "data-engineer", "research-scientist", "software-engineer", "data-analyst"];
const TAXONOMY_TERMS = [
  "mlops", "llm", "rag", "fine-tuning", "agent", "embedding", "vector-database", "feature-engineering", "feature-store", "model-drift",
  "hyperparameter-tuning", "model-compression", "ab-testing", "diffusion-model", "rlhf", "prompt-engineering", "transformer", "evals",
  "imbalanced-data", "reinforcement-learning",
];
const ASPECTS = ["focus", "responsibilities", "skills", "education", "tools", "applications", "salary", "demand"];
const REQUIRED_TRANSITIONS = [
  ["ml-engineer", "ai-engineer"], ["ai-engineer", "ml-engineer"], ["software-engineer", "ai-engineer"], ["software-engineer", "ml-engineer"],
  ["data-scientist", "ml-engineer"], ["data-scientist", "ai-engineer"], ["data-analyst", "data-scientist"], ["data-analyst", "ml-engineer"],
];

const kbCheck = (dir?: string) => run(["src/cli/kb-check.ts", ...(dir ? [dir] : [])]);

describe("the real knowledge base", () => {
  const kb = loadKnowledge(KNOWLEDGE);

  it("has every taxonomy role, the two core roles with every aspect, an interview loop and a typical day", () => {
    expect([...kb.roles.keys()].sort()).toEqual([...TAXONOMY_ROLES].sort());
    for (const id of ["ml-engineer", "ai-engineer"] as const) {
      const role = kb.role(id);
      expect(Object.keys(role.aspects).sort()).toEqual([...ASPECTS].sort());
      expect(role.interview?.stages.length).toBeGreaterThan(0);
      expect(role.aspects.responsibilities?.groups.map((g) => g.title)).toContainEqual(expect.stringMatching(/typical day/i));
    }
    expect(kb.role("software-engineer").kind).toBe("starting-point");
    expect(kb.role("data-analyst").kind).toBe("starting-point");
  });

  it("covers the taxonomy's glossary terms, the promised transitions and the ML vs AI comparison table", () => {
    const terms = new Set(kb.glossary.map((t) => t.id));
    expect(TAXONOMY_TERMS.filter((t) => !terms.has(t))).toEqual([]);
    expect(REQUIRED_TRANSITIONS.filter(([a, b]) => !kb.transition(a as RoleId, b as RoleId))).toEqual([]);
    const labels = kb.comparison(["ai-engineer", "ml-engineer"])!.table.map((r) => r.label.toLowerCase());
    expect(labels).toEqual(expect.arrayContaining(["focus", "tech stack", "project scope", "innovation level", "skills", "salary", "demand"]));
    expect(kb.decision.steps).toHaveLength(4);
    expect(kb.jobSearch.topics.map((t) => t.id).sort()).toEqual(["certifications", "interviews", "networking", "portfolio", "resume"]);
  });

  it("gives every figure in every role file a source name, an as-of date and a region (read from the raw YAML)", () => {
    let figures = 0;
    for (const file of readdirSync(join(KNOWLEDGE, "roles")).filter((f) => f.endsWith(".yaml"))) {
      const raw = parse(readFileSync(join(KNOWLEDGE, "roles", file), "utf8")) as { aspects?: Record<string, { figures?: unknown[] }> };
      for (const [aspect, section] of Object.entries(raw.aspects ?? {})) {
        (section.figures ?? []).forEach((f, i) => {
          figures++;
          const fig = f as { value?: unknown; region?: unknown; source?: { name?: unknown; as_of?: unknown } };
          const where = `${file} aspects.${aspect}.figures.${i}`;
          expect(typeof fig.value === "string" && fig.value.trim(), `${where} value`).toBeTruthy();
          expect(typeof fig.region === "string" && fig.region.trim(), `${where} region`).toBeTruthy();
          expect(typeof fig.source?.name === "string" && fig.source.name.trim(), `${where} source.name`).toBeTruthy();
          expect(typeof fig.source?.as_of === "string" && fig.source.as_of.trim(), `${where} source.as_of`).toBeTruthy();
        });
      }
    }
    // The core roles' salary and demand sections carry figures.
    expect(figures).toBeGreaterThanOrEqual(4);
    expect(kb.role("ml-engineer").aspects.salary?.figures.length).toBeGreaterThan(0);
    expect(kb.role("ai-engineer").aspects.salary?.figures.length).toBeGreaterThan(0);
  });

  it("passes kb:check (exit 0; stderr holds at most warnings, never problems)", async () => {
    const { code, stdout, stderr } = await kbCheck();
    for (const line of stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^(\d+ warnings? \(not errors\):|warning: )/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/knowledge OK: 8 roles/);
  });
});

describe("JSON Schemas for editors", () => {
  const expected = knowledgeJsonSchemas();
  const dir = join(KNOWLEDGE, "schema");

  it("knowledge/schema/ holds exactly the generated schemas, and they are up to date (npm run kb:schema)", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".json")).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, schema] of Object.entries(expected)) {
      expect(JSON.parse(readFileSync(join(dir, name), "utf8")), name).toEqual(schema);
    }
  });

  it("every knowledge file points its editor at an existing schema", () => {
    const files = [
      ...readdirSync(KNOWLEDGE).filter((f) => f.endsWith(".yaml")),
      ...["roles", "understanding"].flatMap((sub) => readdirSync(join(KNOWLEDGE, sub)).filter((f) => f.endsWith(".yaml")).map((f) => join(sub, f))),
    ];
    for (const file of files) {
      const m = /^# yaml-language-server: \$schema=(\S+)/.exec(readFileSync(join(KNOWLEDGE, file), "utf8"));
      expect(m, file).not.toBeNull();
      const schemaName = m![1]!.replace(/^.*\//, "");
      expect(Object.keys(expected), file).toContain(schemaName);
    }
  });
});

// ---- Broken copies of knowledge/ ----

const brokenCopy = knowledgeCopies();

function editYaml(dir: string, file: string, change: (doc: Document) => void): void {
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, "utf8"));
  change(doc);
  writeFileSync(path, doc.toString());
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error(`loadKnowledge(${dir}) did not throw`);
}

interface Break {
  name: string;
  edit: (dir: string) => void;
  file: string;
  path: RegExp;
  message: RegExp;
}

const BREAKS: Break[] = [
  {
    name: "invalid YAML syntax",
    edit: (d) => {
      const p = join(d, "decision.yaml");
      writeFileSync(p, readFileSync(p, "utf8").replace(/^title:.*$/m, 'title: "a quote that never closes'));
    },
    file: "decision.yaml",
    path: /^line \d+, column \d+$/,
    message: /invalid YAML/i,
  },
  {
    name: "a number where a string is needed",
    edit: (d) => editYaml(d, "roles/ml-engineer.yaml", (doc) => doc.setIn(["name"], 42)),
    file: join("roles", "ml-engineer.yaml"),
    path: /^name$/,
    message: /expected string, received number/i,
  },
  {
    name: "an unknown role id",
    edit: (d) => editYaml(d, "transitions.yaml", (doc) => doc.setIn(["transitions", 0, "to"], "prompt-whisperer")),
    file: "transitions.yaml",
    path: /^transitions\.0\.to$/,
    message: /expected one of .*"ml-engineer"/i,
  },
  {
    name: "a figure without as_of",
    edit: (d) => editYaml(d, "roles/ai-engineer.yaml", (doc) => doc.deleteIn(["aspects", "salary", "figures", 0, "source", "as_of"])),
    file: join("roles", "ai-engineer.yaml"),
    path: /^aspects\.salary\.figures\.0\.source\.as_of$/,
    message: /expected string/i,
  },
  {
    name: "a misspelt key",
    edit: (d) => editYaml(d, "paths.yaml", (doc) => doc.setIn(["paths", 0, "sumary"], "typo")),
    file: "paths.yaml",
    path: /^paths\.0$/,
    message: /unrecognized key.*sumary/i,
  },
  {
    name: "a transition naming an unknown resource id",
    edit: (d) => editYaml(d, "transitions.yaml", (doc) => (doc.getIn(["transitions", 0, "resources"]) as YAMLSeq).add("no-such-resource")),
    file: "transitions.yaml",
    path: /^transitions\.0\.resources\.\d+$/,
    message: /unknown resource id 'no-such-resource'/,
  },
  {
    name: "a missing taxonomy glossary term",
    edit: (d) => editYaml(d, "glossary.yaml", (doc) => {
      const terms = doc.get("terms") as YAMLSeq<YAMLMap>;
      terms.delete(terms.items.findIndex((t) => t.get("id") === "rlhf"));
    }),
    file: "glossary.yaml",
    path: /^terms$/,
    message: /missing taxonomy term 'rlhf'/,
  },
  {
    name: "an invented figure in a role's salary prose",
    edit: (d) => editYaml(d, "roles/ai-engineer.yaml", (doc) => (doc.getIn(["aspects", "salary", "points"]) as YAMLSeq).add("Some teams pay $999,999 a year.")),
    file: join("roles", "ai-engineer.yaml"),
    path: /^aspects\.salary$/,
    message: /\$999,999.*no sourced entry/,
  },
  {
    name: "a missing role file",
    edit: (d) => rmSync(join(d, "roles", "data-analyst.yaml")),
    file: join("roles", "data-analyst.yaml"),
    path: /^$/,
    message: /data-analyst/,
  },
];

describe("broken knowledge stops loading with the file, the path inside it and the problem", () => {
  const dirs = new Map(BREAKS.map((b) => [b.name, brokenCopy(b.edit)]));

  it.each(BREAKS)("$name", ({ name, file, path, message }) => {
    const err = loadError(dirs.get(name)!);
    const match = (p: KnowledgeProblem) => p.file.endsWith(file) && path.test(p.path) && message.test(p.message);
    expect(err.problems.filter(match), JSON.stringify(err.problems, null, 2)).toHaveLength(1);
    // The message people read names the same three things.
    const p = err.problems.find(match)!;
    expect(err.message).toContain(file);
    if (p.path) expect(err.message).toContain(`at ${p.path}`);
    expect(err.message).toContain(p.message);
  });

  it("reports every problem of a copy broken in several files at once, not just the first", () => {
    const dir = brokenCopy((d) => BREAKS.slice(0, 4).forEach((b) => b.edit(d)));
    const files = new Set(loadError(dir).problems.map((p) => relative(dir, resolve(p.file))));
    expect([...files].sort()).toEqual(["decision.yaml", join("roles", "ai-engineer.yaml"), join("roles", "ml-engineer.yaml"), "transitions.yaml"]);
  });

  // Figures are only allowed where a sourced entry backs them: prose elsewhere may not carry any.
  it.each([
    ["a role overview", "roles/ai-engineer.yaml", ["overview"], "AI engineers earn $999,999 on average.", /overview/],
    ["an interview loop", "roles/ml-engineer.yaml", ["interview", "summary"], "Only 3% of candidates pass.", /^interview/],
    ["a comparison row", "comparisons.yaml", ["comparisons", 0, "table", 0, "values", "ml-engineer"], "Paid $999,999.", /^comparisons\.0/],
    ["a transition", "transitions.yaml", ["transitions", 0, "summary"], "Expect a 45% raise.", /^transitions\.0/],
  ] as const)("rejects an invented figure in %s", (_, file, at, text, path) => {
    const dir = brokenCopy((d) => editYaml(d, file, (doc) => doc.setIn([...at], text)));
    const figure = /\$[\d,]+|\d+%/.exec(text)![0];
    const problems = loadError(dir).problems.filter((p) => p.file.endsWith(join(...file.split("/"))) && path.test(p.path) && p.message.includes(figure));
    expect(problems, JSON.stringify(loadError(dir).problems)).toHaveLength(1);
  });

  // kb:check is a thin wrapper over the same loader: one copy with schema-level problems in four
  // files, one with a cross-file problem, run concurrently to keep the suite fast.
  it("kb:check exits non-zero and names every broken file, the path and the problem", async () => {
    const several = brokenCopy((d) => BREAKS.slice(0, 4).forEach((b) => b.edit(d)));
    const [a, b] = await Promise.all([kbCheck(several), kbCheck(dirs.get("a transition naming an unknown resource id"))]);
    for (const r of [a, b]) {
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/^\s+at .*\.ts:\d+/m); // a list of problems, not a stack trace
    }
    for (const file of ["decision.yaml", join("roles", "ai-engineer.yaml"), join("roles", "ml-engineer.yaml"), "transitions.yaml"]) expect(a.stderr).toContain(file);
    expect(a.stderr).toMatch(/ai-engineer\.yaml at aspects\.salary\.figures\.0\.source\.as_of: /);
    expect(a.stderr).toMatch(/ml-engineer\.yaml at name: .*expected string/);
    expect(b.stderr).toMatch(/transitions\.yaml at transitions\.0\.resources\.\d+: unknown resource id 'no-such-resource'/);
  });
});
