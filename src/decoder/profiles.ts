// The knowledge base's role profiles as a search index: every point of a
// role's responsibilities, focus, applications, skills and tools is one
// document, so a posting line finds the roles whose work it describes.
// Glossary terms add exact phrases that point at roles (RAG → AI engineer).
import MiniSearch from "minisearch";
import { eng as ENGLISH_STOPWORDS } from "stopword";
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { AspectId, RoleId, Section } from "../knowledge/schema.ts";
import { PhraseMatcher } from "../understanding/phrase-matcher.ts";
import { stem, tokenize } from "../understanding/text.ts";
import { commonEnglishWords } from "../understanding/english-words.ts";

/** Duties weigh more than skills, and skills more than tool lists. */
export const FIELD_WEIGHTS: Partial<Record<AspectId, number>> = {
  responsibilities: 1,
  focus: 0.9,
  applications: 0.75,
  skills: 0.7,
  tools: 0.55,
};

export interface ProfileDoc {
  id: number;
  role: RoleId;
  field: AspectId;
  text: string;
}

/** Words that say nothing about which role a posting is (they are in every posting). */
const POSTING_FILLER = [
  "experience", "team", "work", "working", "strong", "ability", "able", "role", "build", "building", "including", "year", "years", "using", "use", "new", "help", "across", "within", "also", "well", "etc", "e", "g", "eg", "ie", "will", "can", "must",
  // Requirement boilerplate: how much of something is asked, not what.
  "knowledge", "familiar", "familiarity", "understanding", "proficiency", "proficient", "solid", "deep", "excellent", "good", "great", "related", "field", "skill", "plus", "preferred", "required", "demonstrated", "proven", "least", "similar", "equivalent", "relevant", "best", "practice", "top", "notch", "hands", "like",
];
const STOP = new Set([...ENGLISH_STOPWORDS, ...POSTING_FILLER].map((w) => stem(w.toLowerCase())));

export const analyse = (text: string): string[] => tokenize(text).map(stem).filter((s) => !STOP.has(s) && s.length > 1);

function sectionTexts(s: Section): string[] {
  return [s.summary, ...s.points, ...s.groups.flatMap((g) => g.points)];
}

export function profileDocs(kb: KnowledgeBase): ProfileDoc[] {
  const docs: ProfileDoc[] = [];
  for (const [role, r] of kb.roles) {
    for (const field of Object.keys(FIELD_WEIGHTS) as AspectId[]) {
      const section = r.aspects[field];
      if (!section) continue;
      for (const text of sectionTexts(section)) docs.push({ id: docs.length, role, field, text });
    }
    docs.push({ id: docs.length, role, field: "focus", text: r.summary });
  }
  return docs;
}

export function profileIndex(docs: ProfileDoc[]): MiniSearch<ProfileDoc> {
  const index = new MiniSearch<ProfileDoc>({
    fields: ["text"],
    storeFields: ["role", "field"],
    tokenize: (t) => tokenize(t),
    processTerm: (term) => {
      const s = stem(term);
      return STOP.has(s) || s.length < 2 ? null : s;
    },
  });
  index.addAll(docs);
  return index;
}

/** A glossary term found in a posting line, and the roles it points at (closest first). */
export interface TermHit {
  term: string;
  roles: RoleId[];
  /** Lower for terms that are everyday words or point at many roles. */
  weight: number;
}

export function termMatcher(kb: KnowledgeBase): PhraseMatcher<TermHit> {
  const common = commonEnglishWords();
  const matcher = new PhraseMatcher<TermHit>();
  for (const t of kb.glossary) {
    if (t.roles.length === 0) continue;
    // A term that half the roles use ("machine learning") tells little.
    const specificity = 1 / t.roles.length;
    for (const phrase of [t.id.replace(/-/g, " "), t.term, ...t.aliases]) {
      const words = tokenize(phrase);
      if (words.length === 0) continue;
      // One everyday word ("evaluation", "drift") is a weak cue on its own; "vector store" is not.
      const everyday = words.length === 1 && common.has(words[0]!) ? 0.35 : 1;
      matcher.add(phrase, { term: t.id, roles: t.roles, weight: specificity * everyday });
    }
  }
  return matcher;
}
