// `/decode` without text: a modal with one paragraph field, Discord's 4,000
// characters, to paste a whole posting into. Its submission is the same
// `decode` command for the core.
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from "discord.js";
import { DECODE_MAX_LENGTH } from "./commands.ts";

export const DECODE_MODAL = "decode-modal";
export const DECODE_FIELD = "posting";

export function decodeModal(): APIModalInteractionResponseCallbackData {
  return {
    custom_id: DECODE_MODAL,
    title: "Decode a job posting",
    components: [{
      type: ComponentType.ActionRow,
      components: [{
        type: ComponentType.TextInput, custom_id: DECODE_FIELD, style: TextInputStyle.Paragraph, label: "The posting (duties and requirements)",
        placeholder: "Paste the job posting here", min_length: 1, max_length: DECODE_MAX_LENGTH, required: true,
      }],
    }],
  };
}
