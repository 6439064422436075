// Reading what the fake recorded: the visible text of Block Kit messages.
import type { RecordedCall } from "./fakes/fake-slack-api.ts";

type Json = Record<string, unknown>;

/** Every piece of text a person would see in these blocks, one per line. */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return "";
  const out: string[] = [];
  const t = (x: unknown) => ((x as Json | undefined)?.text as string | undefined);
  for (const raw of blocks) {
    const b = raw as Json;
    if (t(b.text)) out.push(t(b.text)!);
    for (const f of (b.fields as unknown[] | undefined) ?? []) out.push(t(f) ?? "");
    for (const e of (b.elements as Json[] | undefined) ?? []) out.push(e.type === "button" ? t(e.text) ?? "" : t(e) ?? "");
  }
  return out.join("\n");
}

export const headerOf = (call: RecordedCall | undefined): string | undefined => {
  const blocks = call?.body.blocks as Json[] | undefined;
  const header = blocks?.find((b) => b.type === "header");
  return (header?.text as Json | undefined)?.text as string | undefined;
};

/** Buttons of a message: action id and label. */
export function buttonsOf(call: RecordedCall | undefined): { id: string; label: string }[] {
  const blocks = (call?.body.blocks as Json[] | undefined) ?? [];
  return blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements as Json[]).map((e) => ({ id: String(e.action_id), label: String((e.text as Json).text) })));
}

export const callText = (call: RecordedCall | undefined): string => `${String(call?.body.text ?? "")}\n${blocksText(call?.body.blocks)}`;
