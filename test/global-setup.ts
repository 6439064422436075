// Starts a real Redis server for the tests (the Redis store is tested against
// the real thing, not a mock) on a free loopback port, and stops it after.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

let redis: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.REDIS_URL) {
    project.provide("redisUrl", process.env.REDIS_URL);
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
    redisUrl: string;
  }
}
