// The mentor: the one entry point adapters call. It takes a platform-neutral
// event, owns routing, conversation context and state, and returns
// platform-neutral replies. No platform code lives here.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { RoleId } from "../knowledge/schema.ts";
import type { Understander, Understanding, Reading } from "../understanding/understand.ts";
import type { Logger } from "./logger.ts";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { InboundEvent, conversationKey, personKey, type InboundEventInput } from "./events.ts";
import type { StateStore } from "./state-store.ts";
import { decodeAction, encodeAction, type Action } from "./actions.ts";
import { reply, type Choice, type Reply } from "./reply.ts";
import { commandSpec } from "./commands.ts";
import { commandNote, commandReading, parseCommand, withNote, withRoleWords } from "./command-args.ts";
import { actionFor, readingLabel } from "./readings.ts";
import { afterAnswer, afterSuggestion, parseContext, type ConversationContext } from "../conversation/context.ts";
import { resolveInContext } from "../conversation/resolve.ts";
import { QUIZ_ANSWER, readingOfAction } from "../conversation/frames.ts";
import { asksHowLong, durationReply } from "../conversation/duration.ts";
import { backgroundNoted, lastResultReply, suggestedRole, type ResultView } from "../conversation/replies.ts";
import { getProfile, updateProfile } from "./profile.ts";
import { roleAspect, roleOverview } from "./answers/role.ts";
import { compareRoles } from "./answers/compare.ts";
import { learningPath, transition } from "./answers/paths.ts";
import { resources } from "./answers/resources.ts";
import { glossaryTerm, unknownTerm } from "./answers/glossary.ts";
import { jobSearch } from "./answers/job-search.ts";
import { decisionFramework } from "./answers/decision.ts";
import { createFitSearch, fitAnswer, withBackgroundRoutes, withStartingPointRoutes } from "./answers/fit.ts";
import { ASPECT_LABELS } from "./answers/format.ts";
import { choice } from "./answers/choices.ts";
import * as talk from "./answers/small-talk.ts";
import { detailView, firstView } from "./answers/views.ts";
import { demandAnswer } from "./answers/outlook.ts";
import { toolChoiceAnswer } from "./answers/tool-choices.ts";
import { startingPointAnswer } from "./answers/starting-points.ts";
import { findStartingPoint, findToolChoice } from "../knowledge/topic-match.ts";
import { createDecoder } from "../decoder/decode.ts";
import { looksLikePosting, titleQuestion } from "../decoder/detect.ts";
import { decodedPosting, titleAnswer, withQuizFit } from "./answers/decode.ts";
import { areaPay, offerHomeRegion, payInRegion, regionOnly, regionPicker, regionalPay } from "./answers/regional-pay.ts";
import { findRegion } from "../knowledge/region-match.ts";
import { asksQuestion } from "../understanding/background.ts";
import { offerFor, offerReply } from "../community/listening.ts";
import { claimCooldown } from "../community/cooldown.ts";
import { answersMentionsIn, listensIn, SettingsCache, DEFAULT_SETTINGS, type Community, type CommunitySettings } from "../community/settings.ts";
import { configCommand } from "../community/config-command.ts";
import { gapInput, withCommandVisibility, withCommunityNotes, withRating } from "../community/community-turn.ts";
import { recordGap } from "../gaps/gap-log.ts";
import { addressOfPersonKey, forgotReply, forgottenOf, keysAbout, personKeysIn, personOfKey } from "../community/privacy.ts";

export interface Turn {
  replies: Reply[];
  /** The same platform event (by id) was already handled: adapters send nothing. */
  duplicate?: boolean;
  /** How a free-text message was understood (absent for commands and choices). */
  understanding?: Understanding;
  /**
   * The frame the mentor answered, after resolving the conversation: the very
   * object the answer was built from (a choice's or command's action frame,
   * quiz.answer for a turn the quiz took). Absent for duplicates and refusals.
   */
  reading?: Reading;
  /** A mention in a channel where the community's admin does not want answers: adapters send nothing. */
  skipped?: "channel" | "quiet";
}


/**
 * What the quiz makes of a message while it runs: `answered` means the text was
 * an answer or a navigation word and `replies` are the whole turn; otherwise the
 * mentor answers the message and `replies` follow (the question shown again).
 */
export interface QuizTextResult {
  answered: boolean;
  replies: Reply[];
}

/** Lets the quiz (its own module) take over messages and choices while it runs. */
export interface QuizPort {
  start(event: InboundEvent): Promise<Reply[]>;
  onChoice(event: InboundEvent, action: Extract<Action, { kind: "quiz" }>): Promise<Reply[]>;
  /** undefined when the person has no quiz running. */
  onText(event: InboundEvent, text: string): Promise<QuizTextResult | undefined>;
  forget(event: InboundEvent): Promise<Reply[]>;
  /** The person's last finished result, read-only ("what was my result?"). */
  lastResult(person: Pick<InboundEvent, "address" | "actor">): Promise<ResultView | undefined>;
}

export interface MentorDeps {
  kb: KnowledgeBase;
  understander: Understander;
  store: StateStore;
  logger: Logger;
  quiz: QuizPort;
  /** How long a conversation's last topic is remembered. */
  contextTtlMs?: number;
  /** Events one person may send per minute before being asked to slow down (default 30). */
  perMinute?: number;
  /** The per-person limiter; shared by replicas when it lives in Redis (default: this process's memory). */
  limiter?: RateLimiterAbstract;
  /** Told about every turn (e.g. to count it for /metrics); never sees the text. */
  observer?: TurnObserver;
  /** How long community settings read from the store are trusted (default SETTINGS_TTL_MS, 5 s). */
  settingsTtlMs?: number;
  /** The clock of the settings cache (tests). */
  now?: () => number;
}

/** What an observer learns of a turn: ids and outcome only. */
export interface TurnObserver {
  turn(info: { platform: string; kind: InboundEvent["kind"]; intent?: string; duplicate: boolean; rateLimited: boolean; quizOutcome?: string; seconds: number }): void;
}

export interface Mentor {
  handle(event: InboundEventInput): Promise<Turn>;
  /** Understand and answer one message without context or state (the `ask` tool). */
  answerStateless(text: string): Turn;
  /** The help reply for a platform, outside any conversation (e.g. Slack's App Home); not rate-limited. */
  help(platform: InboundEvent["address"]["platform"]): Reply;
  /** The settings of the community an address belongs to (defaults outside one, e.g. a Discord DM). */
  settings(address: Pick<InboundEvent["address"], "platform" | "workspace">): Promise<CommunitySettings>;
  /** The bot was removed from a server or workspace: delete that community's data. */
  forgetCommunity(community: Community): Promise<void>;
}

/** Slack's commands sit under /mentor; elsewhere they stand alone. */
const prefixFor = (platform: string) => (platform === "slack" ? "/mentor " : "/");
const MAX_TEXT = 4000;
/** Longer than Slack's retry window (about 5 minutes). */
const DEDUPE_TTL_MS = 15 * 60 * 1000;
const CLARIFY_BELOW = 0.35;
/** Readings a described background may arrive as: a move with no taxonomy role to start from, or "how do I become …". */
const ROUTE_READINGS = (u: Understanding) => (u.intent === "transition" && !u.from) || u.intent === "learning-path";
/** Readings a tool-choice question may arrive as: about tools or resources, unsure, or declined as off-topic. */
const TOOL_READINGS = (u: Understanding) =>
  u.confidence < CLARIFY_BELOW ||
  ["resources", "role.overview", "glossary", "out-of-scope", "learning-path"].includes(u.intent) ||
  (u.intent === "role.aspect" && (u.aspect === "tools" || u.aspect === null));
/** A pasted posting is read up to this (the decoder itself decodes the first 10,000 characters and says so). */
const MAX_POSTING_INPUT = 50_000;

export function createMentor(deps: MentorDeps): Mentor {
  const { kb, understander, store, logger } = deps;
  const fitSearch = createFitSearch(kb);
  const resolveDeps = {
    read: (t: string) => understander.understand(t),
    roles: (t: string) => understander.slots(t).roles,
    roleName: (r: RoleId) => kb.role(r).short,
    termName: (t: string) => kb.term(t)?.term ?? t,
    // A description of the person's own work is its own evidence for "which role fits".
    describesWork: (t: string) => fitSearch(t).leans.some((l) => l.because.length > 0),
  };
  const decoder = createDecoder(kb);
  const contextTtl = deps.contextTtlMs ?? 24 * 60 * 60 * 1000;
  // Per person, so one flood cannot crowd out a channel (this process's memory unless a shared limiter is given).
  const limiter = deps.limiter ?? new RateLimiterMemory({ points: deps.perMinute ?? 30, duration: 60 });
  // Settings are read on every turn in a community: cached briefly, changes through it seen at once here.
  const communityCache = new SettingsCache(store, deps.settingsTtlMs, deps.now);

  /**
   * Answer an action (from a choice, a command or an understood message): its short first view, or a detail view.
   * `home`: the person's region, offered first on a US salary answer.
   */
  const answerAction = (a: Action, prefix: string, home?: string): Reply[] => {
    if (a.kind !== "view") return fullAnswer(a, prefix).map((r) => firstView(offerHomeRegion(kb, r, home), a));
    const of = decodeAction(a.of)!; // decodeAction validated it
    return fullAnswer(of, prefix).map((r) => detailView(r, a.view, of));
  };

  /** The whole answer to an action, before it is cut to chat size. */
  const fullAnswer = (a: Exclude<Action, { kind: "view" }> | Action, prefix: string): Reply[] => {
    switch (a.kind) {
      case "role": return [a.aspect === "demand" ? demandAnswer(kb, a.role) : a.aspect ? roleAspect(kb, a.role, a.aspect) : roleOverview(kb, a.role)];
      case "tools": return [toolChoiceAnswer(kb, a.topic)];
      case "start": return [startingPointAnswer(kb, a.point, a.to)];
      case "pay": return [a.region ? regionalPay(kb, a.roles, a.region) : regionPicker(kb, a.roles)];
      case "compare": return [compareRoles(kb, a.roles, a.aspect)];
      case "path": return [learningPath(kb, a.role)];
      case "transition": return [transition(kb, a.from, a.to)];
      case "resources": return [resources(kb, a.role)];
      case "glossary": return [glossaryTerm(kb, a.term) ?? unknownTerm(kb, [])];
      case "jobs": return [jobSearch(kb, a.role, a.topic)];
      case "fit": return [fitAnswer(kb, [], [])];
      case "decide": return [decisionFramework(kb)];
      case "help": return [talk.help(kb, prefix)];
      case "quiz": return [talk.quizInvite(kb)]; // stateless answers only; live quizzes go through the quiz port
      case "view": return answerAction(a, prefix);
      case "rate": return []; // handled as a turn of its own (it records, it answers nothing)
    }
  };



  /**
   * A pasted posting (or anything after /decode) and questions about known job titles go to the decoder.
   * Only the decoded role ids outlive the turn: the posting itself is never stored.
   */
  const decodeTurn = (raw: string, viaCommand: boolean): { reading: Reading; replies: Reply[] } | undefined => {
    const text = raw.slice(0, MAX_POSTING_INPUT);
    const reading = (roles: RoleId[]): Reading => ({ intent: "decode", roles, aspect: null, term: null, from: null, to: null, confidence: 1 });
    const asTitle = viaCommand && text.trim().length <= 120 ? decoder.titles.readTitle(text) : undefined;
    const question = titleQuestion(decoder.titles, text) ?? (asTitle?.titles[0] ? { title: asTitle.titles[0], asked: [] } : undefined);
    if (question && !looksLikePosting(text)) return { reading: reading(question.title.roles), replies: [titleAnswer(kb, question.title, question.asked)] };
    if (asTitle && asTitle.roles.length === 1 && text.trim().split(/\s+/).length <= 6) {
      return { reading: reading(asTitle.roles), replies: answerAction({ kind: "role", role: asTitle.roles[0]! }, "/") };
    }
    if (!viaCommand && !looksLikePosting(text)) return undefined;
    const d = decoder.decode({ text });
    return { reading: reading(d.role ? [d.role] : []), replies: [decodedPosting(kb, d)] };
  };

  /** Answer an understood message (no state); salary answers lead with `region` (a regions.yaml id) when it is not the US. */
  const answerUnderstanding = (u: Understanding, text: string, prefix: string, region?: string): Reply[] => {
    if (u.empty) return [talk.emptyMessage()];
    if (u.language) return [talk.foreignLanguage()];
    // "pytorch or tensorflow?", "should i learn langchain": the tool-choice knowledge decides, for readings that are about tools or unsure.
    const tool = TOOL_READINGS(u) ? findToolChoice(kb.topics.toolChoices, text) : undefined;
    if (tool) return answerAction({ kind: "tools", topic: tool.id }, prefix);
    // "I'm a QA tester, how do I get into ML?": a described background outside the roles has its own route.
    const start = ROUTE_READINGS(u) ? findStartingPoint(kb.topics.startingPoints, text) : undefined;
    const target = u.to ?? u.roles[0];
    if (start && (!target || start.routes.some((r) => r.to === target) || kb.path(target))) return answerAction({ kind: "start", point: start.id, to: target ?? undefined }, prefix);
    if (u.confidence < CLARIFY_BELOW || u.alternatives.length > 0) {
      const options = [u, ...u.alternatives]
        .map((r) => ({ r, a: actionFor(r) }))
        .filter((x): x is { r: Reading; a: Action } => x.a !== undefined)
        .map((x): Choice => ({ id: encodeAction(x.a), label: readingLabel(kb, x.r) }));
      const distinct = [...new Map(options.map((o) => [o.id, o])).values()];
      if (distinct.length >= 2) return [talk.clarify(distinct)];
      // A weak reading alone is not worth answering: ask back with it and the usual starting points.
      if (u.confidence < CLARIFY_BELOW) return [talk.clarify([...distinct, ...talk.starterChoices()].slice(0, 3))];
    }
    switch (u.intent) {
      case "greeting": return [talk.greeting()];
      case "help": return [talk.help(kb, prefix)];
      case "thanks": return [talk.thanks()];
      case "out-of-scope": return [talk.outOfScope()];
      case "fit": return [fitAnswer(kb, u.roles, fitSearch(text))];
      // A follow-up to a decoded posting ("tell me more") is about the role it decoded to.
      case "decode": return u.roles[0] ? answerAction({ kind: "role", role: u.roles[0] }, prefix) : [talk.outOfScope()];
      case "glossary": return u.term && glossaryTerm(kb, u.term) ? answerAction({ kind: "glossary", term: u.term }, prefix) : [unknownTerm(kb, understander.similarTerms(text))];
      case "resources": {
        if (!u.mentions.terms[0]) return answerAction({ kind: "resources", role: u.roles[0] }, prefix);
        // On one topic ("books for RAG?"): chat-sized too; a depth choice would reopen the unnarrowed list, so none.
        const short = firstView(resources(kb, u.roles[0], u.mentions.terms[0]), { kind: "resources", role: u.roles[0] });
        return [{ ...short, choices: short.choices.filter((c) => !c.id.startsWith("view:")) }];
      }
      case "job-search": return answerAction({ kind: "jobs", role: u.roles[0], topic: u.topic ?? undefined }, prefix);
      case "learning-path":
        if (!u.roles[0]) return [talk.whichRole(kb, (role) => choice({ kind: "path", role }, `Path to ${kb.role(role).short}`), "Which role would you like a learning path for?")];
        break;
      case "role.overview":
      case "role.aspect":
        if (!u.roles[0]) {
          const aspect = u.aspect ?? undefined;
          return [talk.whichRole(kb, (role) => choice({ kind: "role", role, aspect }, kb.role(role).short), `Which role do you mean${aspect ? ` (${ASPECT_LABELS[aspect].toLowerCase()})` : ""}?`)];
        }
        break;
      default: break;
    }
    const action = actionFor(u);
    return action ? answerAction(payInRegion(action, region) ?? action, prefix) : [talk.outOfScope()];
  };




  return {
    help: (platform) => talk.help(kb, prefixFor(platform)),
    settings: (address) => communitySettings(address),
    async forgetCommunity(community) {
      // Everything keyed by the community: settings, cooldowns, contexts, quizzes and results (with their cards).
      const found = await keysAbout(store, community.platform, { community: community.id });
      const like = { platform: community.platform, workspace: community.id, channel: "-", thread: null, dm: false } as InboundEvent["address"];
      for (const key of personKeysIn(found)) {
        await deps.quiz.forget({ kind: "command", name: "forget", args: "", address: addressOfPersonKey(key, like), actor: { id: personOfKey(key) } });
      }
      // Then the rest of what was found (deleting what the quiz service already deleted is harmless).
      for (const key of found) await store.delete(key);
      await communityCache.delete(community);
      logger.info({ platform: community.platform, workspace: community.id, keys: found.length }, "community data deleted");
    },
    answerStateless(raw: string): Turn {
      const text = raw.slice(0, MAX_TEXT);
      const slash = /^\s*\/([a-z][\w-]*)\s*(.*)$/is.exec(text);
      if (slash && slash[1]!.toLowerCase() !== "ask") {
        // A command as typed text: its reading is the command's, its reply the command's answer.
        const name = slash[1]!.toLowerCase();
        const args = slash[2] ?? "";
        if (name === "decode") {
          const decoded = decodeTurn(raw.replace(/^\s*\/decode\s*/i, ""), true)!;
          return { understanding: { ...understander.understand(""), ...decoded.reading, empty: false }, reading: decoded.reading, replies: decoded.replies };
        }
        const u = { ...understander.understand(args), ...commandReading(name, understander.slots(withRoleWords(understander, args))) };
        const parsed = name === "quiz" ? undefined : parseCommand(kb, understander, commandSpec(name), args, "/");
        const replies = parsed === undefined ? [talk.quizInvite(kb)] : Array.isArray(parsed) ? parsed : withNote(answerAction(parsed, "/"), commandNote(kb, understander, name, args));
        return { understanding: u, reading: u, replies };
      }
      const question = slash ? slash[2] ?? "" : text;
      const decoded = decodeTurn(slash ? question : raw, false);
      if (decoded) return { understanding: { ...understander.understand(question.slice(0, 2000)), ...decoded.reading, alternatives: [] }, reading: decoded.reading, replies: decoded.replies };
      const u = understander.understand(question);
      return { understanding: u, reading: u, replies: answerUnderstanding(u, question, "/", findRegion(kb, question)) };
    },

    async handle(input: InboundEventInput): Promise<Turn> {
      const event = InboundEvent.parse(input);
      const started = performance.now();
      const community = event.address.workspace ? await communitySettings(event.address) : undefined;
      // Mentions only where the admin wants answers; checked before dedupe and rate limit, so nothing is spent on them.
      if (community && event.kind === "message" && event.mention && !event.address.dm && !answersMentionsIn(community, event.address.channel)) {
        logger.info({ event: event.id, platform: event.address.platform, workspace: event.address.workspace }, "mention outside the community's answer channels");
        return { replies: [], skipped: "channel" };
      }
      if (event.kind === "message" && event.listen) return listened(event, community);
      const turn = community ? await inCommunity(event, await handleEvent(event, true), community) : await handleEvent(event, true);
      const quizOutcome = turn.replies.map((r) => r.data?.outcome).find((o): o is string => typeof o === "string");
      deps.observer?.turn({
        platform: event.address.platform, kind: event.kind, intent: turn.understanding?.intent, duplicate: Boolean(turn.duplicate),
        rateLimited: turn.replies.some((r) => r.data?.kind === "rate-limited"), quizOutcome, seconds: (performance.now() - started) / 1000,
      });
      // Ids and outcome only: what people write is not logged.
      logger.info(
        { event: event.id, platform: event.address.platform, workspace: event.address.workspace, kind: event.kind, intent: turn.understanding?.intent, replies: turn.replies.length, duplicate: turn.duplicate, ms: Math.round(performance.now() - started) },
        "turn",
      );
      return turn;
    },
  };

  async function communitySettings(address: Pick<InboundEvent["address"], "platform" | "workspace">): Promise<CommunitySettings> {
    return address.workspace ? communityCache.get({ platform: address.platform, id: address.workspace }) : DEFAULT_SETTINGS;
  }

  /** What the community's settings change in an answered turn: gap records, /help's note, private command answers. */
  async function inCommunity(event: InboundEvent, turn: Turn, s: CommunitySettings): Promise<Turn> {
    if (turn.duplicate || turn.skipped) return turn;
    const asked = event.kind === "message" ? event.text : event.kind === "command" && event.name.toLowerCase() === "ask" ? event.args : undefined;
    const gap = s.recordGaps && asked !== undefined ? gapInput(turn, asked.slice(0, MAX_TEXT)) : undefined;
    if (gap) {
      // Anonymous: no user, channel or community id goes in, and a failure never costs the answer.
      const kept = await recordGap(store, gap).catch((err: unknown) => { logger.warn({ err }, "knowledge gap not recorded"); return false; });
      logger.info({ event: event.id, kind: gap.kind, kept }, "knowledge gap");
    }
    let replies = withCommunityNotes(turn.replies, s);
    // Answers to questions, in a community that records gaps, can be rated (not the gaps themselves: they are recorded already).
    if (s.recordGaps && asked !== undefined && !gap && turn.reading) replies = withRating(replies, turn.reading);
    if (event.kind === "command" && !event.address.dm) replies = withCommandVisibility(replies, s);
    return { ...turn, replies };
  }

  /**
   * A message heard without a mention (listening mode). Outside a listening channel: nothing.
   * In a thread where this person already talks with the bot: a follow-up, answered as if asked.
   * Elsewhere in a thread: nothing. At the top of the channel: one short offer, at most once
   * per person per cooldown, for a clear "which role fits me" or a pasted posting.
   */
  async function listened(event: Extract<InboundEvent, { kind: "message" }>, s: CommunitySettings | undefined): Promise<Turn> {
    const quiet = (why: "channel" | "quiet"): Turn => ({ replies: [], skipped: why });
    if (!s || event.address.dm || !listensIn(s, event.address.channel)) return quiet("channel");
    if (event.address.thread) {
      if (!(await store.get(conversationKey(event.address, event.actor)))) return quiet("quiet");
      return inCommunity(event, await handleEvent({ ...event, listen: false }, true), s);
    }
    const offer = offerFor(understander.understand(event.text.slice(0, MAX_TEXT)), looksLikePosting(event.text.slice(0, MAX_POSTING_INPUT)));
    if (!offer) return quiet("quiet");
    // Replicas seeing the same event: one claims it.
    if (event.id && !(await store.set(`seen:${event.address.platform}:${event.id}`, 1, { ttlMs: DEDUPE_TTL_MS, expectedVersion: 0 }))) return { replies: [], duplicate: true };
    const spot = { platform: event.address.platform, community: event.address.workspace!, channel: event.address.channel, person: event.actor.id };
    if (!(await claimCooldown(store, spot, Math.max(s.cooldownSeconds, 1)))) return quiet("quiet");
    logger.info({ event: event.id, platform: event.address.platform, workspace: event.address.workspace, offer }, "listening offer");
    return { replies: [offerReply(offer, prefixFor(event.address.platform))] };
  }

  /** 👍/👎: recorded anonymously (the reading only) while the community records gaps. */
  async function rated(event: InboundEvent, a: Extract<Action, { kind: "rate" }>): Promise<Reply> {
    const s = await communitySettings(event.address);
    const kept = s.recordGaps && (await recordGap(store, { kind: a.up ? "thumbs-up" : "thumbs-down", intent: a.intent, roles: a.roles, confidence: 1 }));
    logger.info({ event: event.id, up: a.up, kept }, "answer rated");
    return reply([{ type: "text", text: kept ? "Thanks, noted (anonymously): it helps decide what to improve." : "Thanks! Ratings are not being recorded here right now." }], [], { visibility: "private", data: { kind: "rated" } });
  }

  /** The community's default salary region, when the knowledge base has figures for it. */
  async function communityRegion(address: InboundEvent["address"]): Promise<string | undefined> {
    if (!address.workspace) return undefined;
    const region = (await communitySettings(address)).salaryRegion;
    return region && kb.regions.some((r) => r.id === region) ? region : undefined;
  }

  /**
   * /forget: everything stored about the person on this platform, found by their id in the store's keys
   * (every conversation, every server or workspace, the DM); the reply says what went.
   */
  async function forgetPerson(event: InboundEvent): Promise<Reply[]> {
    const { platform } = event.address;
    const found = await keysAbout(store, platform, { person: event.actor.id });
    // The reply counts what was still in force (a context or result past its time to live is deleted, not counted).
    const live: string[] = [];
    for (const key of found) if (!/^(?:ctx|quiz|result):/.test(key) || (await store.get(key))) live.push(key);
    // The quiz service deletes its own (quiz, result, share offer, result card file) wherever the person took it,
    // and the limiter its counter (in this process's memory too); the current place and, on Discord, the DM always.
    const here = personKey(event.address, event.actor);
    const dm = personKey({ ...event.address, workspace: null }, event.actor);
    for (const key of new Set([here, dm, ...personKeysIn(found)])) {
      await deps.quiz.forget({ ...event, address: addressOfPersonKey(key, event.address) });
      await limiter.delete(key).catch((err: unknown) => logger.warn({ err }, "rate-limit state not deleted"));
    }
    // Then whatever else carries the id: contexts, the profile, cooldowns, redelivery notes.
    for (const key of found) await store.delete(key);
    const forgotten = forgottenOf(live);
    logger.info({ event: event.id, platform, keys: found.length, ...forgotten }, "person forgotten");
    return [forgotReply(platform, forgotten)];
  }

  async function handleEvent(event: InboundEvent, fromOutside: boolean): Promise<Turn> {
    // Platforms redeliver (Slack retries, replicas): an event id is handled once.
    if (fromOutside && event.id && !(await store.set(`seen:${event.address.platform}:${event.id}`, 1, { ttlMs: DEDUPE_TTL_MS, expectedVersion: 0 }))) {
      logger.info({ event: event.id, platform: event.address.platform }, "duplicate event ignored");
      return { replies: [], duplicate: true };
    }
    try {
      // The terminal is one local person, often piping a script: nothing to share, nothing to limit.
      if (fromOutside && event.address.platform !== "terminal") await limiter.consume(personKey(event.address, event.actor));
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.ceil(err.msBeforeNext / 1000);
      return { replies: [reply([{ type: "text", text: `You're sending messages faster than I can answer well. Please wait ${seconds} seconds and try again.` }], [], { visibility: "private", data: { kind: "rate-limited" } })] };
    }
    const prefix = prefixFor(event.address.platform);
    const key = conversationKey(event.address, event.actor);
    const remember = async (change: (ctx: ConversationContext) => ConversationContext) => {
      const before = parseContext((await store.get(key))?.value);
      const after = change(before);
      if (after === before) return;
      await store.set(key, after, { ttlMs: contextTtl });
    };
    /** A quiz result among the replies is the role the mentor now suggests. */
    const noteSuggestion = async (replies: Reply[]) => {
      const role = replies.map((r) => suggestedRole(kb, r.data?.outcome)).find((r) => r !== undefined);
      if (role) await remember((c) => afterSuggestion(c, role));
    };

    if (event.kind === "choice") {
      const action = decodeAction(event.choiceId);
      if (!action) {
        logger.info({ event: event.id, choice: event.choiceId.slice(0, 100) }, "unknown choice");
        return { replies: [reply([{ type: "text", text: "That button is no longer valid. Ask me again, or type /help." }], [], { visibility: "private", data: { kind: "refused" } })] };
      }
      if (action.kind === "rate") return { replies: [await rated(event, action)] };
      const reading = readingOfAction(action);
      if (action.kind === "quiz") {
        const replies = await deps.quiz.onChoice(event, action);
        await noteSuggestion(replies);
        return { replies, reading };
      }
      // A region chosen on a salary answer is where the person is, as if they had said so.
      if (action.kind === "pay" && action.region) await updateProfile(store, event.address, event.actor, { region: action.region }, contextTtl);
      if (reading) await remember((c) => afterAnswer(c, reading));
      // "US figures" clicked by someone elsewhere: their own country's pay is one click back (read only for US salary answers).
      const usSalary = (action.kind === "role" || action.kind === "compare") && action.aspect === "salary";
      const home = usSalary ? (await getProfile(store, event.address, event.actor)).region ?? (await communityRegion(event.address)) : undefined;
      return { replies: answerAction(action, prefix, home), reading };
    }

    if (event.kind === "command") {
      const name = event.name.replace(/^\//, "").toLowerCase();
      if (name === "ask") return handleEvent({ ...event, kind: "message", text: event.args }, false);
      if (name === "quiz") return { replies: await deps.quiz.start(event), reading: readingOfAction({ kind: "quiz", op: "start" }) };
      if (name === "decode") {
        const decoded = decodeTurn(event.args, true)!;
        await remember((c) => afterAnswer(c, decoded.reading));
        return { replies: await fitToQuiz(event, decoded.replies), reading: decoded.reading };
      }
      if (name === "forget") return { replies: await forgetPerson(event) };
      if (name === "config" || name === "mentor-config") {
        if (!event.address.workspace) return { replies: [reply([{ type: "text", text: "Settings belong to a server or workspace: use this command in one of its channels." }], [], { visibility: "private" })] };
        return { replies: [await configCommand(communityCache, { platform: event.address.platform, id: event.address.workspace }, event.args, event.admin === true)] };
      }
      const args = event.args.slice(0, MAX_TEXT);
      const parsed = parseCommand(kb, understander, commandSpec(name), args, prefix);
      if (Array.isArray(parsed)) return { replies: parsed };
      const reading = readingOfAction(parsed);
      if (reading) await remember((c) => afterAnswer(c, reading));
      return { replies: withNote(answerAction(parsed, prefix), commandNote(kb, understander, name, args)), reading };
    }

    const text = event.text.slice(0, MAX_TEXT);
    const slash = /^\s*\/([a-z][\w-]*)\s*(.*)$/is.exec(text);
    if (slash) return handleEvent({ ...event, kind: "command", name: slash[1]!, args: slash[2] ?? "" }, false);

    // The quiz kept with this place first; else one running elsewhere (the DM), only for an answer it takes.
    const elsewhere = async () => {
      const r = event.quizIn ? await deps.quiz.onText({ ...event, address: event.quizIn }, text) : undefined;
      return r?.answered ? r : undefined;
    };
    const during = (await deps.quiz.onText(event, text)) ?? (await elsewhere());
    if (during?.answered) {
      await noteSuggestion(during.replies);
      return { replies: during.replies, reading: QUIZ_ANSWER };
    }
    // The decoder reads a pasted posting whole (up to its own limit), not cut at MAX_TEXT.
    const turn = await answerMessage(event, text, key, prefix, remember, event.text);
    return during ? { ...turn, replies: [...turn.replies, ...during.replies] } : turn;
  }

  /** A decoded posting, with how it fits the person's last quiz result when they have one. */
  async function fitToQuiz(event: InboundEvent, replies: Reply[]): Promise<Reply[]> {
    if (!replies.some((r) => r.data?.kind === "decode")) return replies;
    const last = await deps.quiz.lastResult(event);
    return replies.map((r) => withQuizFit(kb, r, last));
  }

  async function answerMessage(event: InboundEvent, text: string, key: string, prefix: string, remember: (change: (c: ConversationContext) => ConversationContext) => Promise<void>, full = text): Promise<Turn> {
    // Only the decoded role ids outlive the turn: the posting itself is never stored.
    const decoded = decodeTurn(full, false);
    if (decoded) {
      await remember((c) => afterAnswer(c, decoded.reading));
      return { replies: await fitToQuiz(event, decoded.replies), understanding: { ...understander.understand(text.slice(0, 2000)), ...decoded.reading, alternatives: [] }, reading: decoded.reading };
    }
    const understanding0 = understander.understand(text);
    const stored = parseContext((await store.get(key))?.value);
    // A quiz finished elsewhere (its DM, another channel) still suggests a role for "how do i get there".
    const fromQuiz = stored.last || stored.suggested ? undefined : suggestedRole(kb, (await deps.quiz.lastResult(event))?.outcome);
    const ctx = fromQuiz ? { ...stored, suggested: fromQuiz } : stored;
    // A background the person states is remembered for them (all their conversations on this platform).
    const stated = understanding0.empty || understanding0.language ? undefined : understanding0.background;
    // Where the person is ("I'm in Berlin") is remembered for them too; their salary answers lead with it.
    const named = understanding0.empty || understanding0.language ? undefined : findRegion(kb, text);
    const patch = { ...(stated ? { background: stated } : {}), ...(named ? { region: named } : {}) };
    const profile = stated || named ? await updateProfile(store, event.address, event.actor, patch, contextTtl) : await getProfile(store, event.address, event.actor);
    const u = resolveInContext(understanding0, text, ctx, { from: profile.background?.from ?? null }, resolveDeps);
    if (stated && statesOnly(u, stated.from, text)) {
      const reading = { ...u, intent: "fit" as const, roles: [], aspect: null, term: null, from: null, to: null };
      return { replies: [backgroundNoted(kb, stated)], understanding: u, reading };
    }
    if (u.intent === "quiz.start" && u.confidence >= CLARIFY_BELOW && u.alternatives.length === 0) {
      return { replies: await deps.quiz.start(event), understanding: u, reading: u };
    }
    if (u.intent === "quiz.result" && u.confidence >= CLARIFY_BELOW) {
      const last = await deps.quiz.lastResult(event);
      const role = suggestedRole(kb, last?.outcome);
      if (role) await remember((c) => afterSuggestion(c, role));
      return { replies: [lastResultReply(kb, last)], understanding: u, reading: u };
    }
    // "I'm in Berlin" alone: noted; "and in the uk?" after a salary answer: the same pay there.
    const only = regionOnly(kb, u, text, named, ctx.last ?? undefined);
    if (only) {
      await remember((c) => afterAnswer(c, only.reading));
      return { replies: only.action ? answerAction(only.action, prefix) : [only.reply!], understanding: only.reading, reading: only.reading };
    }
    // "ml engineer pay in europe", "and in europe?": no area-wide figure, the countries that have one offered.
    const area = named ? undefined : areaPay(kb, u, text, ctx.last ?? undefined);
    if (area) {
      await remember((c) => afterAnswer(c, area.reading));
      return { replies: [area.reply], understanding: area.reading, reading: area.reading };
    }
    // "How long would that take?" is answered with the duration itself, the path one click away.
    const howLong = asksHowLong(text) && u.confidence >= CLARIFY_BELOW ? durationReply(kb, u) : undefined;
    // The person's own region first; else the community's default (read only for a salary question: other turns never use it).
    const region = profile.region ?? (u.aspect === "salary" ? await communityRegion(event.address) : undefined);
    let replies = howLong ? [howLong] : answerUnderstanding(u, text, prefix, region);
    if (u.intent === "fit") {
      // The role the fit answer leaned on, if it named one from the person's own words.
      const lean = fitSearch(text).leans.find((l) => l.because.length > 0)?.role;
      // A background they told us: how far the roles weighed are from there, the move one click away.
      const from = profile.background?.from;
      const weighed = u.roles.length >= 2 ? u.roles : lean ? [lean] : (["ml-engineer", "ai-engineer"] as RoleId[]);
      if (from && replies[0]?.data?.kind === "fit") replies = [withBackgroundRoutes(kb, replies[0], from, weighed), ...replies.slice(1)];
      // A background that is no role (a teacher, a physics PhD): the routes from that starting point.
      else if (profile.background && replies[0]?.data?.kind === "fit") {
        const { label } = profile.background;
        replies = [withStartingPointRoutes(kb, replies[0], label, findStartingPoint(kb.topics.startingPoints, label), weighed), ...replies.slice(1)];
      }
      if (lean) await remember((c) => afterSuggestion(afterAnswer(c, u), lean));
      else await remember((c) => afterAnswer(c, u));
    } else {
      // Also after "Did you mean": the best guess is what a follow-up most likely leans on.
      await remember((c) => afterAnswer(c, u));
    }
    return { replies, understanding: u, reading: u };
  }
}

/** A message that tells a background and asks nothing the mentor could answer. */
function statesOnly(u: Understanding, from: string | null, text: string): boolean {
  // "i do devops stuff, is it a natural next step": a question, even without "?", is answered.
  if (asksQuestion(text)) return false;
  if (u.intent === "out-of-scope" || u.confidence < CLARIFY_BELOW) return true;
  // "im a data analyst, 2 yrs of sql": read as being about the role they come from.
  return ["role.overview", "role.aspect", "learning-path"].includes(u.intent) && u.roles.length === 1 && u.roles[0] === from;
}
