// The decoder through the mentor: /decode, a posting pasted without a command,
// questions about job titles, what is remembered, and the `ask` reading.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/core/state-store.ts";
import { personKey } from "../../src/core/events.ts";
import { message } from "../helpers/core.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, headingOf, plain } from "../helpers/conversation.ts";
import { posting } from "./fixtures.ts";

/** Every value a store holds, as JSON (to check what outlives a turn). */
class SpyStore extends MemoryStore {
  readonly written: string[] = [];
  override async set<T>(key: string, value: T, options?: Parameters<MemoryStore["set"]>[2]) {
    this.written.push(`${key}=${JSON.stringify(value)}`);
    return super.set(key, value, options);
  }
}

const store = new SpyStore();
const { mentor } = testCore(store);
const spotify = posting("spotify-sr-mle-conversational");
const pasted = `${spotify.title}\n\n${spotify.text}`;

describe("/decode", () => {
  it("says which role the work is, quotes what decided it and offers the role, its path and a comparison", async () => {
    const t = await conversation(mentor).command("decode", pasted);
    expect(headingOf(t)).toBe("This posting is an AI engineer job");
    const r = answer(t);
    expect(r.blocks.some((b) => b.type === "quote" && b.text.startsWith("What decided it:"))).toBe(true);
    expect(plain(t)).toMatch(/≈\d+%/);
    expect(r.choices.map((c) => c.id)).toEqual(expect.arrayContaining(["role:ai-engineer", "path:ai-engineer"]));
    expect(r.choices.some((c) => c.id.startsWith("compare:ai-engineer+"))).toBe(true);
  });

  it("without text asks for the posting", async () => {
    expect(plain(await conversation(mentor).command("decode", ""))).toMatch(/Paste the job posting/);
  });

  it("with a known title answers from the titles file", async () => {
    const t = await conversation(mentor).command("decode", "forward deployed engineer");
    expect(headingOf(t)).toBe("Forward Deployed Engineer");
    expect(plain(t)).toMatch(/AI engineer/);
  });
});

describe("a pasted posting in a DM", () => {
  it("is decoded without a command, and only the decoded role is remembered", async () => {
    const before = store.written.length;
    const c = conversation(mentor);
    const t = await c.say(pasted);
    expect(t.understanding?.intent).toBe("decode");
    expect(t.understanding?.roles).toEqual(["ai-engineer"]);
    expect(headingOf(t)).toBe("This posting is an AI engineer job");
    const written = store.written.slice(before).join("\n");
    expect(written).toContain("ai-engineer");
    expect(written).not.toContain("LLM-as-judge");
    expect(written).not.toContain("Spotify");
    // A follow-up is about the decoded role.
    expect(headingOf(await c.say("tell me more"))).toMatch(/AI Engineer/);
  });

  it("is read beyond the 4,000 characters of an ordinary message, and past 10,000 the reply says so", async () => {
    const long = `${pasted}\n`.repeat(12);
    const t = await conversation(mentor).say(long);
    expect(t.understanding?.intent).toBe("decode");
    expect(plain(t)).toMatch(/over 10,000 characters/);
  });
});

describe("questions about job titles", () => {
  it.each([
    ["what is an applied scientist?", "Applied Scientist", ["data-scientist", "ml-engineer", "research-scientist"]],
    ["is a forward deployed engineer an AI engineer?", "Forward Deployed Engineer", ["ai-engineer", "software-engineer"]],
  ])("%s", async (q, heading, roles) => {
    const t = await conversation(mentor).say(q);
    expect(t.understanding?.intent).toBe("decode");
    expect(t.understanding?.roles).toEqual(roles);
    expect(headingOf(t)).toBe(heading);
    expect(plain(t)).toMatch(/Source: /);
  });

  it("answer the ask tool with intent decode", () => {
    const turn = mentor.answerStateless("what does a decision scientist do?");
    expect(turn.understanding?.intent).toBe("decode");
    expect(turn.understanding?.roles[0]).toBe("data-scientist");
  });

  it("leave role aliases to the roles", async () => {
    const t = await conversation(mentor).say("what does an LLM engineer do?");
    expect(t.understanding?.intent).not.toBe("decode");
  });
});

describe("a person with a quiz result", () => {
  it("hears how the posting fits it", async () => {
    const event = message(pasted, { actor: { id: "quizzed" } });
    const e = event as { address: Parameters<typeof personKey>[0]; actor: Parameters<typeof personKey>[1] };
    // The quiz keeps a person's last result under result:<person>; here it leaned ML engineer.
    await store.set(`result:${personKey(e.address, e.actor)}`, { outcome: "ml-engineer", label: "ML engineer", scores: {}, also: null, at: 0 });
    const t = await mentor.handle(event);
    expect(plain(t)).toMatch(/Your quiz leaned ML engineer, and this posting is AI engineer work/);
  });
});
