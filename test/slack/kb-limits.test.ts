// Every reply the knowledge base can produce, rendered for Slack, fits Block
// Kit: all roles × aspects, all comparisons (pairs and triples, each aspect),
// all transitions and paths, every glossary term, resources, job search,
// help and small talk, every quiz question and quiz results of each outcome.
// Nothing is lost on the way: every piece of text shows up in the messages.
import { describe, expect, it } from "vitest";
import { encodeAction, type Action } from "../../src/core/actions.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import type { Reply } from "../../src/core/reply.ts";
import { ASPECT_IDS, JobSearchTopicId, ROLE_IDS, type RoleId } from "../../src/knowledge/schema.ts";
import { questionReply } from "../../src/quiz/render.ts";
import { newState, ownerTag } from "../../src/quiz/session.ts";
import { score, type Answer } from "../../src/quiz/scoring.ts";
import { renderReply, type SlackMessage } from "../../adapters/slack/render.ts";
import { slackEscape } from "../../adapters/slack/escape.ts";
import { blockKitProblems } from "./fakes/block-kit-limits.ts";
import { slackTestCore } from "./harness.ts";
import { blocksText } from "./slack-text.ts";

const core = slackTestCore();
const { kb, mentor } = core;
const address = { platform: "slack", workspace: "T1", channel: "DU1", thread: null, dm: true } as const;

let people = 0;
async function turn(event: Partial<InboundEventInput> & { kind: InboundEventInput["kind"] }, actor = `U${++people}`): Promise<Reply[]> {
  return (await mentor.handle({ address, actor: { id: actor }, ...event } as InboundEventInput)).replies;
}
const choose = (a: Action, actor?: string) => turn({ kind: "choice", choiceId: encodeAction(a) }, actor);

function combinations<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  return xs.flatMap((x, i) => combinations(xs.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
}

/** Every text a reply carries, as Slack should show it (escaped; headers are plain text). */
function pieces(r: Reply): string[] {
  const out: string[] = [];
  for (const b of r.blocks) {
    switch (b.type) {
      case "heading": out.push(b.text); break;
      case "text": case "quote": case "context": out.push(slackEscape(b.text)); break;
      case "fields": out.push(...(b.title ? [b.title] : []), ...b.fields.flatMap((f) => [f.label, f.value]).map(slackEscape)); break;
      case "list": out.push(...(b.title ? [slackEscape(b.title)] : []), ...b.items.map(slackEscape)); break;
      case "links": out.push(...(b.title ? [slackEscape(b.title)] : []), ...b.links.flatMap((l) => [l.label, l.note ?? ""]).map(slackEscape)); break;
      case "bars": out.push(...b.bars.map((x) => slackEscape(x.label))); break;
    }
  }
  return out.map(normal).filter(Boolean);
}
const normal = (s: string) => s.replace(/\s+/g, " ").trim();

const checked = { replies: 0, messages: 0, split: 0 };
function expectFits(label: string, replies: Reply[]): void {
  expect(replies.length, label).toBeGreaterThan(0);
  for (const r of replies) {
    const messages: SlackMessage[] = renderReply(r);
    checked.replies++;
    checked.messages += messages.length;
    if (messages.length > 1) checked.split++;
    for (const m of messages) expect(blockKitProblems(m), `${label}: ${m.text.slice(0, 60)}`).toEqual([]);
    const shown = normal(messages.map((m) => blocksText(m.blocks)).join("\n"));
    for (const p of pieces(r)) expect(shown.includes(p), `${label}: "${p.slice(0, 80)}" missing`).toBe(true);
    // Every choice is a button on the last message, and only there.
    const buttons = (m: SlackMessage) => m.blocks.filter((b) => b.type === "actions").flatMap((b) => (b as { elements: { action_id: string }[] }).elements.map((e) => e.action_id));
    expect(buttons(messages[messages.length - 1]!), label).toEqual(r.choices.map((c) => c.id));
    for (const m of messages.slice(0, -1)) expect(buttons(m)).toEqual([]);
  }
}

describe("every knowledge-base reply fits Block Kit", () => {
  it("roles: overview and every aspect", async () => {
    for (const role of ROLE_IDS) {
      expectFits(`role ${role}`, await choose({ kind: "role", role }));
      for (const aspect of ASPECT_IDS) expectFits(`role ${role} ${aspect}`, await choose({ kind: "role", role, aspect }));
    }
  });

  it("comparisons: every pair and every triple, overall and per aspect, both orders for pairs", async () => {
    const groups = [...combinations(ROLE_IDS, 2), ...combinations(ROLE_IDS, 2).map(([a, b]) => [b!, a!]), ...combinations(ROLE_IDS, 3)] as RoleId[][];
    for (const roles of groups) {
      expectFits(`compare ${roles}`, await choose({ kind: "compare", roles }));
      for (const aspect of ASPECT_IDS) expectFits(`compare ${roles} ${aspect}`, await choose({ kind: "compare", roles, aspect }));
    }
    // The curated comparisons are all among them.
    expect(kb.comparisons.length).toBeGreaterThan(0);
  });

  it("transitions (curated and not) and learning paths", async () => {
    for (const from of ROLE_IDS) {
      expectFits(`path ${from}`, await choose({ kind: "path", role: from }));
      for (const to of ROLE_IDS) if (from !== to) expectFits(`transition ${from} ${to}`, await choose({ kind: "transition", from, to }));
    }
    for (const t of kb.transitions) expectFits(`curated transition ${t.from} ${t.to}`, await choose({ kind: "transition", from: t.from, to: t.to }));
  });

  it("glossary terms, unknown terms, resources and job search", async () => {
    for (const t of kb.glossary) expectFits(`glossary ${t.id}`, await choose({ kind: "glossary", term: t.id }));
    expectFits("glossary unknown", await turn({ kind: "command", name: "glossary", args: "zyxwvut" }));
    expectFits("glossary empty", await turn({ kind: "command", name: "glossary", args: "" }));
    expectFits("resources", await choose({ kind: "resources" }));
    for (const role of ROLE_IDS) expectFits(`resources ${role}`, await choose({ kind: "resources", role }));
    for (const t of kb.glossary) expectFits(`resources on ${t.id}`, await turn({ kind: "message", text: `resources on ${t.term}` }));
    for (const role of [undefined, ...ROLE_IDS]) {
      expectFits(`jobs ${role}`, await choose({ kind: "jobs", role }));
      for (const topic of JobSearchTopicId.options) expectFits(`jobs ${role} ${topic}`, await choose({ kind: "jobs", role, topic }));
    }
  });

  it("help, the decision framework, fit and small talk, usage lines", async () => {
    for (const a of [{ kind: "help" }, { kind: "decide" }, { kind: "fit" }] as Action[]) expectFits(a.kind, await choose(a));
    const help = await turn({ kind: "command", name: "help", args: "" });
    expect(blocksText(renderReply(help[0]!)[0]!.blocks)).toContain("/mentor compare");
    for (const text of ["hi", "thanks!", "what's the weather like?", "", "¿qué es un ingeniero de IA?", "I love building data pipelines and training models, which role fits me?", "what does a ml engineer do", "compare", "salary"]) {
      expectFits(`message "${text}"`, await turn({ kind: "message", text }));
    }
    for (const [name, args] of [["compare", "bananas"], ["role", ""], ["role", "pineapple"], ["path", ""], ["resources", "zzz"], ["nonsense", ""]]) {
      expectFits(`/${name} ${args}`, await turn({ kind: "command", name: name!, args: args! }));
    }
    expectFits("forget", await turn({ kind: "command", name: "forget", args: "" }));
  });

  it("every quiz question (items, tie-breakers, background) with its navigation buttons", () => {
    const state = { ...newState("0123456789", Date.now()), history: ["x"] };
    const owner = ownerTag("person:slack:T1:U1");
    for (const item of [...kb.quiz.items, ...kb.quiz.tiebreakers]) {
      expectFits(`question ${item.id}`, [questionReply(kb, state, owner, { kind: "item", item, number: 12, planned: 15 })]);
    }
    expectFits("background question", [questionReply(kb, state, owner, { kind: "background", number: 15, planned: 15 })]);
  });

  it("quiz runs through the mentor: intros, questions and results of every outcome", async () => {
    // Answers aimed at an outcome (greedy on the real scoring, whatever order the options are shown in), then random runs.
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const itemOf = (id: string) => [...kb.quiz.items, ...kb.quiz.tiebreakers].find((i) => i.id === id);
    type Target = "ml-engineer" | "ai-engineer" | "hybrid" | "undecided" | "random";
    const given = new Map<string, Answer[]>();
    const pick = (target: Target, actor: string, itemId: string, labels: string[], run: number): number => {
      const item = itemOf(itemId);
      if (target === "random") return Math.floor(rand() * labels.length);
      if (!item) return run % labels.length; // the background question is not scored
      const so = given.get(actor) ?? [];
      const valueOf = (label: string) => (item.type === "rating" ? kb.quiz.scale.findIndex((x) => x.label === label) : item.options.findIndex((o) => o.label === label));
      const after = (label: string) => score(kb.quiz, [...so, { item: item.id, value: valueOf(label) }]);
      // Undecided: "Unsure" on every activity. A hybrid: strongly likes both sides' activities and nothing else.
      // Both take the most even option on each scenario.
      const mlAi = (w: Partial<Record<RoleId, number>>) => (w["ml-engineer"] ?? 0) - (w["ai-engineer"] ?? 0);
      const bothSides = item.type === "rating" && ((item.weights["ml-engineer"] ?? 0) >= 2 || (item.weights["ai-engineer"] ?? 0) >= 2);
      const goodness = (label: string) => {
        if (target === "undecided" && item.type === "rating") return -Math.abs(valueOf(label) - Math.floor(kb.quiz.scale.length / 2));
        if (target === "hybrid" && item.type === "rating") return bothSides ? valueOf(label) : -valueOf(label);
        if ((target === "hybrid" || target === "undecided") && item.type === "choice") return -Math.abs(mlAi(item.options[valueOf(label)]!.weights));
        const s = after(label);
        return target === "ml-engineer" ? s.margin : -s.margin;
      };
      const best = labels.reduce((b, l, i) => (goodness(l) > goodness(labels[b]!) ? i : b), 0);
      given.set(actor, [...so, { item: item.id, value: valueOf(labels[best]!) }]);
      return best;
    };
    const targets: Target[] = ["ml-engineer", "ai-engineer", "hybrid", "undecided", ...Array.from({ length: 12 }, (): Target => "random")];
    const outcomes = new Map<Target, string>();
    for (const [run, target] of targets.entries()) {
      const actor = `UQ${run}`;
      let replies = await turn({ kind: "command", name: "quiz", args: "" }, actor);
      for (let step = 0; step < 40; step++) {
        expectFits(`quiz run ${run} (${target}) step ${step}`, replies);
        const last = replies[replies.length - 1]!;
        if (last.data?.outcome) { outcomes.set(target, String(last.data.outcome)); break; }
        const answers = last.choices.filter((c) => c.id.startsWith("quiz:a:"));
        const quiz = last.data?.quiz as { item: string } | undefined;
        expect(answers.length).toBeGreaterThan(0);
        // Tie-breakers are asked while ML and AI are close; a balanced person skips them and stays a hybrid.
        const skip = last.choices.find((c) => c.label === "Skip");
        if ((target === "hybrid" || target === "undecided") && kb.quiz.tiebreakers.some((t) => t.id === quiz!.item) && skip) {
          replies = await turn({ kind: "choice", choiceId: skip.id }, actor);
          continue;
        }
        const i = pick(target, actor, quiz!.item, answers.map((c) => c.label), run);
        replies = await turn({ kind: "choice", choiceId: answers[i]!.id }, actor);
      }
      expect(outcomes.has(target), `run ${run} reached a result`).toBe(true);
      // A second quiz for the same person opens with the last result.
      if (run === 0) expectFits("quiz again", await turn({ kind: "command", name: "quiz", args: "" }, actor));
    }
    expect(["ml-engineer", "ai-engineer", "hybrid", "undecided"].map((t) => outcomes.get(t as Target))).toEqual(["ml-engineer", "ai-engineer", "hybrid", "undecided"]);
  });

  it("checked a meaningful number of replies", () => {
    expect(checked.replies).toBeGreaterThan(900);
    expect(checked.messages).toBeGreaterThanOrEqual(checked.replies);
  });
});
