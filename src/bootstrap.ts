// Composition of the core: knowledge, understanding, the quiz and the mentor, from config.
import { resolve } from "node:path";
import { loadKnowledge } from "./knowledge/load.ts";
import { defaultCacheDir } from "./knowledge/validated-cache.ts";
import { createUnderstander, type Understander } from "./understanding/understand.ts";
import { createMentor, type Mentor, type MentorDeps, type TurnObserver } from "./core/mentor.ts";
import type { StateStore } from "./core/state-store.ts";
import type { Logger } from "./core/logger.ts";
import type { KnowledgeBase } from "./knowledge/knowledge-base.ts";
import { QuizService } from "./quiz/quiz-service.ts";
import { withStoreOutage } from "./core/store-outage.ts";
import { CardFiles } from "./quiz/card-files.ts";

export interface Core {
  kb: KnowledgeBase;
  understander: Understander;
  quiz: QuizService;
  mentor: Mentor;
}

export interface CoreOptions {
  knowledgeDir: string;
  /** Where validated knowledge is cached between starts (default node_modules/.cache/role-mentor); false: always validate in full. */
  knowledgeCache?: string | false;
  store: StateStore;
  logger: Logger;
  contextTtlMs?: number;
  quizIdleMs?: number;
  /** Where quiz result cards (PNG) are written; without it results are text only. */
  cardsDir?: string;
  /** Events per person per minute (default 30). */
  perMinute?: number;
  /** A shared limiter (Redis) instead of one in this process's memory. */
  limiter?: MentorDeps["limiter"];
  /** Told about every turn, e.g. the Prometheus metrics. */
  observer?: TurnObserver;
  /** How long community settings are cached (default 5 s; see SettingsCache). */
  settingsTtlMs?: number;
  now?: () => number;
}

export function createCore(opts: CoreOptions): Core {
  const started = performance.now();
  const kb = loadKnowledge(resolve(opts.knowledgeDir), { cacheDir: opts.knowledgeCache === false ? undefined : opts.knowledgeCache ?? defaultCacheDir() });
  const understander = createUnderstander(kb);
  const quiz = new QuizService({ kb, store: opts.store, logger: opts.logger, idleMs: opts.quizIdleMs, cards: opts.cardsDir ? new CardFiles({ dir: opts.cardsDir, now: opts.now }) : undefined, now: opts.now });
  const mentor = withStoreOutage(createMentor({ kb, understander, store: opts.store, logger: opts.logger, quiz, contextTtlMs: opts.contextTtlMs, perMinute: opts.perMinute, limiter: opts.limiter, observer: opts.observer, settingsTtlMs: opts.settingsTtlMs }), opts.logger);
  opts.logger.info({ ms: Math.round(performance.now() - started), roles: kb.roles.size, terms: kb.glossary.length }, "knowledge loaded");
  return { kb, understander, quiz, mentor };
}
