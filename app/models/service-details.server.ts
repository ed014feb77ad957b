import { eq } from "drizzle-orm";
import { changedServiceDetails, resolveServiceDetails, type ServiceDetails } from "~/domain/service-details";
import { recordAudit } from "~/models/audit-log.server";
import { cachedUntilChange, first, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { settings } from "~db/tables";

/** Stored with the other deployment settings, as one JSON value under this key. */
const KEY = "service_details";

async function readServiceDetails(db: Db): Promise<ServiceDetails | null> {
  const row = await first(db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).limit(1));
  if (!row) return null;
  try {
    return resolveServiceDetails(JSON.parse(row.value));
  } catch {
    return null;
  }
}

/**
 * The operator's name and contacts, or null when an administrator has not set them yet. Read on
 * every page (the footer): kept until anything is written, here or by another process.
 */
export const getServiceDetails = cachedUntilChange(readServiceDetails);

/** Saves the details and audits what changed (nothing is written when nothing changed). */
export async function updateServiceDetails(db: Db, input: { actorId: number | null; details: ServiceDetails; at: Date }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const changed = changedServiceDetails(await readServiceDetails(tx), input.details);
    if (!Object.keys(changed).length) return;
    const value = JSON.stringify(input.details);
    await tx.insert(settings)
      .values({ key: KEY, value, updatedBy: input.actorId, updatedAt: input.at.toISOString() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: input.actorId, updatedAt: input.at.toISOString() } });
    await recordAudit(tx, { actorId: input.actorId, action: "settings.update", entityType: "settings", entityId: "service-details", details: changed, at: input.at });
  });
}
