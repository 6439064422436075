// A minimal loopback stand-in for Slack's Web API and response_urls, for the
// load benchmark: what the bot sends is routed to the person it is for, who
// keeps the DM's messages (by ts) and knows which quiz question is on screen.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Json = Record<string, unknown>;

/** A quiz question as the person sees it: its item id and its answer buttons. */
export interface Question { item: string; answers: string[]; ts: string }

/** One person at the other end of the bot: their DM and what the load did with it. */
export class Person {
  /** The DM's messages by ts (chat.update replaces one in place). */
  readonly messages = new Map<string, Json>();
  /** Everything that arrived, in order (posts, updates, response_url messages). */
  readonly inbox: Json[] = [];
  /** The ts of the newest DM message that carried quiz answer buttons. */
  questionTs?: string;
  private waiters: (() => void)[] = [];

  /** Items this person answered (clicked or typed) while that question was on screen. */
  readonly intended = new Set<string>();
  /** Items whose click was acknowledged (200) and not answered "try again": must be in the store. */
  readonly acked = new Set<string>();
  sent = 0;
  /** How often the question on screen moved to another item (or to the result). */
  moves = 0;
  /** An acknowledged answer's question came back on screen: the answer was lost. */
  lostSeen = 0;
  finished = false;

  receive(m: Json): void {
    if (m.kind === "update" || m.kind === "post") {
      const before = this.question()?.item;
      this.messages.set(String(m.ts), m);
      // A new question (or the "continue or start again" prompt) takes the screen; other posts leave it as it was.
      if (m.kind === "post" && (quizAnswers(m).length > 0 || hasButton(m, "quiz:continue"))) this.questionTs = String(m.ts);
      const after = this.question()?.item;
      // Moved on: to another question, or (an update in place) to the result.
      if (before !== undefined && after !== before && !(m.kind === "post" && after === undefined)) {
        this.moves++;
        if (after !== undefined && this.acked.has(after)) this.lostSeen++;
      }
    }
    this.inbox.push(m);
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** The quiz question on screen now, if any. */
  question(): Question | undefined {
    const m = this.questionTs ? this.messages.get(this.questionTs) : undefined;
    const answers = quizAnswers(m);
    if (!m || answers.length === 0) return undefined;
    return { item: answers[0]!.split(":")[4]!, answers, ts: this.questionTs! };
  }

  /** The "continue or start again" prompt on screen (a repeated /quiz), if that is what shows. */
  continueButton(): { id: string; ts: string } | undefined {
    const m = this.questionTs ? this.messages.get(this.questionTs) : undefined;
    return m && hasButton(m, "quiz:continue") ? { id: "quiz:continue", ts: this.questionTs! } : undefined;
  }

  /**
   * Wait until a message after the first `seen` arrives that `accept`s (resolves with it) or `ms`
   * pass (undefined). A late message meant for an earlier request is not this request's answer.
   */
  async next(seen: number, ms: number, accept: (m: Json) => boolean): Promise<Json | undefined> {
    const deadline = Date.now() + ms;
    for (let i = seen; ; i++) {
      while (this.inbox.length <= i) {
        const left = deadline - Date.now();
        if (left <= 0) return undefined;
        await new Promise<void>((done) => { const t = setTimeout(done, left); this.waiters.push(() => { clearTimeout(t); done(); }); });
      }
      if (accept(this.inbox[i]!)) return this.inbox[i];
    }
  }
}

export const buttonIds = (m: Json | undefined): string[] => ((m?.blocks as Json[] | undefined) ?? []).filter((b) => b.type === "actions").flatMap((b) => (b.elements as Json[]).map((e) => String(e.action_id)));
const quizAnswers = (m: Json | undefined) => buttonIds(m).filter((id) => id.startsWith("quiz:a:"));
const hasButton = (m: Json, id: string) => buttonIds(m).includes(id);
export const textOf = (m: Json | undefined): string => String(m?.text ?? "");

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => { const c: Buffer[] = []; req.on("data", (d: Buffer) => c.push(d)); req.on("end", () => done(Buffer.concat(c).toString())); });
}
function parse(raw: string, type: string): Json {
  if (type.includes("json")) return raw ? (JSON.parse(raw) as Json) : {};
  const out: Json = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = k === "blocks" ? JSON.parse(v) : v;
  return out;
}

export class FakeSlack {
  readonly people = new Map<string, Person>();
  private tsCounter = 1000;
  private server?: Server;

  person(user: string): Person {
    let p = this.people.get(user);
    if (!p) this.people.set(user, (p = new Person()));
    return p;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** A response_url that routes what is posted to it to `user`. */
  responseUrl(user: string, n: string | number): string {
    return `http://127.0.0.1:${this.port}/response/${user}/${n}`;
  }

  private toDm(channel: unknown): Person | undefined {
    return typeof channel === "string" && channel.startsWith("D") ? this.people.get(channel.slice(1)) : undefined;
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const body = parse(await readBody(req), String(req.headers["content-type"] ?? ""));
      const url = req.url ?? "";
      let answer: Json = { ok: true };
      const response = /^\/response\/([^/]+)\//.exec(url);
      if (response) this.people.get(response[1]!)?.receive({ ...body, kind: "response", via: url.slice(response[0].length) });
      else {
        const method = url.replace(/^\/api\//, "").split("?")[0];
        if (method === "auth.test") answer = { ok: true, team_id: "T1", user_id: "UBOT", bot_id: "BBOT", url: "https://load.slack.com/" };
        else if (method === "conversations.open") answer = { ok: true, channel: { id: `D${String(body.users)}` } };
        else if (method === "chat.postMessage") { const ts = `${++this.tsCounter}.000100`; answer = { ok: true, channel: body.channel, ts }; this.toDm(body.channel)?.receive({ ...body, ts, kind: "post" }); }
        else if (method === "chat.update") { answer = { ok: true, channel: body.channel, ts: body.ts }; this.toDm(body.channel)?.receive({ ...body, kind: "update" }); }
        else if (method === "chat.postEphemeral") { this.toDm(body.channel)?.receive({ ...body, kind: "ephemeral" }); }
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    });
    this.server.listen(0, "127.0.0.1");
    await new Promise((r) => this.server!.once("listening", r));
  }

  close(): void {
    this.server?.close();
    this.server?.closeAllConnections();
  }
}
