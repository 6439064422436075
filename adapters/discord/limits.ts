// Discord's message limits (discord-api-docs: resources/message "Embed Limits",
// components/reference) and a check that a payload respects them. The
// renderer splits content to fit; this check is its last line of defence.
import type { DiscordMessage } from "./render.ts";

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author of all embeds of one message together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  /** Thread names. */
  threadName: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  commandDescription: 100,
} as const;

/** The characters Discord counts towards the 6,000 of an embed. */
export function embedLength(e: DiscordMessage["embeds"][number]): number {
  return (e.title?.length ?? 0)
    + (e.description?.length ?? 0)
    + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
    + (e.footer?.text.length ?? 0)
    + (e.author?.name.length ?? 0);
}

/** Every way this message breaks a Discord limit (empty when it fits). */
export function limitProblems(m: DiscordMessage): string[] {
  const problems: string[] = [];
  const over = (what: string, n: number, max: number) => { if (n > max) problems.push(`${what}: ${n} > ${max}`); };
  over("content", m.content?.length ?? 0, LIMITS.content);
  over("embeds", m.embeds.length, LIMITS.embedsPerMessage);
  if (!m.content && m.embeds.length === 0) problems.push("message has neither content nor embeds");
  m.embeds.forEach((e, i) => {
    over(`embed ${i} title`, e.title?.length ?? 0, LIMITS.title);
    over(`embed ${i} description`, e.description?.length ?? 0, LIMITS.description);
    over(`embed ${i} fields`, e.fields?.length ?? 0, LIMITS.fieldsPerEmbed);
    over(`embed ${i} footer`, e.footer?.text.length ?? 0, LIMITS.footer);
    (e.fields ?? []).forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, LIMITS.fieldValue);
      if (f.name.length === 0 || f.value.length === 0) problems.push(`embed ${i} field ${j} is empty`);
    });
    if (embedLength(e) === 0) problems.push(`embed ${i} is empty`);
  });
  over("embed total", m.embeds.reduce((n, e) => n + embedLength(e), 0), LIMITS.embedTotal);
  over("action rows", m.components.length, LIMITS.actionRows);
  const ids = new Set<string>();
  m.components.forEach((row, i) => {
    if (row.components.length === 0) problems.push(`row ${i} is empty`);
    over(`row ${i} buttons`, row.components.length, LIMITS.buttonsPerRow);
    for (const b of row.components) {
      over(`button label "${b.label}"`, b.label?.length ?? 0, LIMITS.buttonLabel);
      if ("custom_id" in b) {
        if (b.custom_id.length < 1 || b.custom_id.length > LIMITS.customId) problems.push(`custom_id length ${b.custom_id.length}`);
        if (ids.has(b.custom_id)) problems.push(`custom_id ${b.custom_id} is not unique`);
        ids.add(b.custom_id);
      }
    }
  });
  if (m.allowedMentions.parse.length !== 0) problems.push("allowed mentions must parse nothing");
  return problems;
}
