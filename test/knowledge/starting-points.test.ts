// Career changers: backgrounds outside the roles (QA testers, science PhDs,
// business analysts, teachers, people switching at 30+) are starting points with
// their own route and duration, found in what a person writes, and answered
// through the mentor when they ask how to get into ML or AI engineering.
import { describe, expect, it } from "vitest";
import { findStartingPoint } from "../../src/knowledge/topic-match.ts";
import { Background } from "../../src/core/profile.ts";
import { durationLine } from "../../src/core/answers/duration.ts";
import type { RoleId } from "../../src/knowledge/schema.ts";
import { testCore } from "../helpers/core.ts";
import { conversation, headingOf, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();
const points = kb.topics.startingPoints;

describe("the starting points", () => {
  it("keep the stable ids a profile's Background.startingPoint refers to", () => {
    expect(points.map((p) => p.id)).toEqual(["qa-tester", "science-phd", "business-analyst", "teacher", "career-switcher-30plus"]);
    for (const p of points) expect(Background.safeParse({ from: p.closest_role, label: p.label, startingPoint: p.id }).success, p.id).toBe(true);
  });

  it("each has a route into ML or AI engineering with a duration that states its assumption", () => {
    for (const p of points) {
      expect(p.routes.length, p.id).toBeGreaterThan(0);
      for (const r of p.routes) {
        expect(r.duration.assumes, p.id).toMatch(/\w{3,}/);
        expect(r.duration.months[0]).toBeLessThanOrEqual(r.duration.months[1]);
        if (r.duration.kind === "estimate") expect(r.duration.assumes, p.id).toMatch(/estimate/i);
      }
    }
  });
});

describe("findStartingPoint", () => {
  it.each([
    ["I'm a QA tester and I want to get into ML", "qa-tester"],
    ["i work in quality assurance", "qa-tester"],
    ["I have a PhD in biology", "science-phd"],
    ["physics phd here, how do I get into ML engineering", "science-phd"],
    ["I'm a business analyst in a bank", "business-analyst"],
    ["financial analyst looking to move into AI", "business-analyst"],
    ["I'm a high school teacher", "teacher"],
    ["is it too late to switch to machine learning in my 30s", "career-switcher-30plus"],
    ["career change at 40 into AI?", "career-switcher-30plus"],
  ])("%s → %s", (text, id) => {
    expect(findStartingPoint(points, text)?.id).toBe(id);
  });

  it.each(["how do i become an ml engineer without a phd", "teach me about RAG", "what does a data analyst do", "attest to this"])("describes no starting point: %s", (text) => {
    expect(findStartingPoint(points, text)).toBeUndefined();
  });
});

describe("career changers through the mentor", () => {
  const cases: [string, string, RoleId][] = [
    ["qa tester -> ml engineer possible?", "qa-tester", "ml-engineer"],
    ["I work in quality assurance and want to move into AI engineering", "qa-tester", "ai-engineer"],
    ["i'm a physics phd, how do i transition into ML engineering", "science-phd", "ml-engineer"],
    ["I'm a teacher, can I become an AI engineer?", "teacher", "ai-engineer"],
  ];
  it.each(cases)("%s", async (text, id, to) => {
    const c = conversation(mentor);
    const t = await c.say(text);
    const point = points.find((p) => p.id === id)!;
    const route = point.routes.find((r) => r.to === to)!;
    expect(headingOf(t)).toBe(`${point.label} → ${kb.role(to).short}`);
    // How long it takes, with its assumption, shows in the first view; the steps are one click away.
    expect(plain(t)).toContain(durationLine(route.duration));
    const more = t.replies[0]!.choices.find((ch) => ch.id.startsWith("view:full:"))!;
    const full = plain(await c.choose(more.id));
    for (const step of route.steps) expect(full).toContain(step);
    expect(full).toContain(route.project);
  });

  it("the other route is one click away", async () => {
    const c = conversation(mentor);
    const t = await c.say("I'm a teacher, can I become an AI engineer?");
    const other = t.replies[0]!.choices.find((ch) => ch.id === "start:teacher:ml-engineer");
    expect(other?.label).toBe("To ML engineer instead");
    expect(headingOf(await c.choose(other!.id))).toBe("Teacher → ML engineer");
  });

  it("a switch at 30+ into a role without its own route gets the honest picture and that role's path", async () => {
    const t = await conversation(mentor).say("switch careers to data science at 40?");
    expect(headingOf(t)).toBe(`Career switcher at 30 or later → ${kb.role("data-scientist").short}`);
    expect(plain(t)).toContain(durationLine(kb.path("data-scientist")!.duration));
  });

  it("a move between two roles keeps its own transition", async () => {
    const t = await conversation(mentor).say("data analyst to ml engineer, possible?");
    expect(t.understanding).toMatchObject({ intent: "transition", from: "data-analyst", to: "ml-engineer" });
    expect(headingOf(t)).toBe("Data analyst → ML engineer");
  });
});

describe("describedBackground", () => {
  it("turns a described starting point into the Background a profile stores, never copying the message", async () => {
    const { describedBackground } = await import("../../src/core/described-background.ts");
    const text = "hey, I'm a high school teacher from Ohio and I want to build AI stuff";
    const b = describedBackground(kb, text);
    expect(b).toEqual({ from: null, label: "Teacher", startingPoint: "teacher" });
    expect(describedBackground(kb, "what is RAG?")).toBeUndefined();
  });
});
