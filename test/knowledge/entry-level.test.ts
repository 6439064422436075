// Entry level: each destination role's demand section has a sourced "Entry level"
// group, and questions about junior and new-grad prospects reach it through the mentor.
import { describe, expect, it } from "vitest";
import type { RoleId } from "../../src/knowledge/schema.ts";
import { testCore } from "../helpers/core.ts";
import { conversation, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();
const destinations = [...kb.roles.values()].filter((r) => r.kind === "destination").map((r) => r.id);

describe("an Entry level group in every destination role's demand section", () => {
  it.each(destinations)("%s", (id) => {
    const demand = kb.role(id).aspects.demand;
    const entry = demand?.groups.find((g) => g.title === "Entry level");
    expect(entry, id).toBeDefined();
    expect(entry!.points.length).toBeGreaterThanOrEqual(3);
    // Without hype: no superlatives about the market in our own words.
    for (const p of entry!.points) expect(p, id).not.toMatch(/\b(booming|explod\w*|skyrocket\w*|guaranteed)\b/i);
    expect(demand!.sources.length).toBeGreaterThan(0);
  });
});

describe("junior and new-grad questions reach the Entry level group", () => {
  const cases: [string, RoleId][] = [
    ["can a new grad get an ai engineer job", "ai-engineer"],
    ["are there junior ml engineer jobs", "ml-engineer"],
    ["what is the entry level market like for data engineers", "data-engineer"],
  ];
  it.each(cases)("%s", async (text, role) => {
    const c = conversation(mentor);
    const t = await c.say(text);
    expect(t.understanding).toMatchObject({ intent: "role.aspect", aspect: "demand", roles: [role] });
    const entry = kb.role(role).aspects.demand!.groups.find((g) => g.title === "Entry level")!;
    // The first view is chat-sized; the Entry level group is one click away, under "More on demand".
    const more = t.replies[0]!.choices.find((ch) => ch.id.startsWith("view:full:"));
    expect(more).toBeDefined();
    expect(plain(await c.choose(more!.id))).toContain(entry.points[0]);
  });
});
