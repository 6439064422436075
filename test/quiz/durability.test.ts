// Quiz state is durable: a real SQLite file survives a SIGKILL between two
// answers, and two replicas answering the same question never both apply.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { SqliteStore } from "../../src/stores/sqlite-store.ts";
import type { SetOptions, StateStore } from "../../src/core/state-store.ts";
import { createCore } from "../../src/bootstrap.ts";
import { command, choose, silentLogger, textOf } from "../helpers/core.ts";

const dir = mkdtempSync(join(tmpdir(), "role-mentor-quiz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The terminal chat in --jsonl mode as a child process, one JSON line back per line sent.
 * Node runs the entry itself (tsx as a loader), so SIGKILL reaches the process holding the
 * database, not only the tsx command's wrapper.
 */
function chat(sqlitePath: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--terminal", "--jsonl"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SQLITE_PATH: sqlitePath, LOG_LEVEL: "silent" },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    async send(line: string): Promise<{ replies: { text: string; outcome?: string }[] }> {
      child.stdin.write(`${line}\n`);
      const next = await lines.next();
      return JSON.parse(next.value as string);
    },
  };
}

/** Holds quiz writes until both replicas have read the quiz, so the race really happens. */
function gated(inner: StateStore, gate: { reads: number; open: Promise<void>; release: () => void }): StateStore {
  return {
    get: async (key) => {
      const v = await inner.get(key);
      if (key.startsWith("quiz:") && ++gate.reads === 2) gate.release();
      return v as never;
    },
    set: async (key, value, options?: SetOptions) => {
      if (key.startsWith("quiz:") && options?.expectedVersion) await gate.open;
      return inner.set(key, value, options);
    },
    delete: (key) => inner.delete(key),
    keysContaining: (fragment) => inner.keysContaining(fragment),
    close: () => inner.close(),
  };
}

const questionOf = (text: string) => /Question (\d+) of/.exec(text)?.[1];

describe("durable quiz sessions", () => {
  it("continues where it stopped after the process is killed with SIGKILL", async () => {
    const file = join(dir, "kill.sqlite");
    const first = chat(file);
    expect(questionOf((await first.send("/quiz")).replies.at(-1)!.text)).toBe("1");
    expect(questionOf((await first.send("5")).replies.at(-1)!.text)).toBe("2");
    expect(questionOf((await first.send("4")).replies.at(-1)!.text)).toBe("3");
    const exited = new Promise((resolve) => first.child.on("exit", resolve));
    first.child.kill("SIGKILL");
    await exited;

    const second = chat(file);
    const reply = await second.send("1");
    expect(questionOf(reply.replies.at(-1)!.text)).toBe("4");
    second.child.stdin.end();
    await new Promise((resolve) => second.child.on("exit", resolve));
  });

  it("lets only one of two racing answers apply, and loses neither silently", async () => {
    const file = join(dir, "race.sqlite");
    // Two replicas: separate stores (connections) and cores on one database file.
    const logged: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void logged.push(line) });
    const a = createCore({ knowledgeDir: "knowledge", store: new SqliteStore(file), logger: silentLogger });
    const q1 = (await a.mentor.handle(command("quiz"))).replies.at(-1)!;
    let release = () => {};
    const gate = { reads: 0, open: new Promise<void>((r) => (release = r)), release: () => release() };
    const ga = createCore({ knowledgeDir: "knowledge", store: gated(new SqliteStore(file), gate), logger });
    const gb = createCore({ knowledgeDir: "knowledge", store: gated(new SqliteStore(file), gate), logger });
    const options = q1.choices.filter((c) => c.id.startsWith("quiz:a:"));
    const [ra, rb] = await Promise.all([ga.mentor.handle(choose(options[4]!.id)), gb.mentor.handle(choose(options[0]!.id))]);
    // Both read the same version; one compare-and-set failed and retried on the fresh state.
    expect(logged.filter((l) => l.includes("lost a race"))).toHaveLength(1);
    const texts = [textOf(ra.replies), textOf(rb.replies)];
    // Exactly one moved the quiz on; the other was told.
    expect(texts.filter((t) => /already answered|moved on/.test(t))).toHaveLength(1);
    for (const t of texts) expect(t).toMatch(/Question 2 of/);
    // Only one answer is recorded: going back once returns to question 1, with nothing before it.
    const back = (await a.mentor.handle(command("ask", "back"))).replies.at(-1)!;
    expect(textOf([back])).toMatch(/Question 1 of/);
    expect(back.choices.some((c) => c.label === "Back")).toBe(false);
  });
});
