// Reading a typed answer against the options shown: navigation words, the
// option's number or letter, its exact label, then an unambiguous part of a
// label on whole words (so "like" never picks "dislike"). On a rating item,
// the person's own words too: "love it", "not a fan", "meh", 👍 map onto the
// scale; an answer that could mean more than one point asks back.
import Sentiment from "sentiment";

export type Navigation = "back" | "skip" | "restart" | "quit";
export type TypedAnswer = { kind: "option"; index: number } | { kind: "nav"; nav: Navigation } | { kind: "unclear" };

const NAV: Record<string, Navigation> = {
  back: "back", previous: "back", undo: "back",
  skip: "skip", pass: "skip", "next question": "skip",
  restart: "restart", "start over": "restart", "start again": "restart", reset: "restart",
  quit: "quit", stop: "quit", exit: "quit", cancel: "quit", "stop the quiz": "quit", "quit the quiz": "quit",
};

const words = (s: string) => s.toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter(Boolean);

/**
 * @param labels the options in the order they were shown
 * @param opts.scale the options are the 5-point scale (Strongly dislike … Strongly like), so free words are read too
 */
export function readTypedAnswer(text: string, labels: readonly string[], opts: { scale?: boolean } = {}): TypedAnswer | undefined {
  const typed = words(text);
  const joined = typed.join(" ");
  if (NAV[joined]) return { kind: "nav", nav: NAV[joined] };
  if (/^\d{1,2}$/.test(joined)) {
    const n = Number(joined);
    return n >= 1 && n <= labels.length ? { kind: "option", index: n - 1 } : undefined;
  }
  if (/^[a-z]$/.test(joined) && text.trim().length <= 3) {
    const n = joined.charCodeAt(0) - 97;
    return n < labels.length ? { kind: "option", index: n } : undefined;
  }
  if (joined) {
    const exact = labels.findIndex((l) => words(l).join(" ") === joined);
    if (exact >= 0) return { kind: "option", index: exact };
    const containing = labels
      .map((l, i) => ({ i, w: words(l) }))
      .filter(({ w }) => w.some((_, start) => typed.every((t, k) => w[start + k] === t)));
    if (containing.length === 1) return { kind: "option", index: containing[0]!.i };
  }
  if (!opts.scale || labels.length !== 5) return undefined;
  const point = readScalePhrase(text);
  if (point === undefined) return undefined;
  return point === "unclear" ? { kind: "unclear" } : { kind: "option", index: point };
}

// ---- Free words on the 5-point scale ----

/** Longer than this, or a question, and it is a message for the mentor rather than an answer. */
const MAX_ANSWER_WORDS = 8;

const QUESTION_START = /^(what|what's|whats|how|why|when|where|who|which|can|could|should|is|are|does|do|tell|explain|show|give)\b(?!')/i;

/** Whole phrases, matched before single words (longest first). */
const PHRASES: ReadonlyArray<[RegExp, Signal]> = [
  [/\b(not at all|absolutely not|definitely not|hell no|no way|never)\b/g, { polarity: -1, strong: true }],
  [/\b(not really|not for me|not my thing|no thanks|not my cup of tea)\b/g, { polarity: -1, strong: false }],
  [/\b(hell yes|of course|for sure|can't wait)\b/g, { polarity: 1, strong: true }],
  [/\b(not sure|unsure|not certain|i do not know|do not know|no idea|dunno|it depends|depends|maybe|perhaps|hard to say|no opinion|either way)\b|🤷/gu, "unsure"],
  [/\b(meh|so so|whatever|indifferent|neutral)\b|😐/gu, "lukewarm"],
  [/\b(ok|okay|fine|alright|i guess|i suppose)\b/g, "ack"],
];

type Signal = { polarity: 1 | -1; strong: boolean } | "unsure" | "lukewarm" | "ack";

const NEGATORS = new Set(["not", "no", "never", "nope", "nah", "hardly", "without"]);
const INTENSIFIERS = new Set(["really", "so", "very", "super", "totally", "absolutely", "definitely", "truly", "extremely", "strongly"]);
const SOFTENERS = new Set(["kind", "kinda", "sort", "sorta", "somewhat", "bit", "slightly", "little", "quite"]);
/** Words whose meaning is strong on their own: the top and bottom of the scale. */
const STRONG = new Set(["love", "adore", "amazing", "awesome", "fantastic", "perfect", "dream", "favourite", "favorite", "hate", "loathe", "detest", "awful", "terrible", "horrible", "dread", "❤", "😍", "🤩", "🤮"]);
/** Conversational words the sentiment lexicon scores but that say nothing about the activity. */
const IGNORE = new Set(["thanks", "thank", "please", "help", "hello", "hi", "hey", "sorry", "welcome", "kind"]);
/** Scores the AFINN lexicon lacks, for short chat answers. */
const EXTRA: Record<string, number> = { sure: 1, yeah: 1, yep: 1, yup: 1, "🙂": 1, "😊": 1, "😀": 2, "🙁": -1, "😕": -1, "❤": 3, "💯": 2 };

const sentiment = new Sentiment();
const lexiconScore = (token: string) => EXTRA[token] ?? sentiment.analyze(token).score;

/** Tokens: words (contractions expanded) and emoji, one token each. */
function tokens(text: string): string[] {
  const t = text.toLowerCase().normalize("NFKC").replace(/[’‘]/g, "'").replace(/\ufe0f|\u200d/g, "")
    .replace(/\b(can|won|wouldn|don|doesn|didn|isn|aren|wasn|couldn|shouldn)'t\b/g, (_, w: string) => `${({ can: "can", won: "will" } as Record<string, string>)[w] ?? w.replace(/n$/, "")} not`)
    .replace(/n't\b/g, " not").replace(/\bi'd\b/g, "i would").replace(/\bidk\b/g, "i do not know");
  return t.match(/\p{Extended_Pictographic}|[\p{L}\p{N}']+/gu) ?? [];
}

/** A scale point 0..4, "unclear" when it could mean more than one, undefined when it is not an answer at all. */
export function readScalePhrase(text: string): number | "unclear" | undefined {
  // A question for the mentor, even without its question mark ("what's the best role for me").
  if (text.includes("?") || QUESTION_START.test(text.trim())) return undefined;
  const toks = tokens(text);
  if (toks.length === 0 || toks.length > MAX_ANSWER_WORDS) return undefined;
  let rest = ` ${toks.join(" ")} `;
  const flags = new Set<Exclude<Signal, object>>();
  const signals: { polarity: 1 | -1; strong: boolean }[] = [];
  for (const [re, signal] of PHRASES) {
    rest = rest.replace(re, () => {
      if (typeof signal === "string") flags.add(signal);
      else signals.push({ ...signal });
      return " ";
    });
  }
  const left = rest.split(/\s+/).filter(Boolean);
  const intensified = left.some((w) => INTENSIFIERS.has(w));
  const softened = left.some((w) => SOFTENERS.has(w));
  let negatedNegative = false;
  let pendingNegator = -1;
  const emoji = { pos: 0, neg: 0 };
  left.forEach((w, i) => {
    if (NEGATORS.has(w)) { pendingNegator = i; return; }
    if (IGNORE.has(w) || SOFTENERS.has(w) || INTENSIFIERS.has(w)) return;
    const score = lexiconScore(w);
    if (score === 0) return;
    let polarity: 1 | -1 = score > 0 ? 1 : -1;
    const negated = pendingNegator >= 0 && i - pendingNegator <= 3;
    if (negated) {
      if (polarity < 0) negatedNegative = true;
      polarity = polarity > 0 ? -1 : 1;
      pendingNegator = -1;
    }
    if (/\p{Extended_Pictographic}/u.test(w)) emoji[polarity > 0 ? "pos" : "neg"]++;
    signals.push({ polarity, strong: STRONG.has(w) && !negated });
  });
  // A negator with nothing after it to negate ("i would not") is a plain no.
  if (pendingNegator >= 0) signals.push({ polarity: -1, strong: false });
  // Only intensifiers ("absolutely!", "definitely"): an emphatic yes.
  if (signals.length === 0 && flags.size === 0 && intensified) signals.push({ polarity: 1, strong: true });

  if (negatedNegative) return "unclear"; // "not bad", "wouldn't hate it": somewhere between, ask
  const polarities = new Set(signals.map((s) => s.polarity));
  if (polarities.size > 1) return "unclear";
  const polarity = signals[0]?.polarity;
  if (flags.has("unsure")) return polarity === undefined ? 2 : "unclear";
  if (flags.has("lukewarm")) return polarity === undefined ? 2 : polarity < 0 ? 1 : "unclear";
  if (polarity === undefined) return flags.has("ack") ? "unclear" : undefined;
  const strong = !softened && (intensified || signals.some((s) => s.strong) || emoji.pos >= 2 || emoji.neg >= 2);
  return polarity > 0 ? (strong ? 4 : 3) : strong ? 0 : 1;
}
