import { defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "~db": fileURLToPath(new URL("./db", import.meta.url)),
      "~": fileURLToPath(new URL("./app", import.meta.url)),
    },
  },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // As many files at a time as there are cores, and at least two (vitest's default is one fewer
    // than the cores): many files wait on a server process of their own (decision 029).
    maxWorkers: Math.max(2, availableParallelism()),
    // A budget against a hang, not a speed check: a busy two-core CI machine must not fail a
    // correct product, so no test sets a tighter one (speed is measured by npm run bench).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
