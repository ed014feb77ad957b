import { asc, gt } from "drizzle-orm";
import { auditHash, GENESIS_HASH } from "~/models/audit-log.server";
import type { Db } from "~db/client";
import { auditEvents } from "~db/tables";

export type ChainResult = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/** Events read at a time: a trail of millions is checked without being loaded at once. */
const BATCH = 5_000;

/**
 * Walks the audit trail in order and recomputes every hash. The first event whose stored
 * previous hash or own hash does not match is named; nothing after it can be trusted.
 */
export async function verifyAuditChain(db: Db): Promise<ChainResult> {
  let previous = GENESIS_HASH;
  let checked = 0;
  for (let after = 0; ; ) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, after)).orderBy(asc(auditEvents.id)).limit(BATCH);
    for (const row of rows) {
      checked++;
      if (row.previousHash !== previous) {
        return { ok: false, checked, brokenAt: row.id, reason: "its previous hash does not match the event before it" };
      }
      const expected = auditHash(previous, { at: row.at, actorId: row.actorId, action: row.action, entityType: row.entityType, entityId: row.entityId, details: row.details });
      if (expected !== row.hash) return { ok: false, checked, brokenAt: row.id, reason: "its content does not match its hash" };
      previous = row.hash;
    }
    if (rows.length < BATCH) return { ok: true, checked };
    after = rows[rows.length - 1]!.id;
  }
}
