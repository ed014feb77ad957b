/**
 * Care workers' name keys (care_workers.name_key) as the domain makes them: `sameNameKey`
 * (app/domain/worker-labels.ts) ignores case in every alphabet and any run of spaces, which SQL's
 * lower() and trim() do not (SQLite's lower() changes A to Z only). The app writes the key with
 * every name; this puts right any key written otherwise (the migration that added the column
 * filled it with SQL's approximation) each time the database is brought up to date.
 */
import { eq } from "drizzle-orm";
import { sameNameKey } from "~/domain/worker-labels";
import { inTransaction } from "~/models/transaction.server";
import type { Connection } from "./client";
import { careWorkers } from "./tables";

/** Rewrites every name key that differs from the domain's, in one transaction; returns how many it rewrote. */
export async function syncNameKeys({ db }: Pick<Connection, "db">): Promise<number> {
  const workers = await db.select({ id: careWorkers.id, name: careWorkers.name, nameKey: careWorkers.nameKey }).from(careWorkers);
  const wrong = workers.map((w) => ({ id: w.id, was: w.nameKey, key: sameNameKey(w.name) })).filter((w) => w.was !== w.key);
  // Nothing to write, as on almost every start: no transaction, so no turn among the writers taken.
  if (!wrong.length) return 0;
  await inTransaction(db, async (tx) => {
    for (const w of wrong) await tx.update(careWorkers).set({ nameKey: w.key }).where(eq(careWorkers.id, w.id));
  });
  return wrong.length;
}
