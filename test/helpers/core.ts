// One real core (real knowledge base, real understanding) for tests, with a
// silent logger and an in-memory store unless a test passes its own.
import { pino } from "pino";
import { createCore, type Core } from "../../src/bootstrap.ts";
import { MemoryStore, type StateStore } from "../../src/core/state-store.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import { renderPlainText } from "../../src/core/reply.ts";

export const silentLogger = pino({ level: "silent" });

export function testCore(store: StateStore = new MemoryStore()): Core & { store: StateStore } {
  return { ...createCore({ knowledgeDir: "knowledge", store, logger: silentLogger }), store };
}

let n = 0;
/** A message from a person in a conversation; override where or who. */
export function message(text: string, over: Partial<InboundEventInput> = {}): InboundEventInput {
  return { id: `e${++n}`, kind: "message", text, address: { platform: "test", workspace: "w1", channel: "c1", thread: null, dm: true }, actor: { id: "u1" }, ...over } as InboundEventInput;
}

export function command(name: string, args = "", over: Partial<InboundEventInput> = {}): InboundEventInput {
  return { id: `e${++n}`, kind: "command", name, args, address: { platform: "test", workspace: "w1", channel: "c1", thread: null, dm: true }, actor: { id: "u1" }, ...over } as InboundEventInput;
}

export function choose(choiceId: string, over: Partial<InboundEventInput> = {}): InboundEventInput {
  return { id: `e${++n}`, kind: "choice", choiceId, address: { platform: "test", workspace: "w1", channel: "c1", thread: null, dm: true }, actor: { id: "u1" }, ...over } as InboundEventInput;
}

export const textOf = (replies: { blocks: unknown[] }[]) => replies.map((r) => renderPlainText(r as never)).join("\n\n");
