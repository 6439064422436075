// Checks that span files: every id that one file names exists in another,
// and the taxonomy's required coverage is there.
import { join } from "node:path";
import { displayPath } from "./display-path.ts";
import { ROLE_IDS, ASPECT_IDS, type RoleId } from "./schema.ts";
import type { KnowledgeParts } from "./knowledge-base.ts";
import type { KnowledgeProblem } from "./load.ts";
import { sourceProblems } from "./source-check.ts";
import { checkQuizRules } from "./quiz-rules.ts";

/**
 * A figure written in text: money ("$112,590", "£45k", "€60,000"), a percentage
 * ("35%", "7 percent"), a rank ("#2"), a count with thousands separators
 * ("639,000") or a decimal ("3.7 years"; version numbers such as "Python 3.12"
 * are not). Years and small counts ("3 steps") are not figures.
 */
const FIGURES_IN_PROSE = /[$£€₹]\s?\d[\d,.]*\s?[kKmM]?|\d[\d,.]*\s?(?:%|percent\b)|#\d+\b|\b\d{1,3}(?:,\d{3})+\b|(?<!(?:[Pp]ython|[Vv]ersion|v|Node|Java|PyTorch|TensorFlow|Keras)\s?)\b\d+\.\d+(?![.\d])\b/g;
const FIGURE_IN_PROSE = new RegExp(FIGURES_IN_PROSE.source);

/** Glossary ids the taxonomy requires (../shared/design/taxonomy.md). */
export const REQUIRED_TERMS = [
  "mlops", "llm", "rag", "fine-tuning", "agent", "embedding", "vector-database", "feature-engineering",
  "feature-store", "model-drift", "hyperparameter-tuning", "model-compression", "ab-testing",
  "diffusion-model", "rlhf", "prompt-engineering", "transformer", "evals", "imbalanced-data",
  "reinforcement-learning",
] as const;

/** Transitions the product promises to cover. */
export const REQUIRED_TRANSITIONS: ReadonlyArray<[RoleId, RoleId]> = [
  ["ml-engineer", "ai-engineer"], ["ai-engineer", "ml-engineer"], ["software-engineer", "ai-engineer"],
  ["software-engineer", "ml-engineer"], ["data-scientist", "ml-engineer"], ["data-scientist", "ai-engineer"],
  ["data-analyst", "data-scientist"], ["data-analyst", "ml-engineer"],
];

const CORE_ROLES: RoleId[] = ["ml-engineer", "ai-engineer"];

export function crossCheck(kb: KnowledgeParts, dir: string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const at = (file: string, path: string, message: string) => problems.push({ file: displayPath(join(dir, file)), path, message });

  for (const id of ROLE_IDS) {
    const role = kb.roles.get(id);
    const file = `roles/${id}.yaml`;
    if (!role) { at(file, "", `role '${id}' from the taxonomy has no file`); continue; }
    const needed = CORE_ROLES.includes(id) ? ASPECT_IDS
      : role.kind === "destination" ? (["focus", "skills", "education", "tools"] as const) : (["focus", "skills", "education"] as const);
    for (const aspect of needed) if (!role.aspects[aspect]) at(file, `aspects.${aspect}`, `missing; '${id}' needs it`);
    if (CORE_ROLES.includes(id)) {
      if (!role.interview) at(file, "interview", "missing; the core roles need their interview loop");
      if (!role.aspects.responsibilities?.groups.some((g) => /typical day/i.test(g.title)))
        at(file, "aspects.responsibilities.groups", "needs a group titled 'A typical day'");
    }
  }

  // No figure in prose that is not backed by a sourced figure of the same section;
  // prose with no figures of its own (overviews, interview loops, comparisons,
  // transitions, paths) may not carry figures at all.
  const unsourced = (file: string, path: string, texts: string[]) => {
    for (const text of texts) {
      const m = FIGURE_IN_PROSE.exec(text);
      if (m) at(file, path, `the figure '${m[0]}' has no source: put it in a section's figures with source and date`);
    }
  };
  for (const [id, role] of kb.roles) {
    unsourced(`roles/${id}.yaml`, "summary", [role.summary]);
    unsourced(`roles/${id}.yaml`, "overview", [role.overview]);
    if (role.interview) unsourced(`roles/${id}.yaml`, "interview", [role.interview.summary, ...role.interview.stages.flatMap((s) => [s.name, s.what]), ...role.interview.tips]);
    role.related.forEach((r, i) => unsourced(`roles/${id}.yaml`, `related.${i}`, [r.how]));
  }
  kb.comparisons.forEach((c, i) => unsourced("comparisons.yaml", `comparisons.${i}`, [c.headline, ...c.table.flatMap((r) => Object.values(r.values) as string[]), ...c.shared, ...(Object.values(c.choose) as string[])]));
  kb.transitions.forEach((t, i) => unsourced("transitions.yaml", `transitions.${i}`, [t.summary, ...t.carry_over, ...t.gaps, ...t.steps, t.project]));
  kb.paths.forEach((p, i) => unsourced("paths.yaml", `paths.${i}`, [p.summary, ...p.steps.flatMap((s) => [s.title, ...s.skills, s.project ?? ""])]));
  kb.glossary.forEach((t, i) => unsourced("glossary.yaml", `terms.${i}`, [t.definition, t.why_it_matters ?? ""]));
  kb.resources.forEach((r, i) => unsourced("resources.yaml", `resources.${i}`, [r.title, r.why, r.for_whom]));
  unsourced("job-search.yaml", "intro", [kb.jobSearch.intro]);
  kb.jobSearch.topics.forEach((t, i) => unsourced("job-search.yaml", `topics.${i}`, [...t.points, ...(Object.values(t.by_role).flat() as string[])]));
  unsourced("decision.yaml", "", [kb.decision.intro, ...kb.decision.steps.flatMap((s) => s.points)]);
  for (const [id, role] of kb.roles) {
    for (const [aspect, section] of Object.entries(role.aspects)) {
      if (!section) continue;
      const backed = section.figures.map((f) => f.value).join(" ");
      const prose = [section.summary, ...section.points, ...section.groups.flatMap((g) => g.points)];
      prose.forEach((text) => {
        for (const m of text.matchAll(FIGURES_IN_PROSE)) {
          const digits = m[0].replace(/[^\d]/g, "");
          if (!backed.replace(/[^\d ]/g, "").split(" ").some((v) => v.includes(digits)))
            at(`roles/${id}.yaml`, `aspects.${aspect}`, `the figure '${m[0]}' in the text has no sourced entry under figures`);
        }
      });
    }
  }

  const resourceIds = new Set<string>();
  kb.resources.forEach((r, i) => {
    if (resourceIds.has(r.id)) at("resources.yaml", `resources.${i}.id`, `duplicate id '${r.id}'`);
    resourceIds.add(r.id);
  });
  const checkResources = (file: string, path: string, ids: string[]) =>
    ids.forEach((id, i) => { if (!resourceIds.has(id)) at(file, `${path}.${i}`, `unknown resource id '${id}'`); });

  const seenTransitions = new Set<string>();
  kb.transitions.forEach((t, i) => {
    const key = `${t.from}>${t.to}`;
    if (t.from === t.to) at("transitions.yaml", `transitions.${i}`, "from and to are the same role");
    if (seenTransitions.has(key)) at("transitions.yaml", `transitions.${i}`, `duplicate transition ${key}`);
    seenTransitions.add(key);
    checkResources("transitions.yaml", `transitions.${i}.resources`, t.resources);
  });
  for (const [from, to] of REQUIRED_TRANSITIONS)
    if (!seenTransitions.has(`${from}>${to}`)) at("transitions.yaml", "transitions", `missing transition ${from} -> ${to}`);

  const pathRoles = new Set<string>();
  kb.paths.forEach((p, i) => {
    if (pathRoles.has(p.role)) at("paths.yaml", `paths.${i}.role`, `duplicate path for '${p.role}'`);
    pathRoles.add(p.role);
    p.steps.forEach((s, j) => checkResources("paths.yaml", `paths.${i}.steps.${j}.resources`, s.resources));
  });
  for (const [id, role] of kb.roles)
    if (role.kind === "destination" && !pathRoles.has(id)) at("paths.yaml", "paths", `missing learning path for '${id}'`);

  const seenPairs = new Set<string>();
  kb.comparisons.forEach((c, i) => {
    const key = [...c.roles].sort().join("|");
    if (new Set(c.roles).size !== c.roles.length) at("comparisons.yaml", `comparisons.${i}.roles`, "a role is listed twice");
    if (seenPairs.has(key)) at("comparisons.yaml", `comparisons.${i}.roles`, `duplicate comparison ${key}`);
    seenPairs.add(key);
    c.table.forEach((row, j) => {
      for (const r of Object.keys(row.values))
        if (!c.roles.includes(r as RoleId)) at("comparisons.yaml", `comparisons.${i}.table.${j}.values.${r}`, `role '${r}' is not one of this comparison's roles`);
    });
  });
  if (!seenPairs.has("ai-engineer|ml-engineer")) at("comparisons.yaml", "comparisons", "missing the ml-engineer vs ai-engineer comparison");

  const termIds = new Set<string>();
  const aliasOwner = new Map<string, string>();
  kb.glossary.forEach((t, i) => {
    if (termIds.has(t.id)) at("glossary.yaml", `terms.${i}.id`, `duplicate id '${t.id}'`);
    termIds.add(t.id);
    for (const alias of [t.term, ...t.aliases]) {
      const key = alias.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner && owner !== t.id) at("glossary.yaml", `terms.${i}.aliases`, `alias '${alias}' is also used by '${owner}'`);
      aliasOwner.set(key, t.id);
    }
  });
  kb.glossary.forEach((t, i) =>
    t.related.forEach((r, j) => { if (!termIds.has(r)) at("glossary.yaml", `terms.${i}.related.${j}`, `unknown term id '${r}'`); }));
  for (const id of REQUIRED_TERMS) if (!termIds.has(id)) at("glossary.yaml", "terms", `missing taxonomy term '${id}'`);
  for (const r of ROLE_IDS) if (!kb.resources.some((x) => x.roles.includes(r)) && kb.roles.get(r)?.kind === "destination")
    at("resources.yaml", "resources", `no resource for destination role '${r}'`);
  checkQuiz(kb, at);
  sourceProblems(kb, at);
  checkQuizRules(kb, at);
  return problems;
}

/** Items measure interest without cues: no role names in the text, and ML and AI engineer can reach the same maximum. */
function checkQuiz(kb: KnowledgeParts, at: (file: string, path: string, message: string) => void) {
  const names = [...kb.roles.values()].flatMap((r) => [r.name, r.short, ...(kb.lexicon.roles[r.id] ?? [])]).filter((n) => n.length > 3 || /[a-z]{2,}/i.test(n));
  const cue = (text: string) => names.find((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}s?\\b`, "i").test(text));
  const ids = new Set<string>();
  const all = [...kb.quiz.items.map((i, n) => ({ i, path: `items.${n}` })), ...kb.quiz.tiebreakers.map((i, n) => ({ i, path: `tiebreakers.${n}` }))];
  for (const { i, path } of all) {
    if (ids.has(i.id)) at("quiz.yaml", `${path}.id`, `duplicate item id '${i.id}'`);
    ids.add(i.id);
    const texts = i.type === "rating" ? [i.text] : [i.text, ...i.options.map((o) => o.label)];
    for (const t of texts) {
      const hit = cue(t);
      if (hit) at("quiz.yaml", path, `names a role ('${hit}'): items must not cue a role`);
      if (/\$|salary|pay|prestig/i.test(t)) at("quiz.yaml", path, "mentions pay or prestige: items must not");
    }
  }
  const max = (role: RoleId) => kb.quiz.items.reduce((sum, i) => sum + (i.type === "rating" ? (i.weights[role] ?? 0) : Math.max(...i.options.map((o) => o.weights[role] ?? 0))), 0);
  const mle = max("ml-engineer");
  const aie = max("ai-engineer");
  if (Math.abs(mle - aie) > 1e-9) at("quiz.yaml", "items", `ML engineer can reach ${mle} points but AI engineer ${aie}: keep them balanced`);
}
