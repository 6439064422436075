// The per-person rate limit lives in Redis when the store does: two replicas
// count one person together, so a flood split across them is still limited.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { RedisStore } from "../../src/stores/redis-store.ts";
import { createCore } from "../../src/bootstrap.ts";
import { message, silentLogger } from "../helpers/core.ts";

const url = inject("redisUrl");
const open: RedisStore[] = [];
afterAll(async () => { await Promise.all(open.map((s) => s.close())); });

describe.skipIf(!url)("rate limit across replicas", () => {
  it("counts one person's messages on both replicas together, and another person separately", async () => {
    const prefix = `test-${randomUUID()}:`;
    const replicas = [0, 1].map(() => {
      const store = new RedisStore(url, Date.now, prefix);
      open.push(store);
      return createCore({ knowledgeDir: "knowledge", store, logger: silentLogger, limiter: store.rateLimiter(3, 60) });
    });
    const limited = async (i: number, who: string) => (await replicas[i % 2]!.mentor.handle(message("what is rag?", { actor: { id: who } }))).replies.some((r) => r.data?.kind === "rate-limited");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limited(i, "flooder"));
    expect(results).toEqual([false, false, false, true]);
    expect(await limited(1, "someone-else")).toBe(false);
  });
});
