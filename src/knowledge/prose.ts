// Rules for prose that people read: a sentence field must read as a whole
// sentence, so text cut short (by a YAML comment, a bad edit or a paste) is
// refused instead of shown. Pure functions; the schema and the loader call them.

/** Words a finished sentence does not end on: articles, conjunctions and prepositions. */
const DANGLING = new Set([
  "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with",
  "into", "onto", "than", "as", "via", "per", "versus", "vs", "like", "such", "is", "are", "was", "were",
]);

/** Words that may legitimately close a sentence although they are in DANGLING ("what it is used for."). */
const CLOSING_OK = new Set(["of", "for", "with", "to", "on", "in", "into", "onto", "from", "at", "by", "is", "are", "was", "were", "like", "as", "per"]);

const FINAL = /[.!?…](?:["'”’)\]]*)$/;

/** Why `text` does not read as a finished sentence, or undefined when it does. */
export function sentenceProblem(text: string): string | undefined {
  const t = text.trim();
  const unbalanced = unbalancedPair(t);
  if (unbalanced) return `looks cut off: ${unbalanced}`;
  const words = t.replace(/[.!?…"'”’)\]:;,]+$/, "").split(/\s+/);
  const last = (words.at(-1) ?? "").toLowerCase();
  if (!FINAL.test(t)) {
    const hint = DANGLING.has(last) ? ` and ends on '${words.at(-1)}'` : "";
    return `looks cut off: no full stop at the end${hint} (in YAML, ' #' starts a comment: quote text that contains it)`;
  }
  if (DANGLING.has(last) && !CLOSING_OK.has(last)) return `looks cut off: the sentence ends on '${words.at(-1)}'`;
  return undefined;
}

/** The first bracket or quote that is opened and not closed (or closed and not opened). */
function unbalancedPair(t: string): string | undefined {
  for (const [open, close] of [["(", ")"], ["[", "]"], ["“", "”"]] as const) {
    let depth = 0;
    for (const ch of t) {
      if (ch === open) depth++;
      else if (ch === close && --depth < 0) return `'${close}' without '${open}'`;
    }
    if (depth > 0) return `'${open}' is never closed`;
  }
  if ((t.match(/"/g) ?? []).length % 2 === 1) return "an odd number of '\"'";
  return undefined;
}

/**
 * Lines where a YAML comment cut a plain (unquoted) text short: in
 * `- ranked #2 on the list` YAML reads only "ranked". Found by checking whether
 * the text before ` #` on a line is where a loaded string actually ends; a `#`
 * inside quotes or a block scalar stays in the string, so it is not reported.
 */
export function commentCuts(raw: string, data: unknown): { line: number; text: string }[] {
  const candidates: { line: number; before: string; comment: string }[] = [];
  raw.split("\n").forEach((line, i) => {
    // Most lines hold no '#': skip them before the regex, whose lazy middle backtracks over the whole line.
    if (!line.includes("#")) return;
    const m = /^(\s*(?:- )*(?:[\w.-]+:\s+)?)(.*?\S)\s+#(.*)$/.exec(line);
    if (!m || /^\s*#/.test(line)) return;
    const before = m[2]!;
    if (/^["'|>]/.test(before) || /["']$/.test(before)) return; // quoted or block scalar: the # is text or a harmless note
    candidates.push({ line: i + 1, before, comment: m[3]! });
  });
  // Only a file with a candidate line pays for collecting the ends of its strings.
  if (candidates.length === 0) return [];
  const ends = new Set<string>();
  const tails = (s: string) => {
    const words = s.replace(/\s+/g, " ").trim();
    for (let n = 1; n <= 3; n++) ends.add(words.split(" ").slice(-n).join(" "));
  };
  walkStrings(data, tails);
  return candidates
    .filter((c) => ends.has(c.before.replace(/\s+/g, " ").split(" ").slice(-3).join(" ")))
    .map((c) => ({ line: c.line, text: `${c.before.slice(-40)} #${c.comment.slice(0, 20)}` }));
}

function walkStrings(v: unknown, visit: (s: string) => void): void {
  if (typeof v === "string") visit(v);
  else if (Array.isArray(v)) v.forEach((x) => walkStrings(x, visit));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => walkStrings(x, visit));
}
