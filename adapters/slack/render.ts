// Reply → Block Kit. Headings become header blocks, text sections, fields
// side-by-side section fields (a /compare row), lists and links mrkdwn
// sections, small print context blocks, choices buttons. Every piece of text
// is escaped (escape.ts). Anything over a Block Kit limit is split, never cut:
// long text over several sections, many fields over several sections, many
// blocks over several messages (the buttons stay on the last one). Each
// message carries a plain-text `text` fallback.
import type { types } from "@slack/bolt";
import { renderPlainText, type Block, type Choice, type Reply } from "../../src/core/reply.ts";
import { slackEscape, slackLinkUrl } from "./escape.ts";
import {
  SLACK_MAX_ACTIONS_ELEMENTS, SLACK_MAX_BLOCKS_PER_MESSAGE, SLACK_MAX_BUTTON_TEXT, SLACK_MAX_CONTEXT_ELEMENTS,
  SLACK_MAX_CONTEXT_TEXT, SLACK_MAX_FALLBACK_TEXT, SLACK_MAX_FIELD_TEXT, SLACK_MAX_HEADER_TEXT,
  SLACK_MAX_MESSAGE_BLOCK_CHARS, SLACK_MAX_SECTION_FIELDS, SLACK_MAX_SECTION_TEXT,
} from "./limits.ts";

export type SlackBlock = types.KnownBlock;

export interface SlackMessage {
  /** Plain-text fallback (notifications, screen readers), escaped like everything else. */
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** 50 for messages, 100 for the App Home. */
  maxBlocks?: number;
  /** Blocks appended to the last message (adapter notes such as "mention me again"). */
  footer?: SlackBlock[];
}

/** One reply as one or more Slack messages, each within Block Kit's limits. */
export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage[] {
  const maxBlocks = opts.maxBlocks ?? SLACK_MAX_BLOCKS_PER_MESSAGE;
  const items: { block: SlackBlock; source?: Block }[] = [];
  for (const b of reply.blocks) for (const block of renderBlock(b)) items.push({ block, source: b });
  for (const block of [...renderChoices(reply.choices), ...(opts.footer ?? [])]) items.push({ block });

  const pages: { blocks: SlackBlock[]; sources: Block[]; chars: number }[] = [];
  let page = { blocks: [] as SlackBlock[], sources: [] as Block[], chars: 0 };
  for (const { block, source } of items) {
    const size = blockChars(block);
    if (page.blocks.length > 0 && (page.blocks.length >= maxBlocks || page.chars + size > SLACK_MAX_MESSAGE_BLOCK_CHARS)) {
      // A header never ends a message: it moves on with what it heads.
      const last = page.blocks[page.blocks.length - 1];
      const carry = last?.type === "header" && page.blocks.length > 1 ? [page.blocks.pop()!] : [];
      pages.push(page);
      page = { blocks: carry, sources: carry.length > 0 ? page.sources.slice(-1) : [], chars: carry.reduce((n, b) => n + blockChars(b), 0) };
    }
    page.blocks.push(block);
    page.chars += size;
    if (source && page.sources[page.sources.length - 1] !== source) page.sources.push(source);
  }
  pages.push(page);

  return pages.map((p, i) => {
    const last = i === pages.length - 1;
    const plain = renderPlainText({ ...reply, blocks: p.sources, choices: last ? reply.choices : [] });
    return { text: fallbackText(plain), blocks: p.blocks };
  });
}

/** The blocks of a reply without message splitting (the App Home puts them in one view). */
export function renderBlocks(reply: Reply, maxBlocks: number): SlackBlock[] {
  return renderReply(reply, { maxBlocks }).flatMap((m) => m.blocks);
}

export function renderBlock(b: Block): SlackBlock[] {
  switch (b.type) {
    case "heading": {
      const text = b.text.trim();
      if (!text) return [];
      if (text.length <= SLACK_MAX_HEADER_TEXT) return [{ type: "header", text: { type: "plain_text", text, emoji: true } }];
      return sections(`*${slackEscape(text)}*`);
    }
    case "text": return sections(slackEscape(b.text));
    case "quote": return sections(slackEscape(b.text).split("\n").map((line) => `> ${line}`).join("\n"));
    case "context": return context(slackEscape(b.text));
    case "fields": return fields(b.title, b.fields);
    case "list":
      return sections(withTitle(b.title, b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "•"} ${slackEscape(item)}`)));
    case "links":
      return sections(withTitle(b.title, b.links.map((l) => `• <${slackLinkUrl(l.url)}|${slackEscape(l.label)}>${l.note ? ` — ${slackEscape(l.note)}` : ""}`)));
    case "bars":
      return sections(withTitle(b.title, b.bars.map((x) => {
        const filled = Math.round(Math.min(100, Math.max(0, x.value)) / 5);
        return `\`${"█".repeat(filled)}${"░".repeat(20 - filled)}\` ${Math.round(x.value)}  ${slackEscape(x.label)}`;
      })));
  }
}

/** Choices as buttons; the action id is the core's choice id (≤ 100 characters). */
export function renderChoices(choices: Choice[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  for (let i = 0; i < choices.length; i += SLACK_MAX_ACTIONS_ELEMENTS) {
    out.push({
      type: "actions",
      elements: choices.slice(i, i + SLACK_MAX_ACTIONS_ELEMENTS).map((c) => ({
        type: "button",
        text: { type: "plain_text", text: shorten(c.label, SLACK_MAX_BUTTON_TEXT), emoji: true },
        action_id: c.id,
        value: c.id,
      })),
    });
  }
  return out;
}

/** mrkdwn text as section blocks of at most 3,000 characters each. */
export function sections(mrkdwn: string): SlackBlock[] {
  return splitText(mrkdwn, SLACK_MAX_SECTION_TEXT).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

function context(mrkdwn: string): SlackBlock[] {
  const parts = splitText(mrkdwn, SLACK_MAX_CONTEXT_TEXT);
  const out: SlackBlock[] = [];
  for (let i = 0; i < parts.length; i += SLACK_MAX_CONTEXT_ELEMENTS) {
    out.push({ type: "context", elements: parts.slice(i, i + SLACK_MAX_CONTEXT_ELEMENTS).map((text) => ({ type: "mrkdwn", text })) });
  }
  return out;
}

/** Side-by-side fields, 10 to a section; a field too long for a field cell becomes its own section(s). */
function fields(title: string | undefined, list: { label: string; value: string }[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let run: string[] = [];
  let heading = title?.trim() ? `*${slackEscape(title.trim())}*` : undefined;
  const flush = () => {
    for (let i = 0; i < run.length; i += SLACK_MAX_SECTION_FIELDS) {
      const cells = run.slice(i, i + SLACK_MAX_SECTION_FIELDS).map((text) => ({ type: "mrkdwn" as const, text }));
      out.push(heading ? { type: "section", text: { type: "mrkdwn", text: heading }, fields: cells } : { type: "section", fields: cells });
      heading = undefined;
    }
    run = [];
  };
  for (const f of list) {
    const cell = `*${slackEscape(f.label)}*\n${slackEscape(f.value)}`;
    if (cell.length <= SLACK_MAX_FIELD_TEXT) {
      run.push(cell);
      continue;
    }
    flush();
    if (heading) {
      out.push(...sections(heading));
      heading = undefined;
    }
    out.push(...sections(cell));
  }
  flush();
  if (heading) out.push(...sections(heading));
  return out;
}

function withTitle(title: string | undefined, lines: string[]): string {
  return [...(title?.trim() ? [`*${slackEscape(title.trim())}*`] : []), ...lines].join("\n");
}

/**
 * Split text into pieces of at most `limit` characters: between paragraphs,
 * else between lines, else between words; a single longer word is cut, never
 * inside an `&amp;`-style entity.
 */
export function splitText(text: string, limit: number): string[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.length <= limit) return [trimmed];
  for (const sep of ["\n\n", "\n", " "]) {
    const parts = trimmed.split(sep).filter((p) => p.trim().length > 0);
    if (parts.length < 2) continue;
    const out: string[] = [];
    let current = "";
    for (const part of parts) {
      const joined = current ? `${current}${sep}${part}` : part;
      if (joined.length <= limit) {
        current = joined;
        continue;
      }
      if (current) out.push(current);
      if (part.length <= limit) {
        current = part;
      } else {
        const pieces = splitText(part, limit);
        out.push(...pieces.slice(0, -1));
        current = pieces[pieces.length - 1] ?? "";
      }
    }
    if (current) out.push(current);
    return out.map((p) => p.trim()).filter(Boolean);
  }
  const out: string[] = [];
  let rest = trimmed;
  while (rest.length > limit) {
    let cut = limit;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 6 && !rest.slice(amp, cut).includes(";")) cut = amp;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

function shorten(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function fallbackText(plain: string): string {
  const escaped = slackEscape(plain.trim() || "Role Mentor");
  if (escaped.length <= SLACK_MAX_FALLBACK_TEXT) return escaped;
  const cut = escaped.slice(0, SLACK_MAX_FALLBACK_TEXT - 1);
  const space = cut.lastIndexOf(" ");
  const safe = space > SLACK_MAX_FALLBACK_TEXT - 200 ? cut.slice(0, space) : cut.replace(/&[a-z]*$/, "");
  return `${safe}…`;
}

/** Characters of text a block carries (what msg_blocks_too_long counts, roughly). */
function blockChars(b: SlackBlock): number {
  return JSON.stringify(b).length;
}
