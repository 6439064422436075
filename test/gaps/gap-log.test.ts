// The anonymous knowledge-gap log: what may be kept of a message, bounded day
// buckets that expire after 30 days on every store, the grouped report and the
// `kb:gaps` script over a real SQLite file.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { MemoryStore, type StateStore } from "../../src/core/state-store.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { GAP_BUCKET_MAX, listGaps, recordGap, type GapInput } from "../../src/gaps/gap-log.ts";
import { looksLikePosting, scrubGapText } from "../../src/gaps/gap-text.ts";
import { gapReport } from "../../src/gaps/gap-report.ts";
import { gapReportHtml } from "../../src/gaps/gap-html.ts";
import { cleanEnv, run } from "../helpers/child.ts";

const dir = mkdtempSync(join(tmpdir(), "role-mentor-gaps-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 24 * 60 * 60 * 1000;

describe("what a gap record may keep of a message", () => {
  it("strips mentions, links, e-mail addresses and numbers", () => {
    const text = "hey <@U123ABC> and @everyone, see https://x.example/p?q=1 or mail me at jo.doe@mail.example, call +1 555-0100, is a 120k offer fair?";
    const kept = scrubGapText(text)!;
    expect(kept).not.toMatch(/U123ABC|everyone|https?:|x\.example|jo\.doe|@|555|0100|120/);
    expect(kept).toContain("is a");
    expect(kept).toContain("offer fair?");
    expect(scrubGapText("<@&987> <#C42|general> <!here> www.example.org")).toBeUndefined();
  });

  it("keeps at most 200 characters, cut at a word", () => {
    const kept = scrubGapText("why ".repeat(120))!;
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(kept.endsWith("…")).toBe(true);
  });

  it("drops control characters and refuses text without letters", () => {
    expect(scrubGapText("what\u0000 is\u200b a\u0007 feature store")).toBe("what is a feature store");
    expect(scrubGapText("12345 !!! ???")).toBeUndefined();
    expect(scrubGapText("")).toBeUndefined();
  });

  it("never keeps a pasted job posting", () => {
    const posting = ["Senior ML Engineer", "About the role", "You will build training pipelines.", "Requirements", "- 5+ years of experience with Python", "Nice to have: Kubernetes"].join("\n");
    expect(looksLikePosting(posting)).toBe(true);
    expect(scrubGapText(posting)).toBeUndefined();
    expect(looksLikePosting("what is an applied scientist?")).toBe(false);
  });
});

const STORES: [string, (now: () => number) => StateStore][] = [
  ["MemoryStore", (now) => new MemoryStore(now)],
  ["SqliteStore file", (now) => new SqliteStore(join(dir, `gaps-${randomUUID()}.sqlite`), now)],
];
const redisUrl = inject("redisUrl");
if (redisUrl) STORES.push(["RedisStore", (now) => new RedisStore(redisUrl, now, `test-${randomUUID()}:`)]);

const gap = (text: string | undefined, over: Partial<GapInput> = {}): GapInput => ({ kind: "out-of-scope", text, intent: "out-of-scope", roles: [], confidence: 0.2, ...over });

describe.each(STORES)("the gap log on %s", (_, create) => {
  it("records scrubbed questions with their reading and time, and no ids of anyone", async () => {
    let now = 1_700_000_000_000;
    const store = create(() => now);
    expect(await recordGap(store, gap("what do prompt engineers earn in <#C1> ? ask <@U9>", { kind: "did-you-mean", intent: "role.aspect", roles: ["ai-engineer"], confidence: 0.314159 }), now)).toBe(true);
    expect(await recordGap(store, gap("<@U9> 42"), now)).toBe(false);
    const all = await listGaps(store, now);
    expect(all).toEqual([{ kind: "did-you-mean", text: "what do prompt engineers earn in ? ask", intent: "role.aspect", roles: ["ai-engineer"], confidence: 0.31, at: now }]);
    await store.close();
  });

  it("keeps 30 days and bounds each day", async () => {
    let now = 1_700_000_000_000;
    const store = create(() => now);
    await recordGap(store, gap("old question about quantum careers"), now);
    now += 10 * DAY;
    for (let i = 0; i < GAP_BUCKET_MAX; i++) expect(await recordGap(store, gap(`question number ${"x".repeat(i % 5)} about pay`), now)).toBe(true);
    expect(await recordGap(store, gap("one too many"), now)).toBe(false);
    expect((await listGaps(store, now)).length).toBe(GAP_BUCKET_MAX + 1);
    now += 21 * DAY; // the first record is now 31 days old
    expect((await listGaps(store, now)).length).toBe(GAP_BUCKET_MAX);
    now += 10 * DAY;
    expect(await listGaps(store, now)).toEqual([]);
    await store.close();
  });

  it("loses no record when replicas append at the same moment", async () => {
    const now = 1_700_000_000_000;
    const store = create(() => now);
    const texts = Array.from({ length: 6 }, (_, i) => `parallel question ${"abcdef"[i]}`);
    const results = await Promise.all(texts.map((t) => recordGap(store, gap(t), now)));
    expect(results.every(Boolean)).toBe(true);
    expect((await listGaps(store, now)).map((r) => r.text).sort()).toEqual(texts.sort());
    await store.close();
  });
});

describe("the gap report", () => {
  const at = 1_700_000_000_000;
  const rec = (text: string | undefined, over: Partial<GapInput> = {}) => ({ ...gap(text, over), confidence: 0.2, at });
  const records = [
    rec("what do prompt engineers earn", { intent: "role.aspect", roles: ["ai-engineer"] }),
    rec("how much do prompt engineers earn?", { intent: "role.aspect", roles: ["ai-engineer"] }),
    rec("prompt engineer earnings", { intent: "out-of-scope" }),
    rec("how do I become a quant researcher"),
    rec("how do I become a quant researcher"),
    rec("best pizza in town"),
    rec(undefined, { kind: "thumbs-down", intent: "compare", roles: ["ml-engineer", "ai-engineer"] }),
    rec(undefined, { kind: "thumbs-up", intent: "compare", roles: ["ai-engineer", "ml-engineer"] }),
    rec(undefined, { kind: "thumbs-down", intent: "compare", roles: ["ml-engineer", "ai-engineer"] }),
  ];

  it("groups similar wordings, largest first, with the reading most of them got", () => {
    const report = gapReport(records);
    expect(report.total).toBe(9);
    expect(report.groups.map((g) => g.count)).toEqual([3, 2, 1]);
    const [prompt, quant, pizza] = report.groups;
    expect(prompt!.closest).toEqual({ intent: "role.aspect", roles: ["ai-engineer"] });
    expect([prompt!.example, ...prompt!.others].sort()).toEqual(["how much do prompt engineers earn?", "prompt engineer earnings", "what do prompt engineers earn"].sort());
    expect(quant).toMatchObject({ example: "how do I become a quant researcher", others: [], count: 2 });
    expect(pizza!.example).toBe("best pizza in town");
  });

  it("counts 👍/👎 on answers per reading, roles in any order", () => {
    expect(gapReport(records).ratings).toEqual([{ intent: "compare", roles: ["ai-engineer", "ml-engineer"], up: 1, down: 2 }]);
  });

  it("writes an HTML page with every text escaped", () => {
    const html = gapReportHtml(gapReport([rec("is <script>alert(1)</script> a role & what pays?")]), new Date(at));
    expect(html).toContain("&#60;script&#62;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("<h1>Knowledge gaps</h1>");
  });
});

describe("npm run kb:gaps", () => {
  it("prints the grouped report from the configured SQLite store and writes the page", async () => {
    const path = join(dir, "cli.sqlite");
    const store = new SqliteStore(path);
    const now = Date.now();
    for (const t of ["what do prompt engineers earn", "how much do prompt engineers earn?", "best pizza in town"]) await recordGap(store, gap(t), now);
    await store.close();
    const html = join(dir, "gaps.html");
    const result = await run(["src/cli/kb-gaps.ts", "--html", html], { env: cleanEnv({ SQLITE_PATH: path }) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/3 anonymous records in the last 30 days; 2 distinct questions/);
    expect(result.stdout).toMatch(/^\s+2 {2}(what do|how much do) prompt engineers earn/m);
    expect(readFileSync(html, "utf8")).toContain("best pizza in town");
  });
});
