// Composition of the core: knowledge, understanding and the mentor, from config.
import { resolve } from "node:path";
import { loadKnowledge } from "./knowledge/load.ts";
import { createUnderstander } from "./understanding/understand.ts";
import { createMentor, type Mentor, type QuizPort } from "./core/mentor.ts";
import type { StateStore } from "./core/state-store.ts";
import type { Logger } from "./core/logger.ts";
import type { KnowledgeBase } from "./knowledge/knowledge-base.ts";
import type { Understander } from "./understanding/understand.ts";

export interface Core {
  kb: KnowledgeBase;
  understander: Understander;
  mentor: Mentor;
}

export function createCore(opts: { knowledgeDir: string; store: StateStore; logger: Logger; quiz?: (kb: KnowledgeBase, understander: Understander) => QuizPort; contextTtlMs?: number }): Core {
  const started = performance.now();
  const kb = loadKnowledge(resolve(opts.knowledgeDir));
  const understander = createUnderstander(kb);
  const mentor = createMentor({ kb, understander, store: opts.store, logger: opts.logger, quiz: opts.quiz?.(kb, understander), contextTtlMs: opts.contextTtlMs });
  opts.logger.info({ ms: Math.round(performance.now() - started), roles: kb.roles.size, terms: kb.glossary.length }, "knowledge loaded");
  return { kb, understander, mentor };
}
