// No tokens in the logs: the real logger set-up (src/logging.ts) is given a
// capturing stream and fed the shapes in which secrets actually reach it — a
// failed Discord webhook call's error (its url holds the interaction token),
// request headers, Slack tokens in messages and causes — and Bolt's debug
// trace, which would otherwise dump whole envelopes with the person's text.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging.ts";
import { redactSecrets } from "../../src/redact-secrets.ts";
import { boltLogger } from "../../adapters/slack/bolt-logger.ts";

function capture(level = "debug") {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const logger = createLogger({ level, pretty: false, destination: stream });
  return { logger, lines, text: () => lines.join("") };
}

const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA";
const BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123";
const SLACK = ["xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx", "xapp-1-A0123456789-1234567890123-abcdef0123456789", "xoxp-1111-2222-3333-abcdef"];

/** Shaped like discord.js's DiscordAPIError / HTTPError after a failed webhook call. */
function webhookFailure(): Error {
  const url = `https://discord.com/api/v10/webhooks/1234567890123456789/${INTERACTION_TOKEN}/messages/@original`;
  return Object.assign(new Error(`Unknown Webhook (PATCH ${url})`), {
    name: "DiscordAPIError[10015]",
    url,
    method: "PATCH",
    requestBody: { files: [], json: { content: "hello" } },
    headers: { Authorization: `Bot ${BOT_TOKEN}`, "content-type": "application/json" },
    cause: new Error(`token was ${SLACK[0]}`),
  });
}

describe("secrets in logs", () => {
  it("a failed Discord webhook call's error logs without the interaction token, bot token or Slack tokens", () => {
    const { logger, text, lines } = capture();
    logger.error({ err: webhookFailure(), ref: "r1" }, "could not edit the reply");
    logger.warn({ req: { headers: { authorization: `Bearer ${SLACK[2]}` } } }, `retrying with ${SLACK[1]}`);
    logger.info(`Authorization: Bot ${BOT_TOKEN}`);
    const out = text();
    for (const secret of [INTERACTION_TOKEN, BOT_TOKEN, ...SLACK]) expect(out).not.toContain(secret);
    expect(out).toContain("/webhooks/1234567890123456789/[secret]/messages/@original");
    // Still useful and still JSON: the message, the ref, the status shape survive.
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    expect(JSON.parse(lines[0]!)).toMatchObject({ ref: "r1", msg: "could not edit the reply", err: { method: "PATCH" } });
  });

  it("leaves ordinary text alone", () => {
    for (const s of ["Bot started in 3 guilds", "the ML engineer path takes 6-12 months", "/webhooks are documented", "interaction e1 answered"]) {
      expect(redactSecrets(s)).toBe(s);
    }
  });

  it("Bolt's debug trace (Socket Mode envelopes, request bodies, API results) never carries the person's text", () => {
    const { logger, text } = capture("debug");
    const bolt = boltLogger(logger);
    const envelope = JSON.stringify({ envelope_id: "e1", payload: { event: { type: "message", text: "my salary is private" } } });
    bolt.debug(`Received a message on the WebSocket: ${envelope}`);
    bolt.debug(`Unable to parse an incoming WebSocket message (will ignore): SyntaxError, my salary is private`);
    bolt.debug(`Calling ack() - type: events_api, envelope_id: e1, data: {"text":"my salary is private"}`);
    bolt.debug(`http request body: {"text":"my salary is private","channel":"C1"}`);
    bolt.debug(`http request result: {"ok":true,"message":{"text":"my salary is private"}}`);
    bolt.debug(JSON.stringify({ event: { text: "my salary is private" } }));
    bolt.debug({ event: { text: "my salary is private" } });
    bolt.debug(`ack() call begins (body: my salary is private)`);
    bolt.debug("apiCall('chat.postMessage') start");
    const out = text();
    expect(out).not.toContain("my salary is private");
    expect(out).toContain("Received a message on the WebSocket: [payload omitted]");
    expect(out).toContain("apiCall('chat.postMessage') start");
  });
});
