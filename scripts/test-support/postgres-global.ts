/**
 * The "postgres" test project's global setup (vitest.config.ts): starts a throwaway PostgreSQL
 * server for the whole run, with two template databases, one migrated and empty and one holding the
 * demo, which each test copies (db/test-db.ts), and stops it when the run ends.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { POSTGRES_TEMPLATES } from "../../db/test-db";
import { startPostgres } from "./postgres";

const run = promisify(execFile);

declare module "vitest" {
  export interface ProvidedContext {
    /** postgres://… of the run's server (its `postgres` database), and the ids of the demo in its demo template. */
    postgres: { url: string; demoIds: string };
  }
}

export default async function setup(project: TestProject) {
  // Each test file keeps its databases open until it ends, two files at a time, each with a few connections.
  const server = await startPostgres({ maxConnections: 1000 });
  try {
    const migrated = await server.createDatabase(POSTGRES_TEMPLATES.migrated);
    const demo = await server.createDatabase(POSTGRES_TEMPLATES.demo);
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/test-support/postgres-templates.ts", migrated, demo], {
      env: { ...process.env, DATABASE_URL: demo },
      maxBuffer: 16 * 1024 * 1024,
    });
    const url = new URL(server.url);
    url.pathname = "/postgres";
    project.provide("postgres", { url: url.toString(), demoIds: stdout });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return async () => await server.stop();
}
