// Chat-sized answers: the first view of every answer the knowledge base can
// produce (roles × aspects, comparisons, paths, transitions, glossary terms,
// job-search topics, resources) stays short, and its depth is one click away.
import { describe, expect, it } from "vitest";
import { decodeAction, encodeAction, type Action } from "../../src/core/actions.ts";
import { renderPlainText } from "../../src/core/reply.ts";
import { ASPECT_IDS, type RoleId } from "../../src/knowledge/schema.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();
const roles = [...kb.roles.keys()] as RoleId[];

function everyAnswer(): Action[] {
  const out: Action[] = [];
  for (const role of roles) {
    out.push({ kind: "role", role });
    for (const aspect of ASPECT_IDS) if (kb.role(role).aspects[aspect]) out.push({ kind: "role", role, aspect });
    out.push({ kind: "path", role }, { kind: "resources", role }, { kind: "jobs", role });
    for (const t of kb.jobSearch.topics) out.push({ kind: "jobs", role, topic: t.id });
  }
  for (const c of kb.comparisons) {
    out.push({ kind: "compare", roles: c.roles });
    for (const aspect of ASPECT_IDS) out.push({ kind: "compare", roles: c.roles, aspect });
  }
  for (const t of kb.transitions) out.push({ kind: "transition", from: t.from, to: t.to });
  for (const g of kb.glossary) out.push({ kind: "glossary", term: g.id });
  for (const t of kb.jobSearch.topics) out.push({ kind: "jobs", topic: t.id });
  out.push({ kind: "resources" }, { kind: "jobs" });
  return out;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

describe("first views are chat-sized", () => {
  const actions = everyAnswer();

  it("p50 ≤ 600 and p90 ≤ 1,000 characters over every answer, all of a turn's replies counted", async () => {
    const lengths: number[] = [];
    for (const a of actions) lengths.push(plain(await conversation(mentor).choose(encodeAction(a))).length);
    expect(actions.length).toBeGreaterThan(150);
    expect(percentile(lengths, 50)).toBeLessThanOrEqual(600);
    expect(percentile(lengths, 90)).toBeLessThanOrEqual(1000);
  });

  it("every detail view is reachable from a choice, decodes, and shows more than the first view", async () => {
    for (const a of actions) {
      const first = answer(await conversation(mentor).choose(encodeAction(a)));
      const full = first.choices.find((c) => decodeAction(c.id)?.kind === "view" && c.id.startsWith("view:full:"));
      if (!full) continue; // nothing was cut
      expect(full.id.length).toBeLessThanOrEqual(100);
      const detail = answer(await conversation(mentor).choose(full.id));
      expect(renderPlainText(detail).length, encodeAction(a)).toBeGreaterThan(renderPlainText(first).length - first.choices.length * 20);
      expect(plain(await conversation(mentor).choose(full.id))).not.toMatch(/no longer valid/);
    }
  });

  it("an answer that cites sources shows one short Sources line and a Sources choice listing them all", async () => {
    let cited = 0;
    for (const a of actions) {
      const first = answer(await conversation(mentor).choose(encodeAction(a)));
      const line = first.blocks.find((b) => b.type === "context" && b.text.startsWith("Sources: "));
      const choice = first.choices.find((c) => c.id.startsWith("view:sources:"));
      expect(Boolean(line), encodeAction(a)).toBe(Boolean(choice));
      if (!line || !choice || line.type !== "context") continue;
      cited++;
      expect(line.text.length).toBeLessThanOrEqual(140);
      const sources = plain(await conversation(mentor).choose(choice.id));
      expect(sources).toMatch(/^== Sources: /);
    }
    expect(cited).toBeGreaterThan(actions.length / 2);
  });

  it("a figure shown in a first view carries its source and date", async () => {
    for (const role of roles) {
      const figures = kb.role(role).aspects.salary?.figures ?? [];
      if (figures.length === 0) continue;
      const text = plain(await conversation(mentor).choose(encodeAction({ kind: "role", role, aspect: "salary" })));
      for (const f of figures) if (text.includes(f.value)) expect(text).toContain(`${f.source.name}`);
    }
  });

  it("the ML vs AI engineer comparison answers first and keeps the roles side by side", async () => {
    const r = answer(await conversation(mentor).choose(encodeAction({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] })));
    expect(r.blocks[1]?.type).toBe("text");
    expect(r.blocks.some((b) => b.type === "fields" && b.fields.length === 2)).toBe(true);
    expect(r.choices.map((c) => c.label)).toEqual(expect.arrayContaining(["Full comparison", "Sources"]));
  });
});

describe("view choice ids", () => {
  it("round-trip, and corrupted or nested ones are refused", () => {
    const id = encodeAction({ kind: "view", view: "full", of: "compare:ml-engineer+ai-engineer:salary" });
    expect(decodeAction(id)).toEqual({ kind: "view", view: "full", of: "compare:ml-engineer+ai-engineer:salary" });
    expect(decodeAction("view:full:compare:ml-engineer+pilot")).toBeUndefined();
    expect(decodeAction("view:everything:path:ai-engineer")).toBeUndefined();
    expect(decodeAction(`view:full:${id}`)).toBeUndefined();
    expect(decodeAction("view:full:quiz:start")).toBeUndefined();
    expect(decodeAction("view:sources:")).toBeUndefined();
  });
});
