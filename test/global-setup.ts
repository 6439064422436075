// Starts a real Redis server for the tests (the Redis store is tested against
// the real thing, not a mock) on a free loopback port, and stops it after.
// Without redis-server only the Redis suites are skipped, with one line saying
// how to run them; CI sets REQUIRE_REDIS=1 so a missing server fails there.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "./helpers/free-port.ts";


let redis: ChildProcess | undefined;

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

export async function setup(project: TestProject): Promise<void> {
  if (process.env.REDIS_URL) {
    project.provide("redisUrl", process.env.REDIS_URL);
    return;
  }
  if (!onPath("redis-server") && !process.env.REQUIRE_REDIS) {
    console.warn("Redis suites skipped: redis-server is not installed (apt-get install redis-server, or set REDIS_URL=redis://… to use a running one).");
    project.provide("redisUrl", "");
    return;
  }
  const port = await freePort();
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  const started = await new Promise<string | null>((resolve) => {
    let out = "";
    redis!.on("error", (err) => resolve(`cannot start redis-server (${err.message}); install it: apt-get install redis-server`));
    redis!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Ready to accept connections")) resolve(null);
    });
    redis!.on("exit", (code) => resolve(`redis-server exited with ${code}: ${out.slice(-300)}`));
  });
  if (started) throw new Error(started);
  project.provide("redisUrl", `redis://127.0.0.1:${port}`);
}

export async function teardown(): Promise<void> {
  redis?.kill("SIGTERM");
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Empty when redis-server is not installed: the Redis suites skip. */
    redisUrl: string;
  }
}
