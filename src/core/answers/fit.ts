// "Which role fits me?": roles ranked by how well the work a person describes
// matches each role's profile in the knowledge base (what it does, uses and
// needs; BM25 on stems), with the person's words that matched. A word counts as
// a reason for a role only when that role's profile uses it more than the
// average profile does: "statistics" is everywhere but most of all in data
// science, "pipelines" mostly in data and MLOps engineering. Role names are the
// options weighed, not a description, and words about a career's course
// ("change", "field", "years") are not about its work. When nothing the person
// wrote is characteristic of a role the answer says so and offers the quiz
// instead of naming a role from stray words.
import MiniSearch from "minisearch";
import { removeStopwords } from "stopword";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import type { StartingPoint } from "../../knowledge/topics-schema.ts";
import { stem, tokenize } from "../../understanding/text.ts";
import { PhraseMatcher } from "../../understanding/phrase-matcher.ts";
import { reply, type BlockInput, type Reply } from "../reply.ts";
import { choice, quizChoice } from "./choices.ts";
import { listNames } from "./format.ts";

export interface FitLean {
  role: RoleId;
  score: number;
  /** The person's words that are characteristic of this role's profile. */
  because: string[];
}

export interface FitResult {
  /** Roles by match, best first; a lean without reasons matched only on words every role shares. */
  leans: FitLean[];
  /** The person said something about themselves beyond "which role fits me". */
  described: boolean;
}

/** Words after "hate", "don't like", "not into" … up to "but" or punctuation describe what to avoid, not what fits. */
const NEGATED = /\b(?:hate|hates|dislike|dislikes|can'?t stand|don'?t (?:like|enjoy|want)|not (?:into|a fan of|interested in)|bored by|avoid)\b[^.,;!?]*?(?=\bbut\b|[.,;!?]|$)/gi;

/** How much more often than the average profile a role's profile must use a word for it to be a reason. */
const CHARACTERISTIC_RATE = 1.5;
/** A second role this close to the first is named beside it. */
const CLOSE_SHARE = 0.8;

const PROFILE_ASPECTS = ["focus", "responsibilities", "skills", "tools", "applications"] as const;

export function createFitSearch(kb: KnowledgeBase): (text: string) => FitResult {
  const docs = [...kb.roles.values()]
    .filter((r) => r.kind === "destination")
    .map((r) => ({
      id: r.id,
      text: [
        r.summary,
        r.overview,
        ...PROFILE_ASPECTS.flatMap((a) => {
          const s = r.aspects[a];
          return s ? [s.summary, ...s.points, ...s.groups.flatMap((g) => g.points)] : [];
        }),
      ].join(" "),
    }));
  const search = new MiniSearch<{ id: RoleId; text: string }>({
    fields: ["text"],
    tokenize: (t) => tokenize(t),
    processTerm: (t) => (t.length < 3 ? null : stem(t)),
  });
  search.addAll(docs);

  // How often each profile uses each stem, per word of the profile.
  const rate = new Map<RoleId, Map<string, number>>();
  for (const d of docs) {
    const stems = tokenize(d.text).map(stem);
    const counts = new Map<string, number>();
    for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1 / stems.length);
    rate.set(d.id, counts);
  }
  const averageRate = (s: string) => [...rate.values()].reduce((sum, m) => sum + (m.get(s) ?? 0), 0) / rate.size;
  const characteristic = (role: RoleId, s: string) => (rate.get(role)?.get(s) ?? 0) > CHARACTERISTIC_RATE * averageRate(s);

  const filler = new Set([...kb.lexicon.fit_filler, ...kb.lexicon.transition_cues].flatMap((w) => tokenize(w)).map(stem));
  const shortForms = new Map(Object.entries(kb.lexicon.short_forms).map(([k, v]) => [k.toLowerCase(), tokenize(v)]));
  const roleNames = new PhraseMatcher<true>();
  for (const phrases of Object.values(kb.lexicon.roles)) for (const p of phrases) roleNames.add(p, true);
  for (const r of kb.roles.values()) roleNames.add(r.name, true).add(r.short, true);

  return (text: string) => {
    const tokens = tokenize(text.replace(NEGATED, " "));
    const named = new Set<number>();
    for (const m of roleNames.find(tokens.map(stem))) for (let i = m.start; i < m.end; i++) named.add(i);
    // Only words about the work: no stop words, no "which role fits me" filler, no career-course words.
    const own = removeStopwords(tokens.filter((_, i) => !named.has(i)));
    // Each word as the profiles write it ("stats" → "statistics"), quoted as the person wrote it.
    const words = own.flatMap((said) => (shortForms.get(said) ?? [said]).map((w) => ({ said, w }))).filter(({ w }) => w.length >= 3 && !filler.has(stem(w)));
    if (words.length === 0) return { leans: [], described: false };
    const leans = search.search(words.map((x) => x.w).join(" "), { combineWith: "OR" }).map((hit) => ({
      role: hit.id as RoleId,
      score: hit.score,
      because: [...new Set(words.filter(({ w }) => hit.queryTerms.includes(stem(w)) && characteristic(hit.id as RoleId, stem(w))).map((x) => x.said))].slice(0, 4),
    }));
    return { leans, described: true };
  };
}

/**
 * Chat-sized: the direct answer first (the lean from the person's words, or for roles weighed
 * against each other, which to pick when), one line about the quiz; what each role is and the
 * full comparison are behind the choices.
 * @param named the roles the person weighs ("ML engineer or data scientist, which …"): with two
 *   or more, only they are ranked.
 */
export function fitAnswer(kb: KnowledgeBase, named: RoleId[], found: FitResult | FitLean[]): Reply {
  const { leans, described } = Array.isArray(found) ? { leans: found, described: found.length > 0 } : found;
  const options = named.length >= 2 ? named : [];
  const blocks: BlockInput[] = [{ type: "heading", text: options.length >= 2 ? `${listNames(options.map((r) => kb.role(r).short), "or")}?` : "Which role fits you?" }];
  const ranked = leans.filter((l) => l.because.length > 0 && (options.length === 0 || options.includes(l.role)));
  const [top, second] = ranked;
  let invited = false;
  if (top) {
    const close = second && second.score >= top.score * CLOSE_SHARE;
    blocks.push({
      type: "text",
      text: `From what you describe (${top.because.join(", ")}), a first lean is ${kb.role(top.role).short}` +
        (close ? `, with ${kb.role(second.role).short} close behind (${second.because.join(", ")}).` : "."),
    });
  }
  if (options.length >= 2) {
    const c = kb.comparison(options);
    const picks = options.filter((r) => c?.choose[r]).map((r) => `Pick ${kb.role(r).short} if ${c!.choose[r]}`);
    if (picks.length > 0) blocks.push(...(top ? [] : [{ type: "text" as const, text: "It comes down to the work you would rather do:" }]), { type: "list", items: picks });
    else if (!top) blocks.push({ type: "text", text: `${listNames(options.map((r) => kb.role(r).short))} overlap; the day-to-day is what differs (compare them below).` });
  } else if (!top && described) {
    // Something was said, but nothing in it is characteristic of one role: no lean from stray words.
    blocks.push({ type: "text", text: "That's not enough for me to lean one way yet: nothing you wrote is more typical of one role's work than another's. Tell me what work you enjoy (building data pipelines, training models, wiring LLMs into products …) or take the quiz." });
    invited = true;
  } else if (!top) {
    blocks.push({ type: "text", text: "Tell me what you enjoy (building data pipelines, training models, wiring LLMs into products …) or take the quiz." });
    invited = true;
  }
  blocks.push({ type: "text", text: invited ? QUIZ_LINE_SHORT : QUIZ_LINE });
  const leanRoles = [...new Set([...(top ? [top.role] : []), ...named])].slice(0, 2);
  const compare = options.length >= 2 ? [choice({ kind: "compare", roles: options.slice(0, 3) }, "Compare them")] : [];
  return reply(blocks, [
    quizChoice(),
    ...compare,
    ...leanRoles.map((r) => choice({ kind: "role", role: r }, `About ${kb.role(r).short}`)),
    choice({ kind: "decide" }, "How to decide"),
  ].slice(0, 4), { data: { kind: "fit" } });
}

const QUIZ_LINE = "Not sure yet? The quiz asks what work you enjoy and recommends a role, with reasons.";
const QUIZ_LINE_SHORT = "The quiz asks what work you enjoy and recommends a role, with reasons.";

/**
 * The person said where they come from ("im a backend dev"): the fit answer says how far each
 * role it weighs is from there, and the move from their background is one click away.
 */
export function withBackgroundRoutes(kb: KnowledgeBase, r: Reply, from: RoleId, weighed: RoleId[]): Reply {
  const routes = weighed.filter((to) => to !== from).map((to) => ({ to, t: kb.transition(from, to) })).filter((x) => x.t !== undefined);
  if (routes.length === 0) return r;
  const note = `Coming from ${kb.role(from).short.toLowerCase()}: ${routes.map(({ to, t }) => `to ${kb.role(to).short} about ${monthsOf(t!.duration.months)} months`).join("; ")} (${routes.every(({ t }) => t!.duration.kind === "estimate") ? "our estimates" : "see the steps"}).`;
  // After the lean and the options, before the closing line about the quiz.
  const blocks = [...r.blocks.slice(0, -1), { type: "text" as const, text: note }, ...r.blocks.slice(-1)];
  const moves = routes.map(({ to }) => choice({ kind: "transition", from, to }, `${kb.role(from).short} → ${kb.role(to).short}`));
  return reply(blocks as BlockInput[], [...r.choices.slice(0, 1), ...moves, ...r.choices.slice(1)].slice(0, 4), { visibility: r.visibility, data: r.data });
}

const monthsOf = ([low, high]: [number, number]) => (low === high ? `${low}` : `${low}–${high}`);

/**
 * The same line for a background that is no role ("high school teacher", "physics PhD"): how far
 * the roles weighed are from that starting point when the knowledge base has routes for it, each
 * route one click away; otherwise that the paths start from the basics, one click away too.
 */
export function withStartingPointRoutes(kb: KnowledgeBase, r: Reply, label: string, point: StartingPoint | undefined, weighed: RoleId[]): Reply {
  const routes = point ? weighed.map((to) => point.routes.find((x) => x.to === to)).filter((x): x is StartingPoint["routes"][number] => x !== undefined) : [];
  const note =
    routes.length > 0
      ? `Coming from ${label}: ${routes.map((x) => `to ${kb.role(x.to).short} about ${monthsOf(x.duration.months)} months`).join("; ")} (${routes.every((x) => x.duration.kind === "estimate") ? "our estimates" : "see the steps"}).`
      : `Coming from ${label}: I have no dedicated route from there, so the learning paths from the basics apply.`;
  const moves = point && routes.length > 0
    ? routes.map((x) => choice({ kind: "start", point: point.id, to: x.to }, `${point.label} → ${kb.role(x.to).short}`))
    : weighed.filter((to) => kb.path(to)).map((to) => choice({ kind: "path", role: to }, `Path to ${kb.role(to).short}`));
  const blocks = [...r.blocks.slice(0, -1), { type: "text" as const, text: note }, ...r.blocks.slice(-1)];
  return reply(blocks as BlockInput[], [...r.choices.slice(0, 1), ...moves, ...r.choices.slice(1)].slice(0, 4), { visibility: r.visibility, data: r.data });
}
