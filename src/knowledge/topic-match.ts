// Finding the topic a message is about from the phrases the topic files list:
// which tool choice a question asks to make, and which starting point a person
// describes. Pure functions over the knowledge; whole-word, case-insensitive.
import type { StartingPoint, ToolChoice, ToolChoices } from "./topics-schema.ts";

/** The text lower-cased with curly quotes and dashes made plain, so phrases match as typed. */
const normal = (text: string) => ` ${text.toLowerCase().replace(/[’‘]/g, "'").replace(/[–—]/g, "-")} `;
/** One message is tested against hundreds of phrases: it is normalised once. */
let lastText: string | undefined;
let lastNormal = "";
const normalOnce = (text: string) => {
  if (text !== lastText) {
    lastText = text;
    lastNormal = normal(text);
  }
  return lastNormal;
};

/** Characters that continue a word for matching: a-z, 0-9, "+" and "#" (c++, c#). */
const wordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 35;

/**
 * Whether `phrase` occurs in `text` as whole words ("tf" in "tf or torch", not in "pdf").
 * A scan with indexOf, exactly `(^|[^a-z0-9+#])phrase([^a-z0-9+#]|$)` on the normalised
 * text, without compiling a regular expression per phrase per message.
 */
export function hasPhrase(text: string, phrase: string): boolean {
  const p = phrase.toLowerCase().trim();
  const t = normalOnce(text);
  for (let at = t.indexOf(p); at >= 0; at = at < t.length ? t.indexOf(p, at + 1) : -1) {
    const end = at + p.length;
    if ((at === 0 || !wordChar(t.charCodeAt(at - 1))) && (end === t.length || !wordChar(t.charCodeAt(end)))) return true;
  }
  return false;
}

/** How many of a choice's options the text names. */
function optionsNamed(choice: ToolChoice, text: string): number {
  return choice.options.filter((o) => [o.name, ...o.aliases].some((n) => hasPhrase(text, n))).length;
}

/**
 * The tool choice a message asks to make: it names two or more options of one
 * choice, or names one option (or the topic itself, "which cloud") and asks to
 * choose ("or", "should I", "which", "worth"). The choice naming most options wins.
 * A request for learning material ("good course on LangChain") is left to resources.
 */
export function findToolChoice(tools: ToolChoices, text: string): ToolChoice | undefined {
  if (tools.material.some((w) => hasPhrase(text, w))) return undefined;
  const asks = tools.cues.some((c) => hasPhrase(text, c));
  let best: { choice: ToolChoice; score: number } | undefined;
  for (const choice of tools.choices) {
    const named = optionsNamed(choice, text);
    const topic = choice.phrases.some((p) => hasPhrase(text, p));
    if (!(named >= 2 || ((named === 1 || topic) && asks))) continue;
    const score = named * 2 + (topic ? 1 : 0);
    if (!best || score > best.score) best = { choice, score };
  }
  return best?.choice;
}

/**
 * The starting point a person describes ("I'm a QA tester", "I have a PhD in
 * biology"): the one whose phrases match most, longer phrases first on a tie.
 * For the conversation helper to remember as Background.startingPoint.
 */
export function findStartingPoint(points: readonly StartingPoint[], text: string): StartingPoint | undefined {
  let best: { point: StartingPoint; hits: number; longest: number } | undefined;
  for (const point of points) {
    const matched = point.phrases.filter((p) => hasPhrase(text, p));
    if (matched.length === 0) continue;
    const longest = Math.max(...matched.map((p) => p.length));
    if (!best || matched.length > best.hits || (matched.length === best.hits && longest > best.longest)) best = { point, hits: matched.length, longest };
  }
  return best?.point;
}
