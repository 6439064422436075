// The AI engineer path covers the production half of the job: evaluation and
// observability, prompt-injection security, deployment/LLMOps and cost, and a
// job-ready step, with sources; "how do I become an AI engineer" shows it.
import { describe, expect, it } from "vitest";
import { testCore } from "../helpers/core.ts";
import { conversation, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();
const path = kb.path("ai-engineer")!;
const step = (re: RegExp) => path.steps.find((s) => re.test(s.title));

describe("the AI engineer path", () => {
  it.each([
    [/evaluation and observability/i, /eval set|regression evals/i],
    [/prompt-injection/i, /indirect prompt injection|untrusted/i],
    [/deployment, llmops and cost/i, /cost|caching/i],
    [/job-ready/i, /interview/i],
  ])("has a %s step", (title, skill) => {
    const s = step(title);
    expect(s, String(title)).toBeDefined();
    expect(s!.skills.join(" ")).toMatch(skill);
  });

  it("orders the production steps after RAG and before getting job-ready", () => {
    const at = (re: RegExp) => path.steps.findIndex((s) => re.test(s.title));
    expect(at(/RAG/)).toBeLessThan(at(/evaluation/i));
    expect(at(/prompt-injection/i)).toBeLessThan(at(/job-ready/i));
    expect(at(/job-ready/i)).toBe(path.steps.length - 1);
  });

  it("cites what the new steps rest on, with dates", () => {
    const urls = path.sources.map((s) => s.url ?? "");
    expect(urls.some((u) => /GenAI-LLM-Top10|owasp/i.test(u))).toBe(true);
    expect(urls.some((u) => /langfuse/.test(u))).toBe(true);
    expect(urls.some((u) => /vllm/.test(u))).toBe(true);
    for (const s of path.sources) expect(s.as_of, s.name).toBeTruthy();
  });

  it("no longer recommends AutoGen for new agents", () => {
    const agents = step(/agents/i)!;
    expect(agents.resources).not.toContain("autogen");
    expect(agents.skills.join(" ")).toMatch(/Microsoft Agent Framework/);
  });
});

describe("through the mentor", () => {
  it("how do i become an ai engineer — every step title in the first view, the skills one click away", async () => {
    const c = conversation(mentor);
    const t = await c.say("how do i become an ai engineer");
    expect(t.understanding).toMatchObject({ intent: "learning-path", roles: ["ai-engineer"] });
    const first = plain(t);
    for (const s of path.steps) expect(first).toContain(s.title);
    const all = t.replies[0]!.choices.find((ch) => ch.id.startsWith("view:full:"))!;
    const full = plain(await c.choose(all.id));
    expect(full).toMatch(/prompt injection/i);
    expect(full).toMatch(/vLLM/);
  });
});
