// Chat-sized answers: every answer builder produces its full reply; this module
// derives the short first view people see in a channel (the answer first, a
// compact body, a one-line source) and the detail views one click away
// ("Full answer", "Sources"). One mechanism for every builder, so no answer
// can forget to shrink, and no figure ever loses its source.
import { encodeAction, type Action } from "../actions.ts";
import { renderPlainText, reply, type Block, type BlockInput, type Choice, type Reply } from "../reply.ts";
import { SALARY_ELSEWHERE } from "./format.ts";

/** Characters of body (blocks, not choices) a first view aims to stay within. */
const BODY_BUDGET = 560;
const LEAD_MAX = 360;
const VALUE_MAX = 180;
const ITEM_MAX = 120;
const LIST_ITEMS = 3;
/** Platforms and people cope with 2–4 buttons; depth choices take their place among them. */
const MAX_CHOICES = 4;
const SALARY_SHORT = "These figures are for the United States; other countries are a click away.";

/** The actions whose answers have a full and a sources view. */
export const hasViews = (a: Action) => !["quiz", "view", "help", "fit", "decide"].includes(a.kind);

/** The short first view of `full`, the answer to `of`; unchanged when it is short already and cites nothing. */
export function firstView(full: Reply, of: Action): Reply {
  if (!hasViews(of)) return full;
  const sources = sourceEntries(full);
  const condensed = condense(full.blocks);
  // condense() hands back the very block it left unchanged, so only rewritten ones are compared.
  const cut = condensed.length < full.blocks.length || condensed.some((b, i) => b !== full.blocks[i] && JSON.stringify(b) !== JSON.stringify(full.blocks[i]));
  if (!cut && sources.length === 0) return full;
  const base = encodeAction(of);
  const depth: Choice[] = [];
  if (cut) depth.push({ id: encodeAction({ kind: "view", view: "full", of: base }), label: fullLabel(of) });
  if (sources.length > 0) depth.push({ id: encodeAction({ kind: "view", view: "sources", of: base }), label: "Sources" });
  const keep = full.choices.slice(0, MAX_CHOICES - depth.length);
  return reply(condensed as BlockInput[], [...keep, ...depth], { visibility: full.visibility, data: full.data });
}

/** A detail view of `full`: everything ("full"), or the sources behind it ("sources"). */
export function detailView(full: Reply, view: "full" | "sources", of: Action): Reply {
  const base = encodeAction(of);
  const heading = full.blocks.find((b) => b.type === "heading");
  const title = heading?.type === "heading" ? heading.text : "This answer";
  if (view === "sources") {
    const entries = sourceEntries(full);
    const blocks: BlockInput[] = [{ type: "heading", text: `Sources: ${title}` }];
    blocks.push(entries.length > 0
      ? { type: "list", items: entries }
      : { type: "text", text: "This answer draws on the knowledge base's own summaries; it cites no outside source." });
    // Figures carry their source inline: list them here too so each claim can be traced.
    for (const b of full.blocks) if (b.type === "list" && b.title === "Figures") blocks.push(b);
    return reply(blocks, [{ id: base, label: "Back to the answer" }, { id: encodeAction({ kind: "view", view: "full", of: base }), label: fullLabel(of) }]);
  }
  const withSources = sourceEntries(full).length > 0 ? [{ id: encodeAction({ kind: "view", view: "sources", of: base }), label: "Sources" }] : [];
  return reply(full.blocks as BlockInput[], [...full.choices.slice(0, MAX_CHOICES - withSources.length), ...withSources], { visibility: full.visibility, data: full.data });
}

function fullLabel(a: Action): string {
  switch (a.kind) {
    case "compare": return a.aspect ? "Full details" : "Full comparison";
    case "path": return "All steps";
    case "transition": return "All steps";
    case "jobs": return "All tips";
    case "resources": return "All resources";
    case "glossary": return "Full entry";
    case "role": return a.aspect ? `More on ${a.aspect}` : "Full overview";
    case "tools": return "Reasons and facts";
    case "start": return "All steps";
    case "pay": return "All figures";
    default: return "More";
  }
}

/** The sources a reply names, one entry each ("U.S. Bureau of Labor Statistics, OOH (May 2024)"). */
export function sourceEntries(r: Reply): string[] {
  return r.blocks.flatMap((b) => (b.type === "context" && b.text.startsWith("Sources: ") ? b.text.slice(9).split("; ") : []));
}

/** "Sources: BLS (May 2024), O*NET · more under Sources": the first two, names cut at their first comma. */
export function shortSourcesLine(entries: string[]): string {
  const short = entries.slice(0, 2).map((e) => {
    const m = /^(.*?)(\s\([^()]*\))?$/.exec(e);
    const name = sentences((m?.[1] ?? e).replace(/^['"‘“]/, "").split(/,| - | – | article | '|: /)[0]!.trim(), 36);
    return `${name}${m?.[2] && !/undated/.test(m[2]) ? m[2] : ""}`;
  });
  return `Sources: ${short.join(", ")}${entries.length > 2 || short.join("") !== entries.join("") ? " · more under Sources" : ""}`;
}

/** Keep the heading, the lead in one or two sentences, then what fits the budget, each part trimmed. */
function condense(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let used = 0;
  let leadDone = false;
  let sources: string[] = [];
  let full = false;
  // Figures answer "how much" questions: they come right after the lead, before the longer lists.
  const figures = blocks.filter((b) => b.type === "list" && b.title === "Figures");
  const ordered = [...blocks.filter((b) => !figures.includes(b)).slice(0, 2), ...figures, ...blocks.filter((b) => !figures.includes(b)).slice(2)];
  for (const b of ordered) {
    let next: Block | undefined;
    switch (b.type) {
      case "heading": next = b; break;
      case "text":
        if (!leadDone) { next = sameOr(b, "text", sentences(b.text, LEAD_MAX)); leadDone = true; }
        break;
      case "fields":
        next = { ...b, fields: b.fields.map((f) => ({ ...f, value: sentences(f.value, VALUE_MAX) })) };
        break;
      case "list":
        // A figure is never cut: its source is part of the line.
        next = b.brief
          ? { ...b, items: b.brief, brief: undefined }
          : b.ordered
            // Steps: their titles, so the whole route shows at a glance.
            ? { ...b, items: b.items.map((it) => sentences(it.split(/: |\. /)[0]!, ITEM_MAX)) }
            : sameOr(b, "items", sameItems(b.items, b.items.slice(0, LIST_ITEMS).map((it) => sentences(it, ITEM_MAX))));
        break;
      case "links": next = { ...b, links: b.links.slice(0, LIST_ITEMS).map(({ note: _note, ...l }) => l) }; break;
      case "context":
        if (b.text.startsWith("Sources: ")) { sources = b.text.slice(9).split("; "); continue; }
        next = b.text === SALARY_ELSEWHERE ? { ...b, text: SALARY_SHORT } : b;
        break;
      default: next = b;
    }
    if (!next || (full && next.type !== "context")) continue;
    const size = blockSize(next);
    // The heading and the lead always show; later parts only while they fit, in order (no gaps).
    // Figures answer the question and small print qualifies them: neither is dropped for space.
    const answers = (b.type === "list" && b.title === "Figures") || b.type === "context";
    if (out.length > 0 && next.type !== "text" && !answers && used + size > BODY_BUDGET) {
      full = true;
      continue;
    }
    out.push(next);
    // Small print (dates, durations, caveats) qualifies the answer; it does not crowd out the body.
    if (next.type !== "context") used += size;
  }
  if (sources.length > 0) out.push({ type: "context", text: shortSourcesLine(sources) });
  return out;
}

/** `b` itself when `value` is what it already holds under `key`, else a copy with `value` there. */
function sameOr<B extends Block, K extends keyof B>(b: B, key: K, value: B[K]): B {
  return b[key] === value ? b : { ...b, [key]: value };
}

/** `before` itself when `after` holds the same strings. */
const sameItems = (before: string[], after: string[]) => (after.length === before.length && after.every((x, i) => x === before[i]) ? before : after);

const blockSize = (b: Block) => renderPlainText({ blocks: [b], choices: [], visibility: "public" }).length + 2;

/** The first sentences of `text` within `max` characters; a word-boundary cut with "…" when one sentence is longer. */
export function sentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const parts = text.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [text];
  let out = "";
  for (const p of parts) {
    if ((out + p).trim().length > max) break;
    out += p;
  }
  if (out.trim().length > 0) return out.trim();
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).replace(/[,;:]$/, "")}…`;
}
