// The item bank's own rules (knowledge/quiz.yaml), checked by kb:check next to
// the cross-file checks: short single-activity items, ML and AI engineer equal
// at the top, every adjacent role measured by enough items that one answer
// cannot carry it to "also strong", background skips naming real path steps.
import { type QuizItem, type RoleId } from "./schema.ts";
import type { KnowledgeParts } from "./knowledge-base.ts";

type At = (file: string, path: string, message: string) => void;

/** Roles the quiz can name "also strong" (the outcome itself is on the ML ⇄ AI engineer axis). */
export const ADJACENT_ROLES: RoleId[] = ["data-scientist", "mlops-engineer", "data-engineer", "research-scientist"];
/** An item measures a role when it can give it at least this much; scoring counts evidence the same way. */
export const EVIDENCE_WEIGHT = 1;
/** "and" or "or" joining two verbs ("build and explain") is the usual sign of a double-barrelled item. */
const TWO_ACTIVITIES = /\b(?:and|or)\s+(?:then\s+)?(?:build|design|explain|write|set|run|deploy|tune|train|read|test|ship|improve|create|make|connect|refine|check|monitor)\w*\b/i;
/** Cues that make one option more attractive than another. */
const CUES = /\b(?:thousands|millions|famous|prestigious|top|best|elite|fast(?:er|est)?|within (?:days|hours)|quick(?:ly)?|high[- ]paid|well[- ]paid|salary|pay|bonus)\b/i;

/** A capitalised word after the first, or an inner capital (PyTorch, MLflow): a product or brand, not an activity. */
const brandIn = (t: string) => t.split(/\s+/).find((w, i, all) => i > 0 && !/[.!?:]$/.test(all[i - 1]!) && /^[A-Z]/.test(w) && w !== "I" && !/^I'/.test(w)) ?? t.split(/\s+/).find((w) => /^[A-Za-z]+[A-Z]/.test(w.replace(/[^A-Za-z]/g, "")) && !/^[A-Z]+$/.test(w.replace(/[^A-Za-z]/g, "")));

const wordCount = (t: string) => t.trim().split(/\s+/).filter(Boolean).length;

function itemMax(item: QuizItem): Partial<Record<RoleId, number>> {
  if (item.type === "rating") return item.weights;
  const out: Partial<Record<RoleId, number>> = {};
  for (const o of item.options) for (const [r, w] of Object.entries(o.weights) as [RoleId, number][]) out[r] = Math.max(out[r] ?? 0, w);
  return out;
}

export function checkQuizRules(kb: KnowledgeParts, at: At): void {
  const quiz = kb.quiz;
  const file = "quiz.yaml";
  const all = [...quiz.items.map((i, n) => ({ i, path: `items.${n}` })), ...quiz.tiebreakers.map((i, n) => ({ i, path: `tiebreakers.${n}` }))];
  for (const { i, path } of all) {
    const phrases = i.type === "rating" ? [{ t: i.text, p: `${path}.text` }] : [{ t: i.text, p: `${path}.text` }, ...i.options.map((o, k) => ({ t: o.label, p: `${path}.options.${k}.label` }))];
    for (const { t, p } of phrases) {
      if (wordCount(t) > quiz.max_words) at(file, p, `${wordCount(t)} words: items and options are short phrases (at most ${quiz.max_words})`);
      if (TWO_ACTIVITIES.test(t)) at(file, p, "joins two activities: one activity per item");
      if (CUES.test(t)) at(file, p, "carries a speed, reach or prestige cue: options must be equally attractive");
      const brand = brandIn(t);
      if (brand) at(file, p, `names a product or brand ('${brand}'): describe the activity instead`);
    }
  }
  // Balance in the tie-breakers too (the core items' balance and role names are checked in cross-check.ts).
  for (const [part, items] of [["tiebreakers", quiz.tiebreakers]] as const) {
    const max = (role: RoleId) => items.reduce((sum, i) => sum + (itemMax(i)[role] ?? 0), 0);
    if (Math.abs(max("ml-engineer") - max("ai-engineer")) > 1e-9) at(file, part, `ML engineer can reach ${max("ml-engineer")} points but AI engineer ${max("ai-engineer")}: keep them equal`);
  }
  // Evidence: enough items per adjacent role that the minimum-evidence rule can be met with one answer to spare.
  const rule = quiz.also_strong;
  if (rule.min_items <= rule.min_evidence) at(file, "also_strong.min_items", `must exceed min_evidence (${rule.min_evidence}), so one answer never decides`);
  for (const role of ADJACENT_ROLES) {
    const n = quiz.items.filter((i) => (itemMax(i)[role] ?? 0) >= EVIDENCE_WEIGHT).length;
    if (n < rule.min_items) at(file, "items", `'${role}' is measured by ${n} items (weight >= ${EVIDENCE_WEIGHT}); the also-strong rule needs at least ${rule.min_items}`);
  }
  // Background skips name real steps of the target's learning path.
  quiz.background.options.forEach((o, n) => {
    for (const [role, titles] of Object.entries(o.skip) as [RoleId, string[]][]) {
      const path = kb.paths.find((p) => p.role === role);
      if (!path) { at(file, `background.options.${n}.skip.${role}`, `no learning path for '${role}'`); continue; }
      for (const t of titles) if (!path.steps.some((s) => s.title === t)) at(file, `background.options.${n}.skip.${role}`, `'${t}' is not a step of the ${role} path (paths.yaml)`);
      if (titles.length >= path.steps.length) at(file, `background.options.${n}.skip.${role}`, "skips every step: leave at least one");
    }
  });
}
