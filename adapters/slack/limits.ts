// Block Kit limits the renderer keeps to (docs.slack.dev reference/block-kit,
// @slack/types JSDoc). Neither Bolt nor Slack's SDK checks them before sending;
// Slack refuses the whole message (invalid_blocks) when one is exceeded.
export const SLACK_MAX_BLOCKS_PER_MESSAGE = 50;
export const SLACK_MAX_BLOCKS_PER_HOME_VIEW = 100;
export const SLACK_MAX_SECTION_TEXT = 3000;
export const SLACK_MAX_SECTION_FIELDS = 10;
export const SLACK_MAX_FIELD_TEXT = 2000;
export const SLACK_MAX_HEADER_TEXT = 150;
export const SLACK_MAX_CONTEXT_ELEMENTS = 10;
export const SLACK_MAX_CONTEXT_TEXT = 3000;
export const SLACK_MAX_ACTIONS_ELEMENTS = 25;
export const SLACK_MAX_BUTTON_TEXT = 75;
export const SLACK_MAX_BUTTON_VALUE = 2000;
export const SLACK_MAX_ACTION_ID = 255;
/**
 * Not a documented limit: Slack answers msg_blocks_too_long for messages
 * whose blocks carry roughly 13,000 characters in total (slackapi/bolt-js#2509),
 * so a reply is split before that.
 */
export const SLACK_MAX_MESSAGE_BLOCK_CHARS = 12_000;
/** The `text` fallback feeds notifications and screen readers; Slack truncates at 40,000. */
export const SLACK_MAX_FALLBACK_TEXT = 3000;
