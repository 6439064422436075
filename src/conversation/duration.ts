// "How long would that take?": the answer is the duration, first and alone,
// with the whole path one click away, rather than the path shown again.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { Reading } from "../understanding/understand.ts";
import { reply, type Reply } from "../core/reply.ts";
import { choice } from "../core/answers/choices.ts";
import { durationLine } from "../core/answers/duration.ts";

const HOW_LONG = /\b(?:how long|how many (?:months|weeks|years|hours)|how much time|time ?line|realistically|how fast|how quickly)\b/i;

export const asksHowLong = (text: string): boolean => HOW_LONG.test(text);

/** The duration of the path or transition the reading is about; undefined when the knowledge base has none. */
export function durationReply(kb: KnowledgeBase, r: Pick<Reading, "intent" | "roles" | "from" | "to">): Reply | undefined {
  if (r.intent === "transition" && r.from && r.to) {
    const t = kb.transition(r.from, r.to);
    if (!t) return undefined;
    const title = `${kb.role(r.from).short} → ${kb.role(r.to).short}`;
    return reply([{ type: "text", text: `${title}: ${lower(durationLine(t.duration))}` }], [
      choice({ kind: "transition", from: r.from, to: r.to }, "What to learn"),
      choice({ kind: "view", view: "full", of: `transition:${r.from}:${r.to}` }, "All steps"),
      choice({ kind: "path", role: r.to }, `Full ${kb.role(r.to).short} path`),
    ]);
  }
  const role = r.intent === "learning-path" ? r.roles[0] : undefined;
  const path = role ? kb.path(role) : undefined;
  if (!role || !path) return undefined;
  return reply([{ type: "text", text: `Becoming ${withArticle(kb.role(role).short)}: ${lower(durationLine(path.duration))}` }], [
    choice({ kind: "path", role }, "The path"),
    choice({ kind: "view", view: "full", of: `path:${role}` }, "All steps"),
    choice({ kind: "resources", role }, "Resources"),
  ]);
}

/** "Time: about …" continues a sentence here. */
const lower = (line: string) => line.replace(/^Time: /, "");
const withArticle = (w: string) => `${/^[aeiou]/i.test(w) || /^ML\b|^MLOps\b/.test(w) ? "an" : "a"} ${w}`;
