// The understanding mechanism, piece by piece, on messages of our own.
import { describe, expect, it } from "vitest";
import { testCore, textOf } from "../helpers/core.ts";

const { understander, mentor, kb } = testCore();
const u = (text: string) => understander.understand(text);

describe("understanding mechanism", () => {
  it("corrects typos towards the domain, but never bends ordinary words", () => {
    expect(u("mashine lerning enginer skils")).toMatchObject({ intent: "role.aspect", roles: ["ml-engineer"], aspect: "skills" });
    // "analysis" is an English word: it must not become "analyst".
    expect(u("do data scientists focus on analysis or on models?").roles).toEqual(["data-scientist"]);
  });

  it("topic over shape: a job-search topic with a role in the 'what is X like' shape is the job search, not the overview", () => {
    for (const [q, role] of [["what is the data engineer interview like", "data-engineer"], ["what does a good ml engineer portfolio look like", "ml-engineer"], ["what's an ai engineer resume like", "ai-engineer"]] as const)
      expect(u(q), q).toMatchObject({ intent: "job-search", roles: [role] });
    // Without the topic word the shape is the overview still.
    expect(u("what is the data engineer job like")).not.toMatchObject({ intent: "job-search" });
  });

  it("demand over glossary: a term that is also a role's name, with a worry about its future, asks the role's demand", () => {
    for (const q of ["is mlops a fad", "is mlops dying", "is mlops still a thing", "is mlops going away"])
      expect(u(q), q).toMatchObject({ intent: "role.aspect", roles: ["mlops-engineer"], aspect: "demand" });
    // The term itself is still the term.
    expect(u("what is mlops")).toMatchObject({ intent: "glossary", term: "mlops" });
  });

  it("recovers a role elided by a conjunction", () => {
    expect(new Set(u("should I do ML or AI engineering?").roles)).toEqual(new Set(["ml-engineer", "ai-engineer"]));
  });

  it("reads 'ml vs ai engineer' as a comparison: an elided role's head word is not a glossary term", () => {
    for (const q of ["ml vs ai engineer?", "mle vs aie", "ML engineer or AI engineer?", "ml eng vs ai eng differences", "ai vs ml engineer", "ml or ai engineer, whats the difference"]) {
      const r = u(q);
      expect(r, q).toMatchObject({ intent: "compare", alternatives: [] });
      expect(new Set(r.roles), q).toEqual(new Set(["ml-engineer", "ai-engineer"]));
    }
  });

  it("answers the flagship 'ml vs ai engineer?' with the comparison, not 'Did you mean'", () => {
    const text = textOf(mentor.answerStateless("ml vs ai engineer?").replies);
    expect(text).not.toMatch(/Did you mean/);
    expect(text).toContain(`${kb.role("ml-engineer").short} vs ${kb.role("ai-engineer").short}`);
  });

  it("reads 'which one pays more' as a comparison on pay, and 'which one is better for me' as fit", () => {
    expect(u("which one pays more")).toMatchObject({ intent: "compare", aspect: "salary" });
    expect(u("which one is better for me").intent).toBe("fit");
    expect(u("and the salary?")).toMatchObject({ intent: "role.aspect", aspect: "salary" });
  });

  it("reads two named roles weighed for the person asking as fit, and weighed on an aspect as a comparison", () => {
    expect(u("ml or ai engineer, which is better for me")).toMatchObject({ intent: "fit", roles: ["ml-engineer", "ai-engineer"] });
    expect(u("ml engineer or research scientist, which suits me")).toMatchObject({ intent: "fit" });
    expect(u("which pays me more, ml or ai engineer")).toMatchObject({ intent: "compare", aspect: "salary" });
  });

  it("treats bare AI and ML as fields, not roles", () => {
    expect(u("could you help me pick a career in ml").roles).toEqual([]);
  });

  it("reads the direction of a move from its words, not only from the order", () => {
    expect(u("switching to mlops after 5 years as a backend dev")).toMatchObject({ intent: "transition", from: "software-engineer", to: "mlops-engineer" });
    expect(u("data analyst -> data scientist, realistic?")).toMatchObject({ intent: "transition", from: "data-analyst", to: "data-scientist" });
  });

  it("weighs the question over the background when picking an aspect", () => {
    const r = u("So I just finished my masters in stats. I keep seeing ML engineer and data scientist roles. What's actually different day to day?");
    expect(r).toMatchObject({ intent: "compare", aspect: "responsibilities" });
  });

  it("needs a 'which role' cue or a self-description for fit, and job words for job search", () => {
    expect(u("what batch size should i use for bert fine tuning").intent).not.toBe("fit");
    expect(u("I love building data pipelines").intent).toBe("fit");
    expect(u("how do i install tensorflow on a mac").intent).not.toBe("job-search");
    expect(u("how do I get my first ML engineer job").intent).toBe("job-search");
  });

  it("reads stretched and once-typed doubled letters as the word meant: 'helo', 'heyyy' greet, they do not ask for help", () => {
    for (const q of ["helo", "heyyy", "hellooo there", "helo everyone"]) expect(u(q).intent, q).toBe("greeting");
    // Chat shorthand and sign-offs are small talk too, confidently enough to be answered, not asked back.
    for (const [q, intent] of [["gm everyone", "greeting"], ["tysm!!", "thanks"], ["ok bye then", "thanks"]] as const) expect(u(q), q).toMatchObject({ intent, confidence: expect.any(Number) });
    for (const q of ["gm everyone", "tysm!!", "ok bye then"]) expect(u(q).confidence, q).toBeGreaterThanOrEqual(0.35);
    expect(u("machine lerning enginer salary")).toMatchObject({ intent: "role.aspect", roles: ["ml-engineer"], aspect: "salary" });
  });

  it("takes an aspect word inside a role's name as the name: 'ML platform engineer' is no question about platforms", () => {
    expect(u("what does a machine learning platform engineer do")).toMatchObject({ intent: "role.overview", roles: ["mlops-engineer"], aspect: null });
  });

  it("reads a move told in the person's own words: described work is the origin, what follows the move the destination", () => {
    expect(u("i do backend stuff in go, want to get into genai apps")).toMatchObject({ intent: "transition", from: "software-engineer", to: "ai-engineer" });
    expect(u("been doing etl and airflow for 3 years, wanna switch to ml")).toMatchObject({ intent: "transition", from: "data-engineer", to: "ml-engineer" });
    expect(u("data analyst here, trying to get into machine learning")).toMatchObject({ intent: "transition", from: "data-analyst", to: "ml-engineer" });
    // Asked as whether a role is the next step from the work one does.
    expect(u("i maintain kafka pipelines, is mlops a good next step")).toMatchObject({ intent: "transition", from: "data-engineer", to: "mlops-engineer" });
    // Work liked is no origin, and described work alone is no question about a role.
    expect(u("I love dashboards, how do i become an ml engineer")).toMatchObject({ intent: "learning-path", roles: ["ml-engineer"] });
    expect(u("what are llm apps")).toMatchObject({ intent: "glossary", roles: [] });
  });

  it("reads a stated job outside the roles as a move from null, and a student as on a learning path", () => {
    expect(u("I'm a chemistry teacher, how do I become a data scientist?")).toMatchObject({ intent: "transition", roles: ["data-scientist"], from: null, to: "data-scientist" });
    expect(u("I'm a second year student, how do I become a data scientist?")).toMatchObject({ intent: "learning-path", roles: ["data-scientist"], from: null, to: null });
  });

  it("reads the work a job search names as its role: 'ml jobs' are ML engineer jobs", () => {
    expect(u("how do i get interviews for machine learning jobs")).toMatchObject({ intent: "job-search", roles: ["ml-engineer"] });
  });

  it("moves people out of the usual starting points when no word says which way", () => {
    expect(u("data scientist and data analyst, how do i move over")).toMatchObject({ intent: "transition", from: "data-analyst", to: "data-scientist" });
    expect(u("from data scientist to data analyst")).toMatchObject({ intent: "transition", from: "data-scientist", to: "data-analyst" });
  });

  it("reads whether one needs a subject for a role as its skills, and the order of learning as the path", () => {
    expect(u("do you need statistics to become a data scientist")).toMatchObject({ intent: "role.aspect", roles: ["data-scientist"], aspect: "skills" });
    expect(u("to become a data scientist, stats first or python first?").intent).toBe("learning-path");
  });

  it("reads past discourse openers ('ok', 'so', 'cool,'), and keeps one that is all there is", () => {
    expect(u("ok so what does a data engineer do")).toMatchObject({ intent: "role.overview", roles: ["data-engineer"] });
    expect(u("alright, quiz me").intent).toBe("quiz.start");
    expect(u("ok").intent).toBe("thanks");
  });

  it("does not offer the role the person says they are as an option for fit", () => {
    expect(u("im a data analyst, data scientist or data engineer, which is better for me")).toMatchObject({ intent: "fit", roles: ["data-scientist", "data-engineer"] });
  });

  it("reads a question about the person's quiz result as quiz.result even without a conversation", () => {
    expect(u("remind me what my quiz result was")).toMatchObject({ intent: "quiz.result", roles: [] });
    expect(u("why did the test pick data science for me").intent).toBe("quiz.result");
  });

  it("reads 'whats the difference again' as a comparison waiting for its roles, not as off-topic", () => {
    expect(u("whats the difference again")).toMatchObject({ intent: "compare", roles: [] });
    expect(u("whats the difference between a crocodile and an alligator").intent).toBe("out-of-scope");
  });

  it("reads help as help with the bot: a message about things outside the field is no help request", () => {
    expect(u("help me file my taxes and mortgage papers").intent).toBe("out-of-scope");
    expect(u("how do i use this bot").intent).toBe("help");
  });

  it("sends questions without any subject to out-of-scope", () => {
    for (const q of ["what does a nurse earn", "how do i become a pilot", "explain quantum physics"]) expect(u(q).intent, q).toBe("out-of-scope");
  });

  it("notes another language instead of guessing", () => {
    expect(u("¿Qué hace un ingeniero de aprendizaje automático en una empresa?").language).not.toBeNull();
    expect(u("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").language).toBeNull();
  });
});
