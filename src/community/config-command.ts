// `/mentor-config` (Discord) and `/mentor config` (Slack): show the community's
// settings, or change one of them. Parsing and the reply are pure; who may
// change settings is decided by the adapter (Manage Server, workspace admin).
import { reply, type Reply } from "../core/reply.ts";
import { typoDistance } from "../understanding/edit-distance.ts";
import { CommunitySettings, type Community, type CommunitySettings as Settings, type SettingsCache } from "./settings.ts";

export type ConfigRequest =
  | { kind: "show" }
  | { kind: "set"; patch: Partial<Settings>; summary: string }
  | { kind: "error"; message: string };

const SETTINGS = ["channels", "replies", "cooldown", "region", "gaps", "listening"] as const;
const USAGE = [
  "channels all | #channel …  (where mentions are answered)",
  "replies public | private  (command answers by default)",
  "cooldown 30s | 2m | 0  (least time between repeated answers to one person in a channel)",
  "region us | uk | de | in | ca | none  (salary answers lead with it)",
  "gaps on | off  (record anonymous questions the mentor could not answer)",
  "listening off | on #channel …  (offer help unprompted in those channels)",
];

/** Channel references as platforms send them: <#123…>, <#C123|name>, or a bare id. */
function channelIds(words: string[]): string[] | string {
  const ids: string[] = [];
  for (const w of words) {
    const m = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(w) ?? /^([CG][A-Z0-9]{6,14}|\d{15,21})$/i.exec(w);
    if (!m) return w;
    ids.push(m[1]!.toUpperCase());
  }
  return [...new Set(ids)];
}

const onOff = (w: string | undefined) => (w === "on" || w === "yes" || w === "true" ? true : w === "off" || w === "no" || w === "false" ? false : undefined);

function seconds(w: string | undefined): number | undefined {
  const m = /^(\d{1,5})(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?$/.exec(w ?? "");
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]?.[0] ?? "s";
  return unit === "h" ? n * 3600 : unit === "m" ? n * 60 : n;
}

/** Read the command's arguments. Text is never echoed back beyond one short word. */
export function parseConfig(args: string): ConfigRequest {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const [name, ...rest] = words.map((w, i) => (i === 0 || !w.startsWith("<") ? w.toLowerCase() : w));
  if (!name || name === "show") return { kind: "show" };
  const bad = (what: string) => ({ kind: "error" as const, message: `I could not read ${what}. Try:\n${USAGE.map((u) => `• ${u}`).join("\n")}` });
  const word = (w: string) => `“${w.slice(0, 30)}”`;
  switch (name) {
    case "channels": {
      if (rest[0] === "all" && rest.length === 1) return { kind: "set", patch: { mentionChannels: [] }, summary: "I answer mentions in every channel I can see." };
      const ids = channelIds(rest);
      if (typeof ids === "string" || ids.length === 0) return bad(typeof ids === "string" ? `${word(ids)} as a channel` : "a channel");
      return { kind: "set", patch: { mentionChannels: ids }, summary: `I answer mentions only in ${ids.map((id) => `<#${id}>`).join(", ")}.` };
    }
    case "replies":
      if (rest[0] === "public" || rest[0] === "private") return { kind: "set", patch: { commandReplies: rest[0] }, summary: `Command answers are ${rest[0] === "public" ? "visible to the channel" : "visible only to the person who asked"} by default.` };
      return bad("the reply visibility (public or private)");
    case "cooldown": {
      const s = seconds(rest[0]);
      if (s === undefined || s > 86_400 || rest.length !== 1) return bad("the cooldown (a number of seconds or minutes, at most a day)");
      return { kind: "set", patch: { cooldownSeconds: s }, summary: s === 0 ? "No cooldown: I may answer the same person again at once." : `I answer the same person in a channel at most once every ${s} seconds unless they ask me directly.` };
    }
    case "region": {
      const r = rest[0];
      if (r === "none" || r === "us") return { kind: "set", patch: { salaryRegion: null }, summary: "Salary answers lead with the United States figures unless a person says where they are." };
      if (r && CommunitySettings.shape.salaryRegion.safeParse(r).success && rest.length === 1) return { kind: "set", patch: { salaryRegion: r }, summary: `Salary answers lead with ${r.toUpperCase()} figures where the knowledge base has them.` };
      return bad(r ? `${word(r)} as a region` : "a region");
    }
    case "gaps": {
      const on = onOff(rest[0]);
      if (on === undefined) return bad("on or off for knowledge-gap recording");
      return { kind: "set", patch: { recordGaps: on }, summary: on ? "Questions I cannot answer well are recorded anonymously (no names, ids or links) for 30 days, so the knowledge base can grow. /help says so here." : "Knowledge-gap recording is off." };
    }
    case "listening": {
      const on = onOff(rest[0]);
      if (on === false && rest.length === 1) return { kind: "set", patch: { listening: { enabled: false, channels: [] } }, summary: "Listening mode is off: I answer only when asked." };
      const ids = channelIds(rest.slice(1));
      if (on !== true || typeof ids === "string" || ids.length === 0) return bad(typeof ids === "string" ? `${word(ids)} as a channel` : "listening on with the channels to listen in");
      return { kind: "set", patch: { listening: { enabled: true, channels: ids } }, summary: `Listening in ${ids.map((id) => `<#${id}>`).join(", ")}: I offer one short threaded hint when someone asks which role fits or what a posting is, at most once per person per cooldown.` };
    }
    default: {
      const closest = SETTINGS.find((s) => typoDistance(name, s, 2) <= 2);
      return { kind: "error", message: `${word(name)} is not a setting${closest ? ` (did you mean ${closest}?)` : ""}. Settings:\n${USAGE.map((u) => `• ${u}`).join("\n")}` };
    }
  }
}

/** The settings as a private reply. Channel ids render as platform channel links, which never ping. */
export function settingsReply(s: Settings, note?: string, turnedListeningOn = false): Reply {
  const channels = (ids: string[]) => ids.map((id) => `<#${id}>`).join(", ");
  return reply([
    { type: "heading", text: "Role Mentor settings for this community" },
    ...(note ? [{ type: "text" as const, text: note }] : []),
    { type: "fields", fields: [
      { label: "Answers mentions in", value: s.mentionChannels.length ? channels(s.mentionChannels) : "every channel it can see" },
      { label: "Command answers", value: s.commandReplies === "public" ? "public" : "private" },
      { label: "Cooldown", value: s.cooldownSeconds === 0 ? "none" : `${s.cooldownSeconds} s per person and channel` },
      { label: "Salary region", value: s.salaryRegion ? s.salaryRegion.toUpperCase() : "United States" },
      { label: "Knowledge-gap recording", value: s.recordGaps ? "on (anonymous, 30 days)" : "off" },
      { label: "Listening mode", value: s.listening.enabled ? `on in ${channels(s.listening.channels)}` : "off" },
    ] },
    { type: "context", text: `Change one with: ${USAGE.map((u) => u.split("  ")[0]).join(" · ")}` },
  ], [], { visibility: "private", ...(turnedListeningOn ? { data: { kind: "config", listeningTurnedOn: true } } : {}) });
}

/** A person without the right to change settings gets this, privately. */
export function notAllowedReply(platform: "discord" | "slack" | string): Reply {
  const who = platform === "discord" ? "members with the Manage Server permission" : "workspace admins and owners (or people an admin listed)";
  return reply([{ type: "text", text: `Only ${who} can change Role Mentor's settings here. You can still see them with the same command and no arguments.` }], [], { visibility: "private" });
}

/** The whole command: show to anyone, change only for admins; the change is validated and stored. */
export async function configCommand(settings: Pick<SettingsCache, "get" | "update">, community: Community, args: string, isAdmin: boolean): Promise<Reply> {
  const request = parseConfig(args);
  if (request.kind === "show") return settingsReply(await settings.get(community));
  if (!isAdmin) return notAllowedReply(community.platform);
  if (request.kind === "error") return reply([{ type: "text", text: request.message }], [], { visibility: "private" });
  return settingsReply(await settings.update(community, request.patch), request.summary, request.patch.listening?.enabled === true);
}
