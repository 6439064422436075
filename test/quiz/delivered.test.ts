// Typed answers land only on a question the person was shown. Adapters
// report each question they delivered; when the process died after saving an
// answer but before the next question went out, the next typed answer is not
// recorded against a question nobody saw: that question is shown first.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/core/state-store.ts";
import { createCore } from "../../src/bootstrap.ts";
import type { Reply } from "../../src/core/reply.ts";
import { command, message, silentLogger, textOf } from "../helpers/core.ts";

function setup() {
  const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: silentLogger, perMinute: 100_000 });
  const person = { address: { platform: "test" as const, workspace: "w1", channel: "c1", thread: null, dm: true }, actor: { id: "u1" } };
  const send = async (e: Parameters<typeof core.mentor.handle>[0]) => (await core.mentor.handle(e)).replies;
  /** What an adapter does after posting: report the question it delivered. */
  const deliver = async (replies: Reply[]) => {
    for (const r of replies) {
      const q = r.data?.quiz as { run?: string; item?: string } | undefined;
      if (q?.run && q.item) await core.quiz.delivered(person, q.run, q.item);
    }
    return replies;
  };
  return { core, send, deliver };
}

const number = (replies: Reply[]) => Number(/Question (\d+) of \d+/.exec(textOf(replies))?.[1] ?? NaN);

describe("typed answers and delivered questions", () => {
  it("an answer typed after a lost delivery shows the undelivered question first, and is not recorded", async () => {
    const { send, deliver } = setup();
    expect(number(await deliver(await send(command("quiz"))))).toBe(1);
    const q2 = await send(message("1")); // saved; the process "dies" before question 2 goes out
    expect(number(q2)).toBe(2);
    const retry = await send(message("2"));
    expect(number(retry)).toBe(2);
    expect(textOf(retry)).toMatch(/did not reach you/);
    await deliver(retry);
    // Now question 2 was seen: the same typed answer lands on it.
    expect(number(await deliver(await send(message("2"))))).toBe(3);
  });

  it("questions that were delivered take typed answers straight away, and 'quit' always works", async () => {
    const { send, deliver } = setup();
    await deliver(await send(command("quiz")));
    expect(number(await deliver(await send(message("1"))))).toBe(2);
    expect(number(await deliver(await send(message("1"))))).toBe(3);
    await send(message("1")); // question 4 never delivered
    expect(textOf(await send(message("quit")))).toMatch(/Quiz stopped/);
  });

  it("a question shown again after a lost delivery counts as shown, even if that delivery goes unreported", async () => {
    const { send, deliver } = setup();
    await deliver(await send(command("quiz")));
    await send(message("1")); // question 2 lost
    expect(textOf(await send(message("2")))).toMatch(/did not reach you/); // shown again, not reported
    expect(number(await send(message("2")))).toBe(3);
  });

  it("without delivery reports (the terminal), typed answers apply as before", async () => {
    const { send } = setup();
    await send(command("quiz"));
    expect(number(await send(message("1")))).toBe(2);
    expect(number(await send(message("1")))).toBe(3);
  });
});
