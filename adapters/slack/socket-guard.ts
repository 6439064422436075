// Socket Mode's client reads `payload.event.type` of every events_api
// envelope before anyone can check it: an envelope without that throws inside
// the client's own message listener (an unhandled rejection) and is never
// acknowledged, so Slack redelivers it. The guard sits in front of that
// listener: such an envelope is acknowledged and dropped; every other message
// goes on to the client unchanged, and a failure there is logged.
import type { EventEmitter } from "node:events";
import type { Logger } from "../../src/core/logger.ts";

type WsListener = (data: unknown, isBinary: boolean) => unknown;
interface SocketModeClientLike extends EventEmitter {
  send(envelopeId: string, body?: object): Promise<void>;
}

export function guardSocketMessages(client: SocketModeClientLike, logger: Logger): void {
  const listeners = client.listeners("ws_message") as WsListener[];
  client.removeAllListeners("ws_message");
  client.on("ws_message", (data: unknown, isBinary: boolean) => {
    const envelope = isBinary ? undefined : parse(data);
    if (envelope && envelope.type === "events_api" && !hasEventType(envelope.payload)) {
      logger.warn({ why: "events_api envelope without an event type" }, "slack envelope refused");
      if (typeof envelope.envelope_id === "string") {
        client.send(envelope.envelope_id).catch((err: unknown) => logger.warn({ err }, "could not acknowledge a refused envelope"));
      }
      return;
    }
    for (const listener of listeners) {
      Promise.resolve().then(() => listener(data, isBinary)).catch((err: unknown) => logger.error({ err }, "slack socket message failed"));
    }
  });
}

function parse(data: unknown): { type?: unknown; envelope_id?: unknown; payload?: unknown } | undefined {
  try {
    const text = typeof data === "string" ? data : new TextDecoder().decode(data as ArrayBuffer);
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function hasEventType(payload: unknown): boolean {
  const event = (payload as { event?: unknown } | null | undefined)?.event;
  return typeof event === "object" && event !== null && typeof (event as { type?: unknown }).type === "string";
}
