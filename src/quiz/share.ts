// "Share to channel": a quiz asked for in a server or workspace channel runs
// in the DM; its result then offers to post the card and one line back in
// that channel. Nothing is posted until the person clicks, and what is posted
// names nobody: the card and the outcome only. The quiz service calls this at
// four points: a quiz begins, a result is shown, the share click, /forget.
import { reply, type Choice, type Reply, type ReplyImage } from "../core/reply.ts";
import { encodeAction } from "../core/actions.ts";
import { personKey, type InboundEvent, type Origin } from "../core/events.ts";
import type { StateStore } from "../core/state-store.ts";
import type { CardFiles } from "./card-files.ts";

export const SHARE_OP = "share";
export const shareChoice = (): Choice => ({ id: encodeAction({ kind: "quiz", op: SHARE_OP }), label: "Share to channel" });

/** Where a reply is to be posted instead of where the click came from (adapters read it). */
export const shareTarget = (r: Reply): Origin | undefined => {
  const to = (r.data as { shareTo?: Origin } | undefined)?.shareTo;
  return to && typeof to.channel === "string" && typeof to.workspace === "string" ? to : undefined;
};

/** The public post: one line and the card, for the channel the quiz came from. */
export function sharedPost(label: string, card: ReplyImage, origin: Origin): Reply {
  return reply([{ type: "text", text: `A Role Mentor quiz result: ${label}. Take the quiz yourself with /quiz.` }], [], {
    visibility: "public", image: card, data: { shareTo: origin },
  });
}

/** A result that may be shared to the channel its quiz was asked for in. */
interface Shareable {
  origin: Origin;
  label: string;
  image: ReplyImage;
}

type Person = Pick<InboundEvent, "address" | "actor">;

export class ResultSharing {
  constructor(private readonly store: StateStore, private readonly cards: CardFiles | undefined, private readonly quizTtlMs: number, private readonly resultTtlMs: number) {}

  private originKey = (e: Person) => `origin:${personKey(e.address, e.actor)}`;
  private shareKey = (e: Person) => `share:${personKey(e.address, e.actor)}`;

  /** A quiz begins: remember where it was asked for (said by the adapter when it runs elsewhere, or the channel itself). */
  async begin(e: InboundEvent): Promise<void> {
    const origin = e.origin ?? (!e.address.dm && e.address.workspace ? { workspace: e.address.workspace, channel: e.address.channel } : undefined);
    if (origin) await this.store.set(this.originKey(e), origin, { ttlMs: this.quizTtlMs });
    else await this.store.delete(this.originKey(e));
  }

  /** A result is shown: with a card and a channel to go back to, it offers sharing (kept like the result, until the next one or /forget). */
  async offer(e: InboundEvent, label: string, r: Reply): Promise<Reply> {
    const origin = (await this.store.get<Origin>(this.originKey(e)))?.value;
    await this.store.delete(this.originKey(e));
    if (!origin || !r.image || r.choices.length >= 25) {
      await this.store.delete(this.shareKey(e));
      return r;
    }
    // As long as the result and its card: everything kept about a person expires.
    await this.store.set<Shareable>(this.shareKey(e), { origin, label, image: r.image }, { ttlMs: this.resultTtlMs });
    return { ...r, choices: [...r.choices, shareChoice()] };
  }

  /** The click: the post for the channel, while the card it offered is still the person's card (a failed post can be tried again). */
  async share(e: InboundEvent): Promise<Reply> {
    const found = await this.store.get<Shareable>(this.shareKey(e));
    const current = found && this.cards ? await this.cards.current(personKey(e.address, e.actor)) : undefined;
    if (!found || current !== found.value.image.path) {
      return reply([{ type: "text", text: "That result is no longer there to share (a newer result or /forget replaced it)." }], [], { visibility: "private" });
    }
    return sharedPost(found.value.label, found.value.image, found.value.origin);
  }

  async forget(e: Person): Promise<void> {
    await this.store.delete(this.originKey(e));
    await this.store.delete(this.shareKey(e));
  }
}
