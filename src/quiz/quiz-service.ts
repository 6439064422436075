// The quiz in conversation: durable state in the store (one quiz per person
// per workspace on a platform), compare-and-set writes so racing answers
// never both apply, stale and foreign clicks refused, idle quizzes expiring.
import { randomUUID } from "node:crypto";
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import type { StateStore } from "../core/state-store.ts";
import type { Logger } from "../core/logger.ts";
import type { Action } from "../core/actions.ts";
import type { QuizPort, QuizTextResult } from "../core/mentor.ts";
import { personKey, type InboundEvent } from "../core/events.ts";
import { reply, type BlockInput, type Reply } from "../core/reply.ts";
import { encodeAction } from "../core/actions.ts";
import { score, type Outcome } from "./scoring.ts";
import { BACKGROUND, QuizState, applyAnswer, fromStored, toStored, applyBackground, goBack, newState, nextStep, ownerTag } from "./session.ts";
import { questionReply, resultReply, shownOptions, type QuizNav } from "./render.ts";
import { readTypedAnswer } from "./typed-answer.ts";
import { getProfile } from "../core/profile.ts";
import type { PersonBackground } from "./next-steps.ts";
import type { Score } from "./scoring.ts";
import { withResultCard, type CardFiles } from "./card-files.ts";
import { ResultSharing, SHARE_OP } from "./share.ts";

/** What is kept of a finished quiz, for "your last result" and the Slack App Home. */
export interface LastResult {
  outcome: Outcome;
  label: string;
  scores: Record<string, number>;
  also: string | null;
  at: number;
}

/** Who, and on which platform and workspace: all a person's quiz is keyed by. */
type Person = Pick<InboundEvent, "address" | "actor">;

interface Stored {
  state: QuizState;
  expiresAt: number;
}
/** As written to the store: the state in its compact stored shape. */
interface Persisted {
  state: unknown;
  expiresAt: number;
}

export interface QuizServiceOptions {
  kb: KnowledgeBase;
  store: StateStore;
  logger: Logger;
  /** How long an idle quiz is kept (default 7 days). */
  idleMs?: number;
  /** Result cards (PNG) go here; without it results come as text only. */
  cards?: CardFiles;
  now?: () => number;
}

const DAY = 86_400_000;
const MAX_ATTEMPTS = 3;
/** Expired quizzes stay readable this long so the person can be told. */
const GRACE_MS = 30 * DAY;
/** The last result (and its card) is kept this long after it was reached, unless replaced or deleted by /forget. */
export const RESULT_TTL_MS = 180 * DAY;

export class QuizService implements QuizPort {
  private readonly kb: KnowledgeBase;
  private readonly store: StateStore;
  private readonly logger: Logger;
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly cards: CardFiles | undefined;
  private readonly sharing: ResultSharing;
  /** Per-person queue: in one process, a person's events run one at a time. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(opts: QuizServiceOptions) {
    this.kb = opts.kb;
    this.store = opts.store;
    this.logger = opts.logger;
    this.idleMs = opts.idleMs ?? 7 * DAY;
    this.now = opts.now ?? Date.now;
    this.cards = opts.cards;
    this.sharing = new ResultSharing(this.store, this.cards, this.idleMs + GRACE_MS, RESULT_TTL_MS);
  }

  private quizKey = (e: Person) => `quiz:${personKey(e.address, e.actor)}`;
  private resultKey = (e: Person) => `result:${personKey(e.address, e.actor)}`;
  private owner = (e: Person) => ownerTag(personKey(e.address, e.actor));

  private serial<T>(e: Person, work: () => Promise<T>): Promise<T> {
    const key = this.quizKey(e);
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => { if (this.queues.get(key) === tail) this.queues.delete(key); });
    return run;
  }

  /** The person's quiz, or "expired" once it has been idle too long (the record is then removed). */
  private async load(e: Person): Promise<{ stored: Stored; version: number } | "expired" | undefined> {
    const found = await this.store.get<Persisted>(this.quizKey(e));
    if (!found) return undefined;
    if (found.value.expiresAt <= this.now()) {
      await this.store.delete(this.quizKey(e));
      return "expired";
    }
    return { stored: { ...found.value, state: fromStored(found.value.state) }, version: found.version };
  }

  private async save(e: Person, state: QuizState, expectedVersion: number): Promise<boolean> {
    const stored: Persisted = { state: toStored(state), expiresAt: this.now() + this.idleMs };
    return (await this.store.set(this.quizKey(e), stored, { ttlMs: this.idleMs + GRACE_MS, expectedVersion })) !== undefined;
  }

  /** The person's last quiz result (for "/quiz" and the Slack App Home). */
  async lastResult(e: Person): Promise<LastResult | undefined> {
    return (await this.store.get<LastResult>(this.resultKey(e)))?.value;
  }

  start(e: InboundEvent): Promise<Reply[]> {
    return this.serial(e, async () => {
      const current = await this.load(e);
      if (current && current !== "expired") {
        const step = nextStep(this.kb.quiz, current.stored.state);
        const where = step.kind === "result" ? "at the end" : step.kind === "background" ? "at the last question"
          : step.tiebreak ? "at a tie-breaker" : `at question ${step.number} of ${step.planned}`;
        return [reply([{ type: "text", text: `You have a quiz in progress (${where}). Continue where you left off, or start again?` }], [
          { id: encodeAction({ kind: "quiz", op: "continue" }), label: "Continue" },
          { id: encodeAction({ kind: "quiz", op: "restart" }), label: "Start again" },
        ], { visibility: "private", data: { quiz: { prompt: "continue-or-restart", run: current.stored.state.runId } } })];
      }
      return this.begin(e, current === "expired" ? [this.expiredNotice()] : []);
    });
  }

  private async begin(e: InboundEvent, preface: BlockInput[]): Promise<Reply[]> {
    const state = newState(randomUUID().replace(/-/g, "").slice(0, 10), this.now());
    this.cards?.warm();
    const last = await this.lastResult(e);
    const days = Math.round(this.idleMs / DAY);
    const intro: BlockInput[] = [
      ...preface,
      { type: "heading", text: this.kb.quiz.title },
      { type: "text", text: this.kb.quiz.intro },
      { type: "context", text: `What I store: your answers while the quiz runs (deleted after ${days} days without an answer) and your last result (for 180 days, or until you type /forget).` },
    ];
    if (last) intro.push({ type: "text", text: `Your last result was ${last.label} (${new Date(last.at).toISOString().slice(0, 10)}). Let's see if it still holds.` });
    // A fresh run replaces whatever was there; version 0 would refuse an existing record.
    const existing = await this.store.get(this.quizKey(e));
    await this.save(e, state, existing?.version ?? 0);
    await this.sharing.begin(e);
    const step = nextStep(this.kb.quiz, state);
    return [questionReply(this.kb, state, this.owner(e), step as Extract<typeof step, { kind: "item" }>, intro)];
  }

  private expiredNotice(): BlockInput {
    return { type: "text", text: `Your previous quiz expired after ${Math.round(this.idleMs / DAY)} days without an answer, so I deleted it.` };
  }

  onChoice(e: InboundEvent, action: Extract<Action, { kind: "quiz" }>): Promise<Reply[]> {
    return this.serial(e, async () => {
      if (action.op === "start") {
        const current = await this.load(e);
        if (current && current !== "expired") return this.showCurrent(e, current.stored.state, []);
        return this.begin(e, current === "expired" ? [this.expiredNotice()] : []);
      }
      if (action.op === "restart") return this.begin(e, []);
      if (action.op === SHARE_OP) return [await this.sharing.share(e)];
      if (action.op === "continue") {
        const current = await this.load(e);
        if (current === "expired") return this.begin(e, [this.expiredNotice()]);
        if (!current) return this.begin(e, []);
        return this.showCurrent(e, current.stored.state, []);
      }
      const [runId, owner, item, value] = (action.arg ?? "").split(":");
      if (!runId || !owner || !item) return [this.refusal("That button is not part of a quiz I know.")];
      if (owner !== this.owner(e)) return [this.refusal("That quiz belongs to someone else, so your click changed nothing. Start your own with /quiz.")];
      if (action.op === "n") return this.navigate(e, runId, item as QuizNav);
      if (action.op === "a") return this.answer(e, { runId, item, index: Number(value) });
      return [this.refusal("That button is not part of a quiz I know.")];
    });
  }

  onText(e: InboundEvent, text: string): Promise<QuizTextResult | undefined> {
    return this.serial(e, async () => {
      const current = await this.load(e);
      if (current === "expired") return { answered: false, replies: [reply([this.expiredNotice(), { type: "text", text: "Type /quiz to start a new one." }], [{ id: encodeAction({ kind: "quiz", op: "start" }), label: "Start a new quiz" }], { visibility: "private" })] };
      if (!current) return undefined;
      const state = current.stored.state;
      const step = nextStep(this.kb.quiz, state);
      if (step.kind === "result") return undefined;
      const shown = shownOptions(this.kb, state, step);
      const typed = readTypedAnswer(text, shown.labels, { scale: step.kind === "item" && step.item.type === "rating" });
      if (typed?.kind === "unclear") {
        // Looked like an answer but could mean more than one option: ask back rather than guess.
        return { answered: true, replies: [questionReply(this.kb, state, this.owner(e), step, [{ type: "text", text: "I couldn't tell which option that means. Which of these is closest?" }])] };
      }
      if (!typed) {
        // Not an answer: the mentor answers it, then the question comes again; the quiz stays open.
        return { answered: false, replies: [questionReply(this.kb, state, this.owner(e), step)] };
      }
      // The question this answer would land on never reached the person (delivered elsewhere, or lost
      // in a crash): it is shown first, and the answer is not recorded. Quitting needs no question.
      if (state.shown !== undefined && state.shown !== shown.item && !(typed.kind === "nav" && typed.nav === "quit")) {
        // Counted as shown now: a delivery path that never reports costs one repeat, never a loop.
        await this.save(e, { ...state, shown: shown.item }, current.version);
        return { answered: true, replies: [questionReply(this.kb, state, this.owner(e), step, [{ type: "context", text: "The question below did not reach you before, so your answer was not recorded. Please answer it now." }])] };
      }
      if (typed.kind === "nav") return { answered: true, replies: await this.navigate(e, state.runId, typed.nav) };
      return { answered: true, replies: await this.answer(e, { runId: state.runId, item: shown.item, index: typed.index }) };
    });
  }

  /**
   * An adapter delivered this question to the person. Typed answers then land on it; after a
   * crash between saving an answer and delivering the next question, they do not (see onText).
   */
  delivered(e: Person, run: string, item: string): Promise<void> {
    return this.serial(e, async () => {
      const current = await this.load(e);
      if (!current || current === "expired") return;
      const state = current.stored.state;
      if (state.runId !== run || state.shown === item) return;
      // A lost race means a newer state (another answer) is there already: nothing to mark.
      await this.save(e, { ...state, shown: item }, current.version);
    });
  }

  forget(e: InboundEvent): Promise<Reply[]> {
    return this.serial(e, async () => {
      await this.store.delete(this.quizKey(e));
      await this.store.delete(this.resultKey(e));
      await this.cards?.remove(personKey(e.address, e.actor));
      await this.sharing.forget(e);
      return [reply([{ type: "text", text: "Done: I deleted your quiz answers, your last result and our conversation context." }], [], { visibility: "private" })];
    });
  }

  /** Apply one answer with compare-and-set; a lost race retries on the fresh state. */
  private async answer(e: InboundEvent, a: { runId: string; item: string; index: number }): Promise<Reply[]> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.load(e);
      if (current === "expired") return this.begin(e, [this.expiredNotice()]);
      if (!current || current.stored.state.runId !== a.runId) {
        return [this.refusal("That button belongs to an earlier quiz, so it changed nothing.", current ? "continue" : "start")];
      }
      const state = current.stored.state;
      if (state.history.includes(a.item)) {
        return this.showCurrent(e, state, [{ type: "context", text: "That question was already answered; the first answer counts." }]);
      }
      const step = nextStep(this.kb.quiz, state);
      if (step.kind === "result" || (step.kind === "item" ? step.item.id : BACKGROUND) !== a.item) {
        return this.showCurrent(e, state, [{ type: "context", text: "That question has moved on; here is the current one." }]);
      }
      const shown = shownOptions(this.kb, state, step);
      const value = shown.values[a.index];
      if (value === undefined || !Number.isInteger(a.index)) return this.showCurrent(e, state, [{ type: "context", text: "That is not one of the options." }]);
      const next = step.kind === "background"
        ? applyBackground(state, this.kb.quiz.background.options[value]!.id, this.now())
        : applyAnswer(state, a.item, value, this.now());
      if (await this.save(e, next, current.version)) return this.afterChange(e, next);
      this.logger.info({ event: e.id, attempt }, "quiz answer lost a race; retrying on fresh state");
    }
    const fresh = await this.load(e);
    return fresh && fresh !== "expired" ? this.showCurrent(e, fresh.stored.state, [{ type: "context", text: "That question has moved on; here is the current one." }]) : [this.refusal("Something changed meanwhile; type /quiz to continue.")];
  }

  private async navigate(e: InboundEvent, runId: string, nav: QuizNav): Promise<Reply[]> {
    const current = await this.load(e);
    if (current === "expired") return this.begin(e, [this.expiredNotice()]);
    if (!current || current.stored.state.runId !== runId) return [this.refusal("That button belongs to an earlier quiz, so it changed nothing.", current ? "continue" : "start")];
    const state = current.stored.state;
    switch (nav) {
      case "restart": return this.begin(e, []);
      case "quit":
        await this.store.delete(this.quizKey(e));
        return [reply([{ type: "text", text: "Quiz stopped and your answers deleted. Start again any time with /quiz." }], [{ id: encodeAction({ kind: "quiz", op: "start" }), label: "Start again" }], { visibility: "private" })];
      case "back": {
        const next = goBack(state, this.now());
        if (!(await this.save(e, next, current.version))) return this.showCurrent(e, state, []);
        return this.showCurrent(e, next, []);
      }
      case "skip": {
        const step = nextStep(this.kb.quiz, state);
        if (step.kind === "result") return this.afterChange(e, state);
        const next = step.kind === "background" ? applyBackground(state, null, this.now()) : applyAnswer(state, step.item.id, null, this.now());
        if (!(await this.save(e, next, current.version))) return this.showCurrent(e, state, []);
        return this.afterChange(e, next);
      }
    }
  }

  /** The next question, or the result when the quiz is complete. */
  private async afterChange(e: InboundEvent, state: QuizState): Promise<Reply[]> {
    const step = nextStep(this.kb.quiz, state);
    if (step.kind !== "result") return [questionReply(this.kb, state, this.owner(e), step)];
    const s = score(this.kb.quiz, state.answers);
    const result: LastResult = { outcome: s.outcome, label: this.kb.quiz.outcomes[s.outcome].label, scores: s.scores, also: s.also, at: this.now() };
    await this.store.set(this.resultKey(e), result, { ttlMs: RESULT_TTL_MS });
    await this.store.delete(this.quizKey(e));
    return this.resultReplies(e, state, s, result, await this.backgroundOf(e, state));
  }

  /** The one place the result replies are built: the result (with the person's background), its card, and the share offer. */
  private async resultReplies(e: InboundEvent, state: QuizState, s: Score, result: LastResult, background: PersonBackground | undefined): Promise<Reply[]> {
    const shown = resultReply(this.kb, state, s, background);
    // The card lives as long as the stored result (180 days, or until /forget or the next result).
    const withCard = this.cards ? await withResultCard(this.cards, personKey(e.address, e.actor), shown, result.at + RESULT_TTL_MS, this.logger) : shown;
    return [await this.sharing.offer(e, result.label, withCard)];
  }

  /** The background the quiz answer names, else one the person said earlier in the conversation (their profile). */
  private async backgroundOf(e: InboundEvent, state: QuizState): Promise<PersonBackground | undefined> {
    const picked = this.kb.quiz.background.options.find((o) => o.id === state.background);
    if (picked) return { option: picked.id, role: picked.role ?? null };
    const said = (await getProfile(this.store, e.address, e.actor)).background;
    return said?.from ? { role: said.from } : undefined;
  }

  private showCurrent(e: InboundEvent, state: QuizState, preface: BlockInput[]): Promise<Reply[]> | Reply[] {
    const step = nextStep(this.kb.quiz, state);
    if (step.kind === "result") return this.afterChange(e, state);
    return [questionReply(this.kb, state, this.owner(e), step, preface)];
  }

  private refusal(text: string, offer?: "continue" | "start"): Reply {
    const choices = offer === "continue"
      ? [{ id: encodeAction({ kind: "quiz", op: "continue" }), label: "Continue my quiz" }]
      : offer === "start" ? [{ id: encodeAction({ kind: "quiz", op: "start" }), label: "Start a quiz" }] : [];
    // Marked as a refusal: adapters show it to the clicker alone and leave the clicked message as it was.
    return reply([{ type: "text", text }], choices, { visibility: "private", data: { kind: "refused" } });
  }
}
