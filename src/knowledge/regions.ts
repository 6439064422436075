// Loads and cross-checks knowledge/regions.yaml with the same reader as the
// rest of knowledge/, so its problems are reported with file and path.
import { HOME_REGION, PAY_ROLES, REGIONS_FILE, RegionsFile, type Region, type RegionFigure, type Regions } from "./regions-schema.ts";
import type { ReadFile } from "./topics.ts";

type Problem = { file: string; path: string; message: string };

/** The sign a figure of each currency must show, so no figure reads as dollars by mistake. */
export const CURRENCY_SIGNS: Record<string, string> = { GBP: "£", EUR: "€", INR: "₹", CAD: "C$", USD: "$" };

export function readRegions(read: ReadFile): Regions | undefined {
  return read(REGIONS_FILE, RegionsFile);
}

/** Every pay figure in regions.yaml with the path it sits at, for checks that look at all figures (e.g. stale data). */
export function regionalFigures(regions: Region[]): { file: string; path: string; figure: RegionFigure }[] {
  return regions.flatMap((r, i) => r.pay.map((figure, j) => ({ file: REGIONS_FILE, path: `regions.${i}.pay.${j}`, figure })));
}

/**
 * Unique ids and places, the home region present, figures written in their
 * region's currency with a number in them, and every main role covered by a
 * figure or a stated gap in every other region; no figure resting on a source
 * marked weak. (Figures older than two years are warnings: source-check.ts.)
 */
export function checkRegions({ regions }: { regions: Region[] }, at: (file: string) => string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ file: at(REGIONS_FILE), path, message });
  const ids = new Set<string>();
  const places = new Map<string, string>();
  regions.forEach((r, i) => {
    if (ids.has(r.id)) add(`regions.${i}.id`, `region '${r.id}' appears twice`);
    ids.add(r.id);
    r.places.forEach((p, j) => {
      const key = p.toLowerCase();
      const owner = places.get(key);
      if (owner && owner !== r.id) add(`regions.${i}.places.${j}`, `place '${p}' already names region '${owner}'`);
      places.set(key, r.id);
    });
    const sign = CURRENCY_SIGNS[r.currency];
    r.pay.forEach((f, j) => {
      if (!/\d/.test(f.value)) add(`regions.${i}.pay.${j}.value`, `'${f.value}' has no number in it`);
      if (sign && !f.value.includes(sign)) add(`regions.${i}.pay.${j}.value`, `'${f.value}' does not show the region's currency (${r.currency}, written ${sign})`);
      if (!sign) add(`regions.${i}.currency`, `no currency sign known for ${r.currency}: add it to CURRENCY_SIGNS`);
      if (f.source.quality === "weak")
        add(`regions.${i}.pay.${j}.source`, `the figure '${f.value}' rests on a source marked weak ('${f.source.name}'): cite the primary or a reputable source, or drop the figure`);
    });
    if (r.id === HOME_REGION) return;
    for (const role of PAY_ROLES) {
      const covered = r.pay.some((f) => f.roles.includes(role)) || r.gaps.some((g) => g.roles.includes(role));
      if (!covered) add(`regions.${i}`, `'${role}' has neither a pay figure nor a stated gap for ${r.name}`);
    }
  });
  if (!ids.has(HOME_REGION)) add("regions", `missing the home region '${HOME_REGION}'`);
  return problems;
}
