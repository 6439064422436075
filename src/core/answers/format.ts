// Shared wording: role names, figures with their source and date, source lines.
import type { Figure, RoleId, Source, AspectId } from "../../knowledge/schema.ts";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";

export const ASPECT_LABELS: Record<AspectId, string> = {
  focus: "Focus",
  responsibilities: "Responsibilities",
  skills: "Skills",
  education: "Education",
  tools: "Tools",
  applications: "Applications",
  salary: "Salary",
  demand: "Demand",
};

export const shortName = (kb: KnowledgeBase, id: RoleId) => kb.role(id).short;

/** "A, B and C" (or "A, B or C"). */
export function listNames(names: string[], conjunction: "and" | "or" = "and"): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1]}`;
}

/** "$112,590: Median annual pay, data scientists (US; BLS, May 2024)". Article claims say so. */
export function formatFigure(f: Figure): string {
  const claim = f.kind === "article-claim" ? "claimed by " : "";
  const date = f.source.as_of.replace(/\s*\(article claim\)\s*/i, "");
  return `${f.value}: ${f.label} (${f.region}; ${claim}${f.source.name}, ${date})${f.note ? `. ${f.note}` : ""}`;
}

/** A figure without its note, for first views: value, label, region, source and date stay. */
export const compactFigure = (f: Figure): string => formatFigure({ ...f, note: undefined });

/**
 * One line naming where the text came from. All of them by default: first views
 * shorten the line themselves (views.ts) and the Sources view lists it in full.
 */
export function sourcesLine(sources: Source[], max = Infinity): string | undefined {
  const names = [...new Set(sources.map((s) => {
    const date = s.as_of?.replace(/\s*\(article claim\)\s*/i, "");
    return date ? `${s.name} (${date})` : s.name;
  }))];
  if (names.length === 0) return undefined;
  return `Sources: ${names.slice(0, max).join("; ")}${names.length > max ? `; and ${names.length - max} more` : ""}`;
}

/** The role people most often weigh against this one. */
export function counterpart(id: RoleId): RoleId {
  switch (id) {
    case "ml-engineer": return "ai-engineer";
    case "ai-engineer": return "ml-engineer";
    case "mlops-engineer": return "ml-engineer";
    case "data-analyst": return "data-scientist";
    case "data-engineer": return "data-scientist";
    case "software-engineer": return "ai-engineer";
    default: return "ml-engineer";
  }
}

export const SALARY_ELSEWHERE =
  "These figures are for the United States; pay differs a lot by country and city. For the UK, Germany, India or Canada, choose Pay in other countries or tell me where you are.";

/** "a" or "an" before a role name: "an ML engineer", "an AI engineer", "a data scientist". */
export function withArticle(name: string): string {
  const first = name.split(/\s/)[0] ?? "";
  // Acronyms are read letter by letter: M is "em", so "an ML engineer".
  const vowelSound = /^[A-Z]{2,}/.test(first) ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/i.test(first);
  return `${vowelSound ? "an" : "a"} ${name}`;
}
