// A quiz is stored with each answered or skipped question once (`steps`), not
// its id in both `history` and `answers`/`skipped`. The stored shape gives back
// exactly the state it came from, and quizzes stored in the earlier shape (on
// SQLite or Redis from before the change) still resume.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { pino } from "pino";
import { createCore } from "../../src/bootstrap.ts";
import type { StateStore } from "../../src/core/state-store.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { BACKGROUND, applyAnswer, applyBackground, fromStored, goBack, newState, toStored, type QuizState } from "../../src/quiz/session.ts";
import { message, command, textOf } from "../helpers/core.ts";

const logger = pino({ level: "silent" });
const dir = mkdtempSync(join(tmpdir(), "role-mentor-quiz-shape-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the stored quiz shape", () => {
  it("gives back exactly the state it was made from, whatever was answered, skipped or undone", () => {
    const item = fc.constantFrom("q1", "q2", "q3", "t1", "t2");
    const op = fc.oneof(
      fc.record({ kind: fc.constant("answer" as const), item, value: fc.option(fc.integer({ min: 0, max: 4 })) }),
      fc.record({ kind: fc.constant("background" as const), option: fc.option(fc.constantFrom("student", "analyst")) }),
      fc.record({ kind: fc.constant("back" as const) }),
      fc.record({ kind: fc.constant("shown" as const), item }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
      let s: QuizState = newState("run1", 1000);
      ops.forEach((o, i) => {
        // As the service does: a question is answered once until "back" undoes it.
        if (o.kind === "answer") s = s.history.includes(o.item) ? s : applyAnswer(s, o.item, o.value, 1001 + i);
        else if (o.kind === "background") s = s.history.includes(BACKGROUND) ? s : applyBackground(s, o.option, 1001 + i);
        else if (o.kind === "back") s = goBack(s, 1001 + i);
        else s = { ...s, shown: o.item };
        const stored = JSON.parse(JSON.stringify(toStored(s)));
        expect(stored).not.toHaveProperty("answers");
        expect(stored).not.toHaveProperty("history");
        expect(fromStored(stored)).toStrictEqual(s);
      });
    }), { numRuns: 500 });
  });

  it("reads the earlier shape as it was", () => {
    const old = JSON.parse(`{"runId":"ab12cd34ef","startedAt":1,"updatedAt":2,"answers":[{"item":"q1","value":3},{"item":"q3","value":0}],"skipped":["q2"],"history":["q1","q2","q3","${BACKGROUND}"],"background":null,"shown":"t1"}`);
    expect(fromStored(old)).toStrictEqual(old);
    expect(() => fromStored({ runId: "x" })).toThrow();
  });
});

const url = inject("redisUrl");
const stores: [string, () => StateStore, boolean][] = [
  ["SQLite", () => new SqliteStore(join(dir, `${randomUUID()}.sqlite`)), true],
  ["Redis", () => new RedisStore(url, Date.now, `test-${randomUUID()}:`), Boolean(url)],
];

describe.each(stores)("a quiz stored in the earlier shape on %s", (_name, open, available) => {
  it.skipIf(!available)("resumes where it stood: the next answer lands after the stored ones", async () => {
    const store = open();
    try {
      const core = createCore({ knowledgeDir: "knowledge", store, logger });
      await core.mentor.handle(command("quiz"));
      for (const a of ["3", "1", "4"]) await core.mentor.handle(message(a));
      const [key] = await store.keysContaining("quiz:");
      const now = (await store.get<{ state: { steps: [string, number][] }; expiresAt: number }>(key!))!.value;
      expect(now.state.steps).toHaveLength(3);
      const [[i1, v1], [i2, v2], [i3, v3]] = now.state.steps as [[string, number], [string, number], [string, number]];
      // What the version before this change wrote for the same three answers.
      const oldShape = JSON.parse(`{"state":{"runId":"${(now.state as unknown as { runId: string }).runId}","startedAt":1,"updatedAt":2,"answers":[{"item":"${i1}","value":${v1}},{"item":"${i2}","value":${v2}},{"item":"${i3}","value":${v3}}],"skipped":[],"history":["${i1}","${i2}","${i3}"]},"expiresAt":${Date.now() + 86_400_000}}`);
      await store.set(key!, oldShape);

      const restarted = createCore({ knowledgeDir: "knowledge", store, logger });
      expect(textOf((await restarted.mentor.handle(message("2"))).replies)).toMatch(/Question 5 of/);
      const after = (await store.get<{ state: { steps: [string, number][] } }>(key!))!.value.state;
      expect(after).not.toHaveProperty("answers");
      expect(after.steps.slice(0, 3)).toEqual([[i1, v1], [i2, v2], [i3, v3]]);
      expect(after.steps).toHaveLength(4);
    } finally {
      await store.close();
    }
  });
});
