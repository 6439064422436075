// Issue 9's source re-check: the sections that listed aggregator blogs, digests,
// study notes and review sites beside better sources now rest on primary or
// reputable ones only, and kb:check on the real knowledge base reports nothing,
// neither errors nor stale-figure warnings (old BLS wages are marked historic).
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

  it("a salary answer says the May 2024 BLS wage is historic", async () => {
    const { first } = await withSources("how much does an ml engineer earn?");
    expect(first).toMatch(/\$112,590: Proxy only.*May 2024 \(historic\)/);
  });
});
