// The quiz as a state machine under random sequences of what people and
// platforms do: answers and navigation from the question shown, stale clicks
// from earlier questions, someone else's clicks, redelivered events, typed
// answers and restarts. After every step the stored state is consistent, a
// foreign click or a redelivery changed nothing, and every reply is sendable.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createCore } from "../../src/bootstrap.ts";
import { MemoryStore } from "../../src/core/state-store.ts";
import { personKey, type Address, type InboundEventInput } from "../../src/core/events.ts";
import type { Reply } from "../../src/core/reply.ts";
import { BACKGROUND, StoredQuizState, fromStored } from "../../src/quiz/session.ts";
import { silentLogger } from "../helpers/core.ts";
import { expectSendable } from "./checks.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const store = new MemoryStore();
const core = createCore({ knowledgeDir: "knowledge", store, logger: silentLogger, perMinute: 1_000_000 });
const address: Address = { platform: "slack", workspace: "T1", channel: "D1", thread: null, dm: true };

type Step =
  | { op: "option"; k: number } | { op: "nav"; k: number } | { op: "stale"; k: number } | { op: "foreign"; k: number }
  | { op: "redeliver" } | { op: "typed"; text: string } | { op: "start" };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((k) => ({ op: "option" as const, k })) },
  { weight: 2, arbitrary: fc.nat().map((k) => ({ op: "nav" as const, k })) },
  { weight: 2, arbitrary: fc.nat().map((k) => ({ op: "stale" as const, k })) },
  { weight: 2, arbitrary: fc.nat().map((k) => ({ op: "foreign" as const, k })) },
  { weight: 1, arbitrary: fc.constant({ op: "redeliver" as const }) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom("1", "2", "3", "a", "b", "skip", "back", "quit", "what is rag", "yes"), fc.string({ maxLength: 20 })).map((text) => ({ op: "typed" as const, text })) },
  { weight: 1, arbitrary: fc.constant({ op: "start" as const }) },
);

let people = 0;
let events = 0;

describe("fuzz: the quiz as a state machine", () => {
  it("keeps its invariants under random answers, navigation, stale and foreign clicks, redeliveries and restarts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const me = { id: `taker-${++people}` };
        const key = `quiz:${personKey(address, me)}`;
        const stored = async () => (await store.get<{ state: unknown }>(key))?.value.state;
        const issued: string[] = [];
        let shown: Reply | undefined;
        let lastEvent: InboundEventInput | undefined;

        const send = async (e: InboundEventInput) => {
          const turn = await core.mentor.handle(e);
          expectSendable(turn, JSON.stringify(e).slice(0, 200));
          for (const r of turn.replies) {
            for (const c of r.choices) issued.push(c.id);
            if (r.data?.quiz !== undefined && r.choices.length > 0) shown = r;
          }
          if (e.actor.id === me.id && e.kind !== "command") lastEvent = e;
          return turn;
        };
        const choice = (choiceId: string, actor = me): InboundEventInput => ({ id: `e${++events}`, kind: "choice", choiceId, address, actor });

        await send({ id: `e${++events}`, kind: "command", name: "quiz", args: "", address, actor: me });
        for (const s of steps) {
          const before = JSON.stringify(await stored());
          switch (s.op) {
            case "option": {
              const options = shown?.choices.filter((c) => c.id.startsWith("quiz:a:")) ?? [];
              if (options.length > 0) await send(choice(options[s.k % options.length]!.id));
              break;
            }
            case "nav": {
              const navs = shown?.choices.filter((c) => c.id.startsWith("quiz:n:")) ?? [];
              if (navs.length > 0) await send(choice(navs[s.k % navs.length]!.id));
              break;
            }
            case "stale":
              if (issued.length > 0) await send(choice(issued[s.k % issued.length]!));
              break;
            case "foreign":
              if (issued.length > 0) {
                const id = issued[s.k % issued.length]!;
                await send(choice(id, { id: `intruder-${people}` }));
                // Someone else's click never changes this person's quiz.
                expect(JSON.stringify(await stored()), id).toBe(before);
              }
              break;
            case "redeliver":
              if (lastEvent) {
                const again = await core.mentor.handle(lastEvent);
                expect(again.duplicate).toBe(true);
                expect(JSON.stringify(await stored())).toBe(before);
              }
              break;
            case "typed":
              await send({ id: `e${++events}`, kind: "message", text: s.text, address, actor: me });
              break;
            case "start":
              await send({ id: `e${++events}`, kind: "command", name: "quiz", args: "", address, actor: me });
              break;
          }
          const raw = await stored();
          if (raw === undefined) continue;
          // Written in the stored shape (each step once), read back as the full state.
          const state = fromStored(StoredQuizState.parse(raw));
          // Every question is answered or skipped at most once, and everything recorded is in the history.
          expect(new Set(state.history).size).toBe(state.history.length);
          expect(new Set(state.answers.map((a) => a.item)).size).toBe(state.answers.length);
          for (const a of state.answers) expect(state.history).toContain(a.item);
          for (const x of state.skipped) expect(state.history).toContain(x);
          const background = state.history.includes(BACKGROUND) ? 1 : 0;
          expect(state.answers.length + state.skipped.length + background).toBe(state.history.length);
          for (const a of state.answers) {
            const item = [...core.kb.quiz.items, ...core.kb.quiz.tiebreakers].find((i) => i.id === a.item)!;
            expect(item, a.item).toBeDefined();
            expect(a.value).toBeLessThan(item.type === "rating" ? core.kb.quiz.scale.length : item.options.length);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
