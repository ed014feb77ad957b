import { first } from "./transaction.server";
import { fixedClock } from "~/services/clock.server";
import { openDatabaseCopy, type Connection } from "~db/client";
import { copyPostgresTemplate, createSqliteTestDatabase, openTestConnection, POSTGRES_TEMPLATES, testEngine } from "~db/test-db";
import { seedDemoData } from "~db/seed";
import { loadActor } from "./users.server";
import type { Actor } from "~/domain/actor";
import { RuleError } from "./errors.server";
import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { agreements } from "~db/tables";
import { updateAgreementDetails } from "./agreement-draft.server";
import { versionOf } from "./agreement-access.server";

export const TEST_NOW = "2026-11-22T10:00:00Z";

type DemoIds = Awaited<ReturnType<typeof seedDemoData>>;

/** The demo on SQLite, seeded once per test file (seeding takes most of a second; a copy, under a millisecond). */
let seeded: Promise<{ image: Buffer; ids: DemoIds }> | null = null;

function seedOnce() {
  seeded ??= (async () => {
    const connection = createSqliteTestDatabase();
    const ids = await seedDemoData(connection.db, { clock: fixedClock(TEST_NOW) });
    const image = connection.sqlite.serialize();
    connection.close();
    return { image, ids };
  })();
  return seeded;
}

/**
 * A fresh database of its own holding the demo region, and a way to act as any demo user: on SQLite
 * a copy in memory of the demo seeded once per file, on PostgreSQL a copy of the demo database the
 * run seeded once (scripts/test-support/postgres-global.ts), with the ids it was seeded with.
 */
export async function demoDatabase() {
  let connection: Connection;
  let ids: DemoIds;
  if (testEngine() === "postgres") {
    connection = await openTestConnection(await copyPostgresTemplate(POSTGRES_TEMPLATES.demo));
    ids = JSON.parse(process.env.TEST_POSTGRES_DEMO_IDS!) as DemoIds;
  } else {
    const demo = await seedOnce();
    connection = openDatabaseCopy(demo.image);
    ids = structuredClone(demo.ids);
  }
  const actorFor = async (userId: number): Promise<Actor> => {
    const actor = await loadActor(connection.db, userId);
    if (!actor) throw new Error(`No active user ${userId}`);
    return actor;
  };
  return { ...connection, ids, actorFor, at: new Date(TEST_NOW) };
}

/** The messages of the RuleError `fn` throws; empty when it throws none. */
export async function problemsOf(fn: () => Promise<unknown>): Promise<string[]> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof RuleError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
}

/** Writes a draft's supervision and support (needed to send it, app/domain/agreement-task-list.ts), keeping its dates. */
export async function writeSupervision(db: Db, { actor, agreementId, today, at }: { actor: Actor; agreementId: number; today: string; at: Date }) {
  const agreement = (await first(db.select().from(agreements).where(eq(agreements.id, agreementId)).limit(1)))!;
  const version = (await versionOf(db, agreementId, agreement.currentVersion))!;
  await updateAgreementDetails(db, {
    actor,
    agreementId,
    details: { startDate: version.startDate, reviewDate: version.reviewDate, supervisionArrangements: "The district nurse visits weekly.", earlyReviewTriggers: "" },
    today,
    at,
  });
}
