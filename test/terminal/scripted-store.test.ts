// Scripted `chat --jsonl` runs keep their own (in-memory) store unless
// SQLITE_PATH says otherwise, so a script never touches the file a person's
// open quiz lives in (data/role-mentor.sqlite under the working directory).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, cleanEnv, run } from "../helpers/child.ts";

const cwd = mkdtempSync(join(tmpdir(), "role-mentor-cwd-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function envWithoutSqlitePath(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = cleanEnv({ KNOWLEDGE_DIR: join(ROOT, "knowledge") });
  delete env.SQLITE_PATH;
  return { ...env, ...extra };
}

describe("chat --jsonl store", () => {
  it("uses :memory: by default: no data/role-mentor.sqlite is created, and SQLITE_PATH still wins", async () => {
    const [scripted, chosen] = await Promise.all([
      run([join(ROOT, "src/main.ts"), "--terminal", "--jsonl"], { cwd, input: "/quiz\n", env: envWithoutSqlitePath() }),
      run([join(ROOT, "src/main.ts"), "--terminal", "--jsonl"], { cwd, input: "/quiz\n", env: envWithoutSqlitePath({ SQLITE_PATH: join(cwd, "chosen.sqlite") }) }),
    ]);
    expect(scripted.code, scripted.stderr).toBe(0);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(JSON.parse(scripted.stdout.trim().split("\n")[0]!)).toHaveProperty("replies");
    expect(existsSync(join(cwd, "data", "role-mentor.sqlite"))).toBe(false);
    expect(existsSync(join(cwd, "chosen.sqlite"))).toBe(true);
  });
});
