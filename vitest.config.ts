import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup/reply-checks.ts"],
    // Knowledge loading and model training happen once per file; child-process tests need time on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
