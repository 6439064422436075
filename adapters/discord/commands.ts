// Slash commands: their Discord definitions, built from the core's COMMANDS
// and the knowledge base (roles and aspects as option choices, glossary terms
// by autocomplete), the one bulk overwrite that registers them, and the
// translation of a command's options back into the core's argument text.
import {
  PermissionFlagsBits,
  ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, Routes,
  type APIApplicationCommandBasicOption, type APIApplicationCommandOptionChoice, type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { COMMANDS } from "../../src/core/commands.ts";
import type { KnowledgeBase } from "../../src/knowledge/knowledge-base.ts";
import { ASPECT_IDS, type AspectId, type RoleId } from "../../src/knowledge/schema.ts";
import { ASPECT_LABELS } from "../../src/core/answers/format.ts";
import { LIMITS } from "./limits.ts";
import { truncate } from "./text.ts";

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Commands whose answer is for the person alone: their reply is ephemeral in a server. */
export const PERSONAL_COMMANDS: ReadonlySet<string> = new Set(["quiz", "forget"]);

export const ASK_MAX_LENGTH = 1000;
export const DECODE_MAX_LENGTH = 4000;

type Option = APIApplicationCommandBasicOption;

function roleChoices(kb: KnowledgeBase): APIApplicationCommandOptionChoice<string>[] {
  return [...kb.roles.values()].map((r) => ({ name: truncate(r.name, LIMITS.choiceName), value: r.id })).slice(0, 25);
}

function aspectChoices(): APIApplicationCommandOptionChoice<string>[] {
  return ASPECT_IDS.map((a) => ({ name: ASPECT_LABELS[a], value: a }));
}

const roleOption = (kb: KnowledgeBase, name: string, description: string, required = false): Option =>
  ({ type: ApplicationCommandOptionType.String, name, description, required, choices: roleChoices(kb) });
const aspectOption = (description: string): Option =>
  ({ type: ApplicationCommandOptionType.String, name: "aspect", description, required: false, choices: aspectChoices() });

function optionsFor(name: string, kb: KnowledgeBase): Option[] {
  switch (name) {
    case "compare": return [
      roleOption(kb, "role1", "A role (default: ML engineer)"),
      roleOption(kb, "role2", "Another role (default: the first role's usual counterpart)"),
      roleOption(kb, "role3", "A third role, if you like"),
      aspectOption("Compare only this aspect"),
    ];
    case "role": return [roleOption(kb, "role", "Which role", true), aspectOption("Only this aspect of it")];
    case "ask": return [{ type: ApplicationCommandOptionType.String, name: "question", description: "Your question, in your own words", required: true, max_length: ASK_MAX_LENGTH }];
    case "path": return [
      roleOption(kb, "role", "The role to learn (or, with `to`, the role you are coming from)", true),
      roleOption(kb, "to", "The role you want to move to"),
    ];
    case "resources": return [roleOption(kb, "role", "Only resources for this role")];
    case "glossary": return [{ type: ApplicationCommandOptionType.String, name: "term", description: "The term, e.g. RAG, MLOps, fine-tuning", required: true, autocomplete: true, max_length: 100 }];
    // Discord's modal paragraph takes 4,000 characters; the option gets the same limit.
    case "decode": return [{ type: ApplicationCommandOptionType.String, name: "text", description: "The job posting's text, or a job title", required: false, max_length: DECODE_MAX_LENGTH }];
    default: return [];
  }
}

export type CommandScope = { guildId: string } | "global";

/** The community settings command: Discord shows it only to members with Manage Server (checked again at run time). */
export const CONFIG_COMMAND = "mentor-config";
export const CONFIG_OPTION = "setting";

function configDefinition(scope: CommandScope): CommandDefinition {
  return {
    type: ApplicationCommandType.ChatInput,
    name: CONFIG_COMMAND,
    description: "Role Mentor settings for this server: show them, or change one (Manage Server)",
    options: [{ type: ApplicationCommandOptionType.String, name: CONFIG_OPTION, description: "e.g. channels #careers, replies private, cooldown 2m, region uk, gaps on", required: false, max_length: 500 }],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    // Settings belong to a server: no DM context.
    ...(scope === "global" ? { contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] } : {}),
  };
}

/**
 * Every command, ready for one bulk overwrite. Global commands also work in the
 * bot's DM; guild commands cannot be given contexts (Discord: "only for
 * globally-scoped commands") and are limited to that server.
 */
export function commandDefinitions(kb: KnowledgeBase, scope: CommandScope): CommandDefinition[] {
  return [...COMMANDS.map((c): CommandDefinition => ({
    type: ApplicationCommandType.ChatInput,
    name: c.name,
    description: truncate(c.description, LIMITS.commandDescription),
    options: optionsFor(c.name, kb),
    ...(scope === "global"
      ? { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM], integration_types: [ApplicationIntegrationType.GuildInstall] }
      : {}),
  })), configDefinition(scope)];
}

export interface Registration {
  scope: CommandScope;
  route: string;
  count: number;
}

/**
 * One bulk overwrite (PUT): idempotent, and only commands that do not exist
 * yet count against Discord's daily limit of 200 creates.
 */
export async function registerCommands(rest: REST, opts: { applicationId: string; guildId?: string; kb: KnowledgeBase }): Promise<Registration> {
  const scope: CommandScope = opts.guildId ? { guildId: opts.guildId } : "global";
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId) : Routes.applicationCommands(opts.applicationId);
  const body = commandDefinitions(opts.kb, scope);
  const result = (await rest.put(route, { body })) as unknown[];
  return { scope, route, count: Array.isArray(result) ? result.length : body.length };
}

/** A command's options as the argument text the core parses (roles and aspects by a name it recognises). */
export function commandArgs(name: string, get: (option: string) => string | null, kb: KnowledgeBase): string {
  const role = (o: string) => {
    const id = get(o);
    return id && kb.roles.has(id as RoleId) ? kb.role(id as RoleId).name : id;
  };
  const aspect = () => {
    const id = get("aspect");
    return id && (ASPECT_IDS as readonly string[]).includes(id) ? aspectPhrase(kb, id as AspectId) : id;
  };
  const join = (...parts: (string | null)[]) => parts.filter((p): p is string => Boolean(p?.trim())).join(", ");
  switch (name) {
    case "compare": return join(role("role1"), role("role2"), role("role3"), aspect());
    case "role": return join(role("role"), aspect());
    case "ask": return get("question") ?? "";
    case "decode": return get("text") ?? "";
    case CONFIG_COMMAND: return get(CONFIG_OPTION) ?? "";
    case "path": return join(role("role"), role("to"));
    case "resources": return join(role("role"));
    case "glossary": {
      const term = get("term") ?? "";
      // Autocomplete sends the term's id ("vector-database"); typed text goes through as typed.
      return kb.term(term) ? term.replace(/-/g, " ") : term;
    }
    default: return "";
  }
}

/** The aspect as a word the core's lexicon knows (its id is one in practice). */
function aspectPhrase(kb: KnowledgeBase, aspect: AspectId): string {
  const phrases = kb.lexicon.aspects[aspect] ?? [];
  return phrases.includes(aspect) ? aspect : (phrases[0] ?? aspect);
}
