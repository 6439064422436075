// Job titles that are not role aliases (knowledge/titles.yaml): each maps to
// the taxonomy roles whose work it usually is, with a reason and a source.
import { z } from "zod";
import { RoleId, Slug, Source } from "./schema.ts";

const Text = z.string().trim().min(1, "must not be empty");

export const JobTitle = z.strictObject({
  id: Slug,
  title: Text.describe("The title as postings write it, e.g. 'Forward Deployed Engineer'"),
  aliases: z.array(Text).default([]).describe("Other spellings people use; matched like the title"),
  roles: z.array(RoleId).min(1).describe("Closest taxonomy roles, closest first"),
  explanation: Text.describe("Why, in a sentence or two"),
  source: Source.extend({ url: z.url(), as_of: Text.describe("Date of the page, or when it was read") }),
});
export type JobTitle = z.infer<typeof JobTitle>;

export const TitlesFile = z
  .strictObject({ titles: z.array(JobTitle).min(30, "needs at least 30 titles") })
  .superRefine((file, ctx) => {
    const seen = new Map<string, string>();
    file.titles.forEach((t, i) => {
      if (new Set(t.roles).size !== t.roles.length) ctx.addIssue({ code: "custom", path: ["titles", i, "roles"], message: "lists a role twice" });
      for (const phrase of [t.title, ...t.aliases]) {
        const key = phrase.toLowerCase();
        const other = seen.get(key);
        if (other && other !== t.id) ctx.addIssue({ code: "custom", path: ["titles", i], message: `'${phrase}' is also a name of '${other}'` });
        seen.set(key, t.id);
      }
      if (file.titles.findIndex((u) => u.id === t.id) !== i) ctx.addIssue({ code: "custom", path: ["titles", i, "id"], message: `duplicate id '${t.id}'` });
    });
  });
export type TitlesFile = z.infer<typeof TitlesFile>;

export const TITLES_FILE = { path: "titles.yaml", schema: TitlesFile } as const;
