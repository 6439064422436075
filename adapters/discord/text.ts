// Text from the core (and the person's own words in quote blocks) made safe
// for Discord: markdown escaped where Discord renders it, mention syntax
// broken so it neither pings nor renders as a mention. allowed_mentions
// {parse: []} on every message is the real control; this is the second one.
const ZWSP = "\u200b";
const URL = /https?:\/\/[^\s<>()]+/g;

/** `<@id>`, `<@!id>`, `<@&id>`, `<#id>` and `@everyone` / `@here` as inert text. */
export function neutraliseMentions(s: string): string {
  return s.replace(/<(?=[@#])/g, `<${ZWSP}`).replace(/@(?=everyone|here)/gi, `@${ZWSP}`);
}

/** For places where Discord renders markdown (descriptions, field values): escaped, URLs left intact. */
export function markdownSafe(s: string): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(URL)) {
    out += escape(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return neutraliseMentions(out + escape(s.slice(last)));
}

/**
 * Markdown escaped with backslashes (Discord hides a backslash before
 * punctuation): emphasis, code, spoilers, masked-link brackets, and quote,
 * heading and list marks at the start of a line. Linear time, unlike
 * discord.js's escapeMarkdown, which takes seconds on long texts.
 */
function escape(s: string): string {
  return s
    .replace(/[\\*_~`|[\]]/g, "\\$&")
    .replace(/^([ \t]*)(>|#{1,3}|-#?|\d+\.)(?=[ \t])/gm, (_, indent: string, mark: string) => `${indent}${mark.replace(/[>#.-]/g, "\\$&")}`);
}

/** For places without markdown (titles, footers, field names, thread names): only mentions neutralised. */
export const plainSafe = (s: string) => neutraliseMentions(s);

/** What the person wrote, shown back as a block quote that cannot ping or format. */
export function quoted(s: string): string {
  return markdownSafe(s).split("\n").map((line) => `> ${line}`).join("\n");
}

/** Cut to `max` characters, marking the cut. */
export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Split text into pieces of at most `max` characters, preferring paragraph,
 * then line, then word boundaries.
 */
export function splitText(s: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = s;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf("\n\n");
    if (cut < max / 2) cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
