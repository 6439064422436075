// Every reply the knowledge base can produce, rendered for Discord, fits
// Discord's limits: all roles × aspects, all comparisons (pairs and triples,
// with and without an aspect), all transitions and paths, every glossary
// term, resources, job search, help and small talk, every quiz question and
// many quiz results. Checked twice: by the adapter's own check and by the
// fake server's independent one. Oversized replies are split, not cut, and
// text the person wrote can neither ping nor render as a mention.
import { beforeAll, describe, expect, it } from "vitest";
import type { Core } from "../../src/bootstrap.ts";
import { encodeAction, type Action } from "../../src/core/actions.ts";
import { reply, renderPlainText, type Reply } from "../../src/core/reply.ts";
import { ASPECT_IDS, ROLE_IDS, JobSearchTopicId, type AspectId, type RoleId } from "../../src/knowledge/schema.ts";
import { resources } from "../../src/core/answers/resources.ts";
import { questionReply, resultReply } from "../../src/quiz/render.ts";
import { newState, applyAnswer, applyBackground } from "../../src/quiz/session.ts";
import { score } from "../../src/quiz/scoring.ts";
import { renderReply, type DiscordMessage } from "../../adapters/discord/render.ts";
import { embedLength, limitProblems } from "../../adapters/discord/limits.ts";
import { wireLimitErrors } from "./fakes/discord-limits.ts";
import { FakeDiscord } from "./fakes/fake-discord.ts";
import { APP_ID, BOT, TOKEN, guildCreate, person } from "./fixtures.ts";
import { testCore } from "./harness.ts";

let core: Core;
beforeAll(() => { core = testCore(); });

const address = { platform: "discord" as const, workspace: null, channel: "dm", thread: null, dm: true };

/** Render one reply and check every message against both limit checks; returns the messages. */
function fits(r: Reply, what: string): DiscordMessage[] {
  const messages = renderReply(r);
  for (const m of messages) {
    expect(limitProblems(m), what).toEqual([]);
    expect(wireLimitErrors({ content: m.content, embeds: m.embeds, components: m.components }, { requireContent: true }), what).toEqual([]);
    expect(m.allowedMentions).toEqual({ parse: [], repliedUser: false });
  }
  messages.slice(0, -1).forEach((m) => expect(m.components, `${what}: buttons only on the last message`).toEqual([]));
  return messages;
}

type What = { kind: "message"; text: string } | { kind: "command"; name: string; args: string } | { kind: "choice"; choiceId: string };
async function ask(event: What, actor = person()): Promise<Reply[]> {
  return (await core.mentor.handle({ ...event, address, actor })).replies;
}

const choose = (a: Action) => ask({ kind: "choice", choiceId: encodeAction(a) });
let rendered = 0;
async function allFit(replies: Reply[] | Promise<Reply[]>, what: string) {
  const rs = await replies;
  expect(rs.length, what).toBeGreaterThan(0);
  for (const r of rs) { fits(r, what); rendered++; }
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((x, i) => combinations(items.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
}

describe("every knowledge-base reply fits Discord's limits", () => {
  it("roles: every overview and every aspect", async () => {
    for (const role of ROLE_IDS) {
      await allFit(choose({ kind: "role", role }), role);
      for (const aspect of ASPECT_IDS) await allFit(choose({ kind: "role", role, aspect }), `${role} ${aspect}`);
    }
  });

  it("comparisons: every pair and every triple, with and without each aspect, and every curated one", async () => {
    const sets = [...combinations(ROLE_IDS, 2), ...combinations(ROLE_IDS, 3), ...core.kb.comparisons.map((c) => [...c.roles])] as RoleId[][];
    for (const roles of sets) {
      for (const aspect of [undefined, ...ASPECT_IDS] as (AspectId | undefined)[]) {
        await allFit(choose({ kind: "compare", roles, aspect }), `${roles.join(" vs ")} ${aspect ?? ""}`);
      }
    }
    expect(sets.length).toBeGreaterThanOrEqual(84);
  });

  it("transitions between every two roles and every learning path", async () => {
    for (const from of ROLE_IDS) {
      await allFit(choose({ kind: "path", role: from }), `path ${from}`);
      for (const to of ROLE_IDS) if (from !== to) await allFit(choose({ kind: "transition", from, to }), `${from} → ${to}`);
    }
    for (const t of core.kb.transitions) await allFit(choose({ kind: "transition", from: t.from, to: t.to }), `${t.from} → ${t.to}`);
  });

  it("every glossary term, resources (overall, per role, per term) and job search (per role and topic)", async () => {
    for (const t of core.kb.glossary) {
      await allFit(choose({ kind: "glossary", term: t.id }), t.id);
      fits(resources(core.kb, null, t.id), `resources for ${t.id}`);
    }
    await allFit(choose({ kind: "glossary", term: "not-a-term" }), "unknown term");
    await allFit(choose({ kind: "resources" }), "resources");
    for (const role of [undefined, ...ROLE_IDS]) {
      if (role) await allFit(choose({ kind: "resources", role }), `resources ${role}`);
      for (const topic of [undefined, ...JobSearchTopicId.options]) await allFit(choose({ kind: "jobs", role, topic }), `jobs ${role} ${topic}`);
    }
  });

  it("help, fit, decision, small talk, usage lines and clarifications", async () => {
    await allFit(choose({ kind: "help" }), "help");
    await allFit(choose({ kind: "fit" }), "fit");
    await allFit(choose({ kind: "decide" }), "decide");
    for (const text of ["hi", "thanks!", "what's the weather in Paris?", "¿Qué hace un ingeniero de IA?", "", "which role fits me? I love statistics and building products",
      "how do I become an ML engineer?", "ML engineer vs AI engineer salary", "job search tips for data scientists", "ml", "how to get into ai"]) {
      await allFit(ask({ kind: "message", text }), `message "${text}"`);
    }
    for (const [name, args] of [["compare", "nonsense"], ["role", ""], ["path", ""], ["glossary", ""], ["glossary", "blorp"], ["resources", "nonsense"], ["nope", ""], ["forget", ""]]) {
      await allFit(ask({ kind: "command", name: name!, args: args! }), `/${name} ${args}`);
    }
  });

  it("every quiz question (with the longest introduction) and the quiz's prompts", async () => {
    const { quiz } = core.kb;
    const state = newState("0123456789", Date.now());
    const preface = [
      { type: "text" as const, text: "Your previous quiz expired after 7 days without an answer, so I deleted it." },
      { type: "heading" as const, text: quiz.title },
      { type: "text" as const, text: quiz.intro },
      { type: "context" as const, text: "What I store: your answers while the quiz runs (deleted after 7 days without an answer) and your last result, until you type /forget." },
      { type: "text" as const, text: "Your last result was Hybrid: ML and AI engineering (2026-01-01). Let's see if it still holds." },
    ];
    const answered = { ...state, history: ["x"] }; // shows Back as well
    const items = [...quiz.items, ...quiz.tiebreakers];
    for (const [n, item] of items.entries()) {
      for (const s of [state, answered]) {
        fits(questionReply(core.kb, s, "owner123", { kind: "item", item, number: n + 1, planned: 14 }, n === 0 ? preface : []), `question ${item.id}`);
      }
    }
    fits(questionReply(core.kb, answered, "owner123", { kind: "background", number: 14, planned: 14 }, preface), "background question");
    // Through the service: start, continue prompt, quit.
    const actor = person();
    await allFit(ask({ kind: "command", name: "quiz", args: "" }, actor), "quiz start");
    await allFit(ask({ kind: "command", name: "quiz", args: "" }, actor), "quiz in progress");
    await allFit(ask({ kind: "message", text: "quit" }, actor), "quiz quit");
  });

  it("quiz results for many answer patterns, every background and all four outcomes", async () => {
    const { quiz } = core.kb;
    const items = [...quiz.items, ...quiz.tiebreakers];
    const outcomes = new Set<string>();
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let run = 0; run < 300; run++) {
      let s = newState(`run${run}`.padEnd(10, "0"), 0);
      const bias = run % 3; // lean low, middle or high, then random
      for (const item of items) {
        if (rand(6) === 0) { s = applyAnswer(s, item.id, null, 0); continue; }
        const n = item.type === "rating" ? quiz.scale.length : item.options.length;
        const v = run < 30 ? Math.min(n - 1, Math.round((bias / 2) * (n - 1))) : rand(n);
        s = applyAnswer(s, item.id, v, 0);
      }
      const bg = quiz.background.options[run % quiz.background.options.length]!;
      s = applyBackground(s, run % 7 === 0 ? null : bg.id, 0);
      const result = score(quiz, s.answers);
      outcomes.add(result.outcome);
      fits(resultReply(core.kb, s, result), `result run ${run}`);
    }
    expect([...outcomes].sort()).toEqual(["ai-engineer", "hybrid", "ml-engineer", "undecided"]);
  });

  it("real quizzes played through the core to their result", async () => {
    for (let k = 0; k < 5; k++) {
      const actor = person();
      let replies = await ask({ kind: "command", name: "quiz", args: "" }, actor);
      for (let step = 0; step < 30; step++) {
        for (const r of replies) fits(r, `quiz ${k} step ${step}`);
        const answers = replies.at(-1)!.choices.filter((c) => c.id.startsWith("quiz:a:"));
        if (answers.length === 0) break;
        replies = await ask({ kind: "choice", choiceId: answers[Math.min(k, answers.length - 1)]!.id }, actor);
      }
      expect(replies.at(-1)!.blocks[0]).toMatchObject({ type: "heading", text: expect.stringMatching(/^Your result/) });
    }
    expect(rendered).toBeGreaterThan(900);
  });
});

describe("oversized replies are split within the limits, not cut", () => {
  const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(" ");

  it("a very long text spreads over several embeds and messages, every word kept", () => {
    const text = words(6000, "w"); // ~40,000 characters
    const messages = fits(reply([{ type: "heading", text: "Long" }, { type: "text", text }], [{ id: "help", label: "Help" }]), "long text");
    expect(messages.length).toBeGreaterThan(1);
    const shown = messages.flatMap((m) => m.embeds.map((e) => e.description ?? "")).join(" ");
    expect(shown.split(/\s+/).filter(Boolean)).toEqual(text.split(" "));
    expect(messages.at(-1)!.components).toHaveLength(1);
    for (const m of messages) expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  });

  it("many long fields go to further embeds; a value over 1,024 continues in the next field", () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `Role ${i}`, value: words(150, `v${i}-`).slice(0, 1000) }));
    const long = { label: "Long", value: words(600, "x") };
    const messages = fits(reply([{ type: "fields", title: "Row", fields }, { type: "fields", fields: [long] }]), "many fields");
    const all = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    for (const f of fields) expect(all.some((x) => x.name === `Row — ${f.label}` && x.value === f.value)).toBe(true);
    const longParts = all.slice(all.findIndex((x) => x.name === "Long"));
    expect(longParts.length).toBeGreaterThan(1);
    expect(longParts.map((x) => x.value).join(" ").split(/\s+/)).toEqual(long.value.split(" "));
  });

  it("a heading too long for a title is cut there and shown in full below; small print over 2,048 spills into the text", () => {
    const heading = words(100, "h"); // ~390 characters
    const small = words(500, "s");
    const messages = fits(reply([{ type: "heading", text: heading }, { type: "text", text: "body" }, { type: "context", text: small }]), "long heading");
    const [first] = messages[0]!.embeds;
    expect(first!.title!.length).toBeLessThanOrEqual(256);
    expect(first!.description).toContain(`**${heading}**`);
    const all = messages.flatMap((m) => m.embeds.map((e) => `${e.description ?? ""} ${e.footer?.text ?? ""}`)).join(" ");
    for (const w of small.split(" ")) expect(all).toContain(w);
  });

  it("25 choices become 5 rows of 5 buttons; labels and ids within 80 and 100", () => {
    const choices = Array.from({ length: 25 }, (_, i) => ({ id: `glossary:term-${i}`.padEnd(100, "x"), label: `Label ${i} `.padEnd(80, "·") }));
    const [m] = fits(reply([{ type: "text", text: "Pick one" }], choices), "25 choices");
    expect(m!.components.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
  });

  it("quiz navigation gets a row of its own, drawn secondary", () => {
    const r = reply([{ type: "text", text: "Question 1 of 12" }], [
      ...[0, 1, 2, 3, 4].map((i) => ({ id: `quiz:a:run:owner:item:${i}`, label: `Option ${i}` })),
      { id: "quiz:n:run:owner:skip", label: "Skip" }, { id: "quiz:n:run:owner:quit", label: "Quit" },
    ]);
    const [m] = fits(r, "quiz question");
    expect(m!.components.map((row) => row.components.map((b) => b.style))).toEqual([[1, 1, 1, 1, 1], [2, 2]]);
  });
});

describe("what the person wrote cannot ping or pose as a mention", () => {
  const hostile = "@everyone @here <@123456789012345678> <@!123456789012345678> <@&987654321098765432> <#111111111111111111> **bold** `code` ~~x~~ ||spoiler|| [link](https://evil.example)";

  it("a quote block is escaped: no mention syntax, no markdown, no masked link survives", () => {
    const [m] = fits(reply([{ type: "quote", text: hostile }]), "hostile quote");
    const d = m!.embeds[0]!.description!;
    expect(d.startsWith("> ")).toBe(true);
    expect(d).not.toMatch(/@everyone|@here|<@!?\d|<@&|<#\d/);
    expect(d).not.toMatch(/(?<!\\)\*\*bold/);
    expect(d).not.toMatch(/(?<!\\)\[link\]/);
    expect(d).toContain("https://evil.example"); // URLs stay readable
  });

  it("the same holds wherever core text lands: titles, fields, lists, links, footers and thread-safe plain text", () => {
    const messages = fits(reply([
      { type: "heading", text: hostile.slice(0, 200) },
      { type: "fields", title: "@everyone", fields: [{ label: "<@&1>", value: hostile }] },
      { type: "list", items: [hostile] },
      { type: "links", links: [{ label: "<@1> [x]", url: "https://example.com/a_(b)", note: "@here" }] },
      { type: "context", text: hostile },
    ]), "hostile everywhere");
    const everything = JSON.stringify(messages);
    expect(everything).not.toMatch(/(?<!\\u200b)@everyone|<@!?\d|<@&\d|<#\d/);
    expect(renderPlainText(reply([{ type: "text", text: "ok" }]))).toBe("ok");
  });
});

describe("the fake Discord enforces the limits too (so the end-to-end tests would catch an overflow)", () => {
  it("rejects an embed over 4,096 characters and a row of 6 buttons with 50035", async () => {
    const fake = await FakeDiscord.start({ applicationId: APP_ID, bot: BOT, guilds: [guildCreate()] });
    try {
      const post = (body: unknown) => fetch(`${fake.apiUrl}/v10/channels/1/messages`, { method: "POST", headers: { authorization: `Bot ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      const tooLong = await post({ embeds: [{ description: "x".repeat(4097) }] });
      expect(tooLong.status).toBe(400);
      expect(((await tooLong.json()) as { code: number }).code).toBe(50035);
      const button = (i: number) => ({ type: 2, style: 1, label: `b${i}`, custom_id: `b${i}` });
      const sixButtons = await post({ content: "x", components: [{ type: 1, components: [0, 1, 2, 3, 4, 5].map(button) }] });
      expect(sixButtons.status).toBe(400);
      const fine = await post({ content: "x", components: [{ type: 1, components: [0, 1, 2, 3, 4].map(button) }] });
      expect(fine.status).toBe(200);
    } finally {
      await fake.close();
    }
  });
});
