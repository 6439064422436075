// Pay outside the US as knowledge: knowledge/regions.yaml loads; every figure
// names its currency, period, what it measures, the proxy occupation, a source
// with a URL and the date of the data; every main role is covered by a figure
// or a stated gap; a broken copy is refused with the file and the path.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, type Document } from "yaml";
import { findRegion, onlyPlace } from "../../src/knowledge/region-match.ts";
import { PAY_ROLES } from "../../src/knowledge/regions-schema.ts";
import { cleanEnv, run } from "../helpers/child.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeWarnings, staleFigureWarnings } from "../../src/knowledge/source-check.ts";
import { knowledgeCopies, loadProblems } from "../helpers/knowledge-copy.ts";
import { testCore } from "../helpers/core.ts";

const { kb } = testCore();
const copy = knowledgeCopies();

function edit(change: (doc: Document) => void): string {
  return copy((dir) => {
    const path = join(dir, "regions.yaml");
    const doc = parseDocument(readFileSync(path, "utf8"));
    change(doc);
    writeFileSync(path, doc.toString());
  });
}

const problems = loadProblems;

/** Index of a region in the real file, so the tests do not depend on its order. */
const at = (id: string) => kb.regions.findIndex((r) => r.id === id);

describe("the regions in the real knowledge base", () => {
  it("has the UK, Germany, India and Canada besides the US, each in its own currency", () => {
    const currencies = Object.fromEntries(kb.regions.map((r) => [r.id, r.currency]));
    expect(currencies).toMatchObject({ us: "USD", uk: "GBP", de: "EUR", in: "INR", ca: "CAD" });
  });

  it("covers ML engineer, AI engineer, data scientist and data engineer in every other region, with figures or a stated gap", () => {
    for (const r of kb.regions.filter((x) => x.id !== "us")) {
      for (const role of PAY_ROLES) {
        const figure = r.pay.some((f) => f.roles.includes(role));
        const gap = r.gaps.find((g) => g.roles.includes(role));
        expect(figure || Boolean(gap?.why), `${r.id} ${role}`).toBe(true);
      }
      expect(r.pay.length, r.id).toBeGreaterThan(0);
    }
  });

  it("gives every figure its measure, proxy, period, a source URL and an as-of date, and a number in its own currency", () => {
    const signs: Record<string, string> = { GBP: "£", EUR: "€", INR: "₹", CAD: "C$" };
    for (const r of kb.regions) {
      for (const f of r.pay) {
        const where = `${r.id}: ${f.value}`;
        expect(f.value, where).toMatch(/\d/);
        expect(f.value, where).toContain(signs[r.currency]);
        expect(f.measure.length, where).toBeGreaterThan(10);
        expect(f.proxy.length, where).toBeGreaterThan(5);
        expect(f.source.url, where).toMatch(/^https:\/\//);
        expect(f.source.as_of.trim(), where).not.toBe("");
        // Official figures are for a proxy occupation; the measure says median, average, range or level.
        expect(f.measure, where).toMatch(/median|average|range|salary|wage|pay/i);
      }
    }
  });
});

describe("a broken regions.yaml is refused with file and path", () => {
  it("a region without its currency", () => {
    const p = problems(edit((doc) => doc.deleteIn(["regions", at("de"), "currency"])));
    expect(p).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/regions\.yaml$/), path: `regions.${at("de")}.currency` }));
  });

  it("a figure without an as-of date", () => {
    const p = problems(edit((doc) => doc.deleteIn(["regions", at("uk"), "pay", 0, "source", "as_of"])));
    expect(p).toContainEqual(expect.objectContaining({ file: expect.stringMatching(/regions\.yaml$/), path: `regions.${at("uk")}.pay.0.source.as_of` }));
  });

  it("a figure without a source URL, or without saying what it measures", () => {
    const p = problems(edit((doc) => {
      doc.deleteIn(["regions", at("in"), "pay", 0, "source", "url"]);
      doc.deleteIn(["regions", at("in"), "pay", 1, "measure"]);
    }));
    expect(p.map((x) => x.path)).toEqual(expect.arrayContaining([`regions.${at("in")}.pay.0.source.url`, `regions.${at("in")}.pay.1.measure`]));
  });

  it("a figure written in another currency than its region's", () => {
    const p = problems(edit((doc) => doc.setIn(["regions", at("ca"), "pay", 0, "value"], "$46.10")));
    expect(p).toContainEqual(expect.objectContaining({ path: `regions.${at("ca")}.pay.0.value`, message: expect.stringMatching(/currency \(CAD, written C\$\)/) }));
  });

  it("a main role with neither a figure nor a stated gap", () => {
    const p = problems(edit((doc) => doc.deleteIn(["regions", at("uk"), "gaps"])));
    expect(p).toContainEqual(expect.objectContaining({ path: `regions.${at("uk")}`, message: expect.stringMatching(/'data-scientist' has neither a pay figure nor a stated gap/) }));
  });

  it("a figure resting on a source marked weak", () => {
    const p = problems(edit((doc) => doc.setIn(["regions", at("in"), "pay", 1, "source", "quality"], "weak")));
    expect(p).toContainEqual(expect.objectContaining({ path: `regions.${at("in")}.pay.1.source`, message: expect.stringMatching(/rests on a source marked weak/) }));
  });

  it("kb:check exits non-zero and names regions.yaml and the path", async () => {
    const r = await run(["src/cli/kb-check.ts", edit((doc) => doc.deleteIn(["regions", at("de"), "pay", 0, "source", "as_of"]))]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`regions\\.yaml at regions\\.${at("de")}\\.pay\\.0\\.source\\.as_of: `));
  });
});

describe("regional figures more than two years old are warnings, as on the role pages", () => {
  const TODAY = new Date("2026-12-02T00:00:00Z");
  const regionWarnings = (dir: string) => staleFigureWarnings(loadKnowledge(dir), dir, TODAY).filter((w) => /regions\.yaml$/.test(w.file));

  it("the real regions.yaml has none: every figure is recent or marked historic", () => {
    expect(staleFigureWarnings(kb, "knowledge", TODAY).filter((w) => /regions\.yaml$/.test(w.file))).toEqual([]);
  });

  it("an old as-of date is named with file and path; the same date marked historic, or seen from its own time, is not", () => {
    const dir = edit((doc) => {
      doc.setIn(["regions", at("de"), "pay", 0, "source", "as_of"], "2021");
      doc.setIn(["regions", at("uk"), "pay", 1, "source", "as_of"], "March 2022 (historic)");
    });
    const found = regionWarnings(dir);
    expect(found).toEqual([expect.objectContaining({
      file: expect.stringMatching(/regions\.yaml$/),
      path: `regions.${at("de")}.pay.0.source.as_of`,
      message: expect.stringMatching(/'€6,097' is from '2021', more than two years before 2026-12-02/),
    })]);
    expect(staleFigureWarnings(loadKnowledge(dir), dir, new Date("2022-06-01T00:00:00Z")).filter((w) => /regions\.yaml$/.test(w.file))).toEqual([]);
  });

  it("a regional source name with '; ' in it (an answer's Sources line would cut it in two) is a warning too", () => {
    const dir = edit((doc) => doc.setIn(["regions", at("uk"), "pay", 1, "source", "name"], "IT Jobs Watch; job ads"));
    const found = knowledgeWarnings(loadKnowledge(dir), dir, TODAY).filter((w) => /regions\.yaml$/.test(w.file));
    expect(found).toEqual([expect.objectContaining({ path: `regions.${at("uk")}.pay.1.source.name`, message: expect.stringMatching(/contains '; '/) })]);
    expect(knowledgeWarnings(kb, "knowledge", TODAY).filter((w) => /regions\.yaml$/.test(w.file))).toEqual([]);
  });

  it("kb:check prints the warning and still passes", async () => {
    const dir = edit((doc) => doc.setIn(["regions", at("ca"), "pay", 0, "source", "as_of"], "May 2020"));
    const r = await run(["src/cli/kb-check.ts", dir], { env: cleanEnv({ KB_CHECK_TODAY: "2026-12-02" }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`warning: .*regions\\.yaml at regions\\.${at("ca")}\\.pay\\.0\\.source\\.as_of: the figure 'C\\$46\\.15' is from 'May 2020'`));
  });
});

describe("findRegion", () => {
  it.each([
    ["I'm in Berlin", "de"],
    ["im from india", "in"],
    ["what about the uk", "uk"],
    ["in canada?", "ca"],
    ["ml engineer salary in germany", "de"],
    ["how much do ai engineers make in the UK?", "uk"],
    ["I live in München", "de"],
    ["moving to Munchen next year", "de"],
    ["data scientist pay in Bengaluru", "in"],
    ["based in Toronto, what do data engineers earn", "ca"],
    ["I work in British Columbia", "ca"],
    ["I'm british, does that matter", "uk"],
    ["salaries in the U.S.", "us"],
    ["is london better than berlin for ml jobs", "uk"],
  ])("%s → %s", (text, id) => {
    expect(findRegion(kb, text)).toBe(id);
  });

  it.each([
    "I play the ukulele",
    "tell us about ml engineers",
    "how do I become an ai engineer",
    "what is usage-based pricing for llm apis",
    "the germanic languages nlp task",
    "indiana jones",
    "",
  ])("names no region: %s", (text) => {
    expect(findRegion(kb, text)).toBeUndefined();
  });
});

describe("onlyPlace: the message says only where someone is", () => {
  it.each([
    ["I'm in Berlin", "de"], ["im from india", "in"], ["what about the uk", "uk"], ["in canada?", "ca"],
    ["I live in Toronto, Canada", "ca"], ["how about München?", "de"], ["based in Bengaluru", "in"],
  ])("%s", (text, id) => expect(onlyPlace(kb, text, id)).toBe(true));

  it.each([
    ["what's the weather in berlin", "de"], ["how much do nurses make in canada", "ca"],
    ["I'm in London, how do I become an ML engineer?", "uk"], ["ml engineer salary in germany", "de"],
  ])("not: %s", (text, id) => expect(onlyPlace(kb, text, id)).toBe(false));
});
