// Reply (platform-neutral) → Discord messages: embeds, with inline fields for
// side-by-side values and buttons for choices. Long content is split across
// embeds and, past 10 embeds or 6,000 characters, across messages, so every
// message fits Discord's limits (limits.ts). Mentions never ping: every
// message carries allowed_mentions {parse: []} and mention syntax is broken.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from "discord.js";
import type { Block, Choice, Reply } from "../../src/core/reply.ts";
import { LIMITS, embedLength, limitProblems } from "./limits.ts";
import { customIdFor, isNavigation } from "./custom-id.ts";
import { markdownSafe, plainSafe, quoted, splitText, truncate } from "./text.ts";

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: { parse: []; repliedUser: false };
  /** A picture uploaded with the message (discord.js reads the path); an embed shows it as attachment://name. */
  files?: { attachment: string; name: string; description: string }[];
}

/** Nobody is ever pinged by what the bot sends, the person replied to included. */
export const noMentions = (): DiscordMessage["allowedMentions"] => ({ parse: [], repliedUser: false });

export class RenderError extends Error {
  override name = "RenderError";
}

const COLOR = 0x5865f2;
const BLANK = "\u200b";
const PER_ROW = 3; // Discord shows up to three inline fields side by side.

/** Accumulates embeds, opening a new one whenever the next piece would not fit. */
class EmbedPacker {
  readonly embeds: APIEmbed[] = [];
  private current: APIEmbed | undefined;
  private footer: string[] = [];

  private open(title?: string): APIEmbed {
    const e: APIEmbed = { color: COLOR };
    if (title) e.title = title;
    this.embeds.push(e);
    this.current = e;
    return e;
  }

  heading(text: string): void {
    this.flushFooter();
    const title = truncate(plainSafe(text), LIMITS.title);
    const c = this.current;
    if (c && !c.title && !c.description && !c.fields?.length) c.title = title;
    else this.open(title);
    if (title !== plainSafe(text)) this.paragraph(`**${markdownSafe(text)}**`);
  }

  paragraph(text: string): void {
    for (const piece of splitText(text, LIMITS.description)) {
      let e = this.current;
      const description = e?.description ? `${e.description}\n\n${piece}` : piece;
      if (!e || e.fields?.length || description.length > LIMITS.description || embedLength(e) - (e.description?.length ?? 0) + description.length > LIMITS.embedTotal) {
        e = this.open();
        e.description = piece;
      } else {
        e.description = description;
      }
    }
  }

  /** Fields that belong on one line (at most three: at most 3,840 characters). */
  row(fields: APIEmbedField[]): void {
    const size = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    let e = this.current;
    if (!e || (e.fields?.length ?? 0) + fields.length > LIMITS.fieldsPerEmbed || embedLength(e) + size > LIMITS.embedTotal) e = this.open();
    e.fields = [...(e.fields ?? []), ...fields];
  }

  context(text: string): void {
    this.footer.push(text);
  }

  /** Small print goes to the footer of the section's last embed. */
  flushFooter(): void {
    if (this.footer.length === 0) return;
    const pieces = splitText(plainSafe(this.footer.join("\n")), LIMITS.footer);
    this.footer = [];
    const last = pieces.pop();
    if (last === undefined) return; // only empty small print: nothing to show
    for (const p of pieces) this.paragraph(markdownSafe(p));
    let e = this.current;
    if (!e || e.footer || embedLength(e) + last.length > LIMITS.embedTotal) e = this.open();
    e.footer = { text: last };
  }
}

function fieldRows(b: Extract<Block, { type: "fields" }>): APIEmbedField[][] {
  const name = (label: string) => truncate(plainSafe(b.title ? `${b.title} — ${label}` : label), LIMITS.fieldName) || BLANK;
  const long = b.fields.some((f) => f.value.length > LIMITS.fieldValue);
  if (long) {
    // Values too long for one field continue in the next; side by side would not line up, so one per line.
    const fields = b.fields.flatMap((f) => splitText(markdownSafe(f.value) || "—", LIMITS.fieldValue).map((v, i) => ({ name: i === 0 ? name(f.label) : BLANK, value: v, inline: false })));
    return chunk(fields, 1);
  }
  const fields: APIEmbedField[] = b.fields.map((f) => ({ name: name(f.label), value: markdownSafe(f.value) || "—", inline: true }));
  // Pad to whole lines of three so the next block's fields start on a line of their own.
  while (fields.length % PER_ROW !== 0) fields.push({ name: BLANK, value: BLANK, inline: true });
  return chunk(fields, PER_ROW);
}

const titled = (title: string | undefined, body: string) => (title ? `**${markdownSafe(title)}**\n${body}` : body);

function linkLine(l: { label: string; url: string; note?: string }): string {
  const label = markdownSafe(l.label.replace(/[[\]]/g, "")) || "link";
  const url = l.url.replace(/\)/g, "%29").replace(/ /g, "%20");
  return `- [${label}](${url})${l.note ? ` — ${markdownSafe(l.note)}` : ""}`;
}

function barLines(b: Extract<Block, { type: "bars" }>): string {
  const labels = b.bars.map((x) => plainSafe(x.label.replace(/`/g, "'")));
  const width = Math.max(...labels.map((l) => l.length));
  const lines = b.bars.map((x, i) => {
    const filled = Math.round(x.value / 5);
    return `${labels[i]!.padEnd(width)}  ${"█".repeat(filled)}${"░".repeat(20 - filled)} ${String(Math.round(x.value)).padStart(3)}`;
  });
  return titled(b.title, `\`\`\`\n${lines.join("\n")}\n\`\`\``);
}

function embedsOf(reply: Reply): APIEmbed[] {
  const p = new EmbedPacker();
  for (const b of reply.blocks) {
    switch (b.type) {
      case "heading": p.heading(b.text); break;
      case "text": p.paragraph(markdownSafe(b.text)); break;
      case "quote": p.paragraph(quoted(b.text)); break;
      case "context": p.context(b.text); break;
      case "fields": for (const line of fieldRows(b)) p.row(line); break;
      case "list": p.paragraph(titled(b.title, b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : "-"} ${markdownSafe(it)}`).join("\n"))); break;
      case "links": p.paragraph(titled(b.title, b.links.map(linkLine).join("\n"))); break;
      case "bars": p.paragraph(barLines(b)); break;
    }
  }
  p.flushFooter();
  return p.embeds;
}

/** Choices as buttons: up to 5 per row, navigation on rows of its own when that still fits in 5 rows. */
export function buttonRows(choices: Choice[]): ButtonRow[] {
  if (choices.length > LIMITS.actionRows * LIMITS.buttonsPerRow) throw new RenderError(`${choices.length} choices; Discord shows at most 25 buttons`);
  const button = (c: Choice): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: isNavigation(c.id) ? ButtonStyle.Secondary : ButtonStyle.Primary,
    label: truncate(c.label, LIMITS.buttonLabel),
    custom_id: customIdFor(c),
  });
  const groups = [choices.filter((c) => !isNavigation(c.id)), choices.filter((c) => isNavigation(c.id))].filter((g) => g.length > 0);
  let rows = groups.flatMap((g) => chunk(g, LIMITS.buttonsPerRow));
  if (rows.length > LIMITS.actionRows) rows = chunk(choices, LIMITS.buttonsPerRow);
  return rows.map((r) => ({ type: ComponentType.ActionRow, components: r.map(button) }));
}

/** One reply as one or more Discord messages; the buttons go with the last one. */
export function renderReply(reply: Reply): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage | undefined;
  let total = 0;
  for (const e of embedsOf(reply)) {
    const n = embedLength(e);
    if (!current || current.embeds.length >= LIMITS.embedsPerMessage || total + n > LIMITS.embedTotal) {
      current = { embeds: [], components: [], allowedMentions: noMentions() };
      messages.push(current);
      total = 0;
    }
    current.embeds.push(e);
    total += n;
  }
  if (messages.length === 0) messages.push({ embeds: [], components: [], allowedMentions: noMentions(), content: BLANK });
  messages[messages.length - 1]!.components = buttonRows(reply.choices);
  if (reply.image) withImage(messages[0]!, reply.image);
  for (const m of messages) {
    const problems = limitProblems(m);
    if (problems.length > 0) throw new RenderError(`rendered message breaks Discord limits: ${problems.join("; ")}`);
  }
  return messages;
}

/** The reply's picture uploaded with its first message and shown in that message's first embed. */
function withImage(m: DiscordMessage, image: NonNullable<Reply["image"]>): void {
  m.files = [{ attachment: image.path, name: image.filename, description: image.alt }];
  const first = m.embeds[0];
  if (first) first.image = { url: `attachment://${image.filename}` };
}

/** A short message of the adapter's own (pointers, errors), optionally with buttons. */
export function notice(text: string, choices: Choice[] = []): DiscordMessage {
  return { content: truncate(plainSafe(text), LIMITS.content), embeds: [], components: buttonRows(choices), allowedMentions: noMentions() };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
