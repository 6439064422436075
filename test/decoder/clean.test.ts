// Cleaning a pasted posting: HTML remnants, entities, bullets, headings, length.
import { describe, expect, it } from "vitest";
import { MAX_POSTING_CHARS, plainPosting, segmentPosting, truncatePosting } from "../../src/decoder/clean.ts";

describe("plainPosting", () => {
  it("turns HTML list items and breaks into lines and decodes entities", () => {
    const plain = plainPosting("<h2>Responsibilities</h2><ul><li>Build RAG pipelines &amp; evals</li><li>Ship&nbsp;agents</li></ul><p>5+ years&#39; experience<br>Python</p><script>x()</script>");
    const lines = plain.split("\n").map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual(["Responsibilities", "Build RAG pipelines & evals", "Ship agents", "5+ years' experience", "Python"]);
  });
});

describe("segmentPosting", () => {
  it("strips bullets, marks headings and splits long lines into sentences", () => {
    const long = "We build models for search ranking at scale. " + "They serve millions of users every day and must be fast. ".repeat(4) + "You will own them end to end.";
    const segs = segmentPosting(`What you'll do:\n• Train ranking models\n2) Deploy them\n${long}\nRequirements\n- 3+ years of Python`);
    expect(segs.filter((s) => s.heading).map((s) => s.text)).toEqual(["What you'll do:", "Requirements"]);
    expect(segs.map((s) => s.text)).toContain("Train ranking models");
    expect(segs.map((s) => s.text)).toContain("Deploy them");
    expect(segs.filter((s) => s.line === 3).length).toBeGreaterThan(1);
  });

  it("treats a short title-case line naming a section as a heading, but not a tool list", () => {
    const segs = segmentPosting("Preferred Qualifications and Skills\nExperience with Python, Postgres, RabbitMQ, Redis");
    expect(segs.map((s) => s.heading)).toEqual([true, false]);
  });

  it("drops mentions and links, so quotes can never ping anyone", () => {
    const [s] = segmentPosting("Ping @everyone and <@123456> at https://example.com/apply about LLM agents");
    expect(s!.text).not.toMatch(/@everyone|<@|https?:/);
    expect(s!.text).toContain("LLM agents");
  });
});

describe("segmentPosting on a bullet list pasted as one line", () => {
  it("starts a new item at each capitalised duty verb, but not inside a name or a short line", () => {
    const run = "Design and maintain the pipelines that feed our feature store across three regions Develop and support tooling for custom model training on shared GPU clusters Work on serving infrastructure for thousands of models running concurrently in production";
    expect(segmentPosting(run).map((s) => s.text)).toEqual([
      "Design and maintain the pipelines that feed our feature store across three regions",
      "Develop and support tooling for custom model training on shared GPU clusters",
      "Work on serving infrastructure for thousands of models running concurrently in production",
    ]);
    expect(segmentPosting("Use Design Systems and Build Tools daily").length).toBe(1);
  });
});

describe("truncatePosting", () => {
  it("keeps postings up to the limit and cuts longer ones, saying so", () => {
    expect(truncatePosting("a".repeat(500)).truncated).toBe(false);
    const cut = truncatePosting("Build models. ".repeat(1500));
    expect(cut.truncated).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(MAX_POSTING_CHARS);
    expect(cut.text.length).toBeGreaterThan(MAX_POSTING_CHARS * 0.8);
  });
});
