// Zod schema of knowledge/regions.yaml: pay outside the US, per country, for
// the main roles. Every figure names its currency, period, what it measures,
// the proxy occupation it is for, its source and the date of the data; a role
// a country has no readable source for is listed as a gap, never filled in.
import { z } from "zod";
import { RoleId, Slug, Source } from "./schema.ts";

const Text = z.string().trim().min(1, "must not be empty");
/** A name or phrase matched as a pattern in messages: bounded, since an overlong one breaks the pattern. */
const Phrase = Text.max(100, "is too long for a name or phrase (at most 100 characters)");

/** ISO 4217 code, e.g. GBP, EUR, INR, CAD, USD. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code such as GBP");

/** One pay figure for one or more roles in a region. */
export const RegionFigure = z.strictObject({
  roles: z.array(RoleId).min(1).describe("The roles this figure stands for"),
  value: Text.describe("The figure as shown, with its currency sign, e.g. '£49,430' or '₹8.2 lakh to ₹43 lakh'"),
  period: z.enum(["year", "month", "hour"]).describe("What the figure is per"),
  measure: Text.describe("What it is: median/average/range, base/total, gross, full-time, e.g. 'Median gross annual pay of full-time employees'"),
  proxy: Text.describe("The occupation or job title the source measures (no country has an ML or AI engineer occupation)"),
  kind: z.enum(["official", "survey"]),
  source: Source.extend({ url: z.url(), as_of: Text.describe("Date of the data; required for figures") }),
  note: Text.optional(),
});
export type RegionFigure = z.infer<typeof RegionFigure>;

/** Roles a region has no readable source for, and why: said in answers rather than filled in. */
export const RegionGap = z.strictObject({ roles: z.array(RoleId).min(1), why: Text });

export const Region = z.strictObject({
  id: Slug.describe("Stable id; a person's profile stores it (src/core/profile.ts region)"),
  name: Text.describe("e.g. 'Germany'"),
  adjective: Text.describe("e.g. 'German', used in headings"),
  currency: Currency,
  /** Country names, adjectives and cities that identify the region in a message; matched as whole words. */
  places: z.array(Phrase).min(1),
  pay: z.array(RegionFigure).default([]),
  gaps: z.array(RegionGap).default([]),
});
export type Region = z.infer<typeof Region>;
export type RegionId = Region["id"];

export const RegionsFile = z.strictObject({
  /** Words that, with a place, make a message that only says where someone is ("I'm in Berlin", "what about the uk?"). */
  filler: z.array(Text).min(1),
  regions: z.array(Region).min(1),
});
export type Regions = z.infer<typeof RegionsFile>;

export const REGIONS_FILE = "regions.yaml";
/** The region whose figures are each role's own salary aspect. */
export const HOME_REGION = "us";
/** The roles every region other than the home one must cover, with figures or a stated gap. */
export const PAY_ROLES = ["ml-engineer", "ai-engineer", "data-scientist", "data-engineer"] as const;
