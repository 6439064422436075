// Text across the Slack boundary. Outbound: Slack reads `&`, `<` and `>` as
// control characters (mentions, links, `<!channel>`), so every piece of text
// we send in mrkdwn or the `text` fallback is escaped: a person's
// "<!channel>" reaches Slack as inert "&lt;!channel&gt;" and pings nobody.
// Inbound: Slack sends message and command text with those characters
// escaped and mentions and links as `<…>` sequences; the core gets plain text.

/** Escape Slack's three control characters, and only those (api.slack.com "Escaping text"). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A URL inside `<url|label>`: `&` escaped as Slack itself does; `<`, `>` and `|` would end the link early. */
export function slackLinkUrl(url: string): string {
  return url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
}

/**
 * Slack's markup as the plain words a person sees: the mention of the app
 * itself removed, other mentions as "@name", channels as "#name", links as
 * their label, entities decoded.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = "", label] = inner.split("|", 2);
      if (target.startsWith("@")) return target.slice(1) === botUserId ? "" : `@${label ?? target.slice(1)}`;
      if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
      // <!here>, <!channel>, <!subteam^S1|@team>, <!date^…|fallback>
      if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0]}`;
      return label ?? target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
