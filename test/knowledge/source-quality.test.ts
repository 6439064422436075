// Issue 9's source re-check: the sections that listed aggregator blogs, digests,
// study notes and review sites beside better sources now rest on primary or
// reputable ones only, and kb:check on the real knowledge base reports nothing,
// neither errors nor stale-figure warnings (old BLS wages are marked historic).
// The second pass covers paths, transitions, resources, glossary, tool choices,
// starting points, the decision guide and outlook: no source there is weak or on
// a site that pass removed (a repost, a review site, a video summary, blogs).
import { describe, expect, it } from "vitest";
import { knowledgeWarnings } from "../../src/knowledge/source-check.ts";
import type { Source } from "../../src/knowledge/schema.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { run, cleanEnv } from "../helpers/child.ts";
import { KNOWLEDGE } from "../helpers/knowledge-copy.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, plain } from "../helpers/conversation.ts";

const kb = loadKnowledge(KNOWLEDGE);

/** Hosts the fact-check found to be mirrors, digests, study notes, question blogs or review sites. */
const WEAK_HOSTS = [
  "news.djaz.app",
  "chatgptglobal.news",
  "study-notes-dge.pages.dev",
  "careerlift.ai",
  "glassdoor.",
  "liveinterviewhelp.com",
  "nitinkc.github.io",
  "engineersofai.com",
  "turquoisetailoring.com",
  "rezumi.ai",
  "nerdleveltech.com",
  "lillytechsystems.com",
  "ask-coach.com",
  "obitechjobs.com",
  "skilldb.dev",
  "it-jim.com",
  "four-leaf.ai",
];

const rechecked: [string, Source[]][] = [
  ["ml-engineer skills", kb.role("ml-engineer").aspects.skills!.sources],
  ["ml-engineer interview", kb.role("ml-engineer").interview!.sources],
  ["ai-engineer skills", kb.role("ai-engineer").aspects.skills!.sources],
  ["ai-engineer interview", kb.role("ai-engineer").interview!.sources],
  ["software-engineer skills", kb.role("software-engineer").aspects.skills!.sources],
  ...(["focus", "responsibilities", "skills", "tools", "applications"] as const).map(
    (a): [string, Source[]] => [`mlops-engineer ${a}`, kb.role("mlops-engineer").aspects[a]!.sources],
  ),
  ["mlops-engineer interview", kb.role("mlops-engineer").interview!.sources],
  ["research-scientist responsibilities", kb.role("research-scientist").aspects.responsibilities!.sources],
  ["research-scientist tools", kb.role("research-scientist").aspects.tools!.sources],
  ["research-scientist interview", kb.role("research-scientist").interview!.sources],
  ["data-scientist applications", kb.role("data-scientist").aspects.applications!.sources],
  ["data-scientist interview", kb.role("data-scientist").interview!.sources],
  ["data-engineer skills", kb.role("data-engineer").aspects.skills!.sources],
  ["data-engineer applications", kb.role("data-engineer").aspects.applications!.sources],
  ["data-engineer interview", kb.role("data-engineer").interview!.sources],
  ["compare ml-engineer/data-scientist", kb.comparison(["ml-engineer", "data-scientist"])!.sources],
  ["compare ml-engineer/research-scientist", kb.comparison(["ml-engineer", "research-scientist"])!.sources],
  ["job-search interviews", kb.jobSearch.topics.find((t) => t.id === "interviews")!.sources],
];

describe("re-checked sections rest on no weak source", () => {
  it.each(rechecked)("%s", (_, sources) => {
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.quality, s.name).not.toBe("weak");
      expect(WEAK_HOSTS.filter((h) => s.url?.includes(h)), s.name).toEqual([]);
    }
    // At least one source per section is the publisher of what it says, or a named reputable page.
    expect(sources.some((s) => s.quality === "primary" || s.quality === undefined), sources.map((s) => s.name).join(" | ")).toBe(true);
  });

  it("no role, comparison or job-search topic cites a source marked weak any more", () => {
    const all = [
      ...[...kb.roles.values()].flatMap((r) => [
        ...Object.values(r.aspects).flatMap((s) => [...(s?.sources ?? []), ...(s?.figures ?? []).map((f) => f.source)]),
        ...(r.interview?.sources ?? []),
      ]),
      ...kb.comparisons.flatMap((c) => c.sources),
      ...kb.jobSearch.topics.flatMap((t) => t.sources),
    ];
    expect(all.filter((s) => s.quality === "weak").map((s) => s.name)).toEqual([]);
  });
});

/** Sites the second pass removed: reposts, review sites, video summaries, a loan blog and practitioner blogs. */
const REMOVED_HOSTS = [
  "news.djaz.app",
  "course.careers",
  "youtubesummaries.com",
  "enjoymachinelearning.com",
  "zalt.me",
  "ellis.replygirl.club",
  "centerconsulting.com",
  "microloannexus.com",
];

interface Cited {
  name?: string;
  url?: string;
  quality?: string;
}

/** Every object under `value` that carries a url, a quality or an as-of date: a file's sources, and its resource links. */
function citedIn(value: unknown, out: Cited[] = []): Cited[] {
  if (Array.isArray(value)) for (const v of value) citedIn(v, out);
  else if (value instanceof Map) for (const v of value.values()) citedIn(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.url === "string" || typeof o.quality === "string" || typeof o.as_of === "string") out.push(o as Cited);
    for (const v of Object.values(o)) citedIn(v, out);
  }
  return out;
}

describe("the other knowledge files rest on no weak or removed source", () => {
  const files: [string, unknown][] = [
    ["paths.yaml", kb.paths],
    ["transitions.yaml", kb.transitions],
    ["resources.yaml", kb.resources],
    ["glossary.yaml", kb.glossary],
    ["tool-choices.yaml", kb.topics.toolChoices],
    ["decision.yaml", kb.decision],
    ["outlook.yaml", kb.topics.outlook],
    ["roles/*.yaml", kb.roles],
    ["comparisons.yaml", kb.comparisons],
  ];

  it.each(files)("%s", (_, value) => {
    const cited = citedIn(value);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((s) => s.quality === "weak").map((s) => s.name)).toEqual([]);
    expect(cited.filter((s) => REMOVED_HOSTS.some((h) => s.url?.includes(h))).map((s) => `${s.name} <${s.url}>`)).toEqual([]);
  });

  it("starting points cite nothing, so every one of their durations says it is our estimate", () => {
    expect(citedIn(kb.topics.startingPoints)).toEqual([]);
    const durations = JSON.stringify(kb.topics.startingPoints).match(/"kind":"(estimate|sourced)"/g) ?? [];
    expect(durations.length).toBeGreaterThan(5);
    expect(new Set(durations)).toEqual(new Set(['"kind":"estimate"']));
  });

  it("a duration marked sourced names its source; an estimate anchored on a course cites the course's own page", () => {
    const durations = [...kb.paths.map((p) => p.duration), ...kb.transitions.map((t) => t.duration)];
    // The loop below checks something: most durations are anchored on a course's page.
    expect(durations.filter((d) => d.source).length).toBeGreaterThanOrEqual(10);
    for (const d of durations) {
      if (d.kind === "sourced") expect(d.source).toBeDefined();
      if (d.source) expect(d.source.quality, d.source.name).not.toBe("secondary");
    }
  });

  it("the ML engineer path and the routes into ML engineering cite the ML Zoomcamp syllabus, not a repost", () => {
    const mle = kb.paths.find((p) => p.role === "ml-engineer")!;
    expect(mle.sources.some((s) => s.url?.includes("machine-learning-zoomcamp") && s.quality === "primary")).toBe(true);
    for (const t of kb.transitions.filter((x) => x.to === "ml-engineer" && x.from !== "data-engineer"))
      expect(t.sources.map((s) => s.url ?? s.name).join(" | "), `${t.from} -> ${t.to}`).toMatch(/machine-learning-zoomcamp/);
  });

  it("context engineering cites Anthropic's own post, METR's RE-Bench figure the paper itself", () => {
    const ce = kb.glossary.find((g) => g.id === "context-engineering")!;
    expect(ce.source.url).toMatch(/^https:\/\/www\.anthropic\.com\/engineering\//);
    const metr = kb.topics.outlook.find((o) => o.role === "research-scientist")!.facts.find((f) => /RE-Bench/.test(f.text))!;
    expect(metr.source).toMatchObject({ url: "https://arxiv.org/abs/2411.15114", quality: "primary" });
  });

  it("research scientist responsibilities no longer rest on a personal interview guide", () => {
    const srcs = kb.role("research-scientist").aspects.responsibilities!.sources;
    expect(srcs.filter((s) => s.url?.includes("kundan-kumarr"))).toEqual([]);
  });
});

describe("kb:check on the real knowledge base is clean on 2026-12-02", () => {
  it("no stale-figure warnings: the May 2024 BLS wages are marked historic, education is from the 2024-34 projections", () => {
    const warnings = knowledgeWarnings(kb, KNOWLEDGE, new Date("2026-12-02T00:00:00Z"));
    expect(warnings.map((w) => `${w.file} ${w.path}: ${w.message}`)).toEqual([]);
    for (const id of ["ml-engineer", "ai-engineer", "data-scientist", "data-engineer", "research-scientist"] as const)
      for (const f of kb.role(id).aspects.salary!.figures.filter((x) => x.source.as_of.startsWith("May 2024")))
        expect(f.source.as_of, `${id} ${f.value}`).toMatch(/historic/);
  });

  it("the CLI exits 0 and prints no warning", async () => {
    const r = await run(["src/cli/kb-check.ts", KNOWLEDGE], { env: cleanEnv({ KB_CHECK_TODAY: "2026-12-02" }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/knowledge OK/);
    expect(r.stderr).not.toMatch(/warning/);
  });
});

describe("asked the way people ask, the mentor names the new sources", () => {
  const { mentor } = testCore();

  /** The first view and the Sources view one click away. */
  async function withSources(text: string): Promise<{ first: string; sources: string }> {
    const turn = await conversation(mentor).say(text);
    const choice = answer(turn).choices.find((c) => c.id.startsWith("view:sources:"));
    expect(choice, `no Sources choice for '${text}'`).toBeDefined();
    return { first: plain(turn), sources: plain(await conversation(mentor).choose(choice!.id)) };
  }

  it.each([
    ["what skills does a data engineer need?", /AWS Certified Data Engineer/],
    ["what skills does an ML engineer need?", /Machine Learning Crash Course/],
    ["skills needed for ai engineers", /promptfoo|OpenAI Cookbook/],
    ["mlops engineer skills", /NannyML/],
  ])("%s", async (q, expected) => {
    const { sources } = await withSources(q);
    expect(sources).toMatch(expected);
    for (const host of WEAK_HOSTS) expect(sources).not.toContain(host);
    expect(sources).not.toMatch(/CareerLift|ChatGPT Global News|study notes|Glassdoor|Live Interview Help/i);
  });

  it.each([
    ["how do I move from software engineer to ML engineer?", /Machine Learning Zoomcamp README/],
    ["data scientist to ml engineer", /Machine Learning Zoomcamp README/],
    ["what is context engineering?", /Anthropic Engineering, 'Effective context engineering for AI agents'/],
    ["will AI replace research scientists?", /RE-Bench.*arXiv 2411\.15114/],
  ])("%s (second pass)", async (q, expected) => {
    const { sources } = await withSources(q);
    expect(sources).toMatch(expected);
    for (const host of [...WEAK_HOSTS, ...REMOVED_HOSTS]) expect(sources).not.toContain(host);
    expect(sources).not.toMatch(/Course Careers|Towards Data Science repost|Enjoy Machine Learning|Zalt|Center Consulting|Microloan|video on research scientist/i);
  });

  it("a salary answer says the May 2024 BLS wage is historic", async () => {
    const { first } = await withSources("how much does an ml engineer earn?");
    expect(first).toMatch(/\$112,590: Proxy only.*May 2024 \(historic\)/);
  });
});
