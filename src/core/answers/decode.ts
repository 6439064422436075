// Answers about job postings and job titles: which role the work describes,
// whether the title matches it, the phrases that decided it, and what to put
// forward when applying. Posting text appears only as quotes (cleaned of
// mentions and links by the decoder, and in quote blocks the adapters escape).
import type { KnowledgeBase } from "../../knowledge/knowledge-base.ts";
import type { RoleId } from "../../knowledge/schema.ts";
import type { JobTitle } from "../../knowledge/titles-schema.ts";
import type { Decoded } from "../../decoder/decode.ts";
import { MAX_POSTING_CHARS } from "../../decoder/clean.ts";
import { reply, type BlockInput, type Choice, type Reply } from "../reply.ts";
import { choice } from "./choices.ts";
import { counterpart, listNames, withArticle } from "./format.ts";
import { quoteOf } from "../../decoder/decode.ts";

/** Quotes in a chat-sized reply stay shorter than the decoder's own. */
const QUOTE_CHARS = 80;

const short = (kb: KnowledgeBase, r: RoleId) => kb.role(r).short;

/** "Mostly AI engineer (≈70%), some ML engineer (≈25%)". */
export function sharesLine(kb: KnowledgeBase, scores: Decoded["scores"]): string {
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]) as [RoleId, number][];
  if (ranked.length === 0) return "";
  const [[top, topShare], ...rest] = ranked as [[RoleId, number], ...[RoleId, number][]];
  const lead = topShare >= 60 ? "Mostly" : topShare >= 40 ? "Largely" : "Leaning";
  const others = rest.filter(([, s]) => s >= 12).slice(0, 2).map(([r, s]) => `${short(kb, r)} (≈${s}%)`);
  return `${lead} ${short(kb, top)} (≈${topShare}%)${others.length > 0 ? `, some ${listNames(others)}` : ""}.`;
}

/** A rival share this close to the winner's makes "the title matches" a close call. */
const CLOSE_RIVAL = 0.75;

/**
 * A role the title does not name whose share comes close to the winner's: the title won a close
 * call (it settles ties), so the reply says the work is split rather than that the title matches.
 */
export function closeRival(d: Decoded, role: RoleId): [RoleId, number] | undefined {
  const top = d.scores[role] ?? 0;
  const rival = (Object.entries(d.scores) as [RoleId, number][])
    .filter(([r]) => r !== role && !d.title_roles.includes(r))
    .sort((a, b) => b[1] - a[1])[0];
  return rival && top > 0 && rival[1] >= CLOSE_RIVAL * top ? rival : undefined;
}

/** Whether the title names the role the duties describe, in a sentence. */
function titleLine(kb: KnowledgeBase, d: Decoded, role: RoleId): string | undefined {
  if (d.title_roles.length > 0) {
    const named = listNames(d.title_roles.map((r) => short(kb, r)));
    if (d.mismatch) return `The title says ${named}, but the duties are ${short(kb, role)} work: tailor your application to the duties, not the title.`;
    const rival = closeRival(d, role);
    return rival
      ? `The title (${named}) fits, but nearly as much of the work is ${short(kb, rival[0])} (≈${rival[1]}%): check which the team means before you tailor your application.`
      : `The title (${named}) matches the work.`;
  }
  const entry = d.title_entries[0];
  if (entry) return `The title, ${entry.title}, usually means ${listNames(entry.roles.map((r) => short(kb, r)))} work${entry.roles.includes(role) ? "; here the duties agree." : `; here the duties read as ${short(kb, role)}.`}`;
  return undefined;
}

/** What to highlight when applying for this role, from the knowledge base. */
function putForward(kb: KnowledgeBase, role: RoleId): string[] {
  const resume = kb.jobSearch.topics.find((t) => t.id === "resume");
  const byRole = resume?.by_role[role];
  if (byRole && byRole.length > 0) return byRole.slice(0, 3);
  const r = kb.role(role);
  return [r.aspects.skills?.summary, r.aspects.tools?.summary].filter((x): x is string => Boolean(x));
}

function choicesFor(kb: KnowledgeBase, role: RoleId, second: RoleId | undefined): Choice[] {
  const out: Choice[] = [choice({ kind: "role", role }, `About ${short(kb, role)}`)];
  if (kb.role(role).kind === "destination") out.push(choice({ kind: "path", role }, `Path to ${short(kb, role)}`));
  const other = second && second !== role ? second : counterpart(role);
  out.push(choice({ kind: "compare", roles: [role, other] }, `${short(kb, role)} vs ${short(kb, other)}`));
  return out;
}

/** The reply to a decoded posting. */
export function decodedPosting(kb: KnowledgeBase, d: Decoded): Reply {
  if (d.problem === "empty") return reply([{ type: "text", text: "Paste the job posting's text (the duties and requirements) after /decode, and I'll tell you which role the work really is." }]);
  if (d.problem === "foreign") return reply([{ type: "text", text: "That posting doesn't look like English. I can only decode English postings for now; paste an English version if there is one." }]);
  if (d.problem === "too-short") return reply([{ type: "text", text: "That's too short to decode. Paste the whole posting, or at least its duties and requirements, and I'll read the work it describes. For a title alone, ask e.g. \"what is an applied scientist?\"" }]);
  if (!d.role) {
    return reply([
      { type: "heading", text: "Posting decoded" },
      { type: "text", text: "The duties don't match any of the roles I cover (ML, AI and data roles, MLOps, research and software engineering) clearly enough to say which one it is." },
    ], [choice({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }, "ML vs AI engineer"), choice({ kind: "help" }, "What can you do?")]);
  }
  const role = d.role;
  const ranked = Object.keys(d.scores) as RoleId[];
  const blocks: BlockInput[] = [
    { type: "heading", text: `This posting is ${withArticle(short(kb, role))} job` },
    { type: "text", text: [sharesLine(kb, d.scores), titleLine(kb, d, role)].filter(Boolean).join(" ") },
  ];
  if (d.evidence.length > 0) blocks.push({ type: "quote", text: `What decided it:\n${d.evidence.slice(0, 4).map((e) => `“${quoteOf(e.quote, QUOTE_CHARS)}” → ${short(kb, e.role)}`).join("\n")}` });
  const level = [d.seniority.level, d.seniority.years ? `${d.seniority.years} of experience` : undefined].filter(Boolean).join(", ");
  const asks = [
    level ? `Level: ${level}` : undefined,
    d.must.length > 0 ? `Must-have: “${quoteOf(d.must[0]!, QUOTE_CHARS)}”` : undefined,
    d.nice.length > 0 ? `Nice to have: “${quoteOf(d.nice[0]!, QUOTE_CHARS)}”` : undefined,
  ].filter(Boolean).join("\n");
  if (asks) blocks.push({ type: "quote", text: asks });
  blocks.push({ type: "list", title: "Put forward when you apply", items: putForward(kb, role).slice(0, 2) });
  if (d.truncated) blocks.push({ type: "context", text: `The posting is over ${MAX_POSTING_CHARS.toLocaleString("en")} characters, so I decoded its first ${MAX_POSTING_CHARS.toLocaleString("en")}.` });
  blocks.push({ type: "context", text: "Read from the duties, not the title; nothing of the posting is kept." });
  return reply(blocks, choicesFor(kb, role, ranked.find((r) => r !== role)), { data: { kind: "decode", role, scores: d.scores, mismatch: d.mismatch } });
}

/** The reply to a question about a job title from titles.yaml ("is a forward deployed engineer an AI engineer?"). */
export function titleAnswer(kb: KnowledgeBase, t: JobTitle, asked: RoleId[] = []): Reply {
  const roles = t.roles.map((r) => short(kb, r));
  const named = withArticle(t.title);
  const lead = `${named[0]!.toUpperCase()}${named.slice(1)} is closest to ${listNames(roles)}${t.roles.length > 1 ? " (closest first)" : ""}.`;
  const verdict = asked.filter((r) => !t.roles.includes(r));
  const answer = asked.length > 0
    ? asked.some((r) => t.roles.includes(r))
      ? ` So yes, mostly ${listNames(asked.filter((r) => t.roles.includes(r)).map((r) => short(kb, r)))} work, though postings vary.`
      : ` So not really ${listNames(verdict.map((r) => short(kb, r)))} work, though postings vary.`
    : "";
  return reply(
    [
      { type: "heading", text: t.title },
      { type: "text", text: `${lead}${answer} ${t.explanation}` },
      { type: "text", text: "Titles vary between companies: paste the posting with /decode and I'll read the duties." },
      { type: "context", text: `Source: ${t.source.name} (${t.source.as_of})` },
    ],
    choicesFor(kb, t.roles[0]!, t.roles[1]),
    { data: { kind: "title", title: t.id, roles: t.roles } },
  );
}

/** What the person's last quiz result said, as far as a posting needs it. */
export interface QuizLean {
  outcome: string;
  label: string;
}

/** The decoded posting's reply with a line on how it fits the person's quiz result (after the shares). */
export function withQuizFit(kb: KnowledgeBase, r: Reply, last: QuizLean | undefined): Reply {
  const role = r.data?.kind === "decode" ? (r.data.role as RoleId | undefined) : undefined;
  if (!last || !role) return r;
  const name = short(kb, role);
  const text = last.outcome === role
    ? `Your quiz leaned ${last.label}: this posting fits it.`
    : last.outcome === "hybrid" && (role === "ml-engineer" || role === "ai-engineer")
      ? `Your quiz came out ${last.label}, so this ${name} posting is on your path.`
      : last.outcome === "undecided"
        ? `Your quiz had no clear lean yet; this posting is ${name} work.`
        : `Your quiz leaned ${last.label}, and this posting is ${name} work: check that the duties are what you want.`;
  const at = r.blocks.findIndex((b) => b.type === "text") + 1;
  return reply([...r.blocks.slice(0, at), { type: "text", text }, ...r.blocks.slice(at)] as BlockInput[], r.choices, { visibility: r.visibility, data: r.data });
}
