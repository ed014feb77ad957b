import type { Settings } from "~/domain/settings";
import { resolveSettings } from "~/forms/settings.server";
import { recordAudit } from "~/models/audit-log.server";
import { cachedUntilChange, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { settings } from "~db/schema";

/** Read on every request: kept until anything is written, here or by another process. */
export const getSettings = cachedUntilChange(readSettings);

function readSettings(db: Db): Settings {
  const rows = db.select().from(settings).all();
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

export function updateSettings(db: Db, input: { actorId: number; values: Settings; at: Date }): void {
  inTransaction(db, (tx) => {
    const before = readSettings(tx);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(input.values)) {
      const from = before[key as keyof Settings];
      if (JSON.stringify(from) === JSON.stringify(value)) continue;
      changed[key] = { from, to: value };
      tx.insert(settings)
        .values({ key, value: JSON.stringify(value), updatedBy: input.actorId, updatedAt: input.at.toISOString() })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: JSON.stringify(value), updatedBy: input.actorId, updatedAt: input.at.toISOString() },
        })
        .run();
    }
    if (Object.keys(changed).length) {
      recordAudit(tx, { actorId: input.actorId, action: "settings.update", entityType: "settings", entityId: "deployment", details: changed, at: input.at });
    }
  });
}
