// Slash commands, buttons and autocomplete. Every interaction is acknowledged
// (deferred) before the core is asked, well within Discord's 3 seconds; an
// interaction that expired (10062) or was answered already (40060) is logged,
// never fatal; any other failure becomes an ephemeral "Something went wrong
// (ref …)" and an error log with the same ref.
import { MessageFlags, PermissionFlagsBits, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type Message, type ModalSubmitInteraction, type RepliableInteraction } from "discord.js";
import type { Address, InboundEventInput } from "../../src/core/events.ts";
import type { DiscordContext } from "./context.ts";
import { LISTENING_NEEDS_INTENT, errorRef, somethingWentWrong } from "./context.ts";
import { dropCachedPerson } from "./cached-person.ts";
import { CONFIG_COMMAND, PERSONAL_COMMANDS, commandArgs } from "./commands.ts";
import { buttonKind, choiceIdFrom, isQuizMessage } from "./custom-id.ts";
import { discordCode, isExpiredInteraction } from "./errors.ts";
import { glossarySuggestions } from "./glossary-autocomplete.ts";
import { actorOf, addressOf } from "./inbound.ts";
import { DMS_CLOSED, checkYourDms, openQuizInDm } from "./quiz-dm.ts";
import { notice, renderReply } from "./render.ts";
import { isRefusal, turnsListeningOn, type Reply } from "../../src/core/reply.ts";
import { answerInteraction, editOriginal, originalFilled, withLeadingText } from "./send.ts";
import { DECODE_FIELD, DECODE_MODAL, decodeModal } from "./decode-modal.ts";
import { reportDelivered } from "./delivered.ts";

const EPHEMERAL = { flags: MessageFlags.Ephemeral } as const;

export async function onInteraction(ctx: DiscordContext, i: Interaction): Promise<void> {
  if (i.isAutocomplete()) return autocomplete(ctx, i);
  if (i.isModalSubmit()) return decodeSubmitted(ctx, i).catch((err: unknown) => failed(ctx, i, err));
  if (!i.isChatInputCommand() && !i.isButton() && !i.isAnySelectMenu() && !i.isContextMenuCommand()) return;
  try {
    if (i.isChatInputCommand()) await command(ctx, i);
    else if (i.isButton()) await button(ctx, i);
    // No menu and no context-menu command is ours: said so privately, so Discord never shows "This interaction failed".
    else await i.reply({ ...notice("That is not something I offer. Type /help to see what I can do."), ...EPHEMERAL });
  } catch (err) {
    await failed(ctx, i, err);
  }
}

async function command(ctx: DiscordContext, i: ChatInputCommandInteraction): Promise<void> {
  const name = i.commandName;
  const actor = actorOf(i.user);
  // Discord hides /mentor-config from members without Manage Server; the interaction's own permissions decide at run time.
  const admin = name === CONFIG_COMMAND && i.inGuild() && (i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
  const event = (address: Address): InboundEventInput => ({
    id: i.id, kind: "command", name, args: commandArgs(name, (o) => i.options.getString(o), ctx.kb), address, actor, ...(admin ? { admin } : {}),
  });
  if (name === "quiz" && i.inGuild()) return quizFromServer(ctx, i, event);
  // A posting is too long for an option line: without text, /decode opens a paragraph field.
  if (name === "decode" && !i.options.getString("text")?.trim()) return void (await i.showModal(decodeModal()));
  // Personal commands and settings are ephemeral; other answers too when the server's admin chose private answers.
  const ephemeral = i.inGuild() && (PERSONAL_COMMANDS.has(name) || name === CONFIG_COMMAND || (await ctx.mentor.settings?.(addressOf(i)))?.commandReplies === "private");
  await i.deferReply(ephemeral ? EPHEMERAL : {});
  const e = event(addressOf(i));
  const turn = await ctx.mentor.handle(e);
  // An admin turning listening on while the bot cannot read unmentioned messages is told so at once.
  const replies = ctx.messageContent === false && turnsListeningOn(turn.replies)
    ? [...turn.replies.slice(0, -1), { ...turn.replies.at(-1)!, blocks: [...turn.replies.at(-1)!.blocks, { type: "context" as const, text: LISTENING_NEEDS_INTENT }] }]
    : turn.replies;
  await answerInteraction(i, replies, { ephemeral }, reportDelivered(ctx, e));
  // The store is cleared by the core; what discord.js holds about the person goes too.
  if (name === "forget") dropCachedPerson(ctx.client, i.user.id);
}

/** The decode modal's posting, answered in public like the command. */
async function decodeSubmitted(ctx: DiscordContext, i: ModalSubmitInteraction): Promise<void> {
  if (i.customId !== DECODE_MODAL) return;
  await i.deferReply();
  const args = i.fields.getTextInputValue(DECODE_FIELD);
  const turn = await ctx.mentor.handle({ id: i.id, kind: "command", name: "decode", args, address: addressOf(i), actor: actorOf(i.user) });
  await answerInteraction(i, turn.replies, { ephemeral: false });
}

async function button(ctx: DiscordContext, i: ButtonInteraction): Promise<void> {
  const choiceId = choiceIdFrom(i.customId);
  if (!choiceId) {
    await i.reply({ ...notice("That button is no longer valid. Ask me again, or use /help."), ...EPHEMERAL });
    return;
  }
  const kind = buttonKind(choiceId);
  const onEphemeral = i.message.flags.has(MessageFlags.Ephemeral);
  // Only the person concerned sees a DM or an ephemeral message; anything else is public.
  const privatePlace = !i.inGuild() || onEphemeral;
  const event = (address: Address): InboundEventInput => ({ id: i.id, kind: "choice", choiceId, address, actor: actorOf(i.user) });

  if (kind === "quiz-open" && !privatePlace) return quizFromServer(ctx, i, event);
  const onQuizMessage = isQuizMessage(customIdsOf(i.message));
  if ((kind === "quiz-step" || (kind === "quiz-open" && onQuizMessage)) && privatePlace) {
    // A quiz answer or step: the question message becomes the next question (or the result).
    // Other messages (an answer, a quiz result) stay as they are.
    await i.deferUpdate();
    const e = event(addressOf(i));
    const turn = await ctx.mentor.handle(e);
    // A refused click (someone else's quiz, an earlier run, a rate limit) leaves the question and its buttons.
    if (isRefusal(turn.replies)) await followUpPrivately(i, turn.replies);
    else await answerInteraction(i, turn.replies, { ephemeral: onEphemeral, inPlace: true }, reportDelivered(ctx, e));
    return;
  }
  // A follow-up choice: a new message, ephemeral when the click came from an ephemeral one,
  // touches a quiz on a public message (someone else's, or a stale one) or is not ours at all.
  const ephemeral = i.inGuild() && (onEphemeral || kind !== "answer");
  await i.deferReply(ephemeral ? EPHEMERAL : {});
  const e = event(addressOf(i));
  const turn = await ctx.mentor.handle(e);
  await answerInteraction(i, turn.replies, { ephemeral }, reportDelivered(ctx, e));
}

/** Replies seen by the clicker alone, as ephemeral follow-ups; the clicked message stays as it was. */
async function followUpPrivately(i: ButtonInteraction, replies: Reply[]): Promise<void> {
  for (const r of replies) for (const m of renderReply(r)) await i.followUp({ ...m, ...EPHEMERAL });
}

/** The custom_ids of a message's buttons. */
function customIdsOf(message: Message): string[] {
  const ids: string[] = [];
  const walk = (c: unknown): void => {
    const o = c as { custom_id?: unknown; components?: unknown[] } | null;
    if (typeof o?.custom_id === "string") ids.push(o.custom_id);
    o?.components?.forEach(walk);
  };
  for (const row of message.components) walk(row.toJSON());
  return ids;
}

/** `/quiz` (or a quiz button) in a server: "check your DMs" and the quiz in the DM; ephemeral here when DMs are closed. */
async function quizFromServer(ctx: DiscordContext, i: ChatInputCommandInteraction | ButtonInteraction, event: (address: Address) => InboundEventInput): Promise<void> {
  await i.deferReply(EPHEMERAL);
  // Asked for in this channel: the result, in the DM, may be shared back here on the person's click.
  const dm = await openQuizInDm(ctx, i.user, i.guild?.name ?? null, (a) => ({ ...event(a), origin: { workspace: i.guildId!, channel: i.channelId } }));
  if (dm.sent) {
    await editOriginal(i, notice(checkYourDms(dm.channelId)));
    return;
  }
  const e = event(addressOf(i));
  const turn = await ctx.mentor.handle(e);
  await answerInteraction(i, withLeadingText(turn.replies, DMS_CLOSED), { ephemeral: true }, reportDelivered(ctx, e));
}

async function autocomplete(ctx: DiscordContext, i: AutocompleteInteraction): Promise<void> {
  let choices: ReturnType<typeof glossarySuggestions> = [];
  try {
    const focused = i.options.getFocused(true);
    if (i.commandName === "glossary" && focused.name === "term") choices = glossarySuggestions(ctx.kb, String(focused.value));
  } catch (err) {
    // No focused option (a malformed request): nothing to suggest, but still an answer.
    ctx.logger.warn({ err, interaction: i.id }, "autocomplete without a focused option");
  }
  try {
    await i.respond(choices);
  } catch (err) {
    // Autocomplete is best effort: a late answer is simply not shown.
    ctx.logger.warn({ err, interaction: i.id, code: discordCode(err) }, "autocomplete answer not delivered");
  }
}

async function failed(ctx: DiscordContext, i: RepliableInteraction, err: unknown): Promise<void> {
  if (isExpiredInteraction(err)) {
    ctx.logger.warn({ err, interaction: i.id, code: discordCode(err) }, "interaction expired or already answered; nothing more to send");
    return;
  }
  const ref = errorRef();
  ctx.logger.error({ err, ref, interaction: i.id, user: i.user.id }, "Discord interaction failed");
  const message = { ...notice(somethingWentWrong(ref)), ...EPHEMERAL };
  try {
    if (i.deferred || i.replied) {
      await i.followUp(message);
      // A public "thinking…" placeholder that never got its answer goes away.
      if (i.deferred && i.ephemeral === false && !originalFilled(i)) await i.deleteReply();
    } else {
      await i.reply(message);
    }
  } catch (err2) {
    ctx.logger.warn({ err: err2, ref, code: discordCode(err2) }, "could not tell the person about the failure");
  }
}
