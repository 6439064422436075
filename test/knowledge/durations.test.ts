// Durations: every learning path and transition says how long it takes, at what
// weekly effort and from what starting point; a file without one does not load;
// the path and transition answers show it in one line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument, YAMLMap, YAMLSeq } from "yaml";
import { loadKnowledge, KnowledgeError } from "../../src/knowledge/load.ts";
import { durationLine } from "../../src/core/answers/duration.ts";
import { ROOT } from "../helpers/child.ts";
import { testCore } from "../helpers/core.ts";
import { conversation, plain } from "../helpers/conversation.ts";

const KNOWLEDGE = join(ROOT, "knowledge");
const { mentor, kb } = testCore();

describe("every path and transition has a duration with its assumption", () => {
  const all = [
    ...kb.paths.map((p) => ({ name: `path ${p.role}`, d: p.duration })),
    ...kb.transitions.map((t) => ({ name: `${t.from} -> ${t.to}`, d: t.duration })),
  ];

  it("covers all six paths and fourteen transitions", () => {
    expect(kb.paths.length).toBeGreaterThanOrEqual(6);
    expect(kb.transitions.length).toBeGreaterThanOrEqual(14);
    expect(all.every((x) => x.d)).toBe(true);
  });

  it.each(all)("$name: a plausible range, a weekly effort and a stated starting point", ({ d }) => {
    expect(d.months[0]).toBeLessThanOrEqual(d.months[1]);
    expect(d.months[1]).toBeLessThanOrEqual(72);
    expect(d.hours_per_week).toBeGreaterThan(0);
    expect(d.assumes.length).toBeGreaterThan(30);
    // An estimate says so in its own words; a sourced duration names its source.
    if (d.kind === "estimate") expect(d.assumes).toMatch(/estimate/i);
    else expect(d.source?.url).toBeTruthy();
    if (d.source) expect(d.source.as_of).toBeTruthy();
  });

  it("a short hop is shorter than a long jump (ML engineer to AI engineer vs analyst to ML engineer)", () => {
    const hop = kb.transition("ml-engineer", "ai-engineer")!.duration;
    const jump = kb.transition("data-analyst", "ml-engineer")!.duration;
    expect(hop.months[1]).toBeLessThan(jump.months[0]);
  });
});

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copyWithoutDuration(file: "paths.yaml" | "transitions.yaml", key: "paths" | "transitions"): string {
  const dir = mkdtempSync(join(tmpdir(), "role-mentor-dur-"));
  tempDirs.push(dir);
  cpSync(KNOWLEDGE, dir, { recursive: true });
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, "utf8"));
  ((doc.get(key) as YAMLSeq).items[0] as YAMLMap).delete("duration");
  writeFileSync(path, doc.toString());
  return dir;
}

describe("a path or transition without a duration does not load", () => {
  it.each([["paths.yaml", "paths"], ["transitions.yaml", "transitions"]] as const)("%s", (file, key) => {
    let err: unknown;
    try { loadKnowledge(copyWithoutDuration(file, key)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KnowledgeError);
    const problems = (err as KnowledgeError).problems.filter((p) => p.file.endsWith(file) && p.path === `${key}.0.duration`);
    expect(problems, JSON.stringify((err as KnowledgeError).problems)).toHaveLength(1);
  });
});

describe("the answers show the duration in one line", () => {
  it("durationLine gives the range, the weekly hours, the kind and the starting point", () => {
    const line = durationLine({ months: [3, 6], hours_per_week: 10, assumes: "A working software engineer. Our estimate.", kind: "estimate" });
    expect(line).toBe("Time: about 3–6 months at 10 hours a week (our estimate). Assumes: A working software engineer.");
  });

  it("how long to become an ML engineer: the learning path states its time", async () => {
    const t = await conversation(mentor).say("how do i become an ml engineer");
    expect(t.understanding?.intent).toBe("learning-path");
    expect(plain(t)).toContain(durationLine(kb.path("ml-engineer")!.duration));
  });

  it("switching from software engineer to AI engineer: the transition states its time", async () => {
    const t = await conversation(mentor).say("how do I switch from software engineer to ai engineer?");
    expect(t.understanding).toMatchObject({ intent: "transition", from: "software-engineer", to: "ai-engineer" });
    expect(plain(t)).toContain(durationLine(kb.transition("software-engineer", "ai-engineer")!.duration));
  });
});
