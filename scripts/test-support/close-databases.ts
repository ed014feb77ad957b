/** Runs before each test file (vitest.config.ts): the databases a file opened are closed when it ends. */
import { afterAll } from "vitest";
import { closeTestDatabases } from "../../db/test-db";

afterAll(async () => await closeTestDatabases());
