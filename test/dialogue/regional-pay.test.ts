// Pay outside the US through the mentor, with the phrasings people use: a
// country or city in the question, "I'm in Berlin" remembered for the person,
// "what about the uk?" after a salary answer, and region choices on salary
// answers. Regional answers lead with that region's figures (currency, what
// is measured, the proxy occupation, source and date), US figures one click away.
import { describe, expect, it } from "vitest";
import { decodeAction } from "../../src/core/actions.ts";
import { getProfile } from "../../src/core/profile.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, headingOf, plain } from "../helpers/conversation.ts";
import { LIMITS } from "../../adapters/discord/limits.ts";

const core = testCore();
const { mentor, kb } = core;
const ids = (t: Awaited<ReturnType<ReturnType<typeof conversation>["say"]>>) => answer(t).choices.map((c) => c.id);

describe("a region named in a salary question", () => {
  it("ml engineer salary in germany: German figures first, proxy, currency, source and date named", async () => {
    const t = await conversation(mentor).say("ml engineer salary in germany");
    expect(headingOf(t)).toBe("ML engineer pay in Germany");
    const text = plain(t);
    expect(text).toContain("€6,097 a month (EUR)");
    expect(text).toMatch(/median gross monthly pay of full-time employees/i);
    expect(text).toContain("proxy: Entgeltatlas occupation Software-Entwickler/in");
    expect(text).toMatch(/heise online, 2024/);
    expect(text).not.toMatch(/\$\d/); // no US dollar figure leads
    expect(ids(t)).toEqual(expect.arrayContaining(["role:ml-engineer:salary", "pay:ml-engineer"]));
  });

  it("how much do ai engineers make in the uk: the ONS proxy occupation in pounds", async () => {
    const t = await conversation(mentor).say("how much do ai engineers make in the uk");
    expect(headingOf(t)).toBe("AI engineer pay in the United Kingdom");
    expect(plain(t)).toContain("£49,430 a year (GBP)");
    expect(plain(t)).toContain("SOC 2020 2134 Programmers and software development professionals");
    expect(plain(t)).toContain("Ciphr");
  });

  it("a role the region has no readable source for says so, and why, instead of a number", async () => {
    const t = await conversation(mentor).say("how much do data scientists make in the uk");
    expect(headingOf(t)).toBe("Data scientist pay in the United Kingdom");
    expect(plain(t)).toMatch(/no UK pay figure for data scientist from a source I could check/);
    expect(plain(t)).toMatch(/No UK figure for data scientists: .*ONS/);
    expect(plain(t)).not.toMatch(/£\d/);
    expect(ids(t)).toContain("role:data-scientist:salary");
  });

  it("India's figures are labelled as a salary survey, not a national statistic", async () => {
    const t = await conversation(mentor).say("data engineer pay in india");
    expect(headingOf(t)).toBe("Data engineer pay in India");
    expect(plain(t)).toContain("₹23 lakh a year (INR)");
    const full = await conversation(mentor).choose("view:full:pay:data-engineer:in");
    expect(plain(full)).toMatch(/Salary survey; Storyboard18, reporting TeamLease Digital/);
  });

  it("the ask tool (no state) leads with the region named in the message too", () => {
    const turn = mentor.answerStateless("ai engineer salary in canada");
    expect(turn.understanding?.aspect).toBe("salary");
    expect(plain(turn)).toContain("C$46.15 an hour (CAD)");
    expect(plain(turn)).toMatch(/proxy: NOC 2021 21211 Data scientists/);
  });
});

describe("the person's region is remembered", () => {
  it("I'm in Berlin, then what does a data scientist earn?: leads with Germany, for that person only", async () => {
    const me = conversation(mentor, { actor: { id: "berliner" } });
    const noted = await me.say("I'm in Berlin");
    expect(plain(noted)).toMatch(/Noted: you're in Germany/);
    expect(ids(noted)).toContain("pay:ml-engineer:de");
    const p = await getProfile(core.store, { platform: "test", workspace: "w1", channel: "c1", thread: null, dm: true }, { id: "berliner" });
    expect(p.region).toBe("de");

    const t = await me.say("what does a data scientist earn?");
    expect(headingOf(t)).toBe("Data scientist pay in Germany");
    expect(plain(t)).toContain("€67,000 a year (EUR)");
    expect(t.understanding).toMatchObject({ intent: "role.aspect", roles: ["data-scientist"], aspect: "salary" });

    // Someone else in the same channel still gets the US answer.
    const other = await conversation(mentor).say("what does a data scientist earn?");
    expect(headingOf(other)).toBe(`${kb.role("data-scientist").name}: salary`);
  });

  it("what about the uk? / in canada? after a salary answer: the same roles' pay there", async () => {
    const c = conversation(mentor);
    expect(headingOf(await c.say("how much do ai engineers make?"))).toBe(`${kb.role("ai-engineer").name}: salary`);
    const uk = await c.say("what about the uk");
    expect(headingOf(uk)).toBe("AI engineer pay in the United Kingdom");
    expect(uk.understanding).toMatchObject({ intent: "role.aspect", roles: ["ai-engineer"], aspect: "salary" });
    expect(headingOf(await c.say("in canada?"))).toBe("AI engineer pay in Canada");
    // And the last region named is the one remembered.
    expect(headingOf(await c.say("what does an ml engineer earn"))).toBe("ML engineer pay in Canada");
  });

  it("a message that mentions a place but asks something else is answered as usual", async () => {
    const c = conversation(mentor);
    const weather = await c.say("what's the weather in berlin");
    expect(plain(weather)).not.toMatch(/Noted/);
    expect(weather.understanding?.intent).toBe("out-of-scope");
    const path = await c.say("I'm in London, how do I become an ML engineer?");
    expect(plain(path)).not.toMatch(/Noted/);
    expect(path.understanding?.intent).not.toBe("out-of-scope");
  });

  it("saying you are in the US keeps the US figures", async () => {
    const c = conversation(mentor);
    await c.say("im from the US");
    expect(headingOf(await c.say("what does a data scientist earn?"))).toBe(`${kb.role("data-scientist").name}: salary`);
  });
});

describe("region choices on salary answers", () => {
  it("the US salary answer offers other countries; picking one answers there and is remembered", async () => {
    const c = conversation(mentor);
    const us = await c.say("what does an ml engineer earn?");
    expect(headingOf(us)).toBe(`${kb.role("ml-engineer").name}: salary`);
    const other = answer(us).choices.find((x) => x.label === "Pay in other countries");
    expect(other?.id).toBe("pay:ml-engineer");

    const picker = await c.choose(other!.id);
    expect(answer(picker).choices.map((x) => x.label)).toEqual(["UK", "Germany", "India", "Canada"]);
    const india = answer(picker).choices.find((x) => x.label === "India")!;
    expect(decodeAction(india.id)).toEqual({ kind: "pay", roles: ["ml-engineer"], region: "in" });

    const t = await c.choose(india.id);
    expect(headingOf(t)).toBe("ML engineer pay in India");
    expect(plain(t)).toContain("₹8.2 lakh to ₹43 lakh a year (INR)");
    // US figures are one click away.
    expect(headingOf(await c.choose("role:ml-engineer:salary"))).toBe(`${kb.role("ml-engineer").name}: salary`);
    // The chosen region now leads the person's salary questions.
    expect(headingOf(await c.say("how much do data engineers make?"))).toBe("Data engineer pay in India");
  });

  it("someone in Germany who opens the US figures gets 'Pay in Germany' as the first choice, the picker next", async () => {
    const me = conversation(mentor, { actor: { id: "muenchner" } });
    await me.say("I'm in Munich");
    expect(headingOf(await me.say("what does an ml engineer earn?"))).toBe("ML engineer pay in Germany");
    const us = await me.choose("role:ml-engineer:salary");
    expect(headingOf(us)).toBe(`${kb.role("ml-engineer").name}: salary`);
    expect(answer(us).choices.slice(0, 2)).toEqual([
      { id: "pay:ml-engineer:de", label: "Pay in Germany" },
      { id: "pay:ml-engineer", label: "Pay in other countries" },
    ]);
    expect(answer(us).choices.length).toBeLessThanOrEqual(4);
    expect(headingOf(await me.choose("pay:ml-engineer:de"))).toBe("ML engineer pay in Germany");
    // The same for a salary comparison.
    const cmp = await me.choose("compare:ml-engineer+ai-engineer:salary");
    expect(ids(cmp).slice(0, 2)).toEqual(["pay:ml-engineer+ai-engineer:de", "pay:ml-engineer+ai-engineer"]);
  });

  it("without a known region (or in the US) the US salary answer offers only the picker", async () => {
    const none = await conversation(mentor).choose("role:ai-engineer:salary");
    expect(ids(none).filter((id) => id.startsWith("pay:"))).toEqual(["pay:ai-engineer"]);
    const c = conversation(mentor, { actor: { id: "new-yorker" } });
    await c.say("I'm in New York");
    const us = await c.choose("role:ai-engineer:salary");
    expect(ids(us).filter((id) => id.startsWith("pay:"))).toEqual(["pay:ai-engineer"]);
  });

  it("the picker lists every region of regions.yaml as a choice, within one row of Discord buttons", async () => {
    const picker = await conversation(mentor).choose("pay:data-scientist");
    const others = kb.regions.filter((r) => r.id !== "us");
    expect(ids(picker)).toEqual(others.map((r) => `pay:data-scientist:${r.id}`));
    expect(ids(picker).length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
  });

  it("a salary comparison offers other countries and answers both roles there", async () => {
    const c = conversation(mentor);
    const cmp = await c.choose("compare:ml-engineer+ai-engineer:salary");
    expect(ids(cmp)).toContain("pay:ml-engineer+ai-engineer");
    const de = await c.choose("pay:ml-engineer+ai-engineer:de");
    expect(headingOf(de)).toBe("ML engineer and AI engineer pay in Germany");
    expect(plain(de)).toContain("ML engineer and AI engineer: €6,097 a month (EUR)");
    expect(ids(de)).toContain("compare:ml-engineer+ai-engineer:salary");
  });

  it("a role without regional figures, an unknown region or a repeated role are handled, not invented", async () => {
    const mlops = await conversation(mentor).choose("pay:mlops-engineer:uk");
    expect(plain(mlops)).toMatch(/I have no UK pay figure for MLOps engineer from a source I could check/);
    expect(plain(mlops)).not.toMatch(/£\d/);
    const unknown = await conversation(mentor).choose("pay:ml-engineer:fr");
    expect(headingOf(unknown)).toBe("ML engineer pay: which country?");
    const twice = await conversation(mentor).choose("pay:ml-engineer+ml-engineer:de");
    expect(headingOf(twice)).toBe("ML engineer pay in Germany");
  });

  it("a salary comparison asked in a region, or by someone whose region is known, leads with that region", async () => {
    expect(headingOf(await conversation(mentor).say("compare ml engineer and ai engineer salary in germany"))).toBe("ML engineer and AI engineer pay in Germany");
    const c = conversation(mentor);
    await c.say("im from india");
    const t = await c.say("compare ml engineer and ai engineer salary");
    expect(headingOf(t)).toBe("ML engineer and AI engineer pay in India");
    expect(plain(t)).toContain("AI engineer: ₹58 lakh to ₹60 lakh a year (INR)");
  });

  it("every regional first view is chat-sized and keeps its sources a click away", async () => {
    for (const region of kb.regions.filter((r) => r.id !== "us")) {
      for (const role of ["ml-engineer", "ai-engineer", "data-scientist", "data-engineer"]) {
        const t = await conversation(mentor).choose(`pay:${role}:${region.id}`);
        expect(plain(t).length, `${role} ${region.id}`).toBeLessThanOrEqual(1000);
        expect(answer(t).choices.length).toBeLessThanOrEqual(4);
        if (region.pay.some((f) => f.roles.includes(role as never))) expect(ids(t)).toContain(`view:sources:pay:${role}:${region.id}`);
      }
    }
  });
});
