// `/mentor decode` without text: a modal with one multi-line input (Slack's
// plain_text_input takes 3,000 characters) to paste a posting into. The
// channel it was opened from rides along in private_metadata.
import type { webApi } from "@slack/bolt";

export const DECODE_VIEW = "decode-modal";
const BLOCK = "posting";
const INPUT = "text";
export const SLACK_DECODE_MAX = 3000;

type ModalView = webApi.ViewsOpenArguments["view"];

export function decodeView(channel: string): ModalView {
  return {
    type: "modal",
    callback_id: DECODE_VIEW,
    private_metadata: channel,
    title: { type: "plain_text", text: "Decode a job posting" },
    submit: { type: "plain_text", text: "Decode" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [{
      type: "input", block_id: BLOCK,
      label: { type: "plain_text", text: "The posting (duties and requirements)" },
      element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: SLACK_DECODE_MAX, placeholder: { type: "plain_text", text: "Paste the job posting here" } },
    }],
  };
}

/** The posting typed into a submitted decode modal ("" when missing). */
export function submittedPosting(view: { state?: { values?: Record<string, Record<string, { value?: string | null }>> } }): string {
  return view.state?.values?.[BLOCK]?.[INPUT]?.value ?? "";
}
