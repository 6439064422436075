// The validated knowledge, indexed for the look-ups the dialogue needs.
import type {
  Comparison, DecisionFramework, GlossaryTerm, IntentExamples, JobSearch, LearningPath,
  Lexicon, Quiz, Resource, Role, RoleId, Transition,
} from "./schema.ts";
import type { Topics } from "./topics-schema.ts";
import type { JobTitle } from "./titles-schema.ts";
import type { Region } from "./regions-schema.ts";

export interface KnowledgeParts {
  roles: Map<RoleId, Role>;
  comparisons: Comparison[];
  transitions: Transition[];
  paths: LearningPath[];
  resources: Resource[];
  glossary: GlossaryTerm[];
  decision: DecisionFramework;
  jobSearch: JobSearch;
  lexicon: Lexicon;
  intents: IntentExamples;
  quiz: Quiz;
  /** Outlook, tool choices and starting points (knowledge/outlook.yaml, tool-choices.yaml, starting-points.yaml). */
  topics: Topics;
  /** Job titles that are not role aliases (titles.yaml). */
  titles: JobTitle[];
  /** Pay outside the US, per country (knowledge/regions.yaml). */
  regions: Region[];
  /** Words that, with a place, only say where someone is (knowledge/regions.yaml filler). */
  regionFiller: string[];
}

export interface KnowledgeBase extends KnowledgeParts {
  role(id: RoleId): Role;
  /** The curated comparison whose roles are exactly these (any order), if one exists. */
  comparison(roles: readonly RoleId[]): Comparison | undefined;
  transition(from: RoleId, to: RoleId): Transition | undefined;
  path(role: RoleId): LearningPath | undefined;
  resource(id: string): Resource | undefined;
  resourcesFor(role: RoleId): Resource[];
  term(id: string): GlossaryTerm | undefined;
}

const setKey = (roles: readonly string[]) => [...new Set(roles)].sort().join("|");

export function buildKnowledgeBase(parts: KnowledgeParts): KnowledgeBase {
  const comparisons = new Map(parts.comparisons.map((c) => [setKey(c.roles), c]));
  const transitions = new Map(parts.transitions.map((t) => [`${t.from}>${t.to}`, t]));
  const paths = new Map(parts.paths.map((p) => [p.role, p]));
  const resources = new Map(parts.resources.map((r) => [r.id, r]));
  const terms = new Map(parts.glossary.map((t) => [t.id, t]));
  return Object.freeze({
    ...parts,
    role(id: RoleId) {
      const role = parts.roles.get(id);
      // The cross-check guarantees every taxonomy role exists; reaching this is a bug.
      if (!role) throw new Error(`role ${id} missing from the knowledge base`);
      return role;
    },
    comparison: (roles: readonly RoleId[]) => comparisons.get(setKey(roles)),
    transition: (from: RoleId, to: RoleId) => transitions.get(`${from}>${to}`),
    path: (role: RoleId) => paths.get(role),
    resource: (id: string) => resources.get(id),
    resourcesFor: (role: RoleId) => parts.resources.filter((r) => r.roles.includes(role)),
    term: (id: string) => terms.get(id),
  });
}
