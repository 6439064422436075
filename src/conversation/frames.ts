// The frame a choice or a command answers (its `reading`), from the action
// that answers it: the same action the answer is built from.
import type { Action } from "../core/actions.ts";
import { decodeAction } from "../core/actions.ts";
import type { Reading } from "../understanding/understand.ts";
import { frame } from "./resolve.ts";

const sure = (f: Omit<Reading, "confidence">): Reading => ({ ...f, confidence: 1 });

/** A turn the running quiz took (an answer, or back / skip / restart / quit). */
export const QUIZ_ANSWER: Reading = sure(frame("quiz.answer", []));

export function readingOfAction(a: Action): Reading | undefined {
  switch (a.kind) {
    case "role": return sure(a.aspect ? frame("role.aspect", [a.role], a.aspect) : frame("role.overview", [a.role]));
    case "compare": return sure(frame("compare", a.roles, a.aspect ?? null));
    case "path": return sure(frame("learning-path", [a.role]));
    case "transition": return sure({ ...frame("transition", [a.from, a.to]), from: a.from, to: a.to });
    case "resources": return sure(frame("resources", a.role ? [a.role] : []));
    case "glossary": return sure({ ...frame("glossary", []), term: a.term });
    case "jobs": return sure(frame("job-search", a.role ? [a.role] : []));
    case "fit": case "decide": return sure(frame("fit", []));
    case "help": return sure(frame("help", []));
    // Choosing between tools is a question about a role's tools, whichever role.
    case "tools": return sure(frame("role.aspect", [], "tools"));
    // A starting point outside the taxonomy: a move with no from-role (taxonomy: from is null).
    case "start": return sure(a.to ? { ...frame("transition", [a.to]), from: null, to: a.to } : frame("learning-path", []));
    case "pay": return sure(frame(a.roles.length > 1 ? "compare" : "role.aspect", a.roles, "salary"));
    case "quiz": return sure(frame(a.op === "start" || a.op === "restart" || a.op === "continue" ? "quiz.start" : "quiz.answer", []));
    case "rate": return undefined; // a rating answers no frame
    case "view": {
      // "Full comparison", "Sources": the frame of the answer they open.
      const of = decodeAction(a.of);
      return of ? readingOfAction(of) : undefined;
    }
  }
}
