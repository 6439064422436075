// What a job title names: taxonomy roles (their aliases in the lexicon) or a
// title from knowledge/titles.yaml that is not a role. A title's head names
// its role; what follows a dash, bar, comma or bracket is usually the team
// ("Senior Data Scientist – MLOps Enablement" is a data scientist title).
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { RoleId } from "../knowledge/schema.ts";
import type { JobTitle } from "../knowledge/titles-schema.ts";
import { PhraseMatcher } from "../understanding/phrase-matcher.ts";
import { cleanText, stem, tokenize } from "../understanding/text.ts";

type Named = { kind: "role"; role: RoleId } | { kind: "title"; title: JobTitle };

export interface TitleMention {
  named: Named;
  start: number;
  end: number;
  /** The words as written (stems hide "engineer" vs "engineering"). */
  words: string[];
}

export interface TitleReading {
  /** Roles the title itself names (empty when it names none). */
  roles: RoleId[];
  /** Titles from titles.yaml that it names. */
  titles: JobTitle[];
}

export interface TitleIndex {
  /** What a posting's title names. */
  readTitle(title: string): TitleReading;
  /** Every role alias and known title in a free-text message, in order, with where they are. */
  mentions(text: string): TitleMention[];
  byId(id: string): JobTitle | undefined;
}

const HEAD_END = /\s[-–—|]\s|[|,(]|\s[-–—](?=\s|$)/;

const JOB_NOUNS = "engineers?|scientists?|developers?|analysts?|researchers?";
/** "AI/ML Engineer" and "AI & ML Engineer" name an AI and an ML engineer; "AI & Big Data Engineer" an AI and a big-data engineer. */
const SYMBOL_PAIR = new RegExp(`\\b([\\p{L}]+)\\s*[/&+]\\s*([\\p{L}]+(?:\\s+[\\p{L}]+)?)\\s+(${JOB_NOUNS})\\b`, "giu");
/** "AI and ML Engineer" (one word each side: "and" joins too much else to reach further). */
const WORD_PAIR = new RegExp(`\\b([\\p{L}]+)\\s+and\\s+([\\p{L}]+)\\s+(${JOB_NOUNS})\\b`, "giu");

/** Cheap tests first: most messages have neither a "/", "&" or "+" nor an "and". */
const MAY_PAIR_SYMBOL = /[/&+]/;
const MAY_PAIR_WORD = /and/i;

function expandPairs(text: string): string {
  const symbols = MAY_PAIR_SYMBOL.test(text) ? text.replace(SYMBOL_PAIR, "$1 $3 and $2 $3") : text;
  return MAY_PAIR_WORD.test(symbols) ? symbols.replace(WORD_PAIR, "$1 $3 and $2 $3") : symbols;
}

export function createTitleIndex(kb: KnowledgeBase): TitleIndex {
  const matcher = new PhraseMatcher<Named>();
  // Titles first: on a tie in length a known title wins over a lexicon alias (titles.yaml owns them).
  for (const t of kb.titles) for (const p of [t.title, ...t.aliases]) matcher.add(p, { kind: "title", title: t });
  for (const [role, phrases] of Object.entries(kb.lexicon.roles) as [RoleId, string[]][]) {
    for (const p of phrases) matcher.add(p, { kind: "role", role });
    const r = kb.roles.get(role);
    if (r) matcher.add(r.name, { kind: "role", role }).add(r.short, { kind: "role", role });
  }
  const byId = new Map(kb.titles.map((t) => [t.id, t]));

  const mentions = (text: string): TitleMention[] => {
    const words = tokenize(expandPairs(cleanText(text)));
    return matcher.find(words.map(stem)).map((m) => ({ named: m.value, start: m.start, end: m.end, words: words.slice(m.start, m.end) }));
  };
  const read = (text: string): TitleReading => {
    const found = mentions(text);
    return {
      roles: [...new Set(found.flatMap((m) => (m.named.kind === "role" ? [m.named.role] : [])))],
      titles: [...new Set(found.flatMap((m) => (m.named.kind === "title" ? [m.named.title] : [])))],
    };
  };

  return {
    readTitle(title: string): TitleReading {
      const head = title.split(HEAD_END)[0] ?? "";
      const fromHead = read(head);
      if (fromHead.roles.length > 0 || fromHead.titles.length > 0) return fromHead;
      return read(title);
    },
    mentions,
    byId: (id) => byId.get(id),
  };
}
