import type { Settings } from "~/domain/settings";
import { resolveSettings } from "~/forms/settings.server";
import { recordAudit } from "~/models/audit-log.server";
import { cachedUntilChange, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { settings } from "~db/tables";

/** Read on every request: kept until anything is written, here or by another process. */
export const getSettings = cachedUntilChange(readSettings);

async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.select().from(settings);
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A value that is not JSON is ignored; the default applies.
    }
  }
  return resolveSettings(stored);
}

export async function updateSettings(db: Db, input: { actorId: number; values: Settings; at: Date }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await readSettings(tx);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(input.values)) {
      const from = before[key as keyof Settings];
      if (JSON.stringify(from) === JSON.stringify(value)) continue;
      changed[key] = { from, to: value };
      await tx.insert(settings)
        .values({ key, value: JSON.stringify(value), updatedBy: input.actorId, updatedAt: input.at.toISOString() })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: JSON.stringify(value), updatedBy: input.actorId, updatedAt: input.at.toISOString() },
        });
    }
    if (Object.keys(changed).length) {
      await recordAudit(tx, { actorId: input.actorId, action: "settings.update", entityType: "settings", entityId: "deployment", details: changed, at: input.at });
    }
  });
}
