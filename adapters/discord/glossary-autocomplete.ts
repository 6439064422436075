// Autocomplete for /glossary: the knowledge base's terms matching what has
// been typed so far (id, name or alias), prefix matches first, at most 25.
import type { APIApplicationCommandOptionChoice } from "discord.js";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.ts";
import { LIMITS } from "./limits.ts";
import { truncate } from "./text.ts";

export function glossarySuggestions(kb: KnowledgeBase, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const q = typed.trim().toLowerCase().replace(/[-_]+/g, " ");
  const ranked = kb.glossary
    .map((t) => {
      const names = [t.id.replace(/-/g, " "), t.term, ...t.aliases].map((n) => n.toLowerCase());
      const rank = q === "" ? 1 : names.some((n) => n.startsWith(q)) ? 0 : names.some((n) => n.includes(q)) ? 1 : 2;
      return { t, rank };
    })
    .filter((x) => x.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.t.term.localeCompare(b.t.term));
  return ranked.slice(0, LIMITS.autocompleteChoices).map(({ t }) => ({ name: truncate(t.term, LIMITS.choiceName), value: t.id }));
}
