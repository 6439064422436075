// Zod schemas for every knowledge file. Types are derived from these
// (z.infer), so the YAML format is defined exactly once, here.
import { z } from "zod";
import { sentenceProblem } from "./prose.ts";

/** Role ids fixed by ../shared/design/taxonomy.md. */
export const ROLE_IDS = [
  "ml-engineer",
  "ai-engineer",
  "data-scientist",
  "mlops-engineer",
  "data-engineer",
  "research-scientist",
  "software-engineer",
  "data-analyst",
] as const;
export const RoleId = z.enum(ROLE_IDS);
export type RoleId = z.infer<typeof RoleId>;

export const ASPECT_IDS = [
  "focus",
  "responsibilities",
  "skills",
  "education",
  "tools",
  "applications",
  "salary",
  "demand",
] as const;
export const AspectId = z.enum(ASPECT_IDS);
export type AspectId = z.infer<typeof AspectId>;

export const INTENT_IDS = [
  "role.overview",
  "role.aspect",
  "compare",
  "fit",
  "quiz.start",
  "transition",
  "learning-path",
  "resources",
  "job-search",
  "glossary",
  "decode",
  "quiz.answer",
  "quiz.result",
  "greeting",
  "help",
  "thanks",
  "out-of-scope",
] as const;
export const IntentId = z.enum(INTENT_IDS);
export type IntentId = z.infer<typeof IntentId>;

/** Lower-case kebab-case id, e.g. `vector-database`. */
export const Slug = z
  .string()
  .max(64, "is too long for an id (at most 64 characters)")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case kebab-case id such as `vector-database`");

const Text = z.string().trim().min(1, "must not be empty");

/** A name or phrase that becomes part of a pattern (matching, cue checks): bounded, since an overlong one breaks the pattern. */
const Phrase = Text.max(100, "is too long for a name or phrase (at most 100 characters)");

/** Text shown as a sentence: it must read as finished (see prose.ts), so cut-off text is refused. */
const Sentence = Text.superRefine((s, ctx) => {
  const problem = sentenceProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input: s });
});

/** Where a fact comes from. `as_of` is the date of the data ("May 2024", "2024-2034", "2026-01"). */
export const Source = z.strictObject({
  name: Text.describe("Publisher and title, e.g. 'U.S. Bureau of Labor Statistics, Occupational Outlook Handbook'"),
  url: z.url().optional(),
  as_of: Text.optional().describe("Date of the data as the source gives it"),
  quality: z
    .enum(["primary", "secondary", "weak"])
    .optional()
    .describe(
      "primary: the publisher of the data; secondary: a page quoting it (say so in the name); " +
        "weak: aggregator blog, mirror, video summary, review site. Nothing may rest on a weak source alone.",
    ),
});
export type Source = z.infer<typeof Source>;

/**
 * A number shown to people: a salary, a growth rate, a count. It must name its
 * source and the date of the data; `claim` marks figures we only repeat
 * (e.g. the reference article's market figures) so the bot can say so.
 */
export const Figure = z.strictObject({
  label: Text.describe("What is measured, e.g. 'Median annual pay, data scientists'"),
  value: Text.describe("The figure as shown, e.g. '$112,590'"),
  region: Text.describe("Country or area the figure is for, e.g. 'US'"),
  source: Source.extend({ as_of: Text.describe("Date of the data; required for figures") }),
  kind: z.enum(["official", "survey", "report", "article-claim"]),
  note: Sentence.optional(),
});
export type Figure = z.infer<typeof Figure>;

/** One aspect of a role: a one-line summary (used side by side in comparisons) and detail. */
export const Section = z.strictObject({
  summary: Sentence.describe("One or two sentences; shown side by side in comparisons"),
  points: z.array(Sentence).default([]),
  /** Named sub-lists, e.g. "A typical day", "Math", "Degrees". */
  groups: z.array(z.strictObject({ title: Text, points: z.array(Sentence).min(1) })).default([]),
  figures: z.array(Figure).default([]),
  sources: z.array(Source).default([]),
});
export type Section = z.infer<typeof Section>;

export const InterviewLoop = z.strictObject({
  summary: Sentence,
  stages: z.array(z.strictObject({ name: Text, what: Sentence })).min(1),
  tips: z.array(Sentence).default([]),
  sources: z.array(Source).default([]),
});
export type InterviewLoop = z.infer<typeof InterviewLoop>;

export const Role = z.strictObject({
  id: RoleId,
  name: Phrase.describe("Display name, e.g. 'Machine Learning Engineer'"),
  short: Phrase.describe("Short name, e.g. 'ML engineer'"),
  kind: z.enum(["destination", "starting-point"]),
  summary: Sentence.describe("One sentence"),
  overview: Sentence.describe("A short paragraph"),
  aspects: z.partialRecord(AspectId, Section).default({}),
  interview: InterviewLoop.optional(),
  related: z.array(z.strictObject({ role: RoleId, how: Sentence })).default([]),
});
export type Role = z.infer<typeof Role>;

export const Comparison = z.strictObject({
  roles: z.array(RoleId).min(2).max(3),
  headline: Sentence.describe("The difference in one or two sentences"),
  /** Rows beyond the aspects, e.g. the article's 'innovation level'. */
  table: z
    .array(
      z.strictObject({
        label: Text,
        aspect: AspectId.optional(),
        values: z.partialRecord(RoleId, Text),
      }),
    )
    .default([]),
  shared: z.array(Sentence).default([]),
  choose: z.partialRecord(RoleId, Sentence).default({}).describe("Pick this role if …"),
  sources: z.array(Source).default([]),
});
export type Comparison = z.infer<typeof Comparison>;

/**
 * How long a path or transition takes, with its assumption stated: a range in
 * months at a given weekly effort, from a source or marked as our estimate.
 */
export const Duration = z.strictObject({
  months: z.tuple([z.number().positive(), z.number().positive()]).refine(([a, b]) => a <= b, "the first month figure must not exceed the second"),
  hours_per_week: z.number().positive().max(60),
  assumes: Text.describe("The starting point the range assumes, e.g. 'working software engineer, Python already'"),
  kind: z.enum(["estimate", "sourced"]),
  source: Source.optional(),
});
export type Duration = z.infer<typeof Duration>;

export const Transition = z.strictObject({
  from: RoleId,
  to: RoleId,
  summary: Sentence,
  carry_over: z.array(Text).min(1).describe("What you already have"),
  gaps: z.array(Text).min(1).describe("What to learn"),
  steps: z.array(Text).min(2).describe("Ordered steps"),
  project: Text.describe("A portfolio project that proves the switch"),
  resources: z.array(Slug).default([]),
  duration: Duration.describe("How long it takes, with the assumption stated"),
  sources: z.array(Source).default([]),
});
export type Transition = z.infer<typeof Transition>;

export const LearningPath = z.strictObject({
  role: RoleId,
  summary: Sentence,
  steps: z
    .array(
      z.strictObject({
        title: Text,
        skills: z.array(Text).min(1),
        project: Text.optional(),
        resources: z.array(Slug).default([]),
      }),
    )
    .min(3),
  duration: Duration.describe("How long it takes, with the assumption stated"),
  sources: z.array(Source).default([]),
});
export type LearningPath = z.infer<typeof LearningPath>;

export const Resource = z.strictObject({
  id: Slug,
  title: Text,
  url: z.url(),
  kind: z.enum(["repository", "course", "book", "documentation", "guide", "video", "community"]),
  roles: z.array(RoleId).min(1),
  why: Sentence,
  for_whom: Sentence,
  free: z.boolean(),
});
export type Resource = z.infer<typeof Resource>;

export const GlossaryTerm = z.strictObject({
  id: Slug,
  term: Text.describe("Display name, e.g. 'Retrieval-augmented generation (RAG)'"),
  aliases: z.array(Text).default([]).describe("Other ways people write it; used to understand messages"),
  definition: Sentence,
  why_it_matters: Sentence.optional(),
  roles: z.array(RoleId).default([]),
  related: z.array(Slug).default([]),
  source: Source,
  /** Further sources for parts of the definition the main source does not cover. */
  further_sources: z.array(Source).default([]),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const DecisionFramework = z.strictObject({
  title: Text,
  intro: Text,
  steps: z.array(z.strictObject({ title: Text, points: z.array(Text).min(1) })).length(4),
  sources: z.array(Source).default([]),
});
export type DecisionFramework = z.infer<typeof DecisionFramework>;

export const JobSearchTopicId = z.enum(["resume", "portfolio", "interviews", "networking", "certifications"]);
export type JobSearchTopicId = z.infer<typeof JobSearchTopicId>;

export const JobSearch = z.strictObject({
  intro: Sentence,
  topics: z
    .array(
      z.strictObject({
        id: JobSearchTopicId,
        title: Text,
        points: z.array(Sentence).min(1),
        by_role: z.partialRecord(RoleId, z.array(Sentence).min(1)).default({}),
        sources: z.array(Source).default([]),
      }),
    )
    .min(5),
});
export type JobSearch = z.infer<typeof JobSearch>;

/** Training phrases and synonyms for understanding messages: data, not code. */
export const Lexicon = z.strictObject({
  roles: z.record(RoleId, z.array(Phrase).min(1)),
  aspects: z.record(AspectId, z.array(Phrase).min(1)),
  /** Words that show a message is about careers in this field (the "needs a subject" gate). */
  domain: z.array(Phrase).min(1),
  /** Job-search sub-topics, so the reply can open the right section. */
  job_search: z.partialRecord(JobSearchTopicId, z.array(Phrase).min(1)).default({}),
  /**
   * Work people describe instead of naming a role ("i do frontend react stuff", "want to get into llm apps"):
   * read as the origin or the destination of a move, never as the role a question is about.
   */
  work: z.partialRecord(RoleId, z.array(Phrase).min(1)).default({}),
  /** Words that mark a change of career; without one, "how do I become X" is a learning path, not a transition. */
  transition_cues: z.array(Phrase).min(1),
  /** Phrases without which a message is not asking which role fits (e.g. "which role", "should I be", "suits me"). */
  fit_cues: z.array(Phrase).min(1),
  /** Phrases without which a message is not about finding a job (besides the job_search topics). */
  job_cues: z.array(Phrase).min(1),
  /** Worries about a field's future ("is X dying", "a fad", "still relevant"): with a role named, they ask its demand. */
  outlook_cues: z.array(Phrase).default([]),
  /** Phrases without which a message is not asking for the quiz ("give me the code" is not "give me the quiz"). */
  quiz_cues: z.array(Phrase).min(1),
  /** Words in "which role fits me?" messages that say nothing about the work a person enjoys. */
  fit_filler: z.array(Phrase).min(1),
  /** Chat short forms and the word the knowledge base writes ("stats" → "statistics"), for matching descriptions. */
  short_forms: z.record(z.string(), Phrase).default({}),
  /** Short follow-ups that lean on the previous answer: "tell me more", "what about …", "compare them". */
  followups: z.strictObject({
    more: z.array(Phrase).min(1),
    about: z.array(Phrase).min(1),
    them: z.array(Phrase).min(1),
  }),
});
export type Lexicon = z.infer<typeof Lexicon>;

export const IntentExamples = z.strictObject({
  /** Example messages per intent (role.aspect also learns from `aspects`). */
  intents: z.partialRecord(IntentId, z.array(Text).min(3)),
  /** Example questions about one aspect of a role: they teach both the intent role.aspect and the aspect. */
  aspects: z.record(AspectId, z.array(Text).min(3)),
});
export type IntentExamples = z.infer<typeof IntentExamples>;

// ---- The self-assessment quiz ----

const Weights = z.partialRecord(RoleId, z.number().min(0).max(3)).refine((w) => Object.keys(w).length > 0, "needs at least one role weight");

export const QuizOption = z.strictObject({
  label: Text.max(75, "must fit a button (75 characters)"),
  /** Short phrase for "because you said …". */
  quote: Text,
  weights: Weights,
});
export type QuizOption = z.infer<typeof QuizOption>;

export const QuizItem = z.discriminatedUnion("type", [
  z.strictObject({ id: Slug, type: z.literal("rating"), text: Text, quote: Text, weights: Weights }),
  z.strictObject({ id: Slug, type: z.literal("choice"), text: Text, options: z.array(QuizOption).min(2).max(5) }),
]);
export type QuizItem = z.infer<typeof QuizItem>;

const QuizOutcome = z.strictObject({ label: Text, summary: Text });

/** A background the person can name; `skip` lists the path steps (by title) they already have, per target role. */
const QuizBackground = z.strictObject({
  id: Slug,
  label: Text.max(75),
  role: RoleId.optional(),
  skip: z.partialRecord(RoleId, z.array(Text).min(1)).default({}),
  /** Said instead of a transition when the person already does the target role's work. */
  note: z.partialRecord(RoleId, Text).default({}),
});

export const QuizFile = z.strictObject({
  title: Text,
  intro: Text,
  disclaimer: Text,
  /** Asked above every rating item: the item itself is a short activity phrase. */
  stem: Text,
  scale: z.array(z.strictObject({ label: Text.max(75), value: z.number().min(0).max(1) })).length(5),
  items: z.array(QuizItem).min(10).max(20),
  tiebreakers: z.array(QuizItem).max(3),
  /** When an adjacent role is named "also strong"; kb:check also checks the bank can meet it. */
  also_strong: z.strictObject({
    min_score: z.number().min(0).max(100),
    within: z.number().min(0).max(100),
    min_evidence: z.number().int().min(1),
    min_items: z.number().int().min(1),
    rule: Text,
  }),
  /** Longest item phrase, scenario stem and option label, in words. */
  max_words: z.number().int().min(3).max(30),
  background: z.strictObject({
    text: Text,
    options: z.array(QuizBackground).min(2).max(10),
  }),
  outcomes: z.strictObject({
    "ml-engineer": QuizOutcome,
    "ai-engineer": QuizOutcome,
    hybrid: QuizOutcome,
    undecided: QuizOutcome.extend({ help: z.array(Text).min(2) }),
  }),
});
export type Quiz = z.infer<typeof QuizFile>;

// ---- File shapes: one schema per file (or folder) under knowledge/ ----

export const RoleFile = Role;
export const ComparisonsFile = z.strictObject({ comparisons: z.array(Comparison).min(1) });
export const TransitionsFile = z.strictObject({ transitions: z.array(Transition).min(1) });
export const PathsFile = z.strictObject({ paths: z.array(LearningPath).min(1) });
export const ResourcesFile = z.strictObject({ resources: z.array(Resource).min(1) });
export const GlossaryFile = z.strictObject({ terms: z.array(GlossaryTerm).min(1) });
export const DecisionFile = DecisionFramework;
export const JobSearchFile = JobSearch;
export const LexiconFile = Lexicon;
export const IntentsFile = IntentExamples;

/** Where each kind of knowledge lives, relative to knowledge/. */
export const KNOWLEDGE_FILES = {
  comparisons: { path: "comparisons.yaml", schema: ComparisonsFile },
  transitions: { path: "transitions.yaml", schema: TransitionsFile },
  paths: { path: "paths.yaml", schema: PathsFile },
  resources: { path: "resources.yaml", schema: ResourcesFile },
  glossary: { path: "glossary.yaml", schema: GlossaryFile },
  decision: { path: "decision.yaml", schema: DecisionFile },
  jobSearch: { path: "job-search.yaml", schema: JobSearchFile },
  lexicon: { path: "understanding/lexicon.yaml", schema: LexiconFile },
  intents: { path: "understanding/intents.yaml", schema: IntentsFile },
  quiz: { path: "quiz.yaml", schema: QuizFile },
} as const;
export const ROLES_DIR = "roles";
