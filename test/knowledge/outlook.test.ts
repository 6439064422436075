// Outlook: "will AI replace ML engineers", "is AI engineering a fad", "is data
// science dead", "is data engineering still worth it" read as the demand aspect,
// and the demand answer leads with the role's sourced outlook and labelled opinion.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadKnowledge, KnowledgeError } from "../../src/knowledge/load.ts";
import type { RoleId } from "../../src/knowledge/schema.ts";
import { sentences } from "../../src/core/answers/views.ts";
import { testCore } from "../helpers/core.ts";
import { conversation, plain } from "../helpers/conversation.ts";
import { knowledgeCopies } from "../helpers/knowledge-copy.ts";

const { mentor, kb } = testCore();
const copy = knowledgeCopies();

describe("the outlook knowledge", () => {
  it("covers the roles people ask about, each with dated facts and a labelled opinion", () => {
    const roles = kb.topics.outlook.map((o) => o.role);
    for (const r of ["ml-engineer", "ai-engineer", "data-scientist", "data-engineer", "mlops-engineer", "research-scientist"] as const) expect(roles).toContain(r);
    for (const o of kb.topics.outlook) {
      expect(o.answer, o.role).toMatch(/^Short answer:/);
      expect(o.opinion.view, o.role).toMatch(/^Opinion:/);
      expect(o.facts.length).toBeGreaterThanOrEqual(2);
      for (const f of o.facts) {
        expect(f.source.as_of, `${o.role}: ${f.source.name}`).toBeTruthy();
        expect(f.source.url, `${o.role}: ${f.source.name}`).toMatch(/^https:\/\//);
      }
    }
  });

  it("kb:check refuses an outlook fact without an as-of date, naming file and path", () => {
    const dir = copy((d) => {
      const file = join(d, "outlook.yaml");
      const doc = parseDocument(readFileSync(file, "utf8"));
      doc.deleteIn(["outlook", 0, "facts", 0, "source", "as_of"]);
      writeFileSync(file, doc.toString());
    });
    let err: unknown;
    try { loadKnowledge(dir); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KnowledgeError);
    const p = (err as KnowledgeError).problems.find((x) => x.path === "outlook.0.facts.0.source.as_of");
    expect(p?.file).toContain("outlook.yaml");
  });
});

describe("outlook worries reach the demand answer, led by the outlook", () => {
  const cases: [string, RoleId][] = [
    ["will AI replace ML engineers", "ml-engineer"],
    ["is ML engineering dying now that everyone just calls an LLM API", "ml-engineer"],
    ["is AI engineering a fad", "ai-engineer"],
    ["is ai engineering overhyped?", "ai-engineer"],
    ["is data science dead? everyone says llms replaced it", "data-scientist"],
    ["is data engineering still worth it", "data-engineer"],
    ["will AI replace data engineers?", "data-engineer"],
    ["will AI replace MLOps engineers?", "mlops-engineer"],
    ["is mlops engineering a fad", "mlops-engineer"],
    ["will AI replace research scientists?", "research-scientist"],
    ["are AI research scientist jobs dying?", "research-scientist"],
  ];
  it.each(cases)("%s", async (text, role) => {
    const c = conversation(mentor);
    const t = await c.say(text);
    expect(t.understanding).toMatchObject({ intent: "role.aspect", aspect: "demand", roles: [role] });
    const outlook = kb.topics.outlook.find((o) => o.role === role)!;
    const first = plain(t);
    // The direct answer comes first, and the first facts show with their source and date.
    expect(first).toContain(sentences(outlook.answer.trim(), 360));
    expect(first.indexOf("Short answer")).toBeLessThan(first.indexOf("What the evidence says"));
    // First views name the source short (up to its first comma) with the date; the full name is in the full view.
    const fact = outlook.facts[0]!;
    expect(first).toContain(`${fact.text.trim()} (${fact.source.name.split(", ")[0]}, ${fact.source.as_of})`);
    // The opinion, labelled, and the role's own demand section are one click away.
    const more = t.replies[0]!.choices.find((ch) => ch.id.startsWith("view:full:"))!;
    const full = plain(await c.choose(more.id));
    expect(full).toContain(outlook.opinion.view.trim());
    for (const f of outlook.facts) expect(full).toContain(`${f.text.trim()} (${f.source.name}, ${f.source.as_of})`);
    expect(full).toContain(kb.role(role).aspects.demand!.summary);
  });

  it("a follow-up about another role keeps the outlook", async () => {
    const c = conversation(mentor);
    await c.say("will AI replace ML engineers");
    const t = await c.say("what about data scientists?");
    expect(t.understanding).toMatchObject({ intent: "role.aspect", aspect: "demand", roles: ["data-scientist"] });
    expect(plain(t)).toContain("Data Scientist: outlook and demand");
  });
});
