// Greeting, help, thanks, declines, clarifications and usage lines.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import type { Choice } from "../reply.ts";
import { reply, type Reply } from "../reply.ts";
import { COMMANDS, usageFor, type CommandSpec } from "../commands.ts";
import { choice, quizChoice } from "./choices.ts";

export const starterChoices = (): Choice[] => [
  choice({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }, "ML vs AI engineer"),
  quizChoice(),
  choice({ kind: "path", role: "ai-engineer" }, "Become an AI engineer"),
  choice({ kind: "help" }, "What can you do?"),
];

export function greeting(): Reply {
  return reply(
    [{ type: "text", text: "Hi! I'm Role Mentor. I help people choose between ML and AI engineering (and the roles around them): what each role does, what it pays, how to get there, and a short quiz to see which one fits you." }],
    starterChoices(),
  );
}

export function help(kb: KnowledgeBase, prefix = "/"): Reply {
  return reply(
    [
      { type: "heading", text: "What I can do" },
      { type: "text", text: `Ask me in your own words, for example "ML engineer vs AI engineer?", "how do I move from data analyst to ML engineer?", "what does an MLOps engineer earn?" or "what is RAG?". I cover ${[...kb.roles.values()].map((r) => r.short).join(", ")}.` },
      { type: "list", title: "Commands", items: COMMANDS.map((c: CommandSpec) => `${usageFor(c, prefix)}: ${c.description}`) },
      { type: "context", text: "Answers come from a curated knowledge base; figures name their source and date." },
    ],
    starterChoices().filter((c) => c.id !== "help"),
    // Marked so a community's own notes (e.g. knowledge-gap recording) can be added to it.
    { data: { kind: "help" } },
  );
}

export function thanks(): Reply {
  return reply([{ type: "text", text: "You're welcome! Good luck on your path." }], starterChoices().slice(0, 3));
}

export function outOfScope(): Reply {
  return reply(
    [{ type: "text", text: "Sorry, that's outside what I can help with. I'm a career mentor for ML, AI and data roles: what the roles do, how they compare, pay and demand, learning paths, resources, job search and a self-assessment quiz." }],
    starterChoices(),
    { data: { kind: "out-of-scope" } },
  );
}

export function foreignLanguage(): Reply {
  return reply(
    [{ type: "text", text: "Sorry, I only speak English for now. Please ask your question in English, for example \"ML engineer vs AI engineer?\"" }],
    starterChoices().slice(0, 3),
  );
}

export function emptyMessage(): Reply {
  return reply([{ type: "text", text: "I didn't get any text there. Ask me a question about ML and AI careers, or pick one of these." }], starterChoices());
}

export function usage(spec: CommandSpec, prefix = "/", problem?: string): Reply {
  return reply([{ type: "text", text: `${problem ? `${problem} ` : ""}Usage: ${usageFor(spec, prefix)}` }], [choice({ kind: "help" }, "Help")]);
}

export function unknownCommand(prefix = "/"): Reply {
  return reply(
    [{ type: "text", text: `I don't know that command. Try ${COMMANDS.map((c) => `${prefix}${c.name}`).join(", ")}.` }],
    [choice({ kind: "help" }, "Help")],
  );
}

export function clarify(options: Choice[]): Reply {
  return reply([{ type: "text", text: "I'm not sure I understood. Did you mean one of these?" }], options.slice(0, 3), { data: { kind: "clarify" } });
}

export function whichRole(kb: KnowledgeBase, make: (role: RoleId) => Choice, question: string): Reply {
  const roles = [...kb.roles.values()].filter((r) => r.kind === "destination").slice(0, 4);
  return reply([{ type: "text", text: question }], roles.map((r) => make(r.id)));
}

/** What `ask` answers to a quiz request: it keeps no state, so it says how to start one. */
export function quizInvite(kb: KnowledgeBase): Reply {
  return reply(
    [
      { type: "heading", text: kb.quiz.title },
      { type: "text", text: `${kb.quiz.intro} Start it with /quiz.` },
    ],
    [choice({ kind: "quiz", op: "start" }, "Take the quiz"), choice({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }, "ML vs AI engineer")],
  );
}
