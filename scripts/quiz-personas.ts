// Three people take the quiz by clicking; prints what each sees at the end.
// `npx tsx scripts/quiz-personas.ts` (used for the issue notes).
import { pino } from "pino";
import { createCore } from "../src/bootstrap.ts";
import { MemoryStore } from "../src/core/state-store.ts";
import { renderPlainText } from "../src/core/reply.ts";
const core = createCore({ knowledgeDir: "knowledge", store: new MemoryStore(), logger: pino({ level: "silent" }) });
const people: Record<string, { rating: Record<string, string>; choice: RegExp; background: RegExp }> = {
  "Priya (likes data and models)": { rating: { "tune-model": "Strongly like", "llm-docs-tools": "Dislike", drift: "Like", "eval-sets": "Unsure", "ab-test": "Like", "data-pipelines": "Like", "why-it-works": "Strongly like", "demo-in-days": "Dislike", "smaller-faster": "Like" }, choice: /Pull the data|forecasting or fraud|Training my own|model itself|scikit|Forecasting/, background: /Data analyst/ },
  "Marco (builds products on LLMs)": { rating: { "tune-model": "Dislike", "llm-docs-tools": "Strongly like", drift: "Unsure", "eval-sets": "Like", "ab-test": "Unsure", "data-pipelines": "Dislike", "why-it-works": "Dislike", "demo-in-days": "Strongly like", "smaller-faster": "Unsure" }, choice: /Sketch the user|assistant or agent|into a product|system around|Hugging Face|assistant that drafts/, background: /Software engineer/ },
  "Sam (enjoys both sides)": { rating: { "tune-model": "Like", "llm-docs-tools": "Like", drift: "Unsure", "eval-sets": "Like", "ab-test": "Unsure", "data-pipelines": "Unsure", "why-it-works": "Unsure", "demo-in-days": "Like", "smaller-faster": "Like" }, choice: /Sketch the user|forecasting or fraud|even mix|model itself|Hugging Face|Forecasting/, background: /Student/ },
};
let n = 0;
for (const [who, p] of Object.entries(people)) {
  const actor = { id: `p${++n}` };
  const address = { platform: "test" as const, workspace: "w", channel: "dm", thread: null, dm: true };
  let r = (await core.mentor.handle({ kind: "command", name: "quiz", args: "", address, actor })).replies.at(-1)!;
  const log: string[] = [];
  for (let i = 0; i < 25; i++) {
    const data = r.data?.quiz as { item: string } | undefined;
    if (!data) break;
    const opts = r.choices.filter((c) => c.id.startsWith("quiz:a:"));
    const want = p.rating[data.item];
    const pick = want ? opts.find((c) => c.label === want) : data.item === "background" ? opts.find((c) => p.background.test(c.label)) : opts.find((c) => p.choice.test(c.label));
    log.push(`${data.item}: ${pick!.label}`);
    r = (await core.mentor.handle({ kind: "choice", choiceId: pick!.id, address, actor })).replies.at(-1)!;
  }
  console.log(`### ${who}\nAnswers: ${log.join("; ")}\n\n${renderPlainText(r)}\n`);
}
