// The quiz in conversation, through the mentor as an adapter would drive it.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/core/state-store.ts";
import { createCore } from "../../src/bootstrap.ts";
import type { Reply } from "../../src/core/reply.ts";
import { command, message, choose, silentLogger, textOf } from "../helpers/core.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import type { RoleId } from "../../src/knowledge/schema.ts";

function setup(opts: { now?: () => number; quizIdleMs?: number } = {}) {
  const store = new MemoryStore(opts.now);
  const core = createCore({ knowledgeDir: "knowledge", store, logger: silentLogger, ...opts });
  return { ...core, store, send: async (e: Parameters<typeof core.mentor.handle>[0]) => (await core.mentor.handle(e)).replies };
}

const last = (replies: Reply[]) => replies[replies.length - 1]!;
const question = (r: Reply) => /Question (\d+) of (\d+)/.exec(textOf([r]));
const optionChoices = (r: Reply) => r.choices.filter((c) => c.id.startsWith("quiz:a:"));
const navChoice = (r: Reply, label: string) => r.choices.find((c) => c.label === label)!;

const quizOf = (r: Reply) => r.data?.quiz as { item: string } | undefined;
const quizKb = loadKnowledge("knowledge").quiz;
/** Strongly like the items keyed to the role, strongly dislike the rest; in scenarios its option. */
const leaning = (role: RoleId) => (item: string, labels: string[]): RegExp => {
  const rating = quizKb.items.find((i) => i.id === item);
  if (rating?.type === "rating") return (rating.weights[role] ?? 0) >= 1 ? /^Strongly like$/ : /^Strongly dislike$/;
  const scenario = [...quizKb.items, ...quizKb.tiebreakers].find((i) => i.id === item);
  const option = scenario?.type === "choice" ? scenario.options.find((o) => (o.weights[role] ?? 0) >= 2) : undefined;
  return option ? new RegExp(`^${option.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : new RegExp(`^${labels[0]}$`);
};

/** Click through to the result, picking the option whose label matches, else the first. */
async function finish(send: (e: ReturnType<typeof choose>) => Promise<Reply[]>, r: Reply, prefer: RegExp | ((item: string, labels: string[]) => RegExp)): Promise<Reply> {
  for (let i = 0; i < 30 && quizOf(r)?.item; i++) {
    const opts = optionChoices(r);
    const re = typeof prefer === "function" ? prefer(quizOf(r)!.item, opts.map((c) => c.label)) : prefer;
    const pick = opts.find((c) => re.test(c.label)) ?? opts[0]!;
    r = last(await send(choose(pick.id)));
  }
  return r;
}

describe("quiz in conversation", () => {
  it("says what is stored before question 1, numbers questions, and ends with a result carrying outcome, scores and also", async () => {
    const { send } = setup();
    const start = last(await send(command("quiz")));
    expect(textOf([start])).toMatch(/What I store: .*7 days/);
    expect(question(start)?.[1]).toBe("1");
    expect(start.visibility).toBe("private");
    const result = await finish(send, start, leaning("ml-engineer"));
    expect(result.data).toMatchObject({ outcome: "ml-engineer" });
    expect(Object.keys(result.data!.scores as object)).toContain("ml-engineer");
    expect(result.data).toHaveProperty("also");
    const text = textOf([result]);
    expect(text).toMatch(/Your result: /);
    expect(text).toMatch(/Because/);
    expect(text).toMatch(/not a test or a hiring signal/);
  });

  it("starts from a quiz.start message and offers continue or restart when one is in progress", async () => {
    const { send } = setup();
    const first = last(await send(message("quiz me")));
    expect(question(first)?.[1]).toBe("1");
    await send(message("4"));
    const again = last(await send(command("quiz")));
    expect(textOf([again])).toMatch(/in progress \(at question 2 of/);
    expect(again.choices.map((c) => c.label)).toEqual(["Continue", "Start again"]);
    const cont = last(await send(choose(again.choices[0]!.id)));
    expect(question(cont)?.[1]).toBe("2");
    const restarted = last(await send(choose(again.choices[1]!.id)));
    expect(question(restarted)?.[1]).toBe("1");
  });

  it("accepts typed answers as numbers, letters and words, and back, skip and quit by text", async () => {
    const { send } = setup();
    await send(command("quiz"));
    expect(question(last(await send(message("strongly like"))))?.[1]).toBe("2");
    expect(question(last(await send(message("b"))))?.[1]).toBe("3");
    expect(question(last(await send(message("back"))))?.[1]).toBe("2");
    expect(question(last(await send(message("5"))))?.[1]).toBe("3");
    expect(question(last(await send(message("skip"))))?.[1]).toBe("4");
    expect(textOf(await send(message("quit")))).toMatch(/Quiz stopped/);
    expect(textOf(await send(message("5")))).not.toMatch(/Question/);
  });

  it("reads answers in the person's own words, and asks back when one could mean more than one option", async () => {
    const { send } = setup();
    await send(command("quiz"));
    expect(question(last(await send(message("love it"))))?.[1]).toBe("2");
    expect(question(last(await send(message("meh not really"))))?.[1]).toBe("3");
    expect(question(last(await send(message("👍"))))?.[1]).toBe("4");
    const unclear = await send(message("not bad"));
    expect(unclear).toHaveLength(1);
    expect(textOf(unclear)).toMatch(/couldn't tell which option/);
    expect(question(last(unclear))?.[1]).toBe("4");
    expect(optionChoices(last(unclear)).map((c) => c.label)).toEqual(["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]);
    expect(question(last(await send(message("i'd like that"))))?.[1]).toBe("5");
    // Back on question 4 shows the answer counted once: "i'd like that", not "not bad".
    expect(question(last(await send(message("back"))))?.[1]).toBe("4");
  });

  it("announces tie-breakers and the optional last question instead of growing the count", async () => {
    const { send } = setup();
    let r = last(await send(command("quiz")));
    const headers: string[] = [];
    // Like everything on both sides evenly: ML and AI items strongly liked, others disliked; scenarios in the middle.
    for (let i = 0; i < 30 && quizOf(r)?.item; i++) {
      headers.push(textOf([r]).split("\n").find((l) => /Question \d+ of|tie|Last question/.test(l)) ?? "");
      const item = quizKb.items.find((x) => x.id === quizOf(r)!.item);
      const opts = optionChoices(r);
      const label = item?.type === "rating" ? ((item.weights["ml-engineer"] ?? 0) >= 2 || (item.weights["ai-engineer"] ?? 0) >= 2 ? "Strongly like" : "Strongly dislike")
        : item?.type === "choice" ? item.options.find((o) => o.weights["ml-engineer"] === o.weights["ai-engineer"])?.label : undefined;
      const tie = headers.at(-1)!.startsWith("One more");
      const pick = opts.find((c) => c.label === label) ?? (tie ? opts[headers.filter((h) => h.startsWith("One more")).length % 2]! : opts[0]!);
      r = last(await send(choose(pick.id)));
    }
    const core = headers.filter((h) => h.startsWith("Question"));
    expect(new Set(core.map((h) => h.replace(/Question \d+ /, "")))).toEqual(new Set([`of ${quizKb.items.length}`]));
    expect(headers.filter((h) => h.startsWith("One more"))[0]).toBe(`One more to break the tie, 1 of up to ${quizKb.tiebreakers.length}`);
    expect(headers.at(-1)).toBe("Last question (optional)");
  });

  it("answers other messages during a quiz and shows the current question again", async () => {
    const { send } = setup();
    await send(command("quiz"));
    await send(message("like"));
    const replies = await send(message("what is RAG?"));
    expect(textOf(replies)).toMatch(/Retrieval-augmented generation/);
    expect(question(last(replies))?.[1]).toBe("2");
  });

  it("navigates by buttons: back, skip, quit", async () => {
    const { send } = setup();
    const q1 = last(await send(command("quiz")));
    const q2 = last(await send(choose(optionChoices(q1)[3]!.id)));
    const back = last(await send(choose(navChoice(q2, "Back").id)));
    expect(question(back)?.[1]).toBe("1");
    const skipped = last(await send(choose(navChoice(back, "Skip").id)));
    expect(question(skipped)?.[1]).toBe("2");
    expect(textOf(await send(choose(navChoice(skipped, "Quit").id)))).toMatch(/Quiz stopped/);
  });

  it("counts a question answered twice once: the first answer wins", async () => {
    const { send } = setup();
    const q1 = last(await send(command("quiz")));
    const [strongDislike, , , , strongLike] = optionChoices(q1);
    await send(choose(strongLike!.id));
    const dup = last(await send(choose(strongDislike!.id)));
    expect(textOf([dup])).toMatch(/already answered; the first answer counts/);
    expect(question(dup)?.[1]).toBe("2");
    // Going back shows question 1 again: only one answer was recorded.
    expect(question(last(await send(message("back"))))?.[1]).toBe("1");
  });

  it("refuses a click from an old quiz and a click on someone else's quiz, changing nothing", async () => {
    const { send } = setup();
    const old = last(await send(command("quiz")));
    const restart = last(await send(command("quiz")));
    const fresh = last(await send(choose(restart.choices.find((c) => c.label === "Start again")!.id)));
    const stale = last(await send(choose(optionChoices(old)[4]!.id)));
    expect(textOf([stale])).toMatch(/earlier quiz/);
    const foreign = last(await send(choose(optionChoices(fresh)[4]!.id, { actor: { id: "someone-else" } })));
    expect(textOf([foreign])).toMatch(/belongs to someone else/);
    // The owner's quiz is still at question 1.
    const cont = last(await send(command("quiz")));
    expect(textOf([cont])).toMatch(/at question 1 of/);
  });

  it("keeps one quiz per person per workspace, wherever it is shown", async () => {
    const { send } = setup();
    await send(command("quiz", "", { address: { platform: "test", workspace: "w1", channel: "dm-1", thread: null, dm: true } }));
    await send(message("4", { address: { platform: "test", workspace: "w1", channel: "dm-1", thread: null, dm: true } }));
    const elsewhere = last(await send(command("quiz", "", { address: { platform: "test", workspace: "w1", channel: "general", thread: null, dm: false } })));
    expect(textOf([elsewhere])).toMatch(/in progress \(at question 2/);
    const otherWorkspace = last(await send(command("quiz", "", { address: { platform: "test", workspace: "w2", channel: "general", thread: null, dm: false } })));
    expect(question(otherWorkspace)?.[1]).toBe("1");
  });

  it("expires an idle quiz and tells the person when they come back", async () => {
    let now = 1_000_000;
    const { send } = setup({ now: () => now, quizIdleMs: 60_000 });
    await send(command("quiz"));
    await send(message("4"));
    now += 61_000;
    const back = await send(message("5"));
    expect(textOf(back)).toMatch(/expired after/);
    const again = last(await send(command("quiz")));
    expect(question(again)?.[1]).toBe("1");
  });

  it("remembers the last result and /forget deletes it", async () => {
    const { send, quiz } = setup();
    await finish(send, last(await send(command("quiz"))), leaning("ai-engineer"));
    const again = last(await send(command("quiz")));
    expect(textOf([again])).toMatch(/Your last result was The AI Systems Integrator/);
    expect(textOf(await send(command("forget")))).toMatch(/deleted/);
    expect(await quiz.lastResult({ address: { platform: "test", workspace: "w1", channel: "c1", thread: null, dm: true }, actor: { id: "u1" } })).toBeUndefined();
  });
});

describe("pace", () => {
  it("asks a person who floods to slow down, without affecting others", async () => {
    const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silentLogger, perMinute: 3 });
    for (let i = 0; i < 3; i++) expect(textOf((await core.mentor.handle(message("hi"))).replies)).toMatch(/Role Mentor/);
    const slowed = (await core.mentor.handle(message("hi"))).replies;
    expect(textOf(slowed)).toMatch(/Please wait \d+ seconds/);
    expect(slowed[0]!.visibility).toBe("private");
    expect(textOf((await core.mentor.handle(message("hi", { actor: { id: "someone-else" } }))).replies)).toMatch(/Role Mentor/);
  });
});

describe("restart", () => {
  it("restarts by button and by text, at question 1 of a new run", async () => {
    const store = new MemoryStore();
    const core = createCore({ knowledgeDir: "knowledge", store, logger: silentLogger });
    const send = async (e: Parameters<typeof core.mentor.handle>[0]) => (await core.mentor.handle(e)).replies.at(-1)!;
    const q1 = await send(command("quiz"));
    const q2 = await send(choose(q1.choices[0]!.id));
    const restartButton = q2.choices.find((c) => c.label === "Restart")!;
    const again = await send(choose(restartButton.id));
    expect(textOf([again])).toMatch(/Question 1 of/);
    // The old run's buttons are now stale.
    expect(textOf([await send(choose(q2.choices[0]!.id))])).toMatch(/earlier quiz/);
    await send(message("like"));
    expect(textOf([await send(message("restart"))])).toMatch(/Question 1 of/);
  });
});
