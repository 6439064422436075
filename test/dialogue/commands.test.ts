// Every command, with good and bad arguments. Bad arguments and unknown
// commands get a short usage line, never an error trace.
import { describe, expect, it } from "vitest";
import { decodeAction } from "../../src/core/actions.ts";
import { COMMANDS } from "../../src/core/commands.ts";
import type { Turn } from "../../src/core/mentor.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, headingOf, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();
const short = (id: Parameters<typeof kb.role>[0]) => kb.role(id).short;
const run = (name: string, args = "", over: Partial<InboundEventInput> = {}) => conversation(mentor, over).command(name, args);

/** A usage line: one short text naming the command's syntax, with a Help choice; no trace. */
function expectUsage(t: Turn, usage: RegExp) {
  expect(t.replies).toHaveLength(1);
  const text = plain(t);
  expect(text).toMatch(usage);
  expect(text.length).toBeLessThan(300);
  expectNoTrace(text);
  expect(answer(t).choices.map((c) => c.id)).toContain("help");
}

function expectNoTrace(text: string) {
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(text).not.toMatch(/\b(TypeError|ZodError|ReferenceError|undefined|null|NaN)\b/);
}

describe("/compare", () => {
  it("with no arguments compares ML engineer and AI engineer", async () => {
    const t = await run("compare");
    expect(headingOf(t)).toBe(`${short("ml-engineer")} vs ${short("ai-engineer")}`);
    expect(answer(t).blocks.some((b) => b.type === "fields")).toBe(true);
  });

  it("with one role compares it with its usual counterpart", async () => {
    expect(headingOf(await run("compare", "data scientist"))).toMatch(new RegExp(`^${short("data-scientist")} vs \\w`));
  });

  it("with two roles in chat spelling", async () => {
    expect(headingOf(await run("compare", "MLE data eng"))).toBe(`${short("ml-engineer")} vs ${short("data-engineer")}`);
  });

  it("with three roles shows all three side by side", async () => {
    const t = await run("compare", "ml engineer data scientist ai engineer");
    expect(headingOf(t)).toBe([short("ml-engineer"), short("data-scientist"), short("ai-engineer")].join(" vs "));
    const fields = answer(t).blocks.find((b) => b.type === "fields");
    expect(fields?.type === "fields" && fields.fields.map((f) => f.label)).toEqual([short("ml-engineer"), short("data-scientist"), short("ai-engineer")]);
  });

  it("with an aspect (and no roles) compares the default pair on that aspect", async () => {
    const t = await run("compare", "salary");
    expect(headingOf(t)).toBe(`${short("ml-engineer")} vs ${short("ai-engineer")}: salary`);
    expect(plain(t)).toMatch(/United States/);
  });

  it("with roles and an aspect", async () => {
    expect(headingOf(await run("compare", "mle aie tools"))).toBe(`${short("ml-engineer")} vs ${short("ai-engineer")}: tools`);
  });

  it("with words that are not roles gets the usage line", async () => {
    expectUsage(await run("compare", "bananas apples"), /Usage: \/compare \[role\] \[role\] \[role\] \[aspect\]/);
  });
});

describe("/role", () => {
  it("with a role gives its overview", async () => {
    const t = await run("role", "mlops");
    expect(headingOf(t)).toBe(kb.role("mlops-engineer").name);
    expect(answer(t).choices.length).toBeGreaterThanOrEqual(2);
  });

  it("with a role and an aspect gives that aspect", async () => {
    expect(headingOf(await run("role", "ai engineer skills"))).toBe(`${kb.role("ai-engineer").name}: skills`);
  });

  it("without a role, or with an unknown one, gets the usage line", async () => {
    expectUsage(await run("role"), /Which role\? Usage: \/role <role> \[aspect\]/);
    expectUsage(await run("role", "pineapple"), /didn't recognise "pineapple" as a role\. .*Usage: \/role <role> \[aspect\]/);
  });
});

describe("/ask", () => {
  it("answers the question like a message", async () => {
    const viaCommand = await run("ask", "what is rag");
    const viaMessage = await conversation(mentor).say("what is rag");
    expect(headingOf(viaCommand)).toBe(kb.term("rag")!.term);
    expect(plain(viaCommand)).toBe(plain(viaMessage));
  });

  it("with no question gets the empty-message answer, not an error", async () => {
    const t = await run("ask");
    expect(plain(t)).toMatch(/didn't get any text/i);
    expect(answer(t).choices.length).toBeGreaterThanOrEqual(2);
  });
});

describe("/path", () => {
  it("with one role gives its ordered learning path", async () => {
    const t = await run("path", "ai engineer");
    expect(headingOf(t)).toBe(`Learning path: ${kb.role("ai-engineer").name}`);
    const steps = answer(t).blocks.find((b) => b.type === "list" && b.ordered);
    expect(steps?.type === "list" && steps.items.length).toBe(kb.path("ai-engineer")!.steps.length);
  });

  it("with a from and a to role gives the transition", async () => {
    const t = await run("path", "data scientist ml engineer");
    expect(headingOf(t)).toBe(`${short("data-scientist")} → ${short("ml-engineer")}`);
    expect(plain(t)).toContain(kb.transition("data-scientist", "ml-engineer")!.summary);
    expect(plain(t)).toMatch(/What to learn/);
    const all = answer(t).choices.find((c) => c.label === "All steps");
    const full = plain(await conversation(mentor).choose(all!.id));
    expect(full).toMatch(/What you already have/);
    expect(full).toMatch(/Portfolio project/);
  });

  it("with a starting-point role offers the moves out of it, and each move answers", async () => {
    const t = await run("path", "software engineer");
    expect(headingOf(t)).toContain(short("software-engineer"));
    const choices = answer(t).choices;
    expect(choices.length).toBeGreaterThanOrEqual(2);
    for (const c of choices) {
      const a = decodeAction(c.id);
      expect(a).toMatchObject({ kind: "transition", from: "software-engineer" });
      expect(headingOf(await conversation(mentor).choose(c.id))).toMatch(new RegExp(`^${short("software-engineer")} → `));
    }
  });

  it("without a role, or with an unknown one, gets the usage line", async () => {
    expectUsage(await run("path"), /Usage: \/path <role>\s+or\s+\/path <from-role> <to-role>/);
    expectUsage(await run("path", "astronaut"), /didn't recognise "astronaut" as a role/);
  });

  it("into a starting-point role (no path in) does not promise a learning path it cannot show", async () => {
    const t = await run("path", "ml engineer data analyst");
    expect(headingOf(t)).toBe(`${short("ml-engineer")} → ${short("data-analyst")}`);
    expect(plain(t)).not.toMatch(/learning path/i);
    const choices = answer(t).choices;
    expect(choices.length).toBeGreaterThanOrEqual(2);
    // Nothing offered moves *out of* the role the person wants to move into.
    for (const c of choices) expect(decodeAction(c.id)).not.toMatchObject({ kind: "transition", from: "data-analyst", to: expect.not.stringMatching(/^ml-engineer$/) });
    for (const c of choices) expect(plain(await conversation(mentor).choose(c.id))).not.toMatch(/no longer valid/i);
  });

  it('/path without a curated guide writes "an ML/AI/MLOps engineer", never "a ML engineer"', async () => {
    const roles = ["ml-engineer", "ai-engineer", "mlops-engineer", "data-scientist", "data-engineer", "research-scientist"] as const;
    let fallbacks = 0;
    for (const from of roles) for (const to of roles) {
      if (from === to) continue;
      const text = plain(await run("path", `${short(from)} ${short(to)}`));
      if (/What you bring as/.test(text)) fallbacks++;
      expect(text).not.toMatch(/\ba (ML|AI|MLOps) /);
    }
    expect(fallbacks).toBeGreaterThan(0);
  });
});

describe("/resources", () => {
  it("with no role lists resources for the whole field", async () => {
    const t = await run("resources");
    expect(headingOf(t)).toBe("Resources");
    const links = answer(t).blocks.find((b) => b.type === "links");
    expect(links?.type === "links" && links.links.length).toBeGreaterThanOrEqual(3);
  });

  it("with a role lists only resources for that role", async () => {
    const t = await run("resources", "ai engineer");
    expect(headingOf(t)).toContain(short("ai-engineer"));
    const links = answer(t).blocks.find((b) => b.type === "links");
    const forRole = new Set(kb.resourcesFor("ai-engineer").map((r) => r.url));
    expect(links?.type === "links" && links.links.length).toBeGreaterThan(0);
    if (links?.type === "links") for (const l of links.links) expect(forRole).toContain(l.url);
  });

  it("with an unknown role gets the usage line", async () => {
    expectUsage(await run("resources", "underwater basket weaving"), /Usage: \/resources \[role\]/);
  });
});

describe("/glossary", () => {
  it("explains a known term with its definition and source", async () => {
    const t = await run("glossary", "rag");
    const rag = kb.term("rag")!;
    expect(headingOf(t)).toBe(rag.term);
    expect(plain(t)).toContain(rag.definition);
    expect(plain(t)).toMatch(/\(Sources: .+ · more under Sources\)/);
    const sources = answer(t).choices.find((c) => c.label === "Sources");
    expect(plain(await conversation(mentor).choose(sources!.id))).toContain(rag.source.name);
  });

  it("understands an alias such as \"vector db\"", async () => {
    expect(headingOf(await run("glossary", "vector db"))).toBe(kb.term("vector-database")!.term);
  });

  it("suggests near terms for an unknown one, as choices that answer", async () => {
    const t = await run("glossary", "vectr");
    expect(plain(t)).toMatch(/don't have that term/i);
    const ids = answer(t).choices.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids).toContain("glossary:vector-database");
    expect(headingOf(await conversation(mentor).choose(ids[0]!))).not.toBe("");
  });

  it("says what it knows for a term nobody could match", async () => {
    const t = await run("glossary", "flurbo");
    expect(plain(t)).toMatch(/don't have that term/i);
    expect(plain(t)).toMatch(/\/glossary/);
    expectNoTrace(plain(t));
  });

  it("with no term gets the usage line", async () => {
    expectUsage(await run("glossary"), /Usage: \/glossary <term>/);
  });
});

describe("role aliases, too many roles and unknown words", () => {
  it("every command reads bare field names as roles, like free text", async () => {
    expect(headingOf(await run("path", "ai"))).toBe(`Learning path: ${kb.role("ai-engineer").name}`);
    expect(headingOf(await run("compare", "ml ai"))).toBe(`${short("ml-engineer")} vs ${short("ai-engineer")}`);
    expect(headingOf(await run("path", "ml ai"))).toBe(`${short("ml-engineer")} → ${short("ai-engineer")}`);
    expect(headingOf(await run("role", "ai salary"))).toBe(`${kb.role("ai-engineer").name}: salary`);
    expect(headingOf(await run("resources", "ml"))).toContain(short("ml-engineer"));
    // Half of a two-word role stays part of it.
    expect(headingOf(await run("compare", "data scientist ml"))).toBe(`${short("data-scientist")} vs ${short("ml-engineer")}`);
  });

  it("/compare with four roles says it compares up to three and which it took", async () => {
    const t = await run("compare", "ml ai ds mlops");
    const taken = [short("ml-engineer"), short("ai-engineer"), short("data-scientist")];
    expect(headingOf(t)).toBe(taken.join(" vs "));
    expect(plain(t)).toMatch(new RegExp(`up to three roles.*${taken[0]}, ${taken[1]} and ${taken[2]}\\. Left out: ${short("mlops-engineer")}`));
  });

  it("an unknown role is named, and the closest role is offered as a choice that answers", async () => {
    const t = await run("role", "datascientst");
    expect(plain(t)).toMatch(/didn't recognise "datascientst" as a role\. Closest: /);
    const offered = answer(t).choices.map((c) => decodeAction(c.id));
    expect(offered).toContainEqual({ kind: "role", role: "data-scientist" });
    expect(headingOf(await conversation(mentor).choose(answer(t).choices[0]!.id))).toBe(kb.role("data-scientist").name);
  });

  it("a word nothing resembles still gets roles to pick from, never a dead end", async () => {
    const t = await run("path", "astronaut");
    expect(answer(t).choices.filter((c) => decodeAction(c.id)?.kind === "path").length).toBeGreaterThanOrEqual(1);
  });

  it("an unknown aspect is named next to the answer, with the aspects there are", async () => {
    const t = await run("role", "ml engineer hobbies");
    expect(headingOf(t)).toBe(kb.role("ml-engineer").name);
    expect(plain(t)).toMatch(/didn't recognise "hobbies".*Aspects: focus, /);
  });
});

describe("/help, /forget, /quiz and unknown commands", () => {
  it("/help lists every command", async () => {
    const text = plain(await run("help"));
    for (const name of ["compare", "role", "ask", "path", "resources", "glossary", "quiz", "forget", "help"]) {
      expect(text).toMatch(new RegExp(`^\\s+- /${name}\\b`, "m"));
    }
    expect(text).not.toContain("/mentor");
  });

  it("/forget answers and forgets the conversation's topic", async () => {
    const c = conversation(mentor);
    await c.say("what does an ml engineer do");
    const t = await c.command("forget");
    expect(t.replies.length).toBeGreaterThan(0);
    expect(plain(t)).toMatch(/delete/i);
    expect((await c.say("and the salary?")).understanding!.roles).toEqual([]);
  });

  it("/quiz returns at least one reply without throwing", async () => {
    expect((await run("quiz")).replies.length).toBeGreaterThan(0);
  });

  it.each(["frobnicate", "comapre", "HELPME", "x".repeat(500)])("unknown command %j gets a short list of commands", async (name) => {
    const t = await run(name);
    expect(t.replies).toHaveLength(1);
    expect(plain(t)).toMatch(/I don't know that command\. Try \/compare, \/role/);
    expect(plain(t).length).toBeLessThan(300);
    expect(plain(t)).not.toContain("x".repeat(20));
    expectNoTrace(plain(t));
  });

  it("command names are case-insensitive and a typed /command is the same as the command", async () => {
    expect(headingOf(await run("COMPARE"))).toBe(`${short("ml-engineer")} vs ${short("ai-engineer")}`);
    const typed = await conversation(mentor).say("/role data engineer tools");
    expect(headingOf(typed)).toBe(`${kb.role("data-engineer").name}: tools`);
  });
});

describe("on Slack the commands live under /mentor", () => {
  const slack = { address: { platform: "slack", workspace: "T1", channel: "C1", thread: null, dm: false } } as const;

  it("/help shows every command with the /mentor prefix", async () => {
    const text = plain(await run("help", "", slack));
    for (const c of COMMANDS) expect(text).toContain(`/mentor ${c.name}`);
    expect(text).not.toMatch(/^\s+- \/(compare|role|path)\b/m);
  });

  it("usage lines and the unknown-command answer use /mentor too", async () => {
    expectUsage(await run("role", "", slack), /Usage: \/mentor role <role> \[aspect\]/);
    expect(plain(await run("frobnicate", "", slack))).toMatch(/Try \/mentor compare, \/mentor role/);
  });
});
