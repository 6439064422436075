// The platform-neutral reply: a small tree of blocks plus choices. Adapters
// render it within their platform's limits; `renderPlainText` is the text
// rendering every platform gets as a fallback (and the terminal shows).
import { z } from "zod";

export const Choice = z.object({
  /** An encoded action (see actions.ts); at most 100 characters so it fits a Discord custom_id. */
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(80),
});
export type Choice = z.infer<typeof Choice>;

export const Field = z.object({ label: z.string(), value: z.string() });
export type Field = z.infer<typeof Field>;

export const Link = z.object({ label: z.string(), url: z.url(), note: z.string().optional() });
export type Link = z.infer<typeof Link>;

export const Block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heading"), text: z.string() }),
  z.object({ type: z.literal("text"), text: z.string() }),
  /** Text the person wrote, shown back to them: adapters must neutralise mentions and markup in it. */
  z.object({ type: z.literal("quote"), text: z.string() }),
  /** Side-by-side values, e.g. one row of a comparison (title = the row, fields = the roles). */
  z.object({ type: z.literal("fields"), title: z.string().optional(), fields: z.array(Field).min(1) }),
  z.object({
    type: z.literal("list"), title: z.string().optional(), items: z.array(z.string()).min(1), ordered: z.boolean().default(false),
    /** The items as a chat-sized first view shows them (e.g. figures without their notes, still with source and date). */
    brief: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal("links"), title: z.string().optional(), links: z.array(Link).min(1) }),
  /** Small print: sources, dates, disclaimers. */
  z.object({ type: z.literal("context"), text: z.string() }),
  /** Labelled values 0–100, e.g. quiz scores per role. */
  z.object({ type: z.literal("bars"), title: z.string().optional(), bars: z.array(z.object({ label: z.string(), value: z.number().min(0).max(100) })).min(1) }),
]);
export type Block = z.infer<typeof Block>;
export type BlockInput = z.input<typeof Block>;

/** A picture that goes with a reply (the quiz result card): a PNG on disk, its alt text and the name platforms show. */
export const ReplyImage = z.object({
  path: z.string().min(1),
  /** The picture in words (Slack and Discord take up to 1,000 characters). */
  alt: z.string().min(1).max(1000),
  filename: z.string().regex(/^[\w.-]+\.png$/),
});
export type ReplyImage = z.infer<typeof ReplyImage>;

export const Reply = z.object({
  blocks: z.array(Block).min(1),
  choices: z.array(Choice).max(25).default([]),
  /** "private": only the person who asked should see it (ephemeral where the platform can). */
  visibility: z.enum(["public", "private"]).default("public"),
  /** Machine-readable extras, e.g. the quiz outcome. */
  data: z.record(z.string(), z.unknown()).optional(),
  /** Shown with the reply where the platform takes pictures; the text stays complete without it. */
  image: ReplyImage.optional(),
});
export type Reply = z.infer<typeof Reply>;

/**
 * A turn that only refuses (a foreign, stale or garbled click, or a rate limit):
 * it goes to the person alone and never replaces the message that was clicked.
 */
export const isRefusal = (replies: Reply[]): boolean =>
  replies.length > 0 && replies.every((r) => r.data?.kind === "refused" || r.data?.kind === "rate-limited");

/** The answer to an admin who just turned listening on: adapters add what their platform still needs for it. */
export const turnsListeningOn = (replies: readonly Reply[]): boolean => replies.some((r) => r.data?.listeningTurnedOn === true);

let checkAgainstSchema = false;
/**
 * Tests turn this on (test/setup/reply-checks.ts): every reply is then also
 * parsed with the `Reply` schema and must come out identical to the one built.
 */
export function checkRepliesAgainstSchema(on: boolean): void {
  checkAgainstSchema = on;
}

/**
 * Build a reply. It is built directly in the schema's output shape (same keys
 * in the same order, same defaults, unknown keys dropped): parsing every reply
 * with zod was 9 % of a message's CPU. Replies with what a platform would
 * refuse (no blocks, an empty list, a choice id or label out of bounds, a
 * bad link, a bar out of range) go through the full schema, so a malformed reply still fails loudly.
 */
export function reply(blocks: BlockInput[], choices: Choice[] = [], extra: Partial<Pick<Reply, "visibility" | "data" | "image">> = {}): Reply {
  const input = { blocks, choices: dedupeChoices(choices).slice(0, 25), ...extra };
  const built = buildsDirectly(input) ? buildReply(input) : Reply.parse(input);
  if (checkAgainstSchema) {
    const parsed = Reply.parse(input);
    if (JSON.stringify(parsed) !== JSON.stringify(built)) throw new Error(`reply() built ${JSON.stringify(built)} where the schema gives ${JSON.stringify(parsed)}`);
  }
  return built;
}

type ReplyInput = { blocks: BlockInput[]; choices: Choice[] } & Partial<Pick<Reply, "visibility" | "data" | "image">>;

/** Only the common, simple cases skip the schema; anything unusual takes the full parse. */
function buildsDirectly(r: ReplyInput): boolean {
  if (r.blocks.length === 0 || r.image !== undefined || (r.visibility !== undefined && r.visibility !== "public" && r.visibility !== "private")) return false;
  for (const c of r.choices) if (typeof c.id !== "string" || c.id.length < 1 || c.id.length > 100 || typeof c.label !== "string" || c.label.length < 1 || c.label.length > 80) return false;
  for (const b of r.blocks) {
    if (b.type === "list" && b.items.length === 0) return false;
    if (b.type === "fields" && b.fields.length === 0) return false;
    if (b.type === "links" && (b.links.length === 0 || !b.links.every((l) => isCleanUrl(l.url)))) return false;
    if (b.type === "bars" && (b.bars.length === 0 || !b.bars.every((x) => typeof x.value === "number" && x.value >= 0 && x.value <= 100))) return false;
  }
  return true;
}

/** URLs the schema accepts unchanged; replies carry the same few knowledge links again and again. */
const cleanUrls = new Set<string>();
function isCleanUrl(url: string): boolean {
  if (cleanUrls.has(url)) return true;
  const parsed = Link.shape.url.safeParse(url);
  if (!parsed.success || parsed.data !== url) return false;
  if (cleanUrls.size >= 5000) cleanUrls.clear();
  cleanUrls.add(url);
  return true;
}

/** What `Reply.parse` returns for input that `buildsDirectly` accepts. */
function buildReply(r: ReplyInput): Reply {
  const out: Reply = { blocks: r.blocks.map(buildBlock), choices: r.choices.map((c) => ({ id: c.id, label: c.label })), visibility: r.visibility ?? "public" };
  if (r.data !== undefined) out.data = { ...r.data };
  return out;
}

function buildBlock(b: BlockInput): Block {
  switch (b.type) {
    case "heading": case "text": case "quote": case "context":
      return { type: b.type, text: b.text };
    case "fields":
      return b.title === undefined ? { type: b.type, fields: b.fields.map(field) } : { type: b.type, title: b.title, fields: b.fields.map(field) };
    case "list": {
      const out: Block = b.title === undefined ? { type: b.type, items: [...b.items], ordered: b.ordered ?? false } : { type: b.type, title: b.title, items: [...b.items], ordered: b.ordered ?? false };
      if (b.brief !== undefined) out.brief = [...b.brief];
      return out;
    }
    case "links":
      return b.title === undefined ? { type: b.type, links: b.links.map(link) } : { type: b.type, title: b.title, links: b.links.map(link) };
    case "bars": {
      const bars = b.bars.map((x) => ({ label: x.label, value: x.value }));
      return b.title === undefined ? { type: b.type, bars } : { type: b.type, title: b.title, bars };
    }
  }
}

const link = (l: Link): Link => (l.note === undefined ? { label: l.label, url: l.url } : { label: l.label, url: l.url, note: l.note });

const field = (f: Field): Field => ({ label: f.label, value: f.value });

function dedupeChoices(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

/** The full plain-text rendering of a reply (terminal, fallbacks, `chat --jsonl`). */
export function renderPlainText(r: Reply): string {
  const parts: string[] = [];
  for (const b of r.blocks) {
    switch (b.type) {
      case "heading": parts.push(`== ${b.text} ==`); break;
      case "text": parts.push(b.text); break;
      case "quote": parts.push(`> ${b.text}`); break;
      case "context": parts.push(`(${b.text})`); break;
      case "fields":
        parts.push([...(b.title ? [`${b.title}:`] : []), ...b.fields.map((f) => `  - ${f.label}: ${f.value}`)].join("\n"));
        break;
      case "list":
        parts.push([...(b.title ? [`${b.title}:`] : []), ...b.items.map((it, i) => `  ${b.ordered ? `${i + 1}.` : "-"} ${it}`)].join("\n"));
        break;
      case "links":
        parts.push([...(b.title ? [`${b.title}:`] : []), ...b.links.map((l) => `  - ${l.label}: ${l.url}${l.note ? ` (${l.note})` : ""}`)].join("\n"));
        break;
      case "bars":
        parts.push([...(b.title ? [`${b.title}:`] : []), ...b.bars.map((x) => `  ${x.label.padEnd(20)} ${"#".repeat(Math.round(x.value / 5)).padEnd(20, ".")} ${Math.round(x.value)}`)].join("\n"));
        break;
    }
  }
  if (r.choices.length > 0) parts.push(r.choices.map((c, i) => `[${i + 1}] ${c.label}`).join("  "));
  return parts.join("\n\n");
}
