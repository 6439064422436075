// Sections, tool lists, years and seniority.
import { describe, expect, it } from "vitest";
import { headingKind, isToolList, seniorityOf } from "../../src/decoder/sections.ts";

describe("headingKind", () => {
  it.each([
    ["Key Responsibilities", "duties"],
    ["What you'd actually do", "duties"],
    ["About the role", "duties"],
    ["Minimum Qualifications", "requirements"],
    ["Nice To Haves", "nice"],
    ["Preferred Qualifications and Skills", "nice"],
    ["About us", "about"],
    ["What we offer", "about"],
  ])("%s → %s", (heading, kind) => expect(headingKind(heading)).toBe(kind));
});

describe("isToolList", () => {
  it("tells a list of tools from a duty", () => {
    expect(isToolList("Python, SQL, Spark, Airflow, dbt")).toBe(true);
    expect(isToolList("Design and own the evaluation framework for batch and streaming models")).toBe(false);
  });
});

describe("seniorityOf", () => {
  it("reads years as stated and the level from the title", () => {
    expect(seniorityOf("Senior Machine Learning Engineer", "You have 5+ years of experience shipping models.")).toEqual({ years: "5+ years", level: "senior" });
    expect(seniorityOf("Staff Software Engineer", "3-6 years of relevant experience")).toEqual({ years: "3–6 years", level: "staff" });
    expect(seniorityOf("Data Engineer", "No particular requirement.")).toEqual({ years: null, level: null });
    expect(seniorityOf("PhD Research Scientist Intern", "")).toMatchObject({ level: "intern" });
    // Years that are not experience are not a requirement.
    expect(seniorityOf("Data Architect", "Analytics lake (long-term retention, 7+ years).\nMinimum years of experience: >10 years").years).toBe("10 years");
  });
});
