// Result cards on disk: one PNG per person at a time, under one directory.
// A file's name carries a hash of the person's key (never the key itself, so
// no platform id shows in a path or a filename) and the time it expires, so
// expired cards are found from the directory listing alone. A new card
// replaces the person's earlier one; /forget removes it.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Reply } from "../core/reply.ts";
import type { Logger } from "../core/logger.ts";
import { cardAltText, cardInputFromReply } from "./card.ts";
import { renderCardOffThread, warmCardThread } from "./card-thread.ts";

/** What the platforms call the attachment: the same for everyone, so it tells nothing about the person. */
export const CARD_FILENAME = "role-mentor-quiz-result.png";

const NAME = /^([0-9a-f]{24})-(\d+)-[0-9a-f]{8}\.png$/;

export interface CardFilesOptions {
  /** Where cards are written (created when missing). */
  dir: string;
  now?: () => number;
}

export class CardFiles {
  readonly dir: string;
  private readonly now: () => number;

  constructor(opts: CardFilesOptions) {
    this.dir = resolve(opts.dir);
    this.now = opts.now ?? Date.now;
  }

  private static owner(personKey: string): string {
    return createHash("sha256").update(personKey).digest("hex").slice(0, 24);
  }

  /** Write the person's card, replacing any earlier one; expiresAt null keeps it until replaced or forgotten. Returns its absolute path. */
  async write(personKey: string, png: Buffer, expiresAt: number | null): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const owner = CardFiles.owner(personKey);
    const name = `${owner}-${expiresAt ?? 0}-${randomBytes(4).toString("hex")}.png`;
    const path = join(this.dir, name);
    // Written aside and renamed, so nobody ever reads half a card.
    const partial = `${path}.partial`;
    await writeFile(partial, png);
    await rename(partial, path);
    await this.removeWhere((o, _exp, file) => o === owner && file !== name);
    await this.sweep();
    return path;
  }

  /** A result is on its way (a quiz started): get the renderer ready meanwhile. */
  warm(): void {
    warmCardThread();
  }

  /** The person's card, if there is one that has not expired. */
  async current(personKey: string): Promise<string | undefined> {
    const owner = CardFiles.owner(personKey);
    const now = this.now();
    const found = (await this.entries()).find((e) => e.owner === owner && (e.expiresAt === 0 || e.expiresAt > now));
    return found ? join(this.dir, found.file) : undefined;
  }

  /** Delete the person's cards (/forget). */
  async remove(personKey: string): Promise<void> {
    const owner = CardFiles.owner(personKey);
    await this.removeWhere((o) => o === owner);
  }

  /** Delete every expired card; the number deleted. */
  async sweep(): Promise<number> {
    const now = this.now();
    return this.removeWhere((_o, expiresAt) => expiresAt !== 0 && expiresAt <= now);
  }

  private async entries(): Promise<{ file: string; owner: string; expiresAt: number }[]> {
    let files: string[];
    try {
      files = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw err;
    }
    return files.flatMap((file) => {
      const m = NAME.exec(file);
      return m ? [{ file, owner: m[1]!, expiresAt: Number(m[2]) }] : [];
    });
  }

  private async removeWhere(pred: (owner: string, expiresAt: number, file: string) => boolean): Promise<number> {
    const doomed = (await this.entries()).filter((e) => pred(e.owner, e.expiresAt, e.file));
    await Promise.all(doomed.map((e) => rm(join(this.dir, e.file), { force: true })));
    return doomed.length;
  }
}

/**
 * The result reply with its card attached (`image`), or the reply as it was
 * when it is not a result or the card could not be made: a card is a bonus,
 * never a reason to lose the result.
 */
export async function withResultCard(files: CardFiles, personKey: string, r: Reply, expiresAt: number | null, logger: Logger): Promise<Reply> {
  const input = cardInputFromReply(r);
  if (!input) return r;
  try {
    const started = performance.now();
    const path = await files.write(personKey, await renderCardOffThread(input), expiresAt);
    logger.debug({ ms: Math.round(performance.now() - started) }, "result card rendered");
    return { ...r, image: { path, alt: cardAltText(input), filename: CARD_FILENAME } };
  } catch (err) {
    logger.warn({ err }, "result card not made; the result goes out without it");
    return r;
  }
}
