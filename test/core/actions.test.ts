// Choice ids are parsed strictly: every quiz op has its own shape, indexes are
// plain decimal numbers, and anything else is refused (undefined), so a forged
// or garbled id never reaches the quiz as an answer or a navigation.
import { beforeAll, describe, expect, it } from "vitest";
import { decodeAction, encodeAction } from "../../src/core/actions.ts";
import type { Core } from "../../src/bootstrap.ts";
import { testCore } from "../helpers/core.ts";
import { conversation, plain } from "../helpers/conversation.ts";
import type { Reply } from "../../src/core/reply.ts";

const RUN = "0123456789";
const OWNER = "89abcdef";

describe("decodeAction: quiz ids", () => {
  it.each([
    "quiz:start", "quiz:restart", "quiz:continue",
    `quiz:a:${RUN}:${OWNER}:tune-model:0`, `quiz:a:${RUN}:${OWNER}:background:12`,
    `quiz:n:${RUN}:${OWNER}:back`, `quiz:n:${RUN}:${OWNER}:skip`, `quiz:n:${RUN}:${OWNER}:quit`, `quiz:n:${RUN}:${OWNER}:restart`,
  ])("accepts %j and encodes it back unchanged", (id) => {
    const a = decodeAction(id);
    expect(a?.kind).toBe("quiz");
    expect(encodeAction(a!)).toBe(id);
  });

  it.each([
    // Indexes: decimal, no sign, no leading zero, no padding, nothing after.
    `quiz:a:${RUN}:${OWNER}:tune-model:0x1`, `quiz:a:${RUN}:${OWNER}:tune-model: 1`, `quiz:a:${RUN}:${OWNER}:tune-model:0:extra`,
    `quiz:a:${RUN}:${OWNER}:tune-model:01`, `quiz:a:${RUN}:${OWNER}:tune-model:-1`, `quiz:a:${RUN}:${OWNER}:tune-model:1.5`,
    `quiz:a:${RUN}:${OWNER}:tune-model:`, `quiz:a:${RUN}:${OWNER}:tune-model`, `quiz:a:${RUN}:${OWNER}:tune-model:1e2`,
    `quiz:a:${RUN}:${OWNER}:Not A Slug:1`, `quiz:a:${RUN}:__proto__:tune-model:1`, `quiz:a::${OWNER}:tune-model:1`,
    // Navigation: only the four the quiz issues.
    `quiz:n:${RUN}:${OWNER}:evil`, `quiz:n:${RUN}:${OWNER}:__proto__`, `quiz:n:${RUN}:${OWNER}:constructor`, `quiz:n:${RUN}:${OWNER}:skip:extra`,
    `quiz:n:${RUN}:${OWNER}`, `quiz:n:${RUN}:${OWNER}:toString`,
    // Ops the quiz does not have, and arguments where none belong.
    "quiz:zzz", "quiz:", "quiz", "quiz:start:extra:parts", "quiz:continue:x", "quiz:__proto__", `quiz:A:${RUN}:${OWNER}:tune-model:1`,
  ])("refuses %j", (id) => {
    expect(decodeAction(id)).toBeUndefined();
  });

  it.each([
    "fit:extra", "help:me", "decide:now", "jobs", "resources:", "role:ml-engineer:", "path:ml-engineer:extra", "glossary:rag:more", "compare:ml-engineer+ai-engineer:", "transition:ml-engineer:ai-engineer:x",
  ])("refuses %j: only the exact form the encoder issues is an action", (id) => {
    expect(decodeAction(id)).toBeUndefined();
  });

  it("still refuses what it refused before: unknown kinds and malformed answers", () => {
    for (const id of ["", "bogus", "__proto__", "role:ml-engineer:vibes", "view:full:quiz:start", "role:ml-engineer:"]) expect(decodeAction(id), id).toBeUndefined();
  });
});

describe("forged quiz ids through the mentor", () => {
  let core: Core;
  beforeAll(() => { core = testCore(); });

  const ownerOf = (r: Reply) => /^quiz:a:([^:]+):([^:]+):/.exec(r.choices.find((c) => c.id.startsWith("quiz:a:"))!.id)!;

  it("`quiz:n:<run>:<owner>:evil` and `…:__proto__` on one's own quiz get the 'no longer valid' answer, not an exception", async () => {
    const me = conversation(core.mentor);
    const started = await me.command("quiz");
    const [, run, owner] = ownerOf(started.replies.at(-1)!);
    for (const tail of ["evil", "__proto__", "constructor", "skip:extra"]) {
      const t = await me.choose(`quiz:n:${run}:${owner}:${tail}`);
      expect(plain(t), tail).toMatch(/no longer valid/);
    }
    for (const index of ["0x1", " 1", "0:extra"]) {
      const item = /^quiz:a:[^:]+:[^:]+:([^:]+):/.exec(started.replies.at(-1)!.choices[0]!.id)![1];
      const t = await me.choose(`quiz:a:${run}:${owner}:${item}:${index}`);
      expect(plain(t), index).toMatch(/no longer valid/);
    }
    // The quiz itself did not move: the next real answer is still for question 1.
    const first = started.replies.at(-1)!.choices[0]!.id;
    expect(plain(await me.choose(first))).toMatch(/Question 2 of/);
  });
});
