// Where replies go and how. Three places: the person's DM with the app
// (regular messages, so the quiz question can be updated in place), a channel
// thread (public replies in the thread, personal ones ephemeral), and a
// response_url (slash commands and ephemeral messages: in_channel or ephemeral).
import type { RespondFn, webApi } from "@slack/bolt";
import type { Reply } from "../../src/core/reply.ts";
import { renderReply, type SlackBlock, type SlackMessage } from "./render.ts";

export type Place =
  | { kind: "dm"; channel: string; user: string; thread?: string }
  | { kind: "thread"; channel: string; user: string; thread: string }
  | { kind: "response"; respond: RespondFn; user: string; ephemeralOnly?: boolean }
  /** Seen by one person only, wherever it is (refusals of a click without a response_url). */
  | { kind: "ephemeral"; channel: string; user: string; thread?: string };

/** The message a click came from, to be replaced by the first reply. */
export type InPlace =
  | { kind: "update"; channel: string; ts: string }
  | { kind: "replace"; respond: RespondFn };

export interface DeliverOptions {
  inPlace?: InPlace;
  /** Extra blocks under the last reply (adapter notes). */
  footer?: SlackBlock[];
  /** Told about each reply once all its messages went out (the quiz records which question was seen). */
  onDelivered?: (reply: Reply) => Promise<void>;
}

/** Link previews off: resource lists would otherwise unfold into a wall of cards. */
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

export async function deliver(client: webApi.WebClient, place: Place, replies: Reply[], opts: DeliverOptions = {}): Promise<void> {
  let inPlace = opts.inPlace;
  for (const [i, reply] of replies.entries()) {
    const messages = renderReply(reply, { footer: i === replies.length - 1 ? opts.footer : undefined });
    for (const message of messages) {
      if (inPlace) {
        await replace(client, inPlace, message);
        inPlace = undefined;
      } else {
        await post(client, place, reply.visibility === "private", message);
      }
    }
    await opts.onDelivered?.(reply);
  }
}

async function post(client: webApi.WebClient, place: Place, personal: boolean, m: SlackMessage): Promise<void> {
  switch (place.kind) {
    case "dm":
      // The DM is already private: a regular message there can be updated later.
      await client.chat.postMessage({ channel: place.channel, thread_ts: place.thread, text: m.text, blocks: m.blocks, ...NO_UNFURL });
      return;
    case "thread":
      if (personal) await client.chat.postEphemeral({ channel: place.channel, user: place.user, thread_ts: place.thread, text: m.text, blocks: m.blocks });
      else await client.chat.postMessage({ channel: place.channel, thread_ts: place.thread, text: m.text, blocks: m.blocks, ...NO_UNFURL });
      return;
    case "ephemeral":
      await client.chat.postEphemeral({ channel: place.channel, user: place.user, thread_ts: place.thread, text: m.text, blocks: m.blocks });
      return;
    case "response":
      await place.respond({
        response_type: personal || place.ephemeralOnly ? "ephemeral" : "in_channel",
        replace_original: false,
        text: m.text,
        blocks: m.blocks,
        ...NO_UNFURL,
      });
      return;
  }
}

async function replace(client: webApi.WebClient, target: InPlace, m: SlackMessage): Promise<void> {
  if (target.kind === "update") await client.chat.update({ channel: target.channel, ts: target.ts, text: m.text, blocks: m.blocks });
  else await target.respond({ replace_original: true, text: m.text, blocks: m.blocks });
}

/** A short personal note (plain text, already safe: the adapter's own words). */
export async function notify(client: webApi.WebClient, place: Place, mrkdwn: string): Promise<void> {
  switch (place.kind) {
    case "dm":
    case "thread":
    case "ephemeral":
      await client.chat.postEphemeral({ channel: place.channel, user: place.user, thread_ts: place.thread, text: mrkdwn });
      return;
    case "response":
      await place.respond({ response_type: "ephemeral", replace_original: false, text: mrkdwn });
      return;
  }
}
