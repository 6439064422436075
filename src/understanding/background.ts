// A stated background ("im a backend dev, 4 yrs of go", "I'm a physics PhD",
// "working as QA tester since 4 years"): the role the person comes from when
// the role lexicon knows the words, or else a short label of the starting
// point with from: null. Only self-descriptions count: "I'm thinking of
// becoming an ML engineer" is a plan, not a background. Pure.
import type { RoleId as Role } from "../knowledge/schema.ts";
import type { Background } from "../core/profile.ts";

/** "i'm a", "working as", "my background is" …, then the description. */
const SELF = /(?:^|[\s,.;!?(])(?:i'?m|i am|im|i work(?:ed)? as|i'?ve been(?: working as)?|working as|work as|my background is(?: in)?|background in|coming from|i was)\s+(?:an?\s+|the\s+)?([^.,;!?()\n]+)/i;
/** Words that turn "i'm …" into a state or a plan rather than a job ("i'm thinking", "i'm new to"). */
const NOT_A_JOB = /^(?:thinking|trying|planning|looking|interested|curious|new|confused|wondering|considering|not|so|also|going|hoping|aiming|aspiring|about|into|currently\s+(?:learning|studying)|learning|studying|stuck|lost|torn|unsure|sure|happy|glad|here|back|done|ready|able|just|really|very|still|tired|bored|getting|switching|moving|transitioning|pivoting|wanting|keen|excited)\b/i;
/** Where the description of the job ends: "since 4 years", "with 6 yrs of java", "and want to …". */
const END = /\s+(?:since|for|with|at|in|and|but|who|that|looking|wanting|want|wanna|trying|hoping|planning|thinking|,|(?=(?:can|could|should|would|will|do|does|is|are|am|how|what|which|where|when|why)\s+\S))\b.*$/i;
/** The last word of a job title ("tester", "physics PhD", "teacher", "student"); "a bit confused" has none. */
const JOB_WORD = /(?:er|or|ist|ian|ant|ent|phd|dev|grad|graduate|student|major|intern|lead|officer|admin|analyst|nurse|doctor|lawyer|postdoc|sre|devops)$/i;
/** "i do frontend react stuff", "i build data pipelines", "i work with spark": work, whose role the work lexicon may know. */
const DOING = /(?:^|[\s,.;!?(])(?<!\b(?:should|could|would|can|will|shall|did|does|do|must|might|to|what|which)\s)(?:i do|i build|i write|i work (?:on|with)|i'?ve been doing|been doing)\s+([^.,;!?()\n]+)/i;
/** "i work in marketing": a field, which is the background as it stands. */
const FIELD = /(?:^|[\s,.;!?(])i work in\s+([^.,;!?()\n]+)/i;
/** At most this many words name a job; more is a sentence, not a title. */
const MAX_WORDS = 4;

export interface BackgroundDeps {
  /** Roles the role lexicon finds in a phrase, in order. */
  roles(text: string): Role[];
  /** A role's short name, as the label when the background is a role. */
  roleName(role: Role): string;
  /** Roles whose work a phrase describes ("frontend react stuff" → software engineer), in order. */
  work?(text: string): Role[];
}

export function detectBackground(text: string, deps: BackgroundDeps): Background | undefined {
  const m = SELF.exec(text);
  if (!m) return describedWork(text, deps);
  const described = m[1]!.trim();
  if (NOT_A_JOB.test(described)) return undefined;
  const phrase = described.replace(END, "").replace(/\s+/g, " ").trim();
  const words = phrase.split(" ").filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  // A plan hidden in the phrase ("a dev who wants to become …") is cut by END; a destination verb left over is not a job.
  if (/\b(?:become|becoming|get into|switch|move|learn)\b/i.test(phrase)) return undefined;
  const [from] = deps.roles(phrase);
  if (from) return { from, label: deps.roleName(from) };
  if (!JOB_WORD.test(words[words.length - 1]!)) return undefined;
  return { from: null, label: tidy(phrase) };
}

/** The person's words as a label: short, with the acronyms they used kept upper case. */
function tidy(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => (/^(?:phd|qa|ux|ui|it|hr|pm|cs|ml|ai|sre|devops)$/i.test(w) ? (w.toLowerCase() === "phd" ? "PhD" : w.toUpperCase()) : w.toLowerCase()))
    .join(" ")
    .slice(0, 80);
}

/** A background told as the work one does ("i do backend stuff") or the field one works in ("i work in marketing"). */
function describedWork(text: string, deps: BackgroundDeps): Background | undefined {
  const doing = DOING.exec(text);
  const field = doing ? undefined : FIELD.exec(text);
  const described = (doing ?? field)?.[1]?.trim();
  if (!described || NOT_A_JOB.test(described) || /^(?:not|want|wanna|need|like|love|enjoy|think|know|have|a lot|some|it|this|that|my)\b/i.test(described)) return undefined;
  const phrase = described.replace(END, "").replace(/\s+/g, " ").trim();
  const words = phrase.split(" ").filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS || /\b(?:become|becoming|get into|switch|move|learn)\b/i.test(phrase)) return undefined;
  const [from] = [...deps.roles(phrase), ...(deps.work?.(phrase) ?? [])];
  if (from) return { from, label: deps.roleName(from) };
  // The work alone says no role ("i do a bit of everything"); a field one works in is the background itself.
  return field ? { from: null, label: tidy(phrase) } : undefined;
}

/**
 * A question asked after (or around) a stated background, with or without "?": a clause opened by
 * a question word ("…, is it a natural next step", "…, how do i start") or a question word before
 * its subject ("im a teacher can i become …", "should i go for …"). "I am a teacher" asks nothing.
 */
const QUESTION_CLAUSE = /(?:^|[,;:.!-]\s*|\b(?:and|but|so)\s+)(?:is|are|can|could|should|would|will|do|does|did|how|what|which|where|when|why|any)\b|\b(?:can|could|should|would|will|do|does|did|is|are|shall)\s+(?:i|it|that|this|there|they|you|we|one|mlops|ml|ai|data)\b|\b(?:how|what|which|where|when|why)\s+(?:do|does|can|could|should|would|is|are|long|much|many)\b/i;

export function asksQuestion(text: string): boolean {
  return /\?/.test(text) || QUESTION_CLAUSE.test(text.trim());
}
