// The dialogue: follow-ups resolve against the conversation's last topic, every
// answer offers follow-up choices that work when clicked, and the special
// answers (fit, decline, other language, "Did you mean …?", salary) keep their promises.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/core/state-store.ts";
import { decodeAction, encodeAction, type Action } from "../../src/core/actions.ts";
import type { Reading } from "../../src/understanding/understand.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import { ASPECT_IDS, ROLE_IDS, type RoleId } from "../../src/knowledge/schema.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, headingOf, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();
const short = (id: RoleId) => kb.role(id).short;
const sorted = (xs: readonly string[]) => [...xs].sort();
const TOO_LATE = /no longer valid/i;

describe("follow-ups resolve against the last topic", () => {
  it('"and the salary?" after a comparison compares the same roles on salary', async () => {
    const c = conversation(mentor);
    await c.say("ml engineer vs ai engineer");
    const t = await c.say("and the salary?");
    expect(t.understanding).toMatchObject({ intent: "compare", aspect: "salary" });
    expect(sorted(t.understanding!.roles)).toEqual(["ai-engineer", "ml-engineer"]);
    expect(headingOf(t)).toMatch(/salary/i);
    expect(headingOf(t)).toContain(short("ml-engineer"));
    expect(headingOf(t)).toContain(short("ai-engineer"));
  });

  it('"what about ML engineers?" after a question about AI engineers is about ML engineers', async () => {
    const c = conversation(mentor);
    await c.say("what does an ai engineer do");
    const t = await c.say("what about ML engineers?");
    expect(t.understanding).toMatchObject({ intent: "role.overview", roles: ["ml-engineer"] });
    expect(headingOf(t)).toBe(kb.role("ml-engineer").name);
  });

  it('"what about …" keeps the aspect of the last question', async () => {
    const c = conversation(mentor);
    await c.say("how much does an ml engineer earn?");
    const t = await c.say("what about AI engineers?");
    expect(t.understanding).toMatchObject({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "salary" });
    expect(headingOf(t)).toMatch(new RegExp(`^${kb.role("ai-engineer").name}: salary`, "i"));
  });

  it('"compare them" after a role compares that role with its counterpart, and "tell me more" goes on', async () => {
    const c = conversation(mentor);
    await c.say("tell me about data scientists");
    const t = await c.say("compare them");
    expect(t.understanding!.intent).toBe("compare");
    expect(t.understanding!.roles).toContain("data-scientist");
    expect(t.understanding!.roles.length).toBeGreaterThanOrEqual(2);
    expect(headingOf(t)).toContain(`${short("data-scientist")} vs`);

    const more = await c.say("tell me more");
    expect(more.understanding!.intent).toBe("compare");
    expect(sorted(more.understanding!.roles)).toEqual(sorted(t.understanding!.roles));
    expect(more.understanding!.aspect).not.toBeNull();
    expect(headingOf(more)).toContain(`${short("data-scientist")} vs`);
  });

  it('"tell me more" after a role opens one of its aspects', async () => {
    const c = conversation(mentor);
    await c.say("tell me about data scientists");
    const t = await c.say("tell me more");
    expect(t.understanding).toMatchObject({ intent: "role.aspect", roles: ["data-scientist"] });
    expect(ASPECT_IDS).toContain(t.understanding!.aspect);
    expect(headingOf(t)).toMatch(new RegExp(`^${kb.role("data-scientist").name}: `));
  });

  it("a clicked choice and a command set the topic too", async () => {
    const c = conversation(mentor);
    await c.choose("role:mlops-engineer");
    expect((await c.say("and the tools?")).understanding).toMatchObject({ intent: "role.aspect", roles: ["mlops-engineer"], aspect: "tools" });

    await c.command("role", "data engineer");
    expect((await c.say("and the salary?")).understanding).toMatchObject({ intent: "role.aspect", roles: ["data-engineer"], aspect: "salary" });
  });
});

describe("follow-ups that leave the subject out are answered, not declined (issue 8)", () => {
  it('"which one pays more" after ML vs AI engineer: the salary comparison of the same roles', async () => {
    const c = conversation(mentor);
    await c.say("ml engineer vs ai engineer");
    const t = await c.say("which one pays more");
    expect(headingOf(t)).toMatch(/salary/i);
    expect(headingOf(t)).toContain(short("ml-engineer"));
    expect(headingOf(t)).toContain(short("ai-engineer"));
  });

  it('"how do i become one" after an MLOps overview, then "how long would that take": the MLOps path', async () => {
    const c = conversation(mentor);
    await c.say("what does an mlops engineer do");
    const path = await c.say("how do i become one");
    expect(path.reading).toMatchObject({ intent: "learning-path", roles: ["mlops-engineer"] });
    expect(headingOf(path)).toContain(kb.role("mlops-engineer").name);
    expect(plain(path)).not.toMatch(/outside what I can help with/);
    expect((await c.say("how long would that take")).reading).toMatchObject({ intent: "learning-path", roles: ["mlops-engineer"] });
  });

  it('"do i need a masters for it" after a transition: the destination role\'s education', async () => {
    const c = conversation(mentor);
    await c.say("how do i switch from swe to ai engineering");
    const t = await c.say("do i need a masters for it");
    expect(t.reading).toMatchObject({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "education" });
    expect(headingOf(t)).toMatch(new RegExp(`^${kb.role("ai-engineer").name}: education`, "i"));
  });

  it('"ok which should i pick" after a comparison: fit over the compared roles, and "how would i get started with the first one"', async () => {
    const c = conversation(mentor);
    await c.say("compare mlops and data engineering");
    const t = await c.say("ok which should i pick");
    expect(t.reading!.intent).toBe("fit");
    expect(sorted(t.reading!.roles)).toEqual(["data-engineer", "mlops-engineer"]);
    expect((await c.say("how would i get started with the first one")).reading).toMatchObject({ intent: "learning-path", roles: ["mlops-engineer"] });
  });

  it('"any good books for that?" after RAG lists resources on RAG; "and networking?" after interview tips is job search', async () => {
    const c = conversation(mentor);
    await c.say("what is rag");
    expect(headingOf(await c.say("any good books for that?"))).toMatch(/Resources on .*RAG/);
    await c.say("how do i prepare for ml engineer interviews");
    expect((await c.say("and networking?")).reading).toMatchObject({ intent: "job-search" });
  });

  it('"how long would that take" after a transition answers with its duration first, the steps one click away', async () => {
    const c = conversation(mentor);
    await c.say("how do i switch from swe to ai engineering");
    const t = await c.say("how long would that take");
    expect(t.reading).toMatchObject({ intent: "transition", from: "software-engineer", to: "ai-engineer" });
    const d = kb.transition("software-engineer", "ai-engineer")!.duration;
    expect(plain(t)).toMatch(new RegExp(`^${short("software-engineer")} → ${short("ai-engineer")}: about ${d.months[0]}–${d.months[1]} months at ${d.hours_per_week} hours a week`));
    expect(plain(t).length).toBeLessThan(400);
    const all = answer(t).choices.find((c) => c.label === "All steps")!;
    expect(decodeAction(all.id)).toMatchObject({ kind: "view", view: "full" });
    expect(plain(await c.choose(all.id))).toMatch(/Steps/);
  });

  it("off-topic after a topic is still declined", async () => {
    const c = conversation(mentor);
    await c.say("ml engineer vs ai engineer");
    expect((await c.say("what's the weather like in berlin")).reading!.intent).toBe("out-of-scope");
  });
});

describe("context belongs to one person in one conversation", () => {
  const where = { platform: "test", workspace: "w1", channel: "c1", thread: null, dm: false } as const;
  const elsewhere: [string, Partial<InboundEventInput>][] = [
    ["another channel", { address: { ...where, channel: "c2" } }],
    ["a thread of the channel", { address: { ...where, thread: "t1" } }],
    ["another workspace", { address: { ...where, workspace: "w2" } }],
    ["another platform", { address: { ...where, platform: "discord" } }],
  ];

  const isSalaryCompare = (t: Awaited<ReturnType<typeof mentor.handle>>) =>
    t.understanding?.intent === "compare" && t.understanding.roles.length > 0;

  it.each(elsewhere)("%s does not inherit the topic", async (_, over) => {
    const actor = { id: `ctx-${Math.random()}` };
    await conversation(mentor, { actor, address: where }).say("ml engineer vs ai engineer");
    const t = await conversation(mentor, { actor, ...over }).say("and the salary?");
    expect(t.understanding!.roles).toEqual([]);
    expect(isSalaryCompare(t)).toBe(false);
    // The original conversation still has it.
    expect(isSalaryCompare(await conversation(mentor, { actor, address: where }).say("and the salary?"))).toBe(true);
  });

  it("another person in the same channel does not inherit the topic", async () => {
    await conversation(mentor, { address: where }).say("ml engineer vs ai engineer");
    const t = await conversation(mentor, { address: where }).say("and the salary?");
    expect(t.understanding!.roles).toEqual([]);
  });

  it("/forget drops the topic", async () => {
    const c = conversation(mentor);
    await c.say("ml engineer vs ai engineer");
    await c.command("forget");
    expect((await c.say("and the salary?")).understanding!.roles).toEqual([]);
  });

  it("the topic expires after a day (the store's clock decides)", async () => {
    let now = 1_700_000_000_000;
    const timed = testCore(new MemoryStore(() => now));
    const c = conversation(timed.mentor);
    await c.say("ml engineer vs ai engineer");
    now += 23 * 3_600_000;
    expect((await c.say("and the salary?")).understanding!.roles.length).toBe(2);
    now += 25 * 3_600_000;
    expect((await c.say("and the salary?")).understanding!.roles).toEqual([]);
  });
});

describe("follow-up choices", () => {
  const QUESTIONS = [
    "ml engineer vs ai engineer",
    "what does an mlops engineer do",
    "how much do data scientists earn",
    "what tools do data engineers use",
    "a typical day of an ai engineer",
    "research scientist vs ml engineer",
    "is ml engineering dying?",
    "how do I become an ai engineer",
    "how do I move from data analyst to ml engineer",
    "what is rag",
    "what is a feature store",
    "good resources to learn ml engineering",
    "how should I prepare for ml engineer interviews",
    "how to write a resume for ai engineer jobs",
    "I love building data pipelines and making them reliable",
    "hi",
    "thanks!",
    "what can you do?",
    "what's the best pizza recipe?",
  ];

  it("every answer to a batch of varied questions offers 2–4 choices that decode to actions", async () => {
    for (const q of QUESTIONS) {
      const t = await conversation(mentor).say(q);
      const choices = answer(t).choices;
      expect(choices.length, q).toBeGreaterThanOrEqual(2);
      expect(choices.length, q).toBeLessThanOrEqual(4);
      for (const ch of choices) expect(decodeAction(ch.id), `${q}: ${ch.id}`).toBeDefined();
    }
  });

  it("clicking any (non-quiz) choice from those answers gives a real answer", async () => {
    const ids = new Set<string>();
    for (const q of QUESTIONS) for (const ch of answer(await conversation(mentor).say(q)).choices) ids.add(ch.id);
    const clickable = [...ids].filter((id) => decodeAction(id)?.kind !== "quiz");
    expect(clickable.length).toBeGreaterThan(15);
    for (const id of clickable) {
      const t = await conversation(mentor).choose(id);
      expect(plain(t), id).not.toMatch(TOO_LATE);
      expect(answer(t).blocks.length, id).toBeGreaterThan(0);
    }
  });

  it("a clicked choice answers what its label says", async () => {
    const c = conversation(mentor);
    const compare = answer(await c.say("ml engineer vs ai engineer"));
    const salary = compare.choices.find((ch) => decodeAction(ch.id)?.kind === "compare")!;
    expect(salary.label).toMatch(/salary/i);
    const t = await c.choose(salary.id);
    expect(headingOf(t)).toMatch(/salary/i);

    const role = answer(await c.say("what does an ai engineer do")).choices.find((ch) => /compare with/i.test(ch.label))!;
    expect(headingOf(await c.choose(role.id))).toBe(`${short("ai-engineer")} vs ${short("ml-engineer")}`);
  });

  it("every answer reachable from a button offers 2–4 choices", async () => {
    const actions: Action[] = [];
    for (const role of ROLE_IDS) {
      actions.push({ kind: "role", role }, { kind: "path", role }, { kind: "jobs", role }, { kind: "resources", role });
      for (const aspect of ASPECT_IDS) actions.push({ kind: "role", role, aspect });
      for (const other of ROLE_IDS) if (other !== role) actions.push({ kind: "compare", roles: [role, other] }, { kind: "transition", from: role, to: other });
    }
    for (const t of kb.glossary) actions.push({ kind: "glossary", term: t.id });
    actions.push({ kind: "resources" }, { kind: "decide" }, { kind: "help" }, { kind: "fit" }, { kind: "jobs" });
    const offenders: string[] = [];
    for (const a of actions) {
      const n = answer(await conversation(mentor).choose(encodeAction(a))).choices.length;
      if (n < 2 || n > 4) offenders.push(`${encodeAction(a)}: ${n}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe("a fit message that describes the person", () => {
  const lean = (text: string) => /first lean is ([A-Za-z ]+?)[,.]/.exec(text)?.[1];
  const roleByShort = (name: string | undefined) => ROLE_IDS.find((r) => short(r) === name);

  it("gets a first lean naming a role, the words that led there, and the quiz", async () => {
    const said = "I love building data pipelines and making them reliable";
    const t = await conversation(mentor).say(said);
    expect(t.understanding!.intent).toBe("fit");
    const role = roleByShort(lean(plain(t)));
    expect(["data-engineer", "mlops-engineer", "ml-engineer"]).toContain(role);
    const ids = answer(t).choices.map((c) => c.id);
    expect(ids.some((id) => decodeAction(id)?.kind === "quiz")).toBe(true);
    expect(ids).toContain(`role:${role}`);
    // The reasons quoted are the person's own words.
    const because = /From what you describe \(([^)]*)\)/.exec(plain(t))![1]!.split(", ");
    expect(because.length).toBeGreaterThan(0);
    for (const w of because) expect(said.toLowerCase()).toContain(w);
  });

  it("leans elsewhere for a different person", async () => {
    const data = roleByShort(lean(plain(await conversation(mentor).say("I love building data pipelines and making them reliable"))));
    const llm = roleByShort(lean(plain(await conversation(mentor).say("I love prompting LLMs and building chatbot products"))));
    expect(llm).toBe("ai-engineer");
    expect(llm).not.toBe(data);
  });

  it("does not count what the person says they dislike", async () => {
    const t = await conversation(mentor).say("I hate LLMs and chatbots, but I love building data pipelines");
    expect(roleByShort(lean(plain(t)))).not.toBe("ai-engineer");
  });

  it('"which role fits me?" without a description gets no lean, only the invitation and the quiz', async () => {
    const t = await conversation(mentor).say("which role fits me?");
    expect(t.understanding!.intent).toBe("fit");
    expect(plain(t)).not.toMatch(/first lean/i);
    expect(plain(t)).toMatch(/tell me what you enjoy/i);
    expect(answer(t).choices.some((c) => decodeAction(c.id)?.kind === "quiz")).toBe(true);
  });

  it("never quotes function words as evidence", async () => {
    for (const said of ["I love building data pipelines and making them reliable", "which role fits me if I enjoy math and reading papers?", "what should I pick, I like the idea of training models"]) {
      const because = /From what you describe \(([^)]*)\)/.exec(plain(await conversation(mentor).say(said)))?.[1]?.split(", ") ?? [];
      for (const w of because) expect(["and", "the", "them", "which", "what", "should", "fits", "fit", "role", "pick", "like", "love", "enjoy", "if"], `${said}: ${w}`).not.toContain(w);
    }
  });
});

describe("what the mentor does not answer", () => {
  it.each(["what's the best pizza recipe?", "can you fix my car's brakes?", "who won the world cup in 2018?"])(
    "declines %j politely and says what it can help with",
    async (q) => {
      const t = await conversation(mentor).say(q);
      expect(t.understanding!.intent).toBe("out-of-scope");
      expect(plain(t)).toMatch(/sorry/i);
      expect(plain(t)).toMatch(/career/i);
      expect(answer(t).choices.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each([
    "Quelle est la différence entre un ingénieur ML et un ingénieur IA ?",
    "¿Cuál es la diferencia entre un ingeniero de aprendizaje automático y uno de IA?",
    "Was ist der Unterschied zwischen einem ML-Ingenieur und einem KI-Ingenieur?",
  ])("answers %j with the English-only note", async (q) => {
    const t = await conversation(mentor).say(q);
    expect(t.understanding!.language).not.toBeNull();
    expect(plain(t)).toMatch(/only speak English/i);
    expect(answer(t).choices.length).toBeGreaterThanOrEqual(2);
  });
});

describe('"Did you mean …?" when the reading is unsure', () => {
  const KIND_OF: Record<Reading["intent"], Action["kind"] | undefined> = {
    "role.overview": "role", "role.aspect": "role", compare: "compare", transition: "transition", "learning-path": "path",
    resources: "resources", glossary: "glossary", "job-search": "jobs", fit: "fit", "quiz.start": "quiz", help: "help",
    greeting: undefined, thanks: undefined, "out-of-scope": undefined, decode: undefined, "quiz.answer": undefined, "quiz.result": undefined,
  };
  const CANDIDATES = [
    "ai engineer skills or path", "ml engineer path or resources", "ml engineer skills roadmap", "ai engineer courses or path",
    "compare ml and ai", "data engineer tools or salary", "data scientist interview or path",
  ];

  it("asks back with 2–3 choices built from the competing readings, and each choice answers", async () => {
    let asked = 0;
    for (const q of CANDIDATES) {
      const t = await conversation(mentor).say(q);
      const u = t.understanding!;
      const unsure = u.confidence < 0.35 || u.alternatives.length > 0;
      if (u.alternatives.length > 0) expect(plain(t), q).toMatch(/did you mean/i);
      if (!/did you mean/i.test(plain(t))) continue;
      asked++;
      expect(unsure, q).toBe(true);
      const choices = answer(t).choices;
      expect(choices.length, q).toBeGreaterThanOrEqual(2);
      expect(choices.length, q).toBeLessThanOrEqual(3);
      expect(new Set(choices.map((c) => c.label)).size, q).toBe(choices.length);
      // The competing readings are offered (a weak single reading may be topped up with starters).
      const readings = new Set([u, ...u.alternatives].map((r) => KIND_OF[r.intent]));
      const fromReadings = choices.filter((c) => readings.has(decodeAction(c.id)?.kind));
      expect(fromReadings.length, q).toBeGreaterThanOrEqual(u.alternatives.length > 0 ? 2 : 1);
      for (const c of choices) {
        const picked = await conversation(mentor).choose(c.id);
        expect(plain(picked)).not.toMatch(TOO_LATE);
      }
    }
    expect(asked).toBeGreaterThanOrEqual(2);
  });

  it("asks back on low confidence even when only one reading is actionable, never answering a weak guess", async () => {
    let low = 0;
    for (const q of ["engineer", "# heading\n> quote", "data", "python", "models", "career"]) {
      const t = await conversation(mentor).say(q);
      if (t.understanding!.confidence >= 0.35) continue;
      low++;
      expect(plain(t), q).toMatch(/did you mean/i);
      expect(plain(t), q).not.toMatch(/you're welcome|^Hi!/im);
      const choices = answer(t).choices;
      expect(choices.length, q).toBeGreaterThanOrEqual(2);
      expect(choices.length, q).toBeLessThanOrEqual(3);
      for (const c of choices) expect(decodeAction(c.id), `${q}: ${c.id}`).toBeDefined();
    }
    expect(low).toBeGreaterThanOrEqual(2);
  });
});

describe("salary answers", () => {
  const figureLines = (id: RoleId) =>
    (kb.role(id).aspects.salary?.figures ?? []).map((f) => ({ f, date: f.source.as_of.replace(/\s*\(article claim\)\s*/i, "") }));

  it("show each figure with its region, source and date, and say the figures are US", async () => {
    const t = await conversation(mentor).say("what does an ml engineer earn?");
    expect(t.understanding).toMatchObject({ intent: "role.aspect", roles: ["ml-engineer"], aspect: "salary" });
    // The first view shows the headline figures; every figure is one click away, under the full view.
    const full = answer(t).choices.find((c) => c.id.startsWith("view:full:"));
    expect(full).toBeDefined();
    const text = plain(t) + "\n" + plain(await conversation(mentor).choose(full!.id));
    const figures = figureLines("ml-engineer");
    expect(figures.length).toBeGreaterThan(0);
    for (const { f, date } of figures) {
      const line = text.split("\n").find((l) => l.includes(`${f.value}: ${f.label}`));
      expect(line, f.value).toBeDefined();
      expect(line).toContain(f.source.name);
      expect(line).toContain(date);
      expect(line).toContain(f.region);
    }
    expect(text).toMatch(/figures are for the United States/i);
  });

  it("in a comparison, show both roles' figures with sources and the US note", async () => {
    const t = await conversation(mentor).say("ml engineer vs ai engineer salary");
    const full = answer(t).choices.find((c) => c.id.startsWith("view:full:"));
    expect(full).toBeDefined();
    const text = plain(t) + "\n" + plain(await conversation(mentor).choose(full!.id));
    for (const role of ["ml-engineer", "ai-engineer"] as const) {
      for (const { f, date } of figureLines(role)) {
        const line = text.split("\n").find((l) => l.includes(`${short(role)}: ${f.value}: ${f.label}`));
        expect(line, `${role} ${f.value}`).toBeDefined();
        expect(line).toContain(f.source.name);
        expect(line).toContain(date);
      }
    }
    expect(text).toMatch(/United States/);
    // Article figures are shown as the article's claim.
    expect(text).toMatch(/claimed by/i);
  });
});

describe("choice ids that the mentor did not issue", () => {
  it.each([
    "", "bogus", "role", "role:not-a-role", "role:ml-engineer:vibes", "compare:ml-engineer", "compare:a+b+c+d",
    "compare:ml-engineer+ai-engineer+data-scientist+mlops-engineer", "transition:ml-engineer", "glossary:Not A Slug!",
    "jobs:-:vibes", "__proto__", "constructor",
    // Well-formed but never issued: a role compared with itself, a move to the same role.
    "compare:ml-engineer+ml-engineer", "compare:ai-engineer+ml-engineer+ai-engineer", "transition:ml-engineer:ml-engineer", "x".repeat(101), "role:ml-engineer".padEnd(300, ":"),
  ])("%j gets a clear private answer and no exception", async (id) => {
    const t = await conversation(mentor).choose(id);
    expect(t.replies).toHaveLength(1);
    expect(plain(t)).toMatch(TOO_LATE);
    expect(plain(t)).toMatch(/\/help/);
    expect(answer(t).visibility).toBe("private");
  });

  it("quiz ids from someone else's or a corrupted quiz do not throw", async () => {
    for (const id of ["quiz:a:deadbeef:00000000:tune-model:9", "quiz:zzz", "quiz:", "quiz:start:extra:parts"]) {
      const t = await conversation(mentor).choose(id);
      expect(t.replies.length, id).toBeGreaterThan(0);
    }
  });

});
