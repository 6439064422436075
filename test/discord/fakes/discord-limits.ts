// Discord's limits as the fake server enforces them, written from the API docs
// independently of adapters/discord/limits.ts, so a mistake there cannot hide
// itself. Input: a message body as it goes over the wire (snake_case JSON).

interface WireEmbed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  author?: { name: string };
}

interface WireMessage {
  content?: string;
  embeds?: WireEmbed[];
  components?: { type: number; components: { type: number; label?: string; custom_id?: string; url?: string }[] }[];
}

export function wireLimitErrors(body: WireMessage, opts: { requireContent?: boolean } = {}): string[] {
  const errors: string[] = [];
  const embeds = body.embeds ?? [];
  if ((body.content ?? "").length > 2000) errors.push("content longer than 2000");
  if (embeds.length > 10) errors.push("more than 10 embeds");
  if (opts.requireContent && !body.content && embeds.length === 0) errors.push("Cannot send an empty message");
  let total = 0;
  for (const e of embeds) {
    if ((e.title ?? "").length > 256) errors.push("embed title longer than 256");
    if ((e.description ?? "").length > 4096) errors.push("embed description longer than 4096");
    if ((e.fields ?? []).length > 25) errors.push("more than 25 fields");
    if ((e.footer?.text ?? "").length > 2048) errors.push("footer longer than 2048");
    for (const f of e.fields ?? []) {
      if (f.name.length === 0 || f.name.length > 256) errors.push("field name not 1–256");
      if (f.value.length === 0 || f.value.length > 1024) errors.push("field value not 1–1024");
    }
    total += (e.title ?? "").length + (e.description ?? "").length + (e.footer?.text ?? "").length + (e.author?.name ?? "").length
      + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) errors.push(`embeds total ${total} > 6000`);
  const rows = body.components ?? [];
  if (rows.length > 5) errors.push("more than 5 action rows");
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1) errors.push("top-level component is not an action row");
    if (row.components.length < 1 || row.components.length > 5) errors.push("action row without 1–5 buttons");
    for (const b of row.components) {
      if ((b.label ?? "").length > 80) errors.push("button label longer than 80");
      if (b.custom_id !== undefined) {
        if (b.custom_id.length < 1 || b.custom_id.length > 100) errors.push("custom_id not 1–100");
        if (ids.has(b.custom_id)) errors.push("duplicate custom_id");
        ids.add(b.custom_id);
      } else if (!b.url) errors.push("button without custom_id or url");
    }
  }
  return errors;
}
