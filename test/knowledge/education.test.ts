// Education: every role has a sourced education section, kb:check refuses a role
// without one, and real questions about degrees, PhDs, bootcamps and certificates
// are answered from that section through the mentor.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument, YAMLMap } from "yaml";
import { loadKnowledge, KnowledgeError } from "../../src/knowledge/load.ts";
import { ROLE_IDS, type RoleId } from "../../src/knowledge/schema.ts";
import { ROOT } from "../helpers/child.ts";
import { testCore } from "../helpers/core.ts";
import { conversation, plain } from "../helpers/conversation.ts";

const KNOWLEDGE = join(ROOT, "knowledge");
const { mentor, kb } = testCore();

describe("the education aspect in the knowledge base", () => {
  it.each(ROLE_IDS)("%s has a direct summary, detail and at least one dated source", (id) => {
    const edu = kb.role(id).aspects.education;
    expect(edu, id).toBeDefined();
    // A direct answer first: the summary opens with a verdict, then the reason.
    expect(edu!.summary).toMatch(/^(Not|No|Usually|A degree|A bachelor's)\b/);
    expect(edu!.points.length + edu!.groups.length).toBeGreaterThanOrEqual(3);
    expect(edu!.sources.length).toBeGreaterThan(0);
    for (const s of [...edu!.sources, ...edu!.figures.map((f) => f.source)]) expect(s.as_of, `${id}: ${s.name}`).toBeTruthy();
  });

  it("the core roles say which cloud certificates help, and name AWS, Google Cloud and Azure", () => {
    for (const id of ["ml-engineer", "ai-engineer"] as const) {
      const edu = kb.role(id).aspects.education!;
      const certs = edu.groups.find((g) => /certificate/i.test(g.title));
      expect(certs, id).toBeDefined();
      const text = certs!.points.join(" ");
      for (const cloud of [/AWS/, /Google Cloud/, /Azure/]) expect(text, id).toMatch(cloud);
    }
  });

  it("every figure written in education prose is a figures entry, and no education figure rests on a weak source", () => {
    let checked = 0;
    for (const role of kb.roles.values()) {
      const edu = role.aspects.education!;
      const values = edu.figures.map((f) => f.value).join(" ");
      for (const text of [edu.summary, ...edu.points, ...edu.groups.flatMap((g) => g.points)])
        for (const m of text.matchAll(/[$£€]\s?\d[\d,.]*|\d[\d.]*\s?%/g)) expect(values, `${role.id}: ${m[0]}`).toContain(m[0].replace(/\s/g, ""));
      for (const f of edu.figures) {
        checked++;
        expect(f.source.quality, `${role.id} ${f.label}`).not.toBe("weak");
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyWithout(role: RoleId, aspect: string): string {
  const dir = mkdtempSync(join(tmpdir(), "role-mentor-edu-"));
  tempDirs.push(dir);
  cpSync(KNOWLEDGE, dir, { recursive: true });
  const file = join(dir, "roles", `${role}.yaml`);
  const doc = parseDocument(readFileSync(file, "utf8"));
  (doc.get("aspects") as YAMLMap).delete(aspect);
  writeFileSync(file, doc.toString());
  return dir;
}

describe("kb:check requires the education aspect for every role", () => {
  it.each(["data-analyst", "research-scientist", "ml-engineer"] as const)("refuses %s without one, naming the file and path", (id) => {
    const dir = copyWithout(id, "education");
    let err: unknown;
    try { loadKnowledge(dir); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KnowledgeError);
    const problems = (err as KnowledgeError).problems.filter((p) => p.path === "aspects.education");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toContain(join("roles", `${id}.yaml`));
  });
});

describe("questions about degrees reach the education section through the mentor", () => {
  const cases: [string, RoleId][] = [
    ["do i need a phd to be an ml engineer", "ml-engineer"],
    ["Do I need a degree to become an AI engineer?", "ai-engineer"],
    ["is a masters worth it for data science", "data-scientist"],
    ["can i become a data engineer without a degree", "data-engineer"],
    ["do i need a phd to be a research scientist", "research-scientist"],
  ];
  it.each(cases)("%s", async (text, role) => {
    const t = await conversation(mentor).say(text);
    expect(t.understanding).toMatchObject({ intent: "role.aspect", aspect: "education", roles: [role] });
    // The reply leads with the section's direct one-line answer.
    expect(plain(t)).toContain(kb.role(role).aspects.education!.summary);
  });

  it("are AWS certifications worth it for ML engineers — answered from the certificate advice", async () => {
    const c = conversation(mentor);
    const t = await c.say("are aws certifications worth it for ml engineers?");
    expect(t.understanding).toMatchObject({ aspect: "education", roles: ["ml-engineer"] });
    // The certificate advice is in the full section, one click from the chat-sized first view.
    const more = t.replies[0]!.choices.find((ch) => ch.id.startsWith("view:full:"));
    expect(more).toBeDefined();
    expect(plain(await c.choose(more!.id))).toMatch(/MLA-C01|Machine Learning Engineer - Associate/);
  });
});
