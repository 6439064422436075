// Zod schemas for the topic files that sit beside the role pages: the outlook
// for a role ("will AI replace ML engineers?"), opinionated tool choices
// ("PyTorch or TensorFlow?") and starting points outside tech ("I'm a teacher").
// Kept apart from schema.ts so they can grow without touching the core shapes.
import { z } from "zod";
import { Duration, RoleId, Slug, Source } from "./schema.ts";

const Text = z.string().trim().min(1, "must not be empty");
/** A name or phrase matched as a pattern in messages: bounded, since an overlong one breaks the pattern. */
const Phrase = Text.max(100, "is too long for a name or phrase (at most 100 characters)");

/** A statement of fact: it always names where it comes from and the date of the data. */
export const Fact = z.strictObject({
  text: Text.describe("The fact in our own words, e.g. 'BLS projects 34% growth for data scientists, 2024-34'"),
  source: Source.extend({ as_of: Text.describe("Date of the data; required for facts") }),
});
export type Fact = z.infer<typeof Fact>;

/** An opinion is labelled as one and says why. */
export const Opinion = z.strictObject({
  view: Text.describe("The view in one or two sentences"),
  why: z.array(Text).min(1).describe("The reasons behind it"),
});
export type Opinion = z.infer<typeof Opinion>;

/** The outlook for one role: the worry people voice, a direct balanced answer, facts, then our opinion. */
export const Outlook = z.strictObject({
  role: RoleId,
  questions: z.array(Text).min(1).describe("The worries this answers, e.g. 'Will AI replace ML engineers?'"),
  answer: Text.describe("The direct answer first, in one or two sentences"),
  facts: z.array(Fact).min(2),
  opinion: Opinion,
});
export type Outlook = z.infer<typeof Outlook>;

export const ProjectStatus = z.enum(["active", "maintenance", "archived"]);

/** One option in a tool choice: the names people write for it, and whether it is still developed. */
export const ToolOption = z.strictObject({
  name: Phrase,
  aliases: z.array(Phrase).default([]).describe("Other ways people write it, matched as whole words"),
  status: ProjectStatus.default("active"),
  /** Required when the project is not active: what happened and what to use instead. */
  status_note: Text.optional(),
  status_source: Fact.shape.source.optional(),
});
export type ToolOption = z.infer<typeof ToolOption>;

/** "PyTorch or TensorFlow?": a short labelled opinion with its reasons, and the facts behind it. */
export const ToolChoice = z
  .strictObject({
    id: Slug,
    question: Text.describe("The question as a heading, e.g. 'PyTorch or TensorFlow?'"),
    /** Words that name the topic without naming an option ("which cloud", "vector database"). */
    phrases: z.array(Phrase).default([]),
    options: z.array(ToolOption).min(1),
    opinion: Opinion,
    facts: z.array(Fact).default([]),
    roles: z.array(RoleId).min(1),
  })
  .superRefine((c, ctx) => {
    c.options.forEach((o, i) => {
      if (o.status !== "active" && !(o.status_note && o.status_source)) {
        ctx.addIssue({ code: "custom", path: ["options", i, "status_note"], message: `'${o.name}' is ${o.status}: say what to use instead (status_note) and where that is stated (status_source)` });
      }
    });
  });
export type ToolChoice = z.infer<typeof ToolChoice>;

export const ToolChoicesFile = z.strictObject({
  /** Words that mark a message as asking to choose ("or", "vs", "should I", "which", "worth"). */
  cues: z.array(Phrase).min(1),
  /** Words that ask for learning material ("course", "tutorial"): such a message is for resources, not a choice. */
  material: z.array(Phrase).default([]),
  choices: z.array(ToolChoice).min(1),
});
export type ToolChoices = z.infer<typeof ToolChoicesFile>;

/** A background outside the taxonomy's roles, with its own route into ML or AI engineering. */
export const StartingPoint = z.strictObject({
  id: Slug.describe("Stable id; a person's profile refers to it (src/core/profile.ts Background.startingPoint)"),
  label: Text.max(80).describe("How the mentor names it, e.g. 'QA tester'"),
  /** Ways people describe themselves; matched as whole words. */
  phrases: z.array(Phrase).min(2),
  /** The nearest taxonomy role, or null when none is close. */
  closest_role: RoleId.nullable(),
  summary: Text.describe("The honest one-paragraph picture"),
  carry_over: z.array(Text).min(1),
  gaps: z.array(Text).min(1),
  /** The route into each destination it covers, in order. */
  routes: z
    .array(
      z.strictObject({
        to: z.enum(["ml-engineer", "ai-engineer"]),
        steps: z.array(Text).min(3),
        project: Text,
        duration: Duration,
      }),
    )
    .min(1),
  facts: z.array(Fact).default([]),
  sources: z.array(Source).default([]),
});
export type StartingPoint = z.infer<typeof StartingPoint>;

export const OutlookFile = z.strictObject({ outlook: z.array(Outlook).min(1) });
export const StartingPointsFile = z.strictObject({ starting_points: z.array(StartingPoint).min(1) });

/** Where each topic file lives, relative to knowledge/. */
export const TOPIC_FILES = {
  outlook: { path: "outlook.yaml", schema: OutlookFile },
  toolChoices: { path: "tool-choices.yaml", schema: ToolChoicesFile },
  startingPoints: { path: "starting-points.yaml", schema: StartingPointsFile },
} as const;

export interface Topics {
  outlook: Outlook[];
  toolChoices: ToolChoices;
  startingPoints: StartingPoint[];
}
