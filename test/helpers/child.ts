// Running the product's entry points as child processes, the way people and
// CI run them: `tsx src/main.ts …`, `tsx src/cli/ask.ts …`, `tsx src/cli/kb-check.ts …`.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TSX = resolve(ROOT, "node_modules/.bin/tsx");

/**
 * The test runner's environment without any of the product's variables, so a
 * developer's shell or .env never changes what the tests see: no platform
 * credentials, a fresh in-memory store, no result cards and no .env read unless a test asks.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(DISCORD_|SLACK_|DOTENV_|LOG_|SQLITE_PATH$|KNOWLEDGE_DIR$|PORT$|CONTEXT_TTL_HOURS$|QUIZ_TTL_DAYS$|CARDS_DIR$)/.test(k)) env[k] = v;
  }
  // No result cards unless a test asks for them (in a directory of its own).
  return { ...env, SQLITE_PATH: ":memory:", CARDS_DIR: "off", DOTENV_CONFIG_PATH: resolve(ROOT, "test/no-such.env"), ...extra };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a script to completion with `input` on stdin. */
export function run(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`${args.join(" ")} did not exit within ${opts.timeoutMs ?? 25_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 25_000);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}

/**
 * A long-running child spoken to line by line: `send` writes one line and
 * resolves with the next line the child prints on stdout, so a test can use
 * what one reply said (a choice id) in the next line it sends.
 */
export class LineSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: string[] = [];
  private readonly waiting: ((line: string) => void)[] = [];
  private stderrText = "";
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: NodeJS.ProcessEnv = cleanEnv()) {
    this.child = spawn(TSX, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr.on("data", (d: Buffer) => (this.stderrText += d.toString()));
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on("line", (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.pending.push(line);
    });
    this.exited = new Promise((done) => this.child.on("close", (code) => done(code)));
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Lines printed that no `send` has consumed: must stay empty when each input gives exactly one line. */
  get unread(): readonly string[] {
    return this.pending;
  }

  send(line: string, timeoutMs = 20_000): Promise<string> {
    this.child.stdin.write(`${line}\n`);
    const buffered = this.pending.shift();
    if (buffered !== undefined) return Promise.resolve(buffered);
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no output line for ${JSON.stringify(line)}; stderr: ${this.stderrText}`)), timeoutMs);
      this.waiting.push((l) => {
        clearTimeout(timer);
        done(l);
      });
    });
  }

  /** Close stdin (end of input) and wait for the exit code. */
  async end(): Promise<number | null> {
    this.child.stdin.end();
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}
