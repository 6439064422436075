// The rules kb:check adds beyond the schema shapes: cut-off prose (a YAML comment
// swallowing the end of a line, dangling words, unbalanced brackets), figures
// without a source or a year, facts resting only on weak sources, and warnings
// (not failures) for figures more than two years old. Each rule is shown on a
// broken copy of the real knowledge base, through the loader and through kb:check.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, YAMLSeq, type Document } from "yaml";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { sentenceProblem, commentCuts } from "../../src/knowledge/prose.ts";
import { asOfDate } from "../../src/knowledge/source-check.ts";
import { run, cleanEnv } from "../helpers/child.ts";
import { knowledgeCopies, KNOWLEDGE, loadProblems } from "../helpers/knowledge-copy.ts";

const copy = knowledgeCopies();
const kbCheck = (dir: string, today: string) => run(["src/cli/kb-check.ts", dir], { env: cleanEnv({ KB_CHECK_TODAY: today }) });

function editYaml(dir: string, file: string, change: (doc: Document) => void): void {
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, "utf8"));
  change(doc);
  writeFileSync(path, doc.toString());
}

const problems = loadProblems;

/** Append raw lines after the line that matches `anchor`, so the YAML is exactly as a person typed it. */
function insertAfter(dir: string, file: string, anchor: RegExp, lines: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8").split("\n");
  const at = text.findIndex((l) => anchor.test(l));
  if (at < 0) throw new Error(`anchor ${anchor} not found in ${file}`);
  text.splice(at + 1, 0, lines);
  writeFileSync(path, text.join("\n"));
}

describe("sentenceProblem: text that does not read as a finished sentence", () => {
  it.each([
    ["On the list, the AI consultant role at", /no full stop.*'at'/],
    ["Builds models and", /no full stop.*'and'/],
    ["Uses Docker (and Kubernetes.", /'\(' is never closed/],
    ["Ships models) fast.", /'\)' without '\('/],
    ['He said "ship it.', /odd number of '"'/],
    ["Pick the role that suits the.", /ends on 'the'/],
  ])("refuses %j", (text, why) => expect(sentenceProblem(text)).toMatch(why));

  it.each([
    "Docker and Kubernetes for serving (and scaling).",
    "Python, which many data-science teams want more of.",
    'LinkedIn calls it "AI engineer".',
    "Is it hype?",
  ])("accepts %j", (text) => expect(sentenceProblem(text)).toBeUndefined());
});

describe("commentCuts: a ' #' in plain YAML text swallows the rest of the line", () => {
  it("reports a plain line whose loaded text ends where the comment starts", () => {
    const raw = "points:\n  - Ranked #2 on the list.\n  - \"Ranked #2 on the list.\"\n  - Fine. # a note after a full sentence\n";
    const data = { points: ["Ranked", "Ranked #2 on the list.", "Fine."] };
    expect(commentCuts(raw, data).map((c) => c.line)).toEqual([2, 4]);
  });

  it("leaves a # inside a block scalar or quotes alone, since it stays in the text", () => {
    const raw = "overview: >-\n  Issue #2 is fixed.\nsummary: \"C # minor.\"\n";
    expect(commentCuts(raw, { overview: "Issue #2 is fixed.", summary: "C # minor." })).toEqual([]);
  });
});

describe("asOfDate: the date of the data", () => {
  const today = new Date("2026-12-02T00:00:00Z");
  it.each([
    ["May 2024", "2024-05-31"],
    ["2024-2034 projections", "2024-12-31"],
    ["2026-01", "2026-01-31"],
    ["January 2026 (job starts 2023-01 to 2025-07)", "2026-01-31"],
    ["2024 hiring (published May 2025)", "2025-05-31"],
  ])("%j → %s", (text, date) => expect(asOfDate(text, today)?.toISOString().slice(0, 10)).toBe(date));
  it("is undefined when no year is named", () => expect(asOfDate("undated (article claim)", today)).toBeUndefined());
});

describe("broken copies are refused with file, path and problem", () => {
  it("text cut by a YAML comment ('ranked #2' read as 'ranked')", () => {
    const dir2 = copy((d) => insertAfter(d, "roles/mlops-engineer.yaml", /BLS does not track MLOps engineers separately/, "      - Our platform team ranked #2 in the survey."));
    const found = problems(dir2);
    expect(found.some((p) => p.file.endsWith("mlops-engineer.yaml") && /^line \d+$/.test(p.path) && /cut short by a YAML comment/.test(p.message)), JSON.stringify(found)).toBe(true);
    expect(found.some((p) => p.path === "aspects.demand.points.1" && /looks cut off: no full stop/.test(p.message) && p.message.includes('"Our platform team ranked"')), JSON.stringify(found)).toBe(true);
  });

  it.each([
    ["a dangling word", "Builds the serving layer for"],
    ["an unclosed bracket", "Builds the serving layer (and monitoring."],
  ])("prose with %s", (_, text) => {
    const dir = copy((d) => editYaml(d, "glossary.yaml", (doc) => doc.setIn(["terms", 0, "definition"], text)));
    const found = problems(dir);
    expect(found.filter((p) => p.file.endsWith("glossary.yaml") && p.path === "terms.0.definition" && /looks cut off/.test(p.message)), JSON.stringify(found)).toHaveLength(1);
  });

  it.each([
    ["a glossary definition", "glossary.yaml", ["terms", 0, "why_it_matters"], "Used by 45% of teams.", /^terms\.0$/],
    ["a job-search point", "job-search.yaml", ["topics", 0, "points", 0], "Recruiters read 1,200 CVs a week.", /^topics\.0$/],
    ["a resource description", "resources.yaml", ["resources", 0, "why"], "Ranked #1 by readers.", /^resources\.0$/],
    ["a role's demand prose", "roles/ai-engineer.yaml", ["aspects", "demand", "points", 0], "Hires average 4.2 years of experience.", /^aspects\.demand$/],
  ] as const)("an unsourced figure in %s", (_, file, at, text, path) => {
    const dir = copy((d) => editYaml(d, file, (doc) => doc.setIn([...at], text)));
    const found = problems(dir);
    expect(found.filter((p) => p.file.endsWith(file) && path.test(p.path) && /has no source|no sourced entry/.test(p.message)), JSON.stringify(found)).toHaveLength(1);
  });

  it("a version number is not a figure", () => {
    const dir = copy((d) => editYaml(d, "resources.yaml", (doc) => doc.setIn(["resources", 0, "why"], "The notebooks run on Python 3.12 and PyTorch 2.5.")));
    expect(problems(dir).filter((p) => p.file.endsWith("resources.yaml"))).toEqual([]);
  });

  it("a figure whose as_of names no year", () => {
    const dir = copy((d) => editYaml(d, "roles/ai-engineer.yaml", (doc) => doc.setIn(["aspects", "salary", "figures", 0, "source", "as_of"], "undated")));
    const found = problems(dir);
    expect(found.filter((p) => p.path === "aspects.salary.figures.0.source.as_of" && /names no year/.test(p.message)), JSON.stringify(found)).toHaveLength(1);
  });

  it("a figure resting on a source marked weak", () => {
    const dir = copy((d) => editYaml(d, "roles/ml-engineer.yaml", (doc) => doc.setIn(["aspects", "salary", "figures", 1, "source", "quality"], "weak")));
    const found = problems(dir);
    expect(found.filter((p) => p.path === "aspects.salary.figures.1.source" && /marked weak/.test(p.message)), JSON.stringify(found)).toHaveLength(1);
  });

  it("a section whose sources are all marked weak, while a weak source next to a good one is allowed", () => {
    const dir = copy((d) => editYaml(d, "roles/ai-engineer.yaml", (doc) => {
      const sources = doc.getIn(["aspects", "demand", "sources"]) as YAMLSeq;
      sources.items.forEach((_, i) => doc.setIn(["aspects", "demand", "sources", i, "quality"], "weak"));
      doc.setIn(["aspects", "skills", "sources", 0, "quality"], "weak");
    }));
    const found = problems(dir);
    expect(found.filter((p) => p.path === "aspects.demand.sources" && /only on sources marked weak/.test(p.message)), JSON.stringify(found)).toHaveLength(1);
    expect(found.filter((p) => p.path === "aspects.skills.sources")).toEqual([]);
  });

  it("kb:check fails on these with the problem named, not a stack trace", async () => {
    const dir = copy((d) => insertAfter(d, "roles/mlops-engineer.yaml", /BLS does not track MLOps engineers separately/, "      - Our platform team ranked #2 in the survey."));
    const r = await kbCheck(dir, "2026-12-02");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/mlops-engineer\.yaml at line \d+: text cut short by a YAML comment/);
    expect(r.stderr).not.toMatch(/^\s+at .*\.ts:\d+/m);
  });
});

describe("figures more than two years old are warnings, not failures", () => {
  it("warns on stderr, keeps exit 0, and skips figures marked historic", async () => {
    const dir = copy((d) => editYaml(d, "roles/ml-engineer.yaml", (doc) => {
      doc.setIn(["aspects", "salary", "figures", 1, "source", "as_of"], "May 2021");
      doc.setIn(["aspects", "salary", "figures", 2, "source", "as_of"], "May 2020 (historic)");
    }));
    const [late, early] = await Promise.all([kbCheck(dir, "2026-12-02"), kbCheck(dir, "2022-01-15")]);
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/knowledge OK/);
    expect(late.stderr).toMatch(/warning: .*ml-engineer\.yaml at aspects\.salary\.figures\.1\.source\.as_of: .*'May 2021', more than two years before 2026-12-02/);
    expect(late.stderr).not.toMatch(/ml-engineer\.yaml at aspects\.salary\.figures\.2\.source/);
    // Seen from early 2022, a May 2021 figure is recent: no warning for it.
    expect(early.code).toBe(0);
    expect(early.stderr).not.toMatch(/ml-engineer\.yaml at aspects\.salary\.figures\.1\./);
  });

  it("warns about a source name with '; ' in it, which an answer's Sources line would cut in two", async () => {
    const dir = copy((d) => editYaml(d, "glossary.yaml", (doc) => doc.setIn(["terms", 0, "source", "name"], "A guide; second part")));
    const r = await kbCheck(dir, "2026-12-02");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*glossary\.yaml at terms\.0\.sources\.0\.name: .*contains '; '/);
  });

  it("the real knowledge base loads (warnings never stop start-up)", () => {
    expect(() => loadKnowledge(KNOWLEDGE)).not.toThrow();
  });
});
