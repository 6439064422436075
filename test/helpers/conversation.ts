// One person in one conversation, so a test's context never leaks into another's.
import type { Mentor, Turn } from "../../src/core/mentor.ts";
import type { InboundEventInput } from "../../src/core/events.ts";
import type { Reply } from "../../src/core/reply.ts";
import { choose, command, message, textOf } from "./core.ts";

let people = 0;

export interface Conversation {
  say(text: string): Promise<Turn>;
  command(name: string, args?: string): Promise<Turn>;
  choose(choiceId: string): Promise<Turn>;
}

/** A new person (unless `over` names one) talking to the mentor in the default test channel. */
export function conversation(mentor: Mentor, over: Partial<InboundEventInput> = {}): Conversation {
  const who = { actor: { id: `person-${++people}` }, ...over } as Partial<InboundEventInput>;
  return {
    say: (text) => mentor.handle(message(text, who)),
    command: (name, args = "") => mentor.handle(command(name, args, who)),
    choose: (id) => mentor.handle(choose(id, who)),
  };
}

/** The first reply of a turn: the answer itself (a running quiz may append its question after it). */
export const answer = (t: Turn): Reply => {
  const first = t.replies[0];
  if (!first) throw new Error("the turn has no reply");
  return first;
};

/** The answer's heading, or "" when it has none (declines, usage lines, clarifications). */
export const headingOf = (t: Turn): string => {
  const b = answer(t).blocks[0];
  return b?.type === "heading" ? b.text : "";
};

export const plain = (t: Turn): string => textOf(t.replies);
