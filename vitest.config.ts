import { defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

/**
 * The tests that read or write a database: they run twice, once on SQLite and once on PostgreSQL
 * (the "postgres" project below, on a throwaway server of its own, docs/decisions/033-tests-on-both-engines.md).
 */
const DATABASE_TESTS = [
  "app/models/**/*.test.ts",
  "app/services/digest.server.test.ts",
  "app/services/mail.server.test.ts",
  "app/services/single-sign-on.server.test.ts",
  "app/web/submission.server.test.ts",
  "app/pdf/render.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "~db": fileURLToPath(new URL("./db", import.meta.url)),
      "~": fileURLToPath(new URL("./app", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    // As many files at a time as there are cores, and at least two (vitest's default is one fewer
    // than the cores): many files wait on a server process or a database of their own (decision 029).
    maxWorkers: Math.max(2, availableParallelism()),
    // A budget against a hang, not a speed check: a busy two-core CI machine must not fail a
    // correct product, so no test sets a tighter one (speed is measured by npm run bench).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"],
          setupFiles: ["scripts/test-support/close-databases.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: DATABASE_TESTS,
          globalSetup: ["scripts/test-support/postgres-global.ts"],
          // First DATABASE_URL, before anything imports the tables (db/tables.ts chooses by it).
          setupFiles: ["scripts/test-support/postgres-setup.ts", "scripts/test-support/close-databases.ts"],
        },
      },
    ],
  },
});
