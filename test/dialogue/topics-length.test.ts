// The new topic answers (tool choices, starting-point routes) are chat-sized in
// their first view like every other answer, and their depth is one click away.
import { describe, expect, it } from "vitest";
import { decodeAction, encodeAction, type Action } from "../../src/core/actions.ts";
import { testCore } from "../helpers/core.ts";
import { answer, conversation, plain } from "../helpers/conversation.ts";

const { mentor, kb } = testCore();

const actions: Action[] = [
  ...kb.topics.toolChoices.choices.map((c): Action => ({ kind: "tools", topic: c.id })),
  ...kb.topics.startingPoints.flatMap((p) => p.routes.map((r): Action => ({ kind: "start", point: p.id, to: r.to }))),
];

describe("topic answers are chat-sized", () => {
  it.each(actions.map((a) => [encodeAction(a), a] as const))("%s: first view within 1,000 characters, full view longer", async (_id, a) => {
    const c = conversation(mentor);
    const first = await c.choose(encodeAction(a));
    expect(plain(first).length).toBeLessThanOrEqual(1000);
    expect(plain(first)).not.toMatch(/no longer valid/);
    const full = answer(first).choices.find((ch) => ch.id.startsWith("view:full:"));
    expect(full, encodeAction(a)).toBeDefined();
    expect(decodeAction(full!.id)?.kind).toBe("view");
    expect(plain(await c.choose(full!.id)).length).toBeGreaterThan(plain(first).length);
  });

  it("choice ids round-trip", () => {
    for (const a of actions) expect(decodeAction(encodeAction(a))).toEqual(a);
  });
});
