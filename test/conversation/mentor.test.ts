// The conversation through the mentor: `reading` is the very frame each answer
// was built from, backgrounds are remembered per person across conversations,
// and "what was my result?" explains the last quiz result.
import { describe, expect, it } from "vitest";
import { createMentor } from "../../src/core/mentor.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { QuizService } from "../../src/quiz/quiz-service.ts";
import { encodeAction } from "../../src/core/actions.ts";
import { actionFor } from "../../src/core/readings.ts";
import type { Understander, Understanding } from "../../src/understanding/understand.ts";
import type { Turn } from "../../src/core/mentor.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import { getProfile } from "../../src/core/profile.ts";
import { silentLogger, testCore } from "../helpers/core.ts";
import { conversation, plain } from "../helpers/conversation.ts";

/** A real core whose understander hands out objects the test can recognise. */
function recordingCore() {
  const { kb, understander } = testCore();
  const returned: Understanding[] = [];
  const recording: Understander = { ...understander, understand: (t) => { const u = understander.understand(t); returned.push(u); return u; } };
  const store = new MemoryStore();
  const mentor = createMentor({ kb, understander: recording, store, logger: silentLogger, quiz: new QuizService({ kb, store, logger: silentLogger }) });
  return { kb, mentor, returned };
}

/** The action the answer's depth choices ("Full …", "Sources") wrap: the action the answer was built from. */
const builtFrom = (t: Turn): string | undefined => {
  const depth = t.replies[0]?.choices.find((c) => c.id.startsWith("view:"));
  return depth?.id.replace(/^view:(full|sources):/, "");
};

describe("reading is the frame the answer was built from", () => {
  it("a message read on its own: the understander's own object, and the answer is that frame's", async () => {
    const { mentor, returned } = recordingCore();
    const c = conversation(mentor);
    const t = await c.say("how much does an ml engineer earn");
    expect(t.reading).toBe(returned[0]); // the same object, not a copy or a second guess
    expect(builtFrom(t)).toBe(encodeAction(actionFor(t.reading!)!));
  });

  it("a resolved follow-up: the resolved frame, the one the answer was built from", async () => {
    const { mentor, returned } = recordingCore();
    const c = conversation(mentor);
    await c.say("ml engineer vs ai engineer");
    const before = returned.length;
    const t = await c.say("which one pays more");
    expect(returned.slice(before)).not.toContain(t.reading); // not what the message alone read as
    expect(t.reading).toBe(t.understanding);
    expect(t.reading).toMatchObject({ intent: "compare", aspect: "salary" });
    expect(builtFrom(t)).toBe(encodeAction(actionFor(t.reading!)!));
    expect(builtFrom(t)).toMatch(/^compare:.*:salary$/);
  });

  it("a choice and a command read as the frame of the action that answers them; a quiz turn as quiz.answer", async () => {
    const { mentor } = recordingCore();
    const c = conversation(mentor);
    const chosen = await c.choose("compare:ml-engineer+ai-engineer:salary");
    expect(chosen.reading).toMatchObject({ intent: "compare", roles: ["ml-engineer", "ai-engineer"], aspect: "salary" });
    expect(builtFrom(chosen)).toBe("compare:ml-engineer+ai-engineer:salary");
    const cmd = await c.command("path", "ai");
    expect(cmd.reading).toMatchObject({ intent: "learning-path", roles: ["ai-engineer"] });
    expect(builtFrom(cmd)).toBe("path:ai-engineer");
    await c.say("quiz me");
    expect((await c.say("2")).reading).toMatchObject({ intent: "quiz.answer", roles: [], aspect: null });
    // A question during the quiz is answered (and read) as itself; the quiz question follows.
    const during = await c.say("what is rag");
    expect(during.reading).toMatchObject({ intent: "glossary", term: "rag" });
    expect(plain(during)).toMatch(/Question \d+ of/);
  });
});

describe("a background is remembered per person", () => {
  const where = (channel: string, thread: string | null = null): Partial<InboundEventInput> =>
    ({ address: { platform: "test", workspace: "w1", channel, thread, dm: false } }) as Partial<InboundEventInput>;

  it("told once, it leads the way in every conversation of that person on the platform; /forget deletes it", async () => {
    const { mentor } = testCore();
    const me = { actor: { id: "someone-with-a-past" } };
    const here = conversation(mentor, { ...me, ...where("general") });
    const noted = await here.say("im a backend dev, 4 yrs of go");
    expect(plain(noted)).toMatch(/Noted: your background is software engineer/i);
    expect(noted.replies[0]!.choices.map((c) => c.id)).toContain("transition:software-engineer:ai-engineer");

    const elsewhere = conversation(mentor, { ...me, ...where("careers", "t1") });
    const t = await elsewhere.say("how do i become an ai engineer");
    expect(t.reading).toMatchObject({ intent: "transition", from: "software-engineer", to: "ai-engineer" });
    expect(builtFrom(t)).toBe("transition:software-engineer:ai-engineer");

    // Someone else asking the same gets the plain path.
    const other = conversation(mentor, where("careers", "t1"));
    expect((await other.say("how do i become an ai engineer")).reading).toMatchObject({ intent: "learning-path", roles: ["ai-engineer"] });

    await elsewhere.command("forget");
    expect((await here.say("how do i become an ai engineer")).reading).toMatchObject({ intent: "learning-path", roles: ["ai-engineer"] });
  });

  it("a background told as the work one does is remembered too: 'i do frontend react stuff', later 'how do i become an ai engineer'", async () => {
    const { mentor } = testCore();
    const c = conversation(mentor, { actor: { id: "frontend-dev" } });
    expect(plain(await c.say("i do frontend react stuff"))).toMatch(/Noted: your background is software engineer/i);
    expect((await c.say("how do i become an ai engineer")).reading).toMatchObject({ intent: "transition", from: "software-engineer", to: "ai-engineer" });
  });

  it("which role fits says how far the roles weighed are from the person's background, the move one click away", async () => {
    const { mentor, kb } = testCore();
    const c = conversation(mentor, { actor: { id: "backend-dev" } });
    await c.say("im a backend dev, 4 yrs of go");
    const t = await c.say("ml or ai engineer, which is better for me");
    expect(t.reading).toMatchObject({ intent: "fit", roles: ["ml-engineer", "ai-engineer"] });
    const [lowMl, highMl] = kb.transition("software-engineer", "ml-engineer")!.duration.months;
    expect(plain(t)).toContain(`Coming from software engineer: to ML engineer about ${lowMl}–${highMl} months`);
    expect(t.replies[0]!.choices.map((ch) => ch.id)).toEqual(expect.arrayContaining(["transition:software-engineer:ml-engineer", "transition:software-engineer:ai-engineer"]));
    // Without a background, the same question gets no such line.
    const fresh = await conversation(mentor).say("ml or ai engineer, which is better for me");
    expect(plain(fresh)).not.toMatch(/Coming from/);
  });

  it("a starting point outside the roles is remembered with from: null and does not invent a from-role", async () => {
    const { mentor, store } = testCore();
    const c = conversation(mentor, { actor: { id: "physicist" } });
    expect(plain(await c.say("I'm a physics PhD"))).toMatch(/physics PhD/);
    // Stored under the person, not the channel: any other channel of the platform finds it.
    const profile = await getProfile(store, { platform: "test", workspace: "w9", channel: "elsewhere", thread: null, dm: true }, { id: "physicist" });
    expect(profile).toEqual({ background: { from: null, label: "physics PhD" } });
    expect((await c.say("how do i become an ml engineer")).reading).toMatchObject({ intent: "learning-path", roles: ["ml-engineer"] });
  });
});

describe("a background followed by a question is answered, not only noted", () => {
  it("'i do devops stuff, is it a natural next step' asks something: no bare 'Noted', the background still remembered", async () => {
    const { mentor, store } = testCore();
    const c = conversation(mentor, { actor: { id: "devops-asker" } });
    const t = await c.say("i do devops stuff, is mlops a natural next step");
    expect(plain(t)).not.toMatch(/^Noted: your background/);
    expect(t.reading?.roles).toContain("mlops-engineer");
    const profile = await getProfile(store, { platform: "test", workspace: "w1", channel: "c1", thread: null, dm: false }, { id: "devops-asker" });
    expect(profile.background).toBeDefined();
  });

  it("'i do devops stuff, is it a natural next step', no question mark: asked, so it is not swallowed by 'Noted'", async () => {
    const { mentor } = testCore();
    for (const text of ["i do devops stuff, is it a natural next step", "i mostly do backend stuff should i go for ml engineering"]) {
      const t = await conversation(mentor).say(text);
      expect(plain(t), text).not.toMatch(/^Noted: your background/);
    }
  });

  it("'im a teacher can i become a data analyst': the teacher background is kept and the question gets a path, not a decline", async () => {
    const { mentor, store } = testCore();
    const c = conversation(mentor, { actor: { id: "teacher-asker" } });
    const t = await c.say("im a teacher can i become a data analyst");
    expect(t.replies[0]?.data?.kind).not.toBe("out-of-scope");
    expect(plain(t)).toMatch(/Data analyst/i);
    const profile = await getProfile(store, { platform: "test", workspace: "w9", channel: "x", thread: null, dm: true }, { id: "teacher-asker" });
    expect(profile.background).toEqual({ from: null, label: "teacher" });
  });

  it("a background outside the roles is used in which-role-fits: one line from that starting point, its route one click away", async () => {
    const { mentor } = testCore();
    const c = conversation(mentor, { actor: { id: "teacher-fit" } });
    await c.say("I'm a high school teacher");
    const t = await c.say("which role would suit me");
    expect(t.reading).toMatchObject({ intent: "fit" });
    expect(plain(t)).toMatch(/Coming from high school teacher/i);
    expect(t.replies[0]!.choices.some((ch) => ch.id.startsWith("start:teacher"))).toBe(true);
    const fresh = await conversation(mentor).say("which role would suit me");
    expect(plain(fresh)).not.toMatch(/Coming from/);
    // A background the starting points do not cover: said so in one line, the paths one click away.
    const nurse = conversation(mentor, { actor: { id: "nurse-fit" } });
    await nurse.say("I'm a nurse");
    const n = await nurse.say("which role would suit me");
    expect(plain(n)).toMatch(/Coming from nurse: I have no dedicated route/);
    expect(n.replies[0]!.choices.map((ch) => ch.id)).toContain("path:ml-engineer");
  });
});

describe("pay in Europe", () => {
  it("'and in europe?' after a salary answer says there is no Europe-wide figure and offers the countries that have one", async () => {
    const { mentor, kb } = testCore();
    const c = conversation(mentor);
    await c.say("how much do ml engineers make");
    const t = await c.say("and in europe?");
    expect(t.reading).toMatchObject({ intent: "role.aspect", roles: ["ml-engineer"], aspect: "salary" });
    expect(plain(t)).toMatch(/no Europe-wide figure/i);
    const european = kb.regions.filter((r) => r.id === "uk" || r.id === "de").map((r) => r.id);
    expect(european).toHaveLength(2);
    const offered = t.replies[0]!.choices.map((ch) => ch.id);
    expect(offered.some((id) => european.some((r) => id.endsWith(`:${r}`)))).toBe(true);
    expect(plain(t)).not.toMatch(/\$1\d\d,\d{3}/); // no US figure passed off as Europe's
  });
});

describe("quiz.result explains the person's last result", () => {
  it("before any quiz it says there is none and offers the quiz", async () => {
    const { mentor } = testCore();
    const t = await conversation(mentor).say("what was my result");
    expect(t.reading).toMatchObject({ intent: "quiz.result" });
    expect(plain(t)).toMatch(/haven't finished the quiz/i);
    expect(t.replies[0]!.choices.map((c) => c.id)).toContain("quiz:start");
  });

  it('after a quiz, "what was my result" and "why did i get this?" give the outcome and the scores behind it', async () => {
    const { mentor, kb } = testCore();
    const me = { actor: { id: "quiz-taker" } };
    const c = conversation(mentor, me);
    let t = await c.say("quiz me");
    let outcome: string | undefined;
    // Answer as someone drawn to AI engineering: like what is keyed to it, dislike the rest.
    const items = new Map<string, { weights?: Record<string, number>; options?: { weights: Record<string, number> }[] }>(kb.quiz.items.map((it) => [it.id, it as never]));
    for (let i = 0; i < 30 && !outcome; i++) {
      const answers = t.replies.at(-1)!.choices.filter((ch) => ch.id.startsWith("quiz:a:"));
      const pick = answers.find((ch) => {
        const [, , , , item, index] = ch.id.split(":");
        const it = items.get(item!);
        if (it?.options) return (it.options[Number(index)]?.weights["ai-engineer"] ?? 0) > 0;
        const keyed = (it?.weights?.["ai-engineer"] ?? 0) > 0;
        return ch.label === (keyed ? "Strongly like" : "Strongly dislike");
      }) ?? answers[0]!;
      t = await c.choose(pick.id);
      outcome = t.replies.map((r) => r.data?.outcome).find((o): o is string => typeof o === "string");
    }
    expect(outcome).toBeDefined();
    const label = (kb.quiz.outcomes as Record<string, { label: string }>)[outcome!]!.label;
    for (const q of ["what was my result", "why did i get this?"]) {
      const t = await c.say(q);
      expect(t.reading, q).toMatchObject({ intent: "quiz.result" });
      expect(plain(t), q).toContain(label);
      expect(plain(t), q).toMatch(/scored .*\d/);
    }
    // The result is the role the mentor suggested: "how do i get there" leans on it, in another channel too.
    expect(outcome).toBe("ai-engineer");
    {
      // "what does that role do" points back at the result's role; an unclear turn before it does not lose it.
      const other = conversation(mentor, { ...me, address: { platform: "test", workspace: "w1", channel: "third", thread: null, dm: false } } as Partial<InboundEventInput>);
      await other.say("how much do they get paid?");
      expect((await other.say("what does that role do")).reading).toMatchObject({ intent: "role.overview", roles: [outcome] });
    }
    {
      expect((await c.say("how do i get there")).reading).toMatchObject({ intent: "learning-path", roles: [outcome] });
      const channel = conversation(mentor, { ...me, address: { platform: "test", workspace: "w1", channel: "another", thread: null, dm: false } } as Partial<InboundEventInput>);
      expect((await channel.say("how do i get there")).reading).toMatchObject({ intent: "learning-path", roles: [outcome] });
    }
  });
});
