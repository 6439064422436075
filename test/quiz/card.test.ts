// The result card: a real PNG decoded back (size, not blank, bars measured
// in pixels against the scores), its input read from a real result reply,
// and its file on disk replaced, expired and deleted by /forget.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { BAR_FILL, BAR_TRACK, BAR_TRACK_PX, CARD_HEIGHT, CARD_WIDTH, CardInput, barFillPx, cardAltText, cardInputFromReply, renderCard } from "../../src/quiz/card.ts";
import { CARD_FILENAME, CardFiles } from "../../src/quiz/card-files.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { createCore } from "../../src/bootstrap.ts";
import { reply, type Reply } from "../../src/core/reply.ts";
import { choose, command, silentLogger } from "../helpers/core.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "cards-"));
  dirs.push(d);
  return d;
};
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const [FR, FG, FB] = hex(BAR_FILL);
const [TR, TG, TB] = hex(BAR_TRACK);

function decode(png: Buffer): PNG {
  return PNG.sync.read(png);
}

/** Per pixel row: the longest horizontal run of an exact colour. */
function longestRuns(img: PNG, [r, g, b]: number[]): number[] {
  const out: number[] = [];
  for (let y = 0; y < img.height; y++) {
    let best = 0;
    let run = 0;
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i] === r && img.data[i + 1] === g && img.data[i + 2] === b) best = Math.max(best, ++run);
      else run = 0;
    }
    out.push(best);
  }
  return out;
}

/** Bars from top to bottom: consecutive pixel rows with a run of the colour, each with its (median) length. */
function bars(runs: number[], minLength = 2): number[] {
  const found: number[][] = [];
  let current: number[] | undefined;
  for (const n of runs) {
    if (n >= minLength) (current ??= (found.push([]), found[found.length - 1]!)).push(n);
    else current = undefined;
  }
  // Bars are 28 px tall; text strokes of the same colour (there are none) would be thinner.
  return found.filter((rows) => rows.length >= 20).map((rows) => [...rows].sort((a, b) => a - b)[Math.floor(rows.length / 2)]!);
}

const sample: CardInput = CardInput.parse({
  outcome: "ML engineer",
  confidence: "medium",
  scores: [
    { label: "ML engineer", value: 82 }, { label: "AI engineer", value: 35 }, { label: "Data scientist", value: 61.5 },
    { label: "MLOps engineer", value: 100 }, { label: "Data engineer", value: 0 }, { label: "Research scientist", value: 12 },
  ],
  reasons: ["you'd like training models on your own data", "you'd love finding out why accuracy dropped", "you chose comparing learning curves"],
  nextStep: "Developer foundation: Python, Git, SQL",
});

describe("renderCard", () => {
  it("draws a 1200 × 630 PNG that is not blank, with one bar per non-zero score in proportion to it", async () => {
    const started = performance.now();
    const png = await renderCard(sample);
    const ms = performance.now() - started;
    console.log(`result card rendered in ${Math.round(ms)} ms (first render, fonts loaded), ${png.length} bytes`);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);

    const colours = new Set<number>();
    for (let i = 0; i < img.data.length; i += 4 * 7) colours.add((img.data[i]! << 16) | (img.data[i + 1]! << 8) | img.data[i + 2]!);
    expect(colours.size, "text, bars and background, anti-aliased").toBeGreaterThan(50);

    const fills = bars(longestRuns(img, [FR!, FG!, FB!]));
    const nonZero = sample.scores.filter((s) => s.value > 0);
    expect(fills).toHaveLength(nonZero.length);
    for (const [i, s] of nonZero.entries()) expect(Math.abs(fills[i]! - barFillPx(s.value)), `${s.label} ${s.value}`).toBeLessThanOrEqual(2);
    // In proportion to one another: 100 is the whole track, 82 about 0.82 of it.
    const full = fills[nonZero.findIndex((s) => s.value === 100)]!;
    expect(full).toBeGreaterThanOrEqual(BAR_TRACK_PX - 2);
    expect(fills[0]! / full).toBeCloseTo(0.82, 1);
    expect(fills[1]! / full).toBeCloseTo(0.35, 1);

    // Every score has a track; the 0 score is all track, the 100 none.
    const tracks = bars(longestRuns(img, [TR!, TG!, TB!]));
    expect(tracks).toHaveLength(sample.scores.length - 1);
    expect(Math.max(...tracks)).toBeGreaterThanOrEqual(BAR_TRACK_PX - 2);
  });

  it("draws different scores differently (the bars follow the input)", async () => {
    const flipped = { ...sample, scores: sample.scores.map((s) => ({ ...s, value: 100 - s.value })) };
    const fills = bars(longestRuns(decode(await renderCard(flipped)), [FR!, FG!, FB!]));
    const expected = flipped.scores.filter((s) => s.value > 0).map((s) => barFillPx(s.value));
    expect(fills.length).toBe(expected.length);
    fills.forEach((f, i) => expect(Math.abs(f - expected[i]!)).toBeLessThanOrEqual(2));
  });

  it("renders long text, symbols and emoji without failing, and renders a bare outcome with no reasons", async () => {
    const long = await renderCard({ ...sample, outcome: "Hybrid: ML ⇄ AI engineer with a very long name that goes on", reasons: ["x ".repeat(200), "emoji 👍 and “quotes” → arrows", "中文 mixed in"] });
    expect(decode(long).width).toBe(CARD_WIDTH);
    const bare = await renderCard({ outcome: "No clear lean yet", scores: [{ label: "ML engineer", value: 50 }, { label: "AI engineer", value: 50 }] });
    expect(bars(longestRuns(decode(bare), [FR!, FG!, FB!]))).toHaveLength(2);
  });

  it("alt text says the result in words: outcome, confidence, every score, the reasons and the first step", () => {
    const alt = cardAltText(sample);
    expect(alt).toContain("ML engineer.");
    expect(alt).toContain("Medium confidence");
    for (const s of sample.scores) expect(alt).toContain(`${s.label} ${Math.round(s.value)}`);
    for (const r of sample.reasons) expect(alt).toContain(r);
    expect(alt).toContain("First step: Developer foundation");
    expect(cardAltText({ ...sample, reasons: ["y".repeat(600), "z".repeat(600)] }).length).toBeLessThanOrEqual(1000);
  });
});

describe("cardInputFromReply", () => {
  it("reads any result-shaped reply: heading, bars, confidence, the first plain list with its title, the first step", () => {
    const r = reply([
      { type: "heading", text: "Your result: No clear lean yet" },
      { type: "bars", bars: [{ label: "ML engineer", value: 50 }, { label: "AI engineer", value: 48 }] },
      { type: "list", title: "What would help:", items: ["read a typical day of each role", "answer the tie-breakers"] },
      { type: "list", ordered: true, title: "Next steps", items: ["Talk to people in both roles", "Build one small project of each kind"] },
    ], [], { data: { outcome: "undecided", confidence: "nonsense" } });
    expect(cardInputFromReply(r)).toEqual({
      outcome: "No clear lean yet",
      scores: [{ label: "ML engineer", value: 50 }, { label: "AI engineer", value: 48 }],
      confidence: undefined,
      reasons: ["read a typical day of each role", "answer the tie-breakers"],
      reasonsTitle: "What would help",
      nextStep: "Talk to people in both roles",
    });
    expect(cardAltText(cardInputFromReply(r)!)).toContain("What would help: read a typical day of each role; answer the tie-breakers.");
  });
});

// ---- through the real quiz ----

const last = (replies: Reply[]) => replies[replies.length - 1]!;
const isQuestion = (r: Reply) => r.choices.some((c) => c.id.startsWith("quiz:a:"));

async function takeQuiz(send: (e: ReturnType<typeof choose>) => Promise<Reply[]>, who: { id: string; name?: string }): Promise<Reply> {
  let r = last(await send(command("quiz", "", { actor: who })));
  for (let i = 0; i < 30 && isQuestion(r); i++) {
    const options = r.choices.filter((c) => c.id.startsWith("quiz:a:"));
    r = last(await send(choose(options[i % options.length]!.id, { actor: who })));
  }
  return r;
}

function setup(now = () => Date.now()) {
  const dir = tempDir();
  const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(now), logger: silentLogger, cardsDir: dir, now, perMinute: 100_000 });
  return { dir, core, send: async (e: Parameters<typeof core.mentor.handle>[0]) => (await core.mentor.handle(e)).replies };
}

describe("the result card in the quiz", () => {
  it("comes with the result: the card's input is read from the reply, the file is on disk, and nothing names the person", async () => {
    const { dir, send } = setup();
    const who = { id: "U-card-person-77", name: "Robin Example" };
    const result = await takeQuiz(send, who);
    expect(result.data?.outcome).toBeDefined();
    expect(result.image).toBeDefined();
    const image = result.image!;
    expect(image.filename).toBe(CARD_FILENAME);
    expect(image.path.startsWith(dir)).toBe(true);
    const png = decode(readFileSync(image.path));
    expect([png.width, png.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);

    const input = cardInputFromReply(result)!;
    const bars = result.blocks.find((b) => b.type === "bars")!;
    expect(input.scores).toEqual(bars.type === "bars" ? bars.bars : []);
    expect(input.reasons.length).toBeLessThanOrEqual(3);
    expect(image.alt).toBe(cardAltText(input));
    for (const s of input.scores) expect(image.alt).toContain(`${s.label} ${Math.round(s.value)}`);

    for (const text of [image.path, image.alt, JSON.stringify(input)]) {
      expect(text).not.toContain(who.id);
      expect(text).not.toContain("Robin");
    }
  });

  it("a new result replaces the earlier card; /forget deletes it", async () => {
    const { dir, send } = setup();
    const who = { id: "U-card-forget" };
    const first = (await takeQuiz(send, who)).image!.path;
    const second = (await takeQuiz(send, who)).image!.path;
    expect(second).not.toBe(first);
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(true);
    const other = (await takeQuiz(send, { id: "U-card-other" })).image!.path;

    await send(command("forget", "", { actor: who }));
    expect(existsSync(second)).toBe(false);
    expect(existsSync(other), "someone else's card stays").toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it("a question reply gets no card", async () => {
    const { send } = setup();
    const r = last(await send(command("quiz", "", { actor: { id: "U-card-q" } })));
    expect(isQuestion(r)).toBe(true);
    expect(r.image).toBeUndefined();
    expect(cardInputFromReply(r)).toBeUndefined();
  });
});

describe("CardFiles", () => {
  it("keeps a card until it expires, then sweeps it; cards without expiry stay", async () => {
    let now = 1_000_000;
    const files = new CardFiles({ dir: tempDir(), now: () => now });
    const png = Buffer.from("not really a png");
    const a = await files.write("person-a", png, now + 60_000);
    const b = await files.write("person-b", png, null);
    expect(await files.current("person-a")).toBe(a);
    now += 60_001;
    expect(await files.current("person-a"), "expired cards are not handed out").toBeUndefined();
    expect(await files.sweep()).toBe(1);
    expect(existsSync(a)).toBe(false);
    expect(await files.current("person-b")).toBe(b);
    await files.remove("person-b");
    expect(await files.current("person-b")).toBeUndefined();
  });

  it("works on a directory that does not exist yet", async () => {
    const files = new CardFiles({ dir: join(tempDir(), "nested", "cards") });
    expect(await files.current("p")).toBeUndefined();
    await files.remove("p");
    expect(existsSync(await files.write("p", Buffer.from("x"), null))).toBe(true);
  });
});

describe("Share to channel", () => {
  const origin = { workspace: "w1", channel: "C-general" };
  const share = (r: Reply) => r.choices.find((c) => c.label === "Share to channel");

  async function takeQuizFrom(send: (e: ReturnType<typeof choose>) => Promise<Reply[]>, who: { id: string }, from?: typeof origin): Promise<Reply> {
    let r = last(await send(command("quiz", "", { actor: who, ...(from ? { origin: from } : {}) })));
    for (let i = 0; i < 30 && isQuestion(r); i++) {
      const options = r.choices.filter((c) => c.id.startsWith("quiz:a:"));
      r = last(await send(choose(options[i % options.length]!.id, { actor: who })));
    }
    return r;
  }

  it("is offered only for a quiz asked for in a channel, and posts there the card and one line naming nobody", async () => {
    const { send } = setup();
    const who = { id: "U-share-1", name: "Sam Sharer" };
    expect(share(await takeQuizFrom(send, { id: "U-share-dm" }))).toBeUndefined();

    const result = await takeQuizFrom(send, who, origin);
    const offer = share(result);
    expect(offer, "offered for a quiz from a channel").toBeDefined();
    const posted = await send(choose(offer!.id, { actor: who }));
    expect(posted).toHaveLength(1);
    const [post] = posted;
    expect(post!.visibility).toBe("public");
    expect(post!.data?.shareTo).toEqual(origin);
    expect(post!.image?.path).toBe(result.image!.path);
    const line = post!.blocks.map((b) => ("text" in b ? b.text : "")).join(" ");
    const label = (result.blocks.find((b) => b.type === "heading") as { text: string }).text.replace(/^Your result: /, "");
    expect(line).toContain(label);
    expect(line).not.toMatch(/Sam|U-share-1/);
  });

  it("a quiz started in a workspace channel itself is offered sharing there", async () => {
    const { send } = setup();
    const who = { id: "U-share-3" };
    let r = last(await send(command("quiz", "", { actor: who, address: { platform: "test", workspace: "w1", channel: "C-here", thread: null, dm: false } })));
    for (let i = 0; i < 30 && isQuestion(r); i++) r = last(await send(choose(r.choices.find((c) => c.id.startsWith("quiz:a:"))!.id, { actor: who })));
    const posted = await send(choose(share(r)!.id, { actor: who }));
    expect(posted[0]!.data?.shareTo).toEqual({ workspace: "w1", channel: "C-here" });
  });

  it("a retake from the DM is not offered; after /forget there is nothing to share", async () => {
    const { send } = setup();
    const who = { id: "U-share-2" };
    const result = await takeQuizFrom(send, who, origin);
    const offer = share(result)!;
    const retake = await takeQuizFrom(send, who);
    expect(share(retake)).toBeUndefined();
    // The older result's button no longer shares a card that was replaced.
    expect(last(await send(choose(offer.id, { actor: who }))).data?.shareTo).toBeUndefined();

    const again = await takeQuizFrom(send, who, origin);
    await send(command("forget", "", { actor: who }));
    const refused = last(await send(choose(share(again)!.id, { actor: who })));
    expect(refused.data?.shareTo).toBeUndefined();
    expect(refused.visibility).toBe("private");
  });
});
