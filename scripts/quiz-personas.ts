// Six people take the quiz through the mentor, by clicking or by typing; prints
// what each answered and what they see at the end.
// `npx tsx scripts/quiz-personas.ts` (used for the issue notes).
import { pino } from "pino";
import { createCore } from "../src/bootstrap.ts";
import { MemoryStore } from "../src/core/state-store.ts";
import { renderPlainText, type Reply } from "../src/core/reply.ts";
import { updateProfile } from "../src/core/profile.ts";
import type { RoleId } from "../src/knowledge/schema.ts";

const store = new MemoryStore();
// Result cards go to data/persona-cards (or CARDS_DIR), one per persona, so they can be looked at.
const core = createCore({ knowledgeDir: "knowledge", store, logger: pino({ level: "silent" }), cardsDir: process.env.CARDS_DIR ?? "data/persona-cards" });
const quiz = core.kb.quiz;
const itemOf = (id: string) => [...quiz.items, ...quiz.tiebreakers].find((i) => i.id === id);

/** How a person answers one question: a button label, typed words, or "skip". */
type Answer = { click: string } | { type: string } | "skip";
interface Persona {
  answer(item: string, labels: string[]): Answer;
  /** Said before the quiz, kept in the person's profile by the conversation. */
  saidBefore?: { from: RoleId; label: string };
}

/** Strongly like the activities keyed to `likes`, dislike those keyed to `dislikes`, else `rest`. */
const rating = (item: string, likes: RoleId[], dislikes: RoleId[], rest = "Unsure"): string | undefined => {
  const i = itemOf(item);
  if (i?.type !== "rating") return undefined;
  const w = (roles: RoleId[]) => roles.some((r) => (i.weights[r] ?? 0) >= 2);
  return w(likes) ? "Strongly like" : w(dislikes) ? "Dislike" : rest;
};
/** In a scenario, the option keyed most to `role`. */
const option = (item: string, role: RoleId): string | undefined => {
  const i = itemOf(item);
  if (i?.type !== "choice") return undefined;
  return [...i.options].sort((a, b) => (b.weights[role] ?? 0) - (a.weights[role] ?? 0))[0]!.label;
};
const evenOption = (item: string): string | undefined => {
  const i = itemOf(item);
  return i?.type === "choice" ? i.options.find((o) => o.weights["ml-engineer"] === o.weights["ai-engineer"])?.label : undefined;
};

const people: Record<string, Persona> = {
  "Priya, clearly ML (data analyst)": {
    answer: (item, labels) => item === "background" ? { click: "Data analyst" }
      : { click: rating(item, ["ml-engineer", "data-scientist"], ["ai-engineer"], "Unsure") ?? option(item, "ml-engineer") ?? labels[0]! },
  },
  "Marco, clearly AI (student)": {
    answer: (item, labels) => item === "background" ? { click: "Student or new to tech" }
      : { click: rating(item, ["ai-engineer"], ["ml-engineer", "research-scientist"], "Unsure") ?? option(item, "ai-engineer") ?? labels[0]! },
  },
  "Sam, enjoys both sides (data engineer)": {
    answer: (item, labels) => {
      if (item === "background") return { click: "Data engineer" };
      // Cannot pick a side in a straight choice, and no first step tempts more than another.
      if (quiz.tiebreakers.some((t) => t.id === item) || item === "first-step") return "skip";
      return { click: rating(item, ["ml-engineer", "ai-engineer"], [], "Dislike") ?? evenOption(item) ?? labels[0]! };
    },
  },
  "Alex, unsure about everything": {
    answer: (item) => (itemOf(item)?.type === "rating" ? { click: "Unsure" } : "skip"),
  },
  "Dana, five years as a software engineer, already shipping LLM features": {
    saidBefore: { from: "software-engineer", label: "software engineer" },
    answer: (item, labels) => item === "background" ? { click: "Already building with LLMs" }
      : { click: rating(item, ["ai-engineer", "mlops-engineer"], ["research-scientist"], "Like") ?? option(item, "ai-engineer") ?? labels[0]! },
  },
  "Kim, types free answers (said earlier: software engineer)": {
    saidBefore: { from: "software-engineer", label: "software engineer" },
    answer: (item) => {
      if (item === "background") return "skip"; // said earlier in the conversation instead
      const i = itemOf(item);
      // Scenarios: a few words of the option, as someone would type them.
      const words: Record<string, string> = { "first-step": "try a few prompts", "train-or-compose": "into a product", "model-or-system": "the system around", "next-skill": "an assistant that uses tools", "which-problem": "answering customers" };
      if (i?.type !== "rating") return { type: words[item] ?? "skip" };
      const phrases: Record<string, string> = { "Strongly like": "love it", Dislike: "not really", Unsure: "meh", Like: "i'd like that", "Strongly dislike": "not for me at all" };
      return { type: phrases[rating(item, ["ai-engineer"], ["ml-engineer"], "Unsure")!]! };
    },
  },
};

let n = 0;
for (const [who, p] of Object.entries(people)) {
  const actor = { id: `persona${++n}` };
  const address = { platform: "test" as const, workspace: "w", channel: "dm", thread: null, dm: true };
  if (p.saidBefore) await updateProfile(store, address, actor, { background: p.saidBefore }, 3_600_000);
  let replies: Reply[] = (await core.mentor.handle({ kind: "command", name: "quiz", args: "", address, actor })).replies;
  let r = replies.at(-1)!;
  const log: string[] = [];
  for (let i = 0; i < 40; i++) {
    const data = r.data?.quiz as { item: string } | undefined;
    if (!data) break;
    const opts = r.choices.filter((c) => c.id.startsWith("quiz:a:"));
    const a = p.answer(data.item, opts.map((c) => c.label));
    if (a === "skip") {
      log.push(`${data.item}: (skip)`);
      r = (await core.mentor.handle({ kind: "choice", choiceId: r.choices.find((c) => c.label === "Skip")!.id, address, actor })).replies.at(-1)!;
    } else if ("type" in a) {
      log.push(`${data.item}: "${a.type}"`);
      r = (await core.mentor.handle({ kind: "message", text: a.type, address, actor })).replies.at(-1)!;
    } else {
      const pick = opts.find((c) => c.label === a.click) ?? opts[0]!;
      log.push(`${data.item}: ${pick.label}`);
      r = (await core.mentor.handle({ kind: "choice", choiceId: pick.id, address, actor })).replies.at(-1)!;
    }
  }
  const { outcome, scores, also, confidence, firstStep } = (r.data ?? {}) as Record<string, unknown>;
  console.log(`### ${who}\n${log.length} answers: ${log.join("; ")}\n\ndata: ${JSON.stringify({ outcome, confidence, also, firstStep, scores })}\n\n${renderPlainText(r)}\n${r.image ? `\n(Result card: ${r.image.path}, alt text: ${r.image.alt.slice(0, 120)}…)\n` : ""}`);
}
