// Removes credentials from text bound for the logs. Applied to every
// serialized log line, so tokens are caught wherever they hide: a message, an
// error's url (Discord's webhook URLs carry the interaction token), a header
// dump, a nested cause. Pure; the replacements keep JSON valid (no quotes).
const CENSOR = "[secret]";

const RULES: [RegExp, string][] = [
  // Discord interaction/webhook tokens in URLs: /webhooks/<app id>/<token>, /interactions/<id>/<token>/callback.
  [/(\/(?:webhooks|interactions)\/\d+\/)[^/?"'\s\\]+/g, `$1${CENSOR}`],
  // Authorization header values and schemes, however they are quoted.
  [/((?:"|')?authorization(?:"|')?\s*[:=]\s*(?:"|')?)[^"',}\s\\]+(?:\s+[^"',}\s\\]+)?/gi, `$1${CENSOR}`],
  [/\b(Bot|Bearer|Basic)\s+(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,}/g, `$1 ${CENSOR}`],
  // Slack tokens: bot, user, app-level, refresh, config.
  [/\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+/g, CENSOR],
  // A bare Discord bot token: three base64url parts separated by dots.
  [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g, CENSOR],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
