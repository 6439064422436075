// The peer the mentor's understanding is measured against: nlp.js
// (@nlpjs/nlp with the minimal English pack), trained on the same example
// messages (knowledge/understanding/intents.yaml) with the same lexicon and
// glossary as enum entities, and read into the same frame as `ask --jsonl`.
import { containerBootstrap } from "@nlpjs/core";
import { Nlp } from "@nlpjs/nlp";
import { LangEn } from "@nlpjs/lang-en-min";
import type { KnowledgeBase } from "../src/knowledge/knowledge-base.ts";
import type { Frame } from "./label-score.ts";

interface NlpResult {
  intent: string;
  score: number;
  entities: { entity: string; option: string; start: number }[];
}
interface NlpInstance {
  settings: Record<string, unknown>;
  nluManager: { settings: Record<string, unknown> };
  extractEntities(lang: string, text: string): Promise<{ entities: NlpResult["entities"] }>;
  addLanguage(lang: string): void;
  addDocument(lang: string, text: string, intent: string): void;
  addNerRuleOptionTexts(lang: string, entity: string, option: string, texts: string[]): void;
  train(): Promise<void>;
  process(lang: string, text: string): Promise<NlpResult>;
}

const WITH_ASPECT = new Set(["role.aspect", "compare"]);

export async function trainNlpjs(kb: KnowledgeBase): Promise<(text: string) => Promise<Frame>> {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get("nlp") as NlpInstance;
  Object.assign(nlp.settings, { autoSave: false, autoLoad: false });
  // The classifier was built with the default settings: training logs every epoch unless told here.
  nlp.nluManager.settings.log = false;
  nlp.addLanguage("en");
  for (const [intent, examples] of Object.entries(kb.intents.intents)) for (const e of examples ?? []) nlp.addDocument("en", e, intent);
  for (const examples of Object.values(kb.intents.aspects)) for (const e of examples) nlp.addDocument("en", e, "role.aspect");
  for (const [role, phrases] of Object.entries(kb.lexicon.roles)) nlp.addNerRuleOptionTexts("en", "role", role, phrases);
  for (const [aspect, phrases] of Object.entries(kb.lexicon.aspects)) nlp.addNerRuleOptionTexts("en", "aspect", aspect, phrases);
  for (const t of kb.glossary) nlp.addNerRuleOptionTexts("en", "term", t.id, [t.id.replace(/-/g, " "), t.term, ...t.aliases]);
  await nlp.train();

  return async (text: string): Promise<Frame> => {
    const r = await nlp.process("en", text);
    const intent = r.intent === "None" ? "out-of-scope" : r.intent;
    // process() keeps only the entities an intent's templates use; the examples have none, so extract them directly.
    const { entities } = await nlp.extractEntities("en", text);
    const ofType = (type: string) => [...new Set(entities.filter((e) => e.entity === type).sort((a, b) => a.start - b.start).map((e) => e.option))];
    const roles = ofType("role");
    const transition = intent === "transition";
    return {
      intent,
      roles,
      aspect: WITH_ASPECT.has(intent) ? ofType("aspect")[0] ?? null : null,
      term: intent === "glossary" ? ofType("term")[0] ?? null : null,
      from: transition && roles.length >= 2 ? roles[0]! : null,
      to: transition ? roles[roles.length - 1] ?? null : null,
    };
  };
}
