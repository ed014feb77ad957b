/**
 * Runs before each test file of the "postgres" project (vitest.config.ts), before the file's own
 * imports: DATABASE_URL names the run's PostgreSQL server, so the tables the app queries are
 * PostgreSQL's (db/tables.ts) and the tests' databases are copies on that server (db/test-db.ts).
 */
import { inject } from "vitest";

const { url, demoIds } = inject("postgres");
process.env.DATABASE_URL = url;
process.env.TEST_POSTGRES_DEMO_IDS = demoIds;
