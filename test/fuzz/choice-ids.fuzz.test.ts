// Random and mutated choice ids through decodeAction and the mentor: no
// exception, an id decodes only to an action that encodes back to exactly
// that id, and every turn's replies are sendable. Mutations start from the
// ids the mentor really issues (quiz answers and navigation included).
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { decodeAction, encodeAction } from "../../src/core/actions.ts";
import type { Address } from "../../src/core/events.ts";
import { silentLogger } from "../helpers/core.ts";
import { expectSendable } from "./checks.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

let core: Core;
const address: Address = { platform: "discord", workspace: "w1", channel: "dm-1", thread: null, dm: true };
const me = { id: "id-fuzzer" };
/** Ids the mentor issued in a short real session (answers, a quiz question and its navigation). */
let issued: string[] = [];

beforeAll(async () => {
  core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silentLogger, perMinute: 1_000_000 });
  const seen = new Set<string>(["quiz:start", "quiz:restart", "quiz:continue", "help", "fit", "decide"]);
  let k = 0;
  for (const text of ["ml engineer vs ai engineer", "what is rag", "path to mlops engineer", "salary of a data scientist", "jobs for ai engineer"]) {
    const t = await core.mentor.handle({ id: `seed${++k}`, kind: "message", text, address, actor: { id: `seed${k}` } });
    for (const r of t.replies) for (const c of r.choices) seen.add(c.id);
  }
  const quiz = await core.mentor.handle({ id: "seed-quiz", kind: "command", name: "quiz", args: "", address, actor: me });
  for (const r of quiz.replies) for (const c of r.choices) seen.add(c.id);
  issued = [...seen];
  expect(issued.some((id) => id.startsWith("quiz:a:"))).toBe(true);
});

/** An issued id, changed the way forgers and bit rot change ids. */
const mutated = () => fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom("replace-part", "append", "insert", "truncate", "drop-part", "case", "pad", "swap-parts")).map(([pick, pos, junk, how]) => {
  const id = issued[pick % issued.length]!;
  const parts = id.split(":");
  const i = pos % parts.length;
  switch (how) {
    case "replace-part": parts[i] = junk; return parts.join(":");
    case "append": return `${id}:${junk}`;
    case "insert": return id.slice(0, pos % (id.length + 1)) + junk + id.slice(pos % (id.length + 1));
    case "truncate": return id.slice(0, pos % (id.length + 1));
    case "drop-part": parts.splice(i, 1); return parts.join(":");
    case "case": return id.toUpperCase();
    case "pad": return ` ${id}`;
    default: return [...parts.slice(i), ...parts.slice(0, i)].join(":");
  }
});

/** A real quiz answer or navigation id whose tail (index, navigation) is replaced: the parts forgers aim at. */
const forgedTail = () => fc.tuple(fc.nat(), fc.oneof(fc.constantFrom("evil", "__proto__", "constructor", "toString", "0x1", " 1", "0:extra", "-1", "1e2", "99", ""), fc.string({ unit: "binary", maxLength: 8 })))
  .map(([pick, tail]) => {
    const quizIds = issued.filter((id) => /^quiz:[an]:/.test(id));
    const id = quizIds[pick % quizIds.length]!;
    return `${id.slice(0, id.lastIndexOf(":") + 1)}${tail}`;
  });

const ids = fc.oneof(
  { weight: 2, arbitrary: forgedTail() },
  { weight: 3, arbitrary: mutated() },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 130 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("quiz", "a", "n", "role", "view", "full", "compare", "__proto__", "constructor", "0", "0x1", "-", "+", "", "skip", "evil", "ml-engineer", "ai-engineer"), { maxLength: 8 }).map((p) => p.join(":")) },
  // Issued ids as they are (read when drawn: they exist only once the session above ran).
  { weight: 1, arbitrary: fc.nat().map((i) => issued[i % issued.length]!) },
);

describe("fuzz: choice ids", () => {
  it("decodeAction never throws, and whatever it accepts encodes back to the same id", () => {
    fc.assert(
      fc.property(ids, (id) => {
        const a = decodeAction(id);
        if (a) expect(encodeAction(a)).toBe(id);
      }),
      { numRuns: RUNS * 4, seed: SEED },
    );
  });

  it("every issued id still decodes", () => {
    for (const id of issued) expect(decodeAction(id), id).toBeDefined();
  });

  it("through the mentor (into a running quiz too): no throw, sendable replies", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(ids, fc.boolean(), async (id, owner) => {
        const actor = owner ? me : { id: `other-${n}` };
        const turn = await core.mentor.handle({ id: `c${++n}`, kind: "choice", choiceId: id, address, actor });
        expect(turn.replies.length).toBeGreaterThan(0);
        expectSendable(turn, id);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
