// Block Kit's limits, written down independently of the renderer (from
// issue 5 and docs.slack.dev reference/block-kit), so a renderer bug cannot
// hide behind its own constants. Returns every problem found, [] when valid.
const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Around 13k characters of blocks Slack answers msg_blocks_too_long (slackapi/bolt-js#2509). */
  messageChars: 13_000,
  fallbackText: 40_000,
};

type Json = Record<string, unknown>;

export function blockKitProblems(message: { text?: unknown; blocks?: unknown }, surface: "message" | "home" = "message"): string[] {
  const problems: string[] = [];
  const blocks = message.blocks;
  if (surface === "message") {
    if (typeof message.text !== "string" || message.text.trim() === "") problems.push("missing text fallback");
    else if (message.text.length > LIMITS.fallbackText) problems.push(`text fallback ${message.text.length} > ${LIMITS.fallbackText}`);
  }
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return [...problems, "blocks is not an array"];
  const max = surface === "home" ? LIMITS.homeBlocks : LIMITS.messageBlocks;
  if (blocks.length > max) problems.push(`${blocks.length} blocks > ${max}`);
  if (surface === "message" && JSON.stringify(blocks).length > LIMITS.messageChars) problems.push(`blocks carry ${JSON.stringify(blocks).length} characters > ${LIMITS.messageChars}`);
  const actionIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = raw as Json;
    const at = `block ${i} (${String(b.type)})`;
    const textOf = (t: unknown) => ((t as Json | undefined)?.text as string | undefined) ?? "";
    switch (b.type) {
      case "header": {
        const t = b.text as Json;
        if (t?.type !== "plain_text") problems.push(`${at}: header text must be plain_text`);
        if (textOf(t).length === 0 || textOf(t).length > LIMITS.headerText) problems.push(`${at}: header text length ${textOf(t).length}`);
        break;
      }
      case "section": {
        const fields = b.fields as unknown[] | undefined;
        if (!b.text && !fields) problems.push(`${at}: section needs text or fields`);
        if (b.text && (textOf(b.text).length === 0 || textOf(b.text).length > LIMITS.sectionText)) problems.push(`${at}: section text length ${textOf(b.text).length}`);
        if (fields) {
          if (fields.length === 0 || fields.length > LIMITS.sectionFields) problems.push(`${at}: ${fields.length} fields`);
          fields.forEach((f, j) => { if (textOf(f).length === 0 || textOf(f).length > LIMITS.fieldText) problems.push(`${at}: field ${j} length ${textOf(f).length}`); });
        }
        break;
      }
      case "context": {
        const els = b.elements as unknown[];
        if (!Array.isArray(els) || els.length === 0 || els.length > LIMITS.contextElements) problems.push(`${at}: ${Array.isArray(els) ? els.length : "no"} elements`);
        else els.forEach((e, j) => { if (textOf(e).length === 0 || textOf(e).length > LIMITS.contextText) problems.push(`${at}: element ${j} length ${textOf(e).length}`); });
        break;
      }
      case "actions": {
        const els = b.elements as Json[];
        if (!Array.isArray(els) || els.length === 0 || els.length > LIMITS.actionsElements) problems.push(`${at}: ${Array.isArray(els) ? els.length : "no"} elements`);
        else for (const e of els) {
          const label = textOf(e.text);
          if (e.type !== "button") problems.push(`${at}: unexpected element ${String(e.type)}`);
          if (label.length === 0 || label.length > LIMITS.buttonText) problems.push(`${at}: button text length ${label.length}`);
          const id = String(e.action_id ?? "");
          if (id.length === 0 || id.length > LIMITS.actionId) problems.push(`${at}: action_id length ${id.length}`);
          if (actionIds.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
          actionIds.add(id);
          if (typeof e.value === "string" && e.value.length > LIMITS.buttonValue) problems.push(`${at}: button value length ${e.value.length}`);
        }
        break;
      }
      case "divider": break;
      default: problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}
