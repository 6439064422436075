// Where replies go and how. Three places: the person's DM with the app
// (regular messages, so the quiz question can be updated in place), a channel
// thread (public replies in the thread, personal ones ephemeral), and a
// response_url (slash commands and ephemeral messages: in_channel or ephemeral).
import { readFile } from "node:fs/promises";
import type { RespondFn, webApi } from "@slack/bolt";
import { renderPlainText, type Reply } from "../../src/core/reply.ts";
import { shareTarget } from "../../src/quiz/share.ts";
import { slackEscape } from "./escape.ts";
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
    const to = shareTarget(reply);
    if (to) {
      await shareToChannel(client, place, to.channel, reply);
      continue;
    }
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
    if (reply.image) await uploadImage(client, place, reply.image);
  }
}

/**
 * "Share to channel": the card with its one line as the file's comment, in
 * the channel the quiz was asked for in; then a note in the DM saying where
 * it went, or that it could not go (the app is not a member there, say).
 */
async function shareToChannel(client: webApi.WebClient, place: Place, channel: string, reply: Reply): Promise<void> {
  if (!reply.image) return;
  // Where the click came from hears how it went: a message in the DM, an ephemeral note elsewhere.
  const say = (text: string) => (place.kind === "dm" ? client.chat.postMessage({ channel: place.channel, thread_ts: place.thread, text }).then(() => undefined) : notify(client, place, text));
  try {
    await client.filesUploadV2({
      channel_id: channel, file: await readFile(reply.image.path), filename: reply.image.filename, title: "Role Mentor quiz result",
      alt_text: reply.image.alt, initial_comment: slackEscape(renderPlainText(reply)),
    });
    await say(`Shared your result card in <#${channel}>.`);
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error ?? "unknown_error";
    (client as unknown as { logger?: { warn(...args: unknown[]): void } }).logger?.warn("quiz result card not shared:", code);
    await say(code === "not_in_channel" || code === "channel_not_found"
      ? `I couldn't post in <#${channel}>: I'm not a member there. Add me to the channel (\`/invite\` and my name), then try again.`
      : "I couldn't post your result card in the channel this time. Please try again in a moment.");
  }
}

/**
 * A reply's picture (the quiz result card) goes up to the person's DM after
 * the reply's text, through files.getUploadURLExternal and
 * files.completeUploadExternal (filesUploadV2; files.upload is retired).
 * Only to the DM: anywhere else an uploaded file is seen by the channel.
 * The text already said everything, so a failed upload is logged and noted, not fatal.
 */
async function uploadImage(client: webApi.WebClient, place: Place, image: NonNullable<Reply["image"]>): Promise<void> {
  if (place.kind !== "dm") return;
  try {
    const file = { file: await readFile(image.path), filename: image.filename, title: "Your quiz result", alt_text: image.alt };
    await client.filesUploadV2(place.thread ? { ...file, channel_id: place.channel, thread_ts: place.thread } : { ...file, channel_id: place.channel });
  } catch (err) {
    // The client's own logger is the adapter's (Bolt hands it over), with payloads cut.
    (client as unknown as { logger?: { warn(...args: unknown[]): void } }).logger?.warn("quiz result card not uploaded:", err instanceof Error ? err.message : "unknown error");
    await client.chat.postMessage({ channel: place.channel, thread_ts: place.thread, text: "(I couldn't attach the picture of your result this time; the result above is complete.)" });
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
