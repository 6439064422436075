// Forged Slack requests, validly signed (a leaked secret, or Slack sending a
// shape we did not expect): block_actions, Events API and slash command
// payloads with fields removed or replaced, through the real Bolt app over
// HTTP. The process never crashes, nothing is answered with a 5xx from an
// exception, and a well-formed command is still answered afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { fixture, slackTestCore, startHttpHarness, unique, type HttpHarness } from "../slack/harness.ts";
import { blockKitProblems } from "../slack/fakes/block-kit-limits.ts";
import { applyMutations, mutations } from "./mutate.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

let h: HttpHarness;
const escaped: unknown[] = [];
const onEscape = (err: unknown) => void escaped.push(err);
beforeAll(async () => {
  // Unacknowledged requests (shapes no listener takes) get Bolt's 404 quickly.
  h = await startHttpHarness({ core: slackTestCore(), unhandledRequestTimeoutMillis: 150 });
  process.on("uncaughtException", onEscape);
  process.on("unhandledRejection", onEscape);
});
afterAll(async () => {
  process.off("uncaughtException", onEscape);
  process.off("unhandledRejection", onEscape);
  await h.close();
});

type Body = { body: string; type: string };

/** A valid request of each kind, built afresh (new trigger, event id and response_url). */
function base(kind: number): { json: Record<string, unknown>; form: "payload" | "fields" | "json" } {
  const responseUrl = h.api.responseUrl(unique("fz"));
  switch (kind % 5) {
    case 0: {
      const b = fixture("block-actions");
      return { form: "payload", json: { ...b, trigger_id: unique("t"), response_url: responseUrl, actions: [{ ...(b.actions as object[])[0], action_id: "quiz:start", value: "quiz:start" }] } };
    }
    case 1: return { form: "payload", json: { ...fixture("block-actions"), trigger_id: unique("t"), response_url: responseUrl } };
    case 2: return { form: "json", json: { ...fixture("message-im"), event_id: unique("Ev") } };
    case 3: return { form: "json", json: { ...fixture("app-mention"), event_id: unique("Ev") } };
    default: return { form: "fields", json: { ...fixture("slash-command"), command: "/role", text: "ml engineer", trigger_id: unique("t"), response_url: responseUrl } };
  }
}

function encode(form: "payload" | "fields" | "json", json: unknown): Body {
  if (form === "json") return { body: JSON.stringify(json), type: "application/json" };
  if (form === "payload") return { body: new URLSearchParams({ payload: JSON.stringify(json) }).toString(), type: "application/x-www-form-urlencoded" };
  const fields = Object.entries((json && typeof json === "object" ? json : {}) as Record<string, unknown>).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""]);
  return { body: new URLSearchParams(fields).toString(), type: "application/x-www-form-urlencoded" };
}

describe("fuzz: forged Slack payloads", () => {
  it("never crash the app or end in a 5xx, and a well-formed command is still answered afterwards", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, async (kind, muts) => {
        const { json, form } = base(kind);
        const forged = encode(form, applyMutations(json, muts));
        const res = await h.post(forged.body, forged.type);
        expect([200, 400, 401, 404], forged.body.slice(0, 300)).toContain(res.status);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(escaped).toEqual([]);
    const { res, responseUrl } = await h.command("/mentor", "help");
    expect(res.status).toBe(200);
    const path = new URL(responseUrl).pathname;
    await h.api.waitFor(() => h.api.calls.some((c) => c.method === "response_url" && c.path === path));
    // Everything sent meanwhile was within Block Kit's limits.
    for (const c of h.api.calls.filter((x) => ["chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"].includes(x.method))) {
      if (c.body.blocks) expect(blockKitProblems(c.body as never)).toEqual([]);
    }
  });
});
