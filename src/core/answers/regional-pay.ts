// Pay in one region for one or more roles: that region's figures first, each
// with its currency, period, what it measures, the proxy occupation and the
// source with its date; gaps said plainly; the US figures and the other
// regions one click away. Also the "which country?" picker and the reply to
// "I'm in Berlin".
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import { HOME_REGION, type Region, type RegionFigure } from "../../knowledge/regions-schema.ts";
import { onlyPlace, regionById } from "../../knowledge/region-match.ts";
import { reply, type BlockInput, type Choice, type Reply } from "../reply.ts";
import { decodeAction, type Action } from "../actions.ts";
import type { Frame } from "../../conversation/context.ts";
import type { Understanding } from "../../understanding/understand.ts";
import { choice } from "./choices.ts";
import { listNames, sourcesLine } from "./format.ts";

const PER: Record<RegionFigure["period"], string> = { year: "a year", month: "a month", hour: "an hour" };

/** The regions other than the US, in file order: the ones with figures of their own. */
export const otherRegions = (kb: KnowledgeBase): Region[] => kb.regions.filter((r) => r.id !== HOME_REGION);

/** "the United Kingdom", "Germany": the name as it reads after "in". */
const inName = (r: Region) => (/^United /.test(r.name) ? `the ${r.name}` : r.name);

/** A role's short name inside a sentence: "data scientist", but "ML engineer". */
const inSentence = (name: string) => (/^[A-Z]{2}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1));

/** "Pay in Germany" style label for a region: the short adjective for the UK and US, else the name. */
const placeLabel = (r: Region) => (r.adjective.length <= 3 ? r.adjective : r.name);

/** "€6,097 a month (EUR): Median gross …. Proxy: …. Official statistic; source (date). Note" */
function fullLine(f: RegionFigure, currency: string, who: string): string {
  const kind = f.kind === "official" ? "Official statistic" : "Salary survey";
  return `${who}${f.value} ${PER[f.period]} (${currency}): ${f.measure}. Proxy: ${f.proxy}. ${kind}; ${f.source.name} (${f.source.as_of})${f.note ? `. ${f.note}` : ""}`;
}

/** The chat-sized line: value, what it measures, the proxy and the source with its date stay; notes go. */
function briefLine(f: RegionFigure, currency: string, who: string): string {
  const proxy = f.proxy.split(" (")[0];
  const source = f.source.name.split(/, /)[0];
  return `${who}${f.value} ${PER[f.period]} (${currency}), ${f.measure.charAt(0).toLowerCase()}${f.measure.slice(1)}; proxy: ${proxy} (${source}, ${f.source.as_of})`;
}

/** The pay answer for `roles` in `regionId`; the US region is each role's own salary answer. */
export function regionalPay(kb: KnowledgeBase, asked: RoleId[], regionId: string): Reply {
  const roles = [...new Set(asked)];
  const region = regionById(kb, regionId);
  if (!region) return regionPicker(kb, roles);
  const names = roles.map((r) => kb.role(r).short);
  const figures = region.pay.filter((f) => f.roles.some((r) => roles.includes(r)));
  const many = roles.length > 1;
  const who = (f: RegionFigure) => (many ? `${listNames(f.roles.filter((r) => roles.includes(r)).map((r) => kb.role(r).short))}: ` : "");
  const blocks: BlockInput[] = [{ type: "heading", text: `${listNames(names)} pay in ${inName(region)}` }];
  const missing = roles.filter((r) => !figures.some((f) => f.roles.includes(r)));
  if (figures.length > 0) {
    blocks.push({ type: "text", text: `${region.adjective} figures, in ${region.currency}. No country's statistics have an ML or AI engineer occupation, so each figure names the occupation or job title it measures.` });
    blocks.push({ type: "list", title: "Figures", items: figures.map((f) => fullLine(f, region.currency, who(f))), brief: figures.map((f) => briefLine(f, region.currency, who(f))) });
  } else {
    blocks.push({ type: "text", text: `I have no ${region.adjective} pay figure for ${inSentence(listNames(names))} from a source I could check.` });
  }
  for (const role of missing) {
    const gap = region.gaps.find((g) => g.roles.includes(role));
    if (figures.length > 0 || gap) blocks.push({ type: "context", text: `No ${region.adjective} figure for ${inSentence(kb.role(role).short)}s${gap ? `: ${gap.why}` : "."}` });
  }
  const src = sourcesLine(figures.map((f) => f.source));
  if (src) blocks.push({ type: "context", text: src });
  const us: Choice = many
    ? choice({ kind: "compare", roles, aspect: "salary" }, "US figures")
    : choice({ kind: "role", role: roles[0]!, aspect: "salary" }, "US figures");
  return reply(blocks, [us, choice({ kind: "pay", roles }, "Other countries")]);
}

/** "Which country?": one choice per region with figures, for the roles asked about. */
export function regionPicker(kb: KnowledgeBase, roles: RoleId[]): Reply {
  const names = listNames(roles.map((r) => kb.role(r).short));
  const regions = otherRegions(kb);
  return reply(
    [
      { type: "heading", text: `${names} pay: which country?` },
      { type: "text", text: `I have figures for ${listNames(regions.map((r) => r.name))}, from national statistics or salary surveys. Pick one, or tell me where you are ("I'm in Berlin").` },
    ],
    regions.map((r) => choice({ kind: "pay", roles, region: r.id }, placeLabel(r))),
  );
}

/** The reply to a message that only says where the person is: remembered, and what it changes. */
export function regionNoted(kb: KnowledgeBase, regionId: string): Reply {
  const region = regionById(kb, regionId)!;
  const home = region.id === HOME_REGION;
  const roles: RoleId[] = ["ml-engineer", "ai-engineer", "data-scientist"];
  return reply(
    [{ type: "text", text: home ? `Noted: you're in ${inName(region)}. Salary answers show US figures.` : `Noted: you're in ${inName(region)}. Salary answers will lead with ${region.adjective} figures where I have them; the US ones stay a click away.` }],
    roles.map((role) => home
      ? choice({ kind: "role", role, aspect: "salary" }, `${kb.role(role).short} salary`)
      : choice({ kind: "pay", roles: [role], region: region.id }, `${kb.role(role).short} pay in ${placeLabel(region)}`)),
  );
}

/**
 * A US salary answer shown to someone whose region is known (they opened the
 * US figures from their own country's): that country's pay is the first choice,
 * "Pay in other countries" (the picker) the next, so going back is one click.
 * Unchanged when the region is unknown, the US, or has no entry.
 */
export function offerHomeRegion(kb: KnowledgeBase, r: Reply, region: string | undefined): Reply {
  const home = region && region !== HOME_REGION ? regionById(kb, region) : undefined;
  if (!home) return r; // most messages: no choice needs decoding
  const at = r.choices.findIndex((c) => {
    const a = c.id.startsWith("pay:") ? decodeAction(c.id) : undefined;
    return a?.kind === "pay" && !a.region;
  });
  if (at < 0) return r;
  const picker = decodeAction(r.choices[at]!.id) as Extract<Action, { kind: "pay" }>;
  const direct = choice({ kind: "pay", roles: picker.roles, region: home.id }, `Pay in ${placeLabel(home)}`);
  return reply(r.blocks as BlockInput[], [...r.choices.slice(0, at), direct, ...r.choices.slice(at)], { visibility: r.visibility, data: r.data });
}

/** A salary answer (one role, or roles compared) asked for in a region other than the US: its regional pay instead. */
export function payInRegion(a: Action | undefined, region: string | undefined): Action | undefined {
  if (!a || !region || region === HOME_REGION) return undefined;
  if (a.kind === "role" && a.aspect === "salary") return { kind: "pay", roles: [a.role], region };
  if (a.kind === "compare" && a.aspect === "salary") return { kind: "pay", roles: a.roles, region };
  return undefined;
}

/**
 * A message that only names a region ("I'm in Berlin", "what about the uk?"):
 * after a salary answer it asks for that salary there; otherwise it tells where
 * the person is. Undefined when the message says anything more.
 */
export function regionOnly(
  kb: KnowledgeBase, u: Understanding, text: string, named: string | undefined, last: Frame | undefined,
): { reading: Understanding; action?: Action; reply?: Reply } | undefined {
  if (!named || !onlyPlace(kb, text, named)) return undefined;
  if (last?.aspect === "salary" && last.roles.length > 0) {
    const many = last.roles.length > 1;
    const reading: Understanding = { ...u, intent: many ? "compare" : "role.aspect", roles: last.roles, aspect: "salary", alternatives: [] };
    const us: Action = many ? { kind: "compare", roles: last.roles, aspect: "salary" } : { kind: "role", role: last.roles[0]!, aspect: "salary" };
    return { reading, action: payInRegion(us, named) ?? us };
  }
  return { reading: u, reply: regionNoted(kb, named) };
}

/**
 * Areas people ask about that span several of the regions ("in europe?"). No source gives an
 * area-wide figure, so the answer says so and offers the member countries that have figures.
 * (regions.yaml's schema has no group key; the membership is geography, not a figure.)
 */
const AREAS = [
  { name: "Europe", words: ["europe", "european", "the eu", "eu"], members: ["uk", "de"] },
].map((a) => ({
  ...a,
  // Compiled once: the mentor asks on every message that names no region (longest word first, so "the eu" goes whole).
  pattern: new RegExp(`(^|[^\\p{L}\\p{N}])(?:${[...a.words].sort((x, y) => y.length - x.length).join("|")})(?=[^\\p{L}\\p{N}]|$)`, "u"),
}));

const areaIn = (text: string) => {
  const t = text.toLowerCase();
  return AREAS.find((a) => a.pattern.test(t));
};

/** The words of `text` other than the area's and the region filler: empty when it only names the area. */
function onlyArea(kb: KnowledgeBase, text: string, area: (typeof AREAS)[number]): boolean {
  const rest = text.toLowerCase().replace(new RegExp(area.pattern, "gu"), "$1 ");
  const filler = new Set(kb.regionFiller.flatMap((f) => f.toLowerCase().split(/\s+/)));
  return rest.split(/[^\p{L}\p{N}']+/u).filter(Boolean).every((w) => filler.has(w));
}

/**
 * Pay asked for an area ("ml engineer pay in europe", "and in europe?" after a salary answer):
 * there is no area-wide figure; the member countries with figures are the choices. Undefined
 * when the message names no area or is no salary question.
 */
export function areaPay(
  kb: KnowledgeBase, u: Understanding, text: string, last: Frame | undefined,
): { reading: Understanding; reply: Reply } | undefined {
  const area = areaIn(text);
  if (!area) return undefined;
  const asksPay = (u.intent === "role.aspect" || u.intent === "compare") && u.aspect === "salary" && u.roles.length > 0;
  const roles = asksPay ? u.roles : onlyArea(kb, text, area) && last?.aspect === "salary" && last.roles.length > 0 ? last.roles : undefined;
  if (!roles) return undefined;
  const members = area.members.map((id) => regionById(kb, id)).filter((r): r is Region => r !== undefined);
  const many = new Set(roles).size > 1;
  const reading: Understanding = { ...u, intent: many ? "compare" : "role.aspect", roles, aspect: "salary", alternatives: [] };
  const names = listNames(roles.map((r) => kb.role(r).short));
  const us: Choice = many ? choice({ kind: "compare", roles, aspect: "salary" }, "US figures") : choice({ kind: "role", role: roles[0]!, aspect: "salary" }, "US figures");
  const reply_ = reply(
    [
      { type: "heading", text: `${names} pay in ${area.name}` },
      {
        type: "text",
        text: `There is no ${area.name}-wide figure in my sources: pay differs a lot from one country to the next.${members.length > 0 ? ` I have figures for ${listNames(members.map(inName))}.` : ""}`,
      },
    ],
    [...members.map((r) => choice({ kind: "pay", roles, region: r.id }, `Pay in ${placeLabel(r)}`)), us],
  );
  return { reading, reply: reply_ };
}
