// Message → {intent, roles, aspect, term, from, to, confidence}.
// Slots come from the knowledge base's lexicon (longest phrase on stems, after
// typo correction); the intent from a naive Bayes model trained at start-up
// on the knowledge base's example messages, with role/term mentions masked so
// an example teaches a sentence shape, not a role. A few structural rules
// then make the frame consistent with the taxonomy's labelling rules.
import { z } from "zod";
import {
  AspectId, IntentId, JobSearchTopicId, RoleId, ASPECT_IDS,
  type AspectId as Aspect, type IntentId as Intent, type JobSearchTopicId as JobTopic, type RoleId as Role,
} from "../knowledge/schema.ts";
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import { cleanText, stem, tokenize } from "./text.ts";
import { PhraseMatcher, type PhraseMatch } from "./phrase-matcher.ts";
import { NaiveBayes, type Scored } from "./naive-bayes.ts";
import { SpellingCorrector } from "./spelling.ts";
import { createLanguageDetector } from "./language.ts";
import MiniSearch from "minisearch";
import { eng as englishStopwordList } from "stopword";
import { commonEnglishWords } from "./english-words.ts";
import { detectBackground } from "./background.ts";
import { Background } from "../core/profile.ts";
import { asksForResult } from "./result-question.ts";

export const Reading = z.object({
  intent: IntentId,
  roles: z.array(RoleId),
  aspect: AspectId.nullable(),
  term: z.string().nullable(),
  from: RoleId.nullable(),
  to: RoleId.nullable(),
  confidence: z.number().min(0).max(1),
});
export type Reading = z.infer<typeof Reading>;

export const Understanding = Reading.extend({
  /** Close second readings, best first, for "Did you mean …?". */
  alternatives: z.array(Reading),
  /** Job-search sub-topic when the message names one. */
  topic: JobSearchTopicId.nullable(),
  /** The background the person states, when they state one ("im a backend dev", "i do frontend react stuff"). */
  background: Background.optional(),
  /** ISO 639-3 code when the message is not in English. */
  language: z.string().nullable(),
  /** The cleaned text had no words at all. */
  empty: z.boolean(),
  /** What the message mentions, whatever the intent: used to resolve follow-ups. */
  mentions: z.object({
    aspects: z.array(AspectId),
    terms: z.array(z.string()),
    /** "more": asks for more on the last topic; "about": "what about X"; "them": refers back to the last roles. */
    followup: z.enum(["more", "about", "them"]).nullable(),
    /** A word points back at something said before ("that role", "it", "them"). */
    reference: z.boolean(),
    /** Roles whose work the message describes ("get into research", "llm apps"), named or not. */
    work: z.array(RoleId),
    words: z.number().int(),
  }),
});
export type Understanding = z.infer<typeof Understanding>;

/** Intents whose answer is about a role or topic: without any subject they are off-topic. */
const NEEDS_SUBJECT: ReadonlySet<Intent> = new Set(["role.overview", "role.aspect", "compare", "learning-path", "resources", "transition", "glossary", "fit", "job-search"]);
/** Intents whose frame carries roles (taxonomy: roles are what the message is about). */
const KEEPS_ROLES: ReadonlySet<Intent> = new Set(["role.overview", "role.aspect", "compare", "fit", "transition", "learning-path", "resources", "job-search"]);

const ROLE = "⟨role⟩";
const TERM = "⟨term⟩";
const ASPECT = "⟨aspect⟩";

/** Words right before a role that mark it as the destination or the origin of a move. */
const TO_MARKERS = new Set(["→", "to", "into", "become", "becom", "toward", "towards", "be", "an", "a", "pivot", "switch", "transit", "move"]);
const FROM_MARKERS = new Set(["from", "as", "im", "i", "am", "current", "currentli", "former", "ex", "work", "been"]);

interface Analysis {
  stems: string[];
  /** The sentence each stem is in (0 = first). */
  sentenceOf: number[];
  /** Roles named; `elided` marks one recovered from a conjunction ("ML or AI engineer"). */
  roles: (PhraseMatch<Role> & { elided?: boolean })[];
  aspects: PhraseMatch<Aspect>[];
  terms: PhraseMatch<string>[];
  topics: PhraseMatch<JobTopic>[];
  domain: boolean;
  followups: PhraseMatch<"more" | "about" | "them">[];
  /** Work described instead of a role's name ("react stuff", "llm apps"): a move's origin or destination. */
  work: PhraseMatch<Role>[];
  /** The background the person states ("im a backend dev", "I'm a physics PhD", "i do frontend react stuff"). */
  background: Background | undefined;
  /** That background is a job but no role of the taxonomy ("I'm a physics PhD", "i'm a teacher"). */
  otherOrigin: boolean;
  /** The message speaks of changing careers. */
  moveCue: boolean;
  /** The message asks which role fits (needed for `fit`). */
  fitCue: boolean;
  /** The message is about getting a job (needed for `job-search`, with the topic words). */
  jobCue: boolean;
  /** The message asks for the quiz (needed for `quiz.start`). */
  quizCue: boolean;
  /** The message worries about a field's future ("is mlops dying", "a fad", "still relevant"). */
  outlookCue: boolean;
  /** Content words the mentor's material never uses ("dentist", "weather"). */
  outside: number;
  /** A word pointing back at something said before ("it", "that one", "them"). */
  reference: boolean;
  /** A word that weighs things against each other ("better", "vs", "which"). */
  comparative: boolean;
  /** The message speaks of the person ("me", "my", "someone who …"). */
  personal: boolean;
}

export interface Slots {
  roles: Role[];
  aspects: Aspect[];
  terms: string[];
}

export interface Understander {
  understand(text: string): Understanding;
  /** Roles, aspects and terms named in a command's arguments, in order. */
  slots(text: string): Slots;
  /** Glossary ids whose names look like the text, for "Did you mean …?". */
  similarTerms(text: string): string[];
}

export function createUnderstander(kb: KnowledgeBase): Understander {
  const roleMatcher = new PhraseMatcher<Role>();
  for (const [role, phrases] of Object.entries(kb.lexicon.roles) as [Role, string[]][]) {
    for (const p of phrases) roleMatcher.add(p, role);
    const r = kb.roles.get(role);
    if (r) roleMatcher.add(r.name, role).add(r.short, role);
  }
  const aspectMatcher = new PhraseMatcher<Aspect>();
  for (const [aspect, phrases] of Object.entries(kb.lexicon.aspects) as [Aspect, string[]][])
    for (const p of phrases) aspectMatcher.add(p, aspect);
  const termMatcher = new PhraseMatcher<string>();
  for (const t of kb.glossary) {
    termMatcher.add(t.id.replace(/-/g, " "), t.id);
    for (const a of [t.term, ...t.aliases]) termMatcher.add(a, t.id);
  }
  const workMatcher = new PhraseMatcher<Role>();
  for (const [role, phrases] of Object.entries(kb.lexicon.work) as [Role, string[]][]) for (const p of phrases) workMatcher.add(p, role);
  const domainMatcher = new PhraseMatcher<true>();
  for (const d of kb.lexicon.domain) domainMatcher.add(d, true);
  const cueMatcher = new PhraseMatcher<true>();
  for (const c of kb.lexicon.transition_cues) cueMatcher.add(c, true);
  const fitCueMatcher = new PhraseMatcher<true>();
  for (const c of kb.lexicon.fit_cues) fitCueMatcher.add(c, true);
  const jobCueMatcher = new PhraseMatcher<true>();
  for (const c of kb.lexicon.job_cues) jobCueMatcher.add(c, true);
  const outlookMatcher = new PhraseMatcher<true>();
  for (const c of kb.lexicon.outlook_cues) outlookMatcher.add(c, true);
  const quizCueMatcher = new PhraseMatcher<true>();
  for (const c of kb.lexicon.quiz_cues) quizCueMatcher.add(c, true);
  const followMatcher = new PhraseMatcher<"more" | "about" | "them">();
  for (const kind of ["more", "about", "them"] as const) for (const p of kb.lexicon.followups[kind]) followMatcher.add(p, kind);
  const topicMatcher = new PhraseMatcher<JobTopic>();
  for (const [topic, phrases] of Object.entries(kb.lexicon.job_search) as [JobTopic, string[]][])
    for (const p of phrases) topicMatcher.add(p, topic);

  const examples: { text: string; intent: Intent; aspect?: Aspect }[] = [];
  for (const [intent, list] of Object.entries(kb.intents.intents) as [Intent, string[]][])
    for (const text of list) examples.push({ text, intent });
  for (const aspect of ASPECT_IDS)
    for (const text of kb.intents.aspects[aspect]) examples.push({ text, intent: "role.aspect", aspect });

  const vocabulary: string[] = [];
  for (const m of [roleMatcher, aspectMatcher, termMatcher, domainMatcher, topicMatcher, followMatcher, fitCueMatcher, jobCueMatcher, workMatcher]) vocabulary.push(...m.words());
  for (const e of examples) vocabulary.push(...tokenize(e.text));
  const speller = new SpellingCorrector(vocabulary, commonEnglishWords());
  // Every word the mentor's own material uses, off-topic examples aside: a message
  // without a subject but with a word outside it ("what does a dentist earn") has a
  // subject the mentor does not cover; one without such a word is vague or leans on
  // the conversation ("who gets paid better"). Compared on light inflections, not on
  // Porter stems, which fold "doctor" into "doctorate".
  const inDomain = new Set<string>();
  for (const m of [roleMatcher, aspectMatcher, termMatcher, domainMatcher, topicMatcher, followMatcher, fitCueMatcher, jobCueMatcher, quizCueMatcher, cueMatcher, workMatcher]) for (const w of m.words()) inDomain.add(inflectionBase(w));
  for (const e of examples) if (e.intent !== "out-of-scope") for (const t of tokenize(e.text)) inDomain.add(inflectionBase(t));
  const isOutside = (token: string) => token.length >= 3 && !/\d/.test(token) && !ENGLISH_STOPWORDS.has(token) && !CHAT_WORDS.has(token) && !inDomain.has(inflectionBase(token));
  const detectLanguage = createLanguageDetector((w) => speller.has(w));

  const startingPoints: ReadonlySet<Role> = new Set([...kb.roles.values()].filter((r) => r.kind === "starting-point").map((r) => r.id));
  const stemsOf = (text: string) => tokenize(text).map((t) => stem(speller.correct(t)));
  const backgroundDeps = {
    roles: (text: string) => unique(roleMatcher.find(stemsOf(text)).map((m) => m.value)),
    work: (text: string) => unique(workMatcher.find(stemsOf(text)).map((m) => m.value)),
    roleName: (r: Role) => kb.role(r).short,
  };
  const analyse = (text: string): Analysis => {
    const stems: string[] = [];
    const sentenceOf: number[] = [];
    let outside = 0;
    let reference = false;
    let comparative = false;
    let personal = false;
    text.split(SENTENCE_END).forEach((sentence, n) => {
      for (const t of tokenize(sentence)) {
        const corrected = speller.correct(t);
        stems.push(stem(corrected));
        sentenceOf.push(n);
        if (isOutside(corrected)) outside++;
        reference ||= REFERENCES.has(t);
        comparative ||= COMPARATIVES.has(t);
        personal ||= PERSONAL.has(t);
      }
    });
    const roles = withEllipsis(stems, roleMatcher.find(stems), roleMatcher);
    const background = detectBackground(text, backgroundDeps);
    return {
      stems,
      sentenceOf,
      roles,
      // An aspect word inside a role's name ("ML platform engineer", "AI application engineer") is the name.
      aspects: withoutOverlap(aspectMatcher.find(stems), roles),
      terms: withoutOverlap(termMatcher.find(stems), roles).filter((t) => !roles.some((r) => r.elided && t.start < r.end && r.start < t.end)),
      topics: topicMatcher.find(stems),
      work: workMatcher.find(stems),
      background,
      otherOrigin: startsElsewhere(background),
      domain: domainMatcher.find(stems).length > 0,
      outside,
      reference,
      comparative,
      personal,
      followups: followMatcher.find(stems),
      moveCue: cueMatcher.find(stems).length > 0,
      fitCue: fitCueMatcher.find(stems).length > 0,
      jobCue: jobCueMatcher.find(stems).length > 0,
      quizCue: quizCueMatcher.find(stems).length > 0,
      outlookCue: outlookMatcher.find(stems).length > 0,
    };
  };

  const mentions = (a: Analysis): Understanding["mentions"] => {
    const f = a.followups.find((m) => m.value === "them" || m.start === 0);
    return {
      aspects: unique(a.aspects.map((m) => m.value)),
      terms: unique(a.terms.map((m) => m.value)),
      followup: f?.value ?? null,
      work: unique(a.work.map((m) => m.value)),
      reference: a.reference,
      words: a.stems.length,
    };
  };

  const termSearch = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], searchOptions: { fuzzy: 0.25, prefix: true } });
  termSearch.addAll(kb.glossary.map((t) => ({ id: t.id, text: [t.id.replace(/-/g, " "), t.term, ...t.aliases].join(" ") })));

  const intentModel = new NaiveBayes<Intent>(INTENT_TEMPERATURE);
  const aspectModel = new NaiveBayes<Aspect>(ASPECT_TEMPERATURE);
  for (const e of examples) {
    const a = analyse(e.text);
    intentModel.learn(features(a), e.intent);
    if (e.aspect) aspectModel.learn(features(a, false), e.aspect);
  }
  // The cue phrases are aspect examples too.
  for (const [aspect, phrases] of Object.entries(kb.lexicon.aspects) as [Aspect, string[]][])
    for (const p of phrases) aspectModel.learn(features(analyse(p), false), aspect);

  return {
    understand(raw: string): Understanding {
      // "ok how long would that take", "cool, what tools would i use": an opener carries no intent of its own.
      const text = withoutOpeners(cleanText(raw));
      const a = analyse(text);
      const base = { alternatives: [], topic: null, language: null, empty: false, mentions: mentions(a), ...(a.background ? { background: a.background } : {}) };
      if (a.stems.length === 0) return { ...emptyReading("help", 0), ...base, empty: true };
      const language = detectLanguage(text);
      if (language) return { ...emptyReading("out-of-scope", 0.9), ...base, language };
      // "what was my quiz result again": the few ways people ask it (the conversation answers it from their result).
      if (asksForResult(text)) return { ...emptyReading("quiz.result", 1), ...base };
      // Three intents need their own words: "which role …" for fit, job words for job search, "quiz"
      // for the quiz. Without them the model's pick is a false friend ("should I use batch size 32",
      // "give me the code", "can i do it without python?").
      const ranked = intentModel.rank(features(a)).filter(
        (r) => (r.label !== "fit" || a.fitCue || a.roles.length >= 2) && (r.label !== "job-search" || a.jobCue || a.topics.length > 0) && (r.label !== "quiz.start" || a.quizCue)
          // Help is about the bot: a message about a role, a term or a role's pay or skills is not a help request.
          && (r.label !== "help" || (a.roles.length === 0 && a.terms.length === 0 && a.aspects.length === 0 && !(a.domain && r.p < WEAK_HELP) && a.outside < 2)),
      );
      let readings = ranked.slice(0, 4).map((s) => frame(s, a, aspectModel, startingPoints));
      // Off-topic is for off-topic: a message that speaks of roles' aspects, fit, jobs or the last
      // answer and names nothing outside the field is a career question read badly, not a decline.
      // Its best in-field readings are offered ("Did you mean …?") instead; so are they when the
      // decline itself is a weak guess about a message with field words ("any advice for a beginner").
      const top = readings[0]!;
      if (top.intent === "out-of-scope" && a.outside === 0 && (careerSignal(a) || (a.domain && top.confidence < SUBJECTLESS_CONFIDENCE))) {
        const inField = readings.filter((r) => r.intent !== "out-of-scope");
        if (inField.length > 0) readings = inField.map((r) => ({ ...r, confidence: Math.min(r.confidence, SUBJECTLESS_CONFIDENCE) }));
      }
      readings = readings.slice(0, 3);
      const best = readings[0]!;
      const alternatives = readings
        .slice(1)
        .filter((r) => r.intent !== best.intent && r.confidence >= ALTERNATIVE_MIN && best.confidence - r.confidence < ALTERNATIVE_MARGIN);
      // A question about "a role" that names none ("how long would it take me realistically") is offered
      // for the two roles the mentor is about, so "Did you mean …?" has readings to choose from.
      if (ROLE_BOUND.has(best.intent) && best.roles.length === 0 && best.confidence < SUBJECTLESS_CONFIDENCE + 1e-9)
        alternatives.unshift(...CORE_ROLES.map((role) => ({ ...best, roles: [role] })));
      return { ...best, ...base, alternatives: alternatives.slice(0, 3), topic: a.topics[0]?.value ?? null };
    },
    slots(text: string): Slots {
      const a = analyse(cleanText(text));
      return { roles: unique(a.roles.map((m) => m.value)), aspects: unique(a.aspects.map((m) => m.value)), terms: unique(a.terms.map((m) => m.value)) };
    },
    similarTerms(text: string): string[] {
      return termSearch.search(cleanText(text)).slice(0, 3).map((h) => String(h.id));
    },
  };
}

// Calibrated on the development sets: NB is over-confident on short texts.
const INTENT_TEMPERATURE = 3;
const ASPECT_TEMPERATURE = 2;
const ALTERNATIVE_MIN = 0.2;
const ALTERNATIVE_MARGIN = 0.25;
/** Below the mentor's clarify threshold (0.35): a reading without a subject is offered, not answered. */
const SUBJECTLESS_CONFIDENCE = 0.3;
/** A help reading this unsure, of a message with field words ("can i do it without python?"), is not taken. */
const WEAK_HELP = 0.35;
const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(englishStopwordList);
/** Discourse openers before the message proper ("ok", "so", "alright", "hmm"); a message of nothing else keeps them. */
const OPENERS = /^(?:(?:ok(?:ay)?|k|so|alright|cool|great|nice|hmm+|yeah|um+|uh+|oh|ah|anyway)\b[\s,.!:;-]*)+/i;
const withoutOpeners = (text: string): string => {
  const rest = text.replace(OPENERS, "");
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
};
/**
 * Chat's own filler, hedges and sign-offs ("whats the difference again", "idk tbh", "pls"): they name
 * no subject, so they never count as a word from outside the field. Closed-class, not domain vocabulary.
 */
const CHAT_WORDS: ReadonlySet<string> = new Set([
  "again", "btw", "lol", "lmao", "haha", "pls", "plz", "please", "anyway", "anyways", "okay", "hmm", "umm", "just", "actually", "really",
  "though", "tho", "exactly", "basically", "sorry", "yeah", "yes", "yea", "cool", "wait", "huh", "tbh", "idk", "imo", "imho", "pretty",
  "kinda", "sorta", "gonna", "wanna", "gotta", "tryna", "literally", "honestly", "seriously", "remind", "thx", "guys", "folks", "everyone",
]);
/** Job-search topics that win over the "what is X like" shape of an overview (certificates are education). */
const SEARCH_TOPICS: ReadonlySet<JobTopic> = new Set(["resume", "portfolio", "interviews", "networking"] as JobTopic[]);
/** Readings a worry about a role's future overrides: it asks the role's demand. */
const OUTLOOK_OVERRIDES: ReadonlySet<Intent> = new Set(["glossary", "role.overview", "learning-path", "job-search"]);
/** Intents whose answer is about one role, so a reading of them without a role cannot be answered. */
const ROLE_BOUND: ReadonlySet<Intent> = new Set(["role.overview", "role.aspect", "learning-path"]);
/** The two roles the product is about (taxonomy): the readings offered when a question names no role. */
const CORE_ROLES: readonly Role[] = ["ml-engineer", "ai-engineer"];
/** Words by which a message speaks of the person asking, or of fitting one ("a better fit for a stats phd"). */
const PERSONAL: ReadonlySet<string> = new Set(["i", "me", "my", "myself", "im", "someone", "somebody", "person", "mine", "fit", "fits", "suit", "suits", "suited"]);
/** Words that weigh one thing against another. */
const COMPARATIVES: ReadonlySet<string> = new Set(["vs", "versus", "v", "compare", "compared", "comparison", "difference", "differences", "different", "differ", "between", "than", "which", "who", "better", "worse", "best", "more", "less", "most", "higher", "lower", "easier", "harder", "either", "both"]);
/** Words that point back at what was said before: their message has a subject, in the conversation. */
const REFERENCES: ReadonlySet<string> = new Set(["it", "that", "this", "one", "ones", "them", "those", "these", "both", "either", "there", "first", "second", "other", "latter", "former"]);

/**
 * Words of the mentor's own field besides roles: career aspects (pay, demand, degrees, duties …),
 * fit, job or quiz words, job topics, follow-ups. Skills and tools words are left out: "calculus"
 * and "pytorch" are also what homework and code requests are about.
 */
function careerSignal(a: Analysis): boolean {
  // Naming the aspect itself ("what skills …", "which tools …") is talk about roles all the same.
  const careerAspect = (m: PhraseMatch<Aspect>) => (m.value !== "skills" && m.value !== "tools") || stem(m.phrase.toLowerCase()) === stem(m.value);
  return a.aspects.some(careerAspect) || a.fitCue || a.jobCue || a.quizCue || a.topics.length > 0 || a.followups.length > 0;
}

function emptyReading(intent: Intent, confidence: number): Reading {
  return { intent, roles: [], aspect: null, term: null, from: null, to: null, confidence };
}

/** Stems with roles and terms masked, unigrams plus bigrams with a start marker. */
function features(a: Analysis, maskAspects = true): string[] {
  const masked: string[] = [];
  const starts = new Map<number, string>();
  const skip = new Set<number>();
  const mask = (ms: PhraseMatch<unknown>[], token: string) => {
    for (const m of ms) {
      starts.set(m.start, token);
      for (let i = m.start + 1; i < m.end; i++) skip.add(i);
    }
  };
  mask(a.roles, ROLE);
  mask(a.terms, TERM); // a span that is both ("mlops") reads as a term; the frame keeps the role too
  for (let i = 0; i < a.stems.length; i++) {
    if (skip.has(i) && !starts.has(i)) continue;
    masked.push(starts.get(i) ?? a.stems[i]!);
  }
  const out = [...masked];
  for (let i = 0; i < masked.length; i++) out.push(`${i === 0 ? "^" : masked[i - 1]} ${masked[i]}`);
  const roleCount = new Set(a.roles.map((r) => r.value)).size;
  out.push(`#roles=${Math.min(roleCount, 2)}`);
  if (a.terms.length > 0) out.push("#term");
  // Absence is evidence too: an "about a role" question without an aspect word is an overview.
  if (maskAspects) out.push(a.aspects.length > 0 ? ASPECT : "#no-aspect");
  return out;
}

function frame(scored: Scored<Intent>, a: Analysis, aspectModel: NaiveBayes<Aspect>, startingPoints: ReadonlySet<Role>): Reading {
  let intent = scored.label;
  let confidence = scored.p;
  let roles = unique(a.roles.map((r) => r.value));
  const term = a.terms[0]?.value ?? null;
  // "AI", "ML" alone are terms only in a question about terms.
  const strongTerm = a.terms.find((t) => t.phrase.length > 2)?.value ?? null;

  let outlook = false;
  // Structural consistency (the taxonomy's labelling rules).
  if ((intent === "role.overview" || intent === "role.aspect") && roles.length >= 2) intent = "compare";
  if ((intent === "role.overview" || intent === "role.aspect") && roles.length === 0 && strongTerm) intent = "glossary";
  if (intent === "role.overview" && roles.length === 1 && a.aspects.length > 0) intent = "role.aspect";
  // Concepts contrasted or asked about, with no role in sight, are glossary questions.
  if (roles.length === 0 && strongTerm && (intent === "compare" || (intent === "job-search" && a.topics.length === 0))) intent = "glossary";
  if (intent === "glossary" && !term && roles.length > 0) intent = a.aspects.length > 0 ? "role.aspect" : "role.overview";
  if (intent === "learning-path" && roles.length >= 2) intent = "transition";
  // Topic over shape: "what is the AI engineer interview like", "what does a good DS portfolio look
  // like" read like an overview, but resumes, portfolios, interviews and networking are the job
  // search (taxonomy) for the role named, or for the one being discussed.
  // The shape is "… like" in the topic's own sentence: "I met them at a meetup. What do they do?" stays the overview.
  const likeShape = (t: PhraseMatch<JobTopic>) => a.stems.some((w, i) => w === "like" && a.sentenceOf[i] === a.sentenceOf[t.start]);
  if (intent === "role.overview" && roles.length <= 1 && a.topics.some((t) => SEARCH_TOPICS.has(t.value) && likeShape(t))) intent = "job-search";
  // "Which one pays more", "which uses more math, X or Y" weigh roles (two named, or on pay or
  // demand); "which is better for me" and "a better fit for a stats phd" weigh them for a person.
  if (intent === "fit" && !a.personal && a.comparative && (roles.length >= 2 || a.aspects.some((m) => m.value === "salary" || m.value === "demand"))) intent = "compare";
  // The other way round: roles weighed for the person asking ("X or Y, which suits me") is a choice, not a comparison.
  if (intent === "compare" && a.personal && a.fitCue && a.aspects.length === 0) intent = "fit";
  // A comparison of nothing named needs a word that compares ("who gets paid better"); without one,
  // "and the salary?" asks about an aspect of whatever is being discussed.
  if (intent === "compare" && roles.length === 0 && !strongTerm && !a.comparative) intent = "role.aspect";
  // A degree, PhD or certificate question about one role is answered by its education
  // section, even when worded as a path ("do I need a degree to become …").
  if ((intent === "learning-path" || intent === "resources") && roles.length === 1 && a.aspects.some((m) => m.value === "education")) intent = "role.aspect";
  // So is whether one needs a subject ("do i need to know math to be an AI engineer"); "math first or code first?" is the path.
  if (intent === "learning-path" && roles.length === 1 && a.aspects.some(isSubject) && a.stems.some((s) => NEED_WORDS.has(s))) intent = "role.aspect";
  // A transition may start from a background that is not a role ("teacher -> data scientist").
  if (intent === "transition" && (roles.length === 0 || (roles.length === 1 && !a.moveCue))) intent = "learning-path";
  // Demand over glossary: a field that is also a role ("MLOps") asked about with a worry about its
  // future ("is mlops a fad", "still a thing", "are there still jobs in it") asks the role's demand,
  // not what the term means, a path into it or a job hunt (taxonomy: "is X dying" → demand).
  if (a.outlookCue && roles.length <= 1 && a.topics.length === 0 && OUTLOOK_OVERRIDES.has(intent) && (roles.length === 1 || !strongTerm)) {
    intent = "role.aspect";
    outlook = true;
  }
  let from: Role | null = null;
  let to: Role | null = null;
  let settled = false;
  // A move told in the person's own words ("i do frontend react stuff, want to get into llm apps",
  // "im a data analyst tryna get into ml"): what they do now is the origin, what follows the
  // move the destination, each a role named or work described.
  const move = intent === "learning-path" || intent === "transition" ? describedMove(a) : undefined;
  if (move) {
    intent = "transition";
    [from, to, settled] = [move.from, move.to, true];
    roles = move.from ? [move.from, move.to] : [move.to];
    confidence = Math.max(confidence, DESCRIBED_MOVE_CONFIDENCE);
  } else if (intent === "learning-path" && roles.length === 1 && a.otherOrigin) {
    // "I'm a physics PhD, how do I get into ML engineering?": a move from a starting point outside the roles (taxonomy: from is null).
    intent = "transition";
    [from, to, settled] = [null, roles[0]!, true];
  }
  // "im a backend dev, which one is closer for me": the role the person is is where they start, not an option.
  const own = a.background?.from;
  if (intent === "fit" && own && roles.includes(own)) roles = roles.filter((r) => r !== own);
  // "ml jobs", "data pipeline jobs": in a job search, the work named is the role whose jobs they are.
  const workRoles = unique(a.work.map((w) => w.value));
  if (intent === "job-search" && roles.length === 0 && workRoles.length === 1) roles = workRoles;
  // No subject at all: off-topic when the message names something the mentor does not cover
  // (one such word and nothing pointing back at the conversation, or several: "fix it" after a
  // traceback); otherwise it is vague or elliptical ("who gets paid better", "how do i become
  // one"), so the reading stays, with a confidence low enough to ask back. A glossary question
  // needs its term: "what is love" is not a vague glossary question. A self-description naming
  // the field's skills or tools ("i like kubernetes") is a subject for fit.
  const describesWork = intent === "fit" && a.aspects.some((m) => m.value === "skills" || m.value === "tools");
  if (NEEDS_SUBJECT.has(intent) && roles.length === 0 && !term && !a.domain && !describesWork) {
    // "whats the difference again": a contrast of nothing named, with nothing from outside the field,
    // weighs what the conversation was weighing; it is no glossary question without its term.
    if (intent === "glossary" && a.comparative && a.outside === 0) {
      intent = "compare";
      confidence = Math.min(confidence, SUBJECTLESS_CONFIDENCE);
    } else if (intent === "glossary" || a.outside >= 2 || (a.outside === 1 && !a.reference)) {
      intent = "out-of-scope";
      confidence = Math.max(confidence, 0.6);
    } else confidence = Math.min(confidence, SUBJECTLESS_CONFIDENCE);
  }

  if (intent === "transition" && !settled) [from, to] = direction(a, startingPoints);

  let aspect: Aspect | null = null;
  if (intent === "role.aspect" || intent === "compare") {
    aspect = outlook ? "demand" : dominantAspect(a.aspects, a.sentenceOf);
    if (!aspect && intent === "role.aspect") aspect = aspectModel.rank(features(a, false))[0]?.label ?? null;
  }
  return {
    intent,
    roles: KEEPS_ROLES.has(intent) ? roles : [],
    aspect,
    term: intent === "glossary" ? term : null,
    from,
    to,
    confidence: round(confidence),
  };
}

/**
 * The aspect the cue phrases point at most. Later sentences weigh more: people
 * give background first ("I just finished my masters in stats") and ask last
 * ("what is different day to day?"). The first cue mentioned breaks ties.
 */
function dominantAspect(matches: PhraseMatch<Aspect>[], sentenceOf: number[]): Aspect | null {
  const counts = new Map<Aspect, number>();
  for (const m of matches) counts.set(m.value, (counts.get(m.value) ?? 0) + 1 + LATER_SENTENCE_WEIGHT * (sentenceOf[m.start] ?? 0));
  let best: Aspect | null = null;
  for (const m of matches) if (best === null || counts.get(m.value)! > counts.get(best)!) best = m.value;
  return best;
}

const NEED_WORDS: ReadonlySet<string> = new Set(["need", "requir", "necessari", "mandatori", "essenti", "enough"]);
/** A skills cue that names a subject to learn ("math", "statistics", "which languages"), not a generic "need to know". */
const isSubject = (m: PhraseMatch<Aspect>) => m.value === "skills" && !/know|need|requir|skill|qualif|prerequisit|expertis|competenc|background/i.test(m.phrase);

/** Where a described move's destination begins: "into", "become", "toward", "→", or "to" after a verb of moving or wanting. */
function moveStart(stems: readonly string[]): number {
  return stems.findIndex((s, i) => DESTINATION_WORDS.has(s) || (s === "to" && i > 0 && MOVE_VERBS.has(stems[i - 1]!)));
}
const DESTINATION_WORDS: ReadonlySet<string> = new Set(["into", "becom", "toward", "→"]);
const MOVE_VERBS: ReadonlySet<string> = new Set(["move", "switch", "transit", "transition", "pivot", "go", "get", "chang", "shift", "want", "head", "jump"]);
/** Words (stems) by which people say they do some work now. */
const DOING_WORDS: ReadonlySet<string> = new Set(["do", "work", "build", "write", "make", "code", "develop", "maintain", "run", "year", "yr", "yrs", "experi", "background", "currentli", "job", "profession", "im", "am"]);
/** A move read from described work is a clear reading, not a guess to ask back about. */
const DESCRIBED_MOVE_CONFIDENCE = 0.6;

/**
 * A move with an origin and a destination on either side of the move's words, at least one of them
 * described rather than named. Two roles named are left to `direction`, which reads "to X from Y" too.
 */
function describedMove(a: Analysis): { from: Role | null; to: Role } | undefined {
  if (new Set(a.roles.map((r) => r.value)).size >= 2 || a.work.length === 0) return undefined;
  let g = moveStart(a.stems);
  // "i do devops stuff, is mlops a natural next step": no word before the destination, but a move cue and one role named after the work.
  if (g < 0 && a.moveCue && new Set(a.roles.map((r) => r.value)).size === 1) g = a.roles[0]!.start;
  if (g <= 0) return undefined;
  // Work is an origin when the person says they do it ("i do frontend", "i build data pipelines", "3 years of react"), not when they like it.
  const doing = (w: PhraseMatch<Role>) => a.stems.slice(Math.max(0, w.start - 4), w.start).some((s) => DOING_WORDS.has(s));
  const origin = a.roles.find((r) => r.end <= g) ?? a.work.find((w) => w.end <= g && doing(w) && !a.roles.some((r) => r.start < w.end && w.start < r.end));
  const destination = a.roles.find((r) => r.start >= g) ?? a.work.find((w) => w.start >= g);
  // "i'm a civil engineer and want to move into ml": a stated job outside the roles is the origin (from: null).
  if (!origin && destination && a.roles.length === 0 && a.otherOrigin) return { from: null, to: destination.value };
  if (!origin || !destination || origin.value === destination.value) return undefined;
  return { from: origin.value, to: destination.value };
}

/** A stated job that is no role of the taxonomy and no stage of study: "I'm a physics PhD", "i'm a teacher". */
function startsElsewhere(b: Background | undefined): boolean {
  return b !== undefined && b.from === null && !STUDYING.test(b.label);
}
/** Students and graduates are on a learning path, not changing careers. */
const STUDYING = /\b(?:student|students|grad|graduate|major|pupil|freshman|sophomore|junior|senior|undergrad|undergraduate|school|highschool|intern)\b/i;

/** Which named role is the origin and which the destination of a move. */
function direction(a: Analysis, startingPoints: ReadonlySet<Role>): [Role | null, Role | null] {
  const distinct: PhraseMatch<Role>[] = [];
  for (const m of a.roles) if (!distinct.some((d) => d.value === m.value)) distinct.push(m);
  if (distinct.length < 2) return [null, distinct[0]?.value ?? null];
  const before = (m: PhraseMatch<Role>) => a.stems.slice(Math.max(0, m.start - 3), m.start);
  const isTo = (m: PhraseMatch<Role>) => {
    const words = before(m);
    const last = words[words.length - 1];
    // "as a X" / "i'm a X" mark an origin even though "a" also precedes destinations.
    const toWord = (w: string) => w === "to" || w === "into" || w === "becom" || w === "→";
    if (words.some((w) => FROM_MARKERS.has(w)) && !words.some(toWord)) return false;
    return last !== undefined && (TO_MARKERS.has(last) || words.some(toWord));
  };
  const first = distinct[0]!;
  const last = distinct[distinct.length - 1]!;
  if (isTo(first) && !isTo(last)) return [last.value, first.value];
  // No word says which way ("AI engineer vs software engineer … how do i move over"): people move out of
  // the usual starting points (software engineer, data analyst), not into them.
  if (!isTo(last) && startingPoints.has(last.value) && !startingPoints.has(first.value)) return [last.value, first.value];
  return [first.value, last.value];
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** A word without its regular inflection: "engineers" → "engineer", "paying" → "pay", "easier" → "easy". */
function inflectionBase(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && /(ies|ier|iest)$/.test(w)) return w.replace(/(ies|ier|iest)$/, "y");
  if (w.length > 5 && (w.endsWith("ing") || w.endsWith("ed"))) return w.replace(/(ing|ed)$/, "");
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** Where a sentence ends, for weighting what is asked over what is told. */
const SENTENCE_END = /(?<=[.!?])\s+|\n+/;
const LATER_SENTENCE_WEIGHT = 1.5;

const CONJUNCTIONS = new Set(["or", "and", "vs", "versu", "v", "nor"]);

/**
 * "ML or AI engineering", "data and ML engineers": the first role's head word
 * shares the second role's noun. Adds the elided role when head + noun is a role.
 * An elided role is a role by construction, so its head word ("ml" in "ml vs ai
 * engineer") is not also read as the glossary term.
 */
function withEllipsis<T>(stems: string[], roles: PhraseMatch<T>[], matcher: PhraseMatcher<T>): (PhraseMatch<T> & { elided?: boolean })[] {
  const added: (PhraseMatch<T> & { elided?: boolean })[] = [];
  for (const m of roles) {
    const noun = stems[m.end - 1]!;
    if (m.start < 2 || !CONJUNCTIONS.has(stems[m.start - 1]!)) continue;
    for (const h of [1, 2]) {
      const start = m.start - 1 - h;
      if (start < 0 || roles.some((r) => r.end > start && r.start < m.start - 1)) continue;
      const [hit] = matcher.find([...stems.slice(start, m.start - 1), noun]);
      if (hit && hit.start === 0 && hit.end === h + 1) {
        added.push({ ...hit, start, end: m.start - 1, elided: true });
        break;
      }
    }
  }
  return [...added, ...roles].sort((a, b) => a.start - b.start);
}

/**
 * Matches not swallowed by a longer one of `others`: "mlops" inside "mlops engineer" is the role,
 * while a bare "mlops" stays both a role and a term, and the intent decides.
 */
function withoutOverlap<T, U>(matches: PhraseMatch<T>[], others: PhraseMatch<U>[]): PhraseMatch<T>[] {
  return matches.filter((m) => !others.some((o) => m.start < o.end && o.start < m.end && o.end - o.start > m.end - m.start));
}
const round = (x: number) => Math.round(x * 1000) / 1000;
