// Discord turns a paste longer than a message into a `message.txt`
// attachment. In DMs and mentions that file is read as the message's text
// (so a posting pasted whole can be decoded); only small text files from
// Discord's own CDN (or the configured API host, for tests) are fetched.
import type { Client, Message } from "discord.js";

const MAX_FILE_BYTES = 64 * 1024;
const CDN_HOSTS = new Set(["cdn.discordapp.com", "media.discordapp.net"]);

/** The message's text with the pasted `message.txt` appended, if it has one. */
export async function withPastedFile(client: Client, m: Message, content: string): Promise<string> {
  const file = m.attachments.find((a) => a.name === "message.txt" && a.size <= MAX_FILE_BYTES && (a.contentType ?? "text/plain").startsWith("text/plain"));
  if (!file) return content;
  if (!isDiscordFile(file.url, client.options.rest?.api)) return content;
  try {
    const url = new URL(file.url);
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return content;
    const text = (await res.text()).slice(0, MAX_FILE_BYTES);
    return content.trim() ? `${content}\n${text}` : text;
  } catch {
    return content;
  }
}

/** Files are fetched from Discord's CDN, or from the API host the client is configured with (a test fake). */
export function isDiscordFile(raw: string, api: string | undefined): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === "https:" && CDN_HOSTS.has(url.hostname)) return true;
    return api !== undefined && new URL(api).origin === url.origin;
  } catch {
    return false;
  }
}
