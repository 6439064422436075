// The result card from the terminal: the plain chat prints the PNG's path
// under the result, and `chat --jsonl` puts it in the result reply's "card".
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { CARD_HEIGHT, CARD_WIDTH } from "../../src/quiz/card.ts";
import { LineSession, cleanEnv, run } from "../helpers/child.ts";

const dir = mkdtempSync(join(tmpdir(), "terminal-cards-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isCard = (path: string) => {
  const png = PNG.sync.read(readFileSync(path));
  return png.width === CARD_WIDTH && png.height === CARD_HEIGHT;
};

interface Turn { replies: { text: string; choices: { id: string }[]; card?: string; outcome?: string }[] }

describe("the result card in the terminal", () => {
  it("chat --jsonl: the result reply carries \"card\", the path of its PNG; other replies carry none", async () => {
    const chat = new LineSession(["src/main.ts", "--terminal", "--jsonl"], cleanEnv({ CARDS_DIR: join(dir, "jsonl") }));
    try {
      let turn = JSON.parse(await chat.send("/quiz")) as Turn;
      let result: Turn["replies"][number] | undefined;
      for (let i = 0; i < 30 && !result; i++) {
        const last = turn.replies.at(-1)!;
        expect(last.card).toBeUndefined();
        const answer = last.choices.find((c) => c.id.startsWith("quiz:a:"))!;
        turn = JSON.parse(await chat.send(JSON.stringify({ choose: answer.id }))) as Turn;
        result = turn.replies.find((r) => r.outcome);
      }
      expect(result, "the quiz reached a result").toBeDefined();
      expect(result!.card).toMatch(new RegExp(`^${join(dir, "jsonl")}/.+\\.png$`));
      expect(isCard(result!.card!)).toBe(true);
      expect(result!.text).not.toContain(result!.card!);
    } finally {
      chat.kill();
    }
  });

  it("the plain chat prints the card's path under the result", async () => {
    const { code, stdout, stderr } = await run(["src/main.ts"], { input: `/quiz\n${"1\n".repeat(24)}`, env: cleanEnv({ CARDS_DIR: join(dir, "plain") }) });
    expect(code, stderr).toBe(0);
    const path = /\(Result card: (.+\.png)\)/.exec(stdout)?.[1];
    expect(path, stdout.slice(-2000)).toBeDefined();
    expect(existsSync(path!) && isCard(path!)).toBe(true);
  });
});
