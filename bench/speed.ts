// `npm run bench:speed`: what a person waits for and what the process holds,
// measured on the compiled entry points (dist/, built first by the preload):
// one `ask` message run directly with node and through npm, the same through
// tsx for comparison, and the resident memory of an idle terminal chat, with
// and without the platform SDKs loaded. Prints figures; asserts nothing.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { createInterface } from "node:readline";

const RUNS = Number(process.env.SPEED_RUNS ?? 10);
const QUESTION = "what does an ml engineer do\n";
const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_PATH: ":memory:", CARDS_DIR: "off", LOG_LEVEL: "warn", DOTENV_CONFIG_PATH: "/nonexistent.env" };
for (const k of Object.keys(env)) if (/^(DISCORD_|SLACK_)/.test(k)) delete env[k];

// The preload brings dist/ up to date once, so no run below pays for a build.
execFileSync(process.execPath, ["scripts/fresh-dist.mjs"], { stdio: "inherit" });

/** Wall time and CPU time (user + system, from /usr/bin/time) of one run. */
function timeOnce(cmd: string, args: string[]): { wall: number; cpu: number } {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", cmd, ...args], { input: QUESTION, env, encoding: "utf8" });
  const wall = performance.now() - t;
  if (r.status !== 0 || !r.stdout.includes('"reply"')) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { wall, cpu: (user! + sys!) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function series(label: string, cmd: string, args: string[]): void {
  timeOnce(cmd, args); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => timeOnce(cmd, args));
  const walls = runs.map((r) => r.wall);
  console.log(`${label}: wall median ${median(walls).toFixed(0)} ms (min ${Math.min(...walls).toFixed(0)}), cpu median ${median(runs.map((r) => r.cpu)).toFixed(0)} ms, ${RUNS} runs`);
}

const rssMiB = (pid: number) => {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kb ? (Number(kb) / 1024).toFixed(0) : "?";
};

/** RSS of a process after it answered one line and sat idle for a second. */
function idleRss(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout });
    lines.once("line", () =>
      setTimeout(() => {
        const rss = rssMiB(child.pid!);
        child.kill();
        done(rss);
      }, 1000),
    );
    child.on("error", fail);
    child.stdin.write("hello\n");
  });
}

console.log(`machine: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}, ${new Date().toISOString().slice(0, 16)}Z`);
series("node (no-op, the floor)", process.execPath, ["-e", "process.stdout.write('\"reply\"')"]);
series("ask, compiled, node dist/src/cli/ask.js --jsonl", process.execPath, ["dist/src/cli/ask.js", "--jsonl"]);
series("ask, npm run -s ask -- --jsonl", "npm", ["run", "-s", "ask", "--", "--jsonl"]);
series("ask, TypeScript through tsx (before)", "node_modules/.bin/tsx", ["src/cli/ask.ts", "--jsonl"]);
console.log(`rss idle, terminal chat as \`npm run chat\` runs it (--max-semi-space-size=2): ${await idleRss(["--max-semi-space-size=2", "dist/src/main.js", "--terminal", "--jsonl"])} MiB`);
console.log(`rss idle, terminal chat with V8's default young generation (\`npm start\`): ${await idleRss(["dist/src/main.js", "--terminal", "--jsonl"])} MiB`);
// The same core with discord.js and @slack/bolt loaded, as a process serving the platforms holds them.
const withPlatforms = [
  "--max-semi-space-size=2",
  "--input-type=module",
  "-e",
  `await import("./dist/adapters/discord/discord-adapter.js"); await import("./dist/adapters/slack/slack-adapter.js"); await import("./dist/src/main.js");`,
  "--",
  "main.js", // -e has no script path: main.ts reads its flags from argv[2] on
  "--terminal",
  "--jsonl",
];
console.log(`rss idle, terminal chat with discord.js and @slack/bolt loaded: ${await idleRss(withPlatforms)} MiB`);
