// The processes a load run drives: the bot as `npm start` runs it (compiled
// JavaScript in dist/, through scripts/fresh-dist.mjs), and a redis-server of
// its own on a free port, both of which the run may kill and start again.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { freePort } from "../../test/helpers/free-port.ts";

export const ROOT = resolve(import.meta.dirname, "../..");

const exited = (child: ChildProcess) => new Promise<void>((done) => { if (child.exitCode !== null || child.signalCode !== null) done(); else child.once("exit", () => done()); });

export interface BotOptions {
  port: number;
  env: Record<string, string>;
  /** Write a V8 CPU profile of the bot here (node --cpu-prof), on a clean exit. */
  profileDir?: string;
}

/** The bot process: started, killed (-9) and started again on the same port and store. */
export class Bot {
  private child?: ChildProcess;
  /** Exits that nobody asked for (a crash). */
  crashes = 0;
  starts = 0;
  private expected = false;

  constructor(private readonly opts: BotOptions, private readonly ready: () => Promise<boolean>) {}

  get port(): number { return this.opts.port; }
  get pid(): number | undefined { return this.child?.pid; }

  async start(): Promise<void> {
    const prof = this.opts.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${this.opts.profileDir}`] : [];
    // The same command as `npm start` (package.json), so the load measures what production runs.
    const child = spawn(process.execPath, [...prof, "--import", "./scripts/fresh-dist.mjs", join("dist", "src", "main.js")], {
      cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTENV_CONFIG_PATH: "/nonexistent", ...this.opts.env },
    });
    this.child = child;
    this.expected = false;
    this.starts++;
    child.once("exit", () => { if (!this.expected && this.child === child) this.crashes++; });
    for (let i = 0; i < 300; i++) {
      if (await this.ready()) return;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the bot did not start");
  }

  /** kill -9: no shutdown handler runs, nothing is flushed. */
  async kill9(): Promise<void> {
    const child = this.child!;
    this.expected = true;
    child.kill("SIGKILL");
    await exited(child);
  }

  /** SIGTERM: the bot finishes what is under way and closes its store (a CPU profile is written). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.expected = true;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited(child);
    clearTimeout(timer);
  }

  /** CPU seconds (user + system) the running bot process has used so far (Linux /proc; undefined elsewhere). */
  cpuSeconds(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.child!.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
    } catch {
      return undefined;
    }
  }

  alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }
}

/**
 * A redis-server of the run's own, on a free port. It keeps its data across a
 * restart as a deployment would: append-only file, fsync once a second (Redis's
 * default), and a stop is graceful (SIGTERM flushes the file), so "committed"
 * means what Redis acknowledged. (fsync on every write made every store round
 * trip wait for the disk: p50 acks of 1.8 s at 1,000 takers on this shared disk.)
 */
export class RedisServer {
  private child?: ChildProcess;
  private constructor(readonly port: number, private readonly dir: string) {}

  static async start(dir: string): Promise<RedisServer> {
    const r = new RedisServer(await freePort(), dir);
    await r.start();
    return r;
  }

  get url(): string { return `redis://127.0.0.1:${this.port}`; }

  async start(): Promise<void> {
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""], { stdio: ["ignore", "pipe", "ignore"] });
    this.child = child;
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error("redis-server did not start")), 10_000);
      child.on("error", (err) => { clearTimeout(timer); fail(err); });
      child.stdout!.on("data", (d: Buffer) => { if (/Ready to accept connections/.test(d.toString())) { clearTimeout(timer); done(); } });
    });
    child.stdout!.resume();
  }

  /** A graceful stop (SIGTERM: Redis flushes its append-only file and exits), as a restart or upgrade does. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill("SIGTERM");
    await exited(child);
  }

  kill(): void {
    this.child?.kill("SIGKILL");
  }
}
