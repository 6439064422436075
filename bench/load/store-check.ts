// After a load run: what the store holds for each person, against what the
// load knows it did. Read with the product's own store classes, so the keys
// and the record format are the quiz service's (src/quiz/quiz-service.ts).
import type { StateStore } from "../../src/core/state-store.ts";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { fromStored } from "../../src/quiz/session.ts";
import type { Person } from "./fake-slack.ts";

export interface StoreVerdict {
  /** Acknowledged clicks whose item is not among the answers of the person's open quiz. */
  lost: number;
  /** Recorded answers on an item the person never answered while it was on screen. */
  unseen: number;
  /** People whose quiz the load finished, with no result stored (or the quiz still open). */
  resultMissing: number;
  /** People with an open quiz in the store that could be checked answer by answer. */
  checked: number;
}

export async function openStore(kind: string, where: string): Promise<StateStore> {
  if (kind === "redis") {
    const store = new RedisStore(where);
    for (let i = 0; i < 100 && !store.isReady(); i++) await new Promise((r) => setTimeout(r, 50));
    return store;
  }
  return new SqliteStore(where);
}

/** The people of the run are Slack users of workspace T1 (personKey in src/core/events.ts). */
export async function checkStore(store: StateStore, people: Map<string, Person>): Promise<StoreVerdict> {
  const v: StoreVerdict = { lost: 0, unseen: 0, resultMissing: 0, checked: 0 };
  for (const [user, p] of people) {
    const key = `person:slack:T1:${user}`;
    const quiz = await store.get<{ state: unknown }>(`quiz:${key}`);
    if (p.finished) {
      if (quiz || !(await store.get(`result:${key}`))) v.resultMissing++;
      continue;
    }
    if (!quiz) {
      // No open quiz: only right if nothing was acknowledged (it never started).
      v.lost += p.acked.size;
      continue;
    }
    v.checked++;
    const history = new Set(fromStored(quiz.value.state).history);
    for (const item of p.acked) if (!history.has(item)) v.lost++;
    for (const item of history) if (!p.intended.has(item)) v.unseen++;
  }
  return v;
}
