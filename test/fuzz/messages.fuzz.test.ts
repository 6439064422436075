// Any text at all through understanding and the mentor (on Discord, on Slack,
// and into a running quiz): no exception, replies every platform accepts, and
// nothing that pings. Bounded (fixed seed, a few hundred runs) so it runs in
// seconds inside `npm test`; FUZZ_RUNS=… runs longer locally.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import type { Address } from "../../src/core/events.ts";
import { silentLogger } from "../helpers/core.ts";
import { expectSendable } from "./checks.ts";
import { Reply } from "../../src/core/reply.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

/** Pieces people (and attackers) actually send, to be glued together at random. */
const PIECES = [
  "@everyone", "@here", "<@123456789012345678>", "<@!1>", "<@&2>", "<#3>", "<!channel>", "<!here>", "<!subteam^S1|@team>", "<https://evil.example|click>",
  "ml engineer", "ai engineer", "vs", "compare", "salary", "what is", "rag", "/role", "/quiz", "/compare", "quiz", "back", "skip", "quit", "1", "b", "yes",
  "**", "`", "```", "||", "~~", "> ", "# ", "\n", "\r\n", "\t", "\u0000", "\u0007", "\u001b[31m", "\u200b", "\u202e", "\ufeff", "\ud800", "\udfff",
  "😀", "👩‍💻", "ℕ", "ǅ", "ﬁ", "İ", "ß", "Ω", "日本語", "العربية", "&amp;", "&lt;", "%s", "${x}", "__proto__", "constructor", " ".repeat(50),
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 400 }) },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(" ")) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 4000, maxLength: 20_000 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 100, max: 20_000 })).map(([p, n]) => p.repeat(Math.ceil(n / p.length)).slice(0, n)) },
);

let core: Core;
beforeAll(() => { core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silentLogger, perMinute: 1_000_000 }); });

const where = (platform: Address["platform"], n: number): Address => ({ platform, workspace: "w1", channel: `c${n}`, thread: null, dm: platform !== "slack" });
let n = 0;

describe("fuzz: any message", () => {
  it("through the mentor on Discord and Slack: no throw, sendable replies, no ping", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom("discord" as const, "slack" as const), async (t, platform) => {
        const i = ++n;
        const turn = await core.mentor.handle({ id: `m${i}`, kind: "message", text: t, address: where(platform, i), actor: { id: `u${i}` } });
        expect(turn.replies.length).toBeGreaterThan(0);
        expectSendable(turn, JSON.stringify(t.slice(0, 80)));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("as the arguments of a slash command: no throw, sendable replies, no ping", async () => {
    const names = ["ask", "role", "compare", "path", "resources", "glossary", "jobs", "fit", "help", "quiz", "forget", "bogus", "__proto__"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), text, async (name, args) => {
        const i = ++n;
        const turn = await core.mentor.handle({ id: `c${i}`, kind: "command", name, args, address: where("discord", i), actor: { id: `u${i}` } });
        expectSendable(turn, `/${name} ${JSON.stringify(args.slice(0, 80))}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("typed into a running quiz: no throw, the quiz still answers, no ping", async () => {
    const me = { id: "quiz-fuzzer" };
    const address = where("slack", 0);
    await core.mentor.handle({ id: "q-start", kind: "command", name: "quiz", args: "", address, actor: me });
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const turn = await core.mentor.handle({ id: `q${++n}`, kind: "message", text: t, address, actor: me });
        expect(turn.replies.length).toBeGreaterThan(0);
        expectSendable(turn, JSON.stringify(t.slice(0, 80)));
        // Whatever was typed, a quiz that is still running shows a question, and a finished one can be restarted.
        if (!turn.replies.some((r) => r.data?.quiz !== undefined || r.data?.outcome !== undefined)) {
          const again = await core.mentor.handle({ id: `q${++n}`, kind: "command", name: "quiz", args: "", address, actor: me });
          expect(again.replies.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it("answered statelessly (the `ask` script): no throw, sendable replies", () => {
    fc.assert(
      fc.property(text, (t) => {
        const turn = core.mentor.answerStateless(t);
        expectSendable(turn, JSON.stringify(t.slice(0, 80)));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe("fuzz: any reply the core could build, with hostile text anywhere", () => {
  const t = (max: number) => fc.oneof(fc.string({ unit: "binary", maxLength: max }), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(" ").slice(0, max)));
  // Labels the core builds are never blank (knowledge text is validated non-empty).
  const nonEmpty = (max: number) => t(max).filter((s) => s.trim().length > 0);
  const block = fc.oneof(
    fc.record({ type: fc.constant("heading" as const), text: t(300) }),
    fc.record({ type: fc.constant("text" as const), text: t(6000) }),
    fc.record({ type: fc.constant("quote" as const), text: t(6000) }),
    fc.record({ type: fc.constant("context" as const), text: t(3000) }),
    fc.record({ type: fc.constant("fields" as const), title: fc.option(t(200), { nil: undefined }), fields: fc.array(fc.record({ label: t(300), value: t(2500) }), { minLength: 1, maxLength: 12 }) }),
    fc.record({ type: fc.constant("list" as const), title: fc.option(t(200), { nil: undefined }), items: fc.array(t(1500), { minLength: 1, maxLength: 30 }), ordered: fc.boolean() }),
    fc.record({ type: fc.constant("links" as const), title: fc.option(t(200), { nil: undefined }), links: fc.array(fc.record({ label: t(300), url: fc.webUrl(), note: fc.option(t(300), { nil: undefined }) }), { minLength: 1, maxLength: 12 }) }),
    fc.record({ type: fc.constant("bars" as const), title: fc.option(t(200), { nil: undefined }), bars: fc.array(fc.record({ label: t(100), value: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 8 }) }),
  );
  const replyArb = fc.record({
    blocks: fc.array(block, { minLength: 1, maxLength: 12 }),
    choices: fc.uniqueArray(fc.record({ id: fc.constantFrom("help", "fit", "decide", "quiz:start", "glossary:rag", "role:ml-engineer", "compare:ml-engineer+ai-engineer"), label: nonEmpty(80) }), { selector: (c) => c.id, maxLength: 7 }),
    visibility: fc.constantFrom("public" as const, "private" as const),
  });

  it("renders within Discord's and Slack's limits, and nothing in it pings", () => {
    fc.assert(
      fc.property(replyArb, (r) => {
        expectSendable({ replies: [Reply.parse(r)] }, "random reply");
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
