import type Database from "better-sqlite3";
import { auditHash, GENESIS_HASH } from "~/models/audit-log.server";

export type ChainResult = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

type Row = { id: number; at: string; actor_id: number | null; action: string; entity_type: string; entity_id: string; details: string; previous_hash: string; hash: string };

/**
 * Walks the audit trail in order and recomputes every hash. The first event whose stored
 * previous hash or own hash does not match is named; nothing after it can be trusted.
 */
export function verifyAuditChain(sqlite: Database.Database): ChainResult {
  let previous = GENESIS_HASH;
  let checked = 0;
  const rows = sqlite.prepare("SELECT * FROM audit_events ORDER BY id").iterate() as IterableIterator<Row>;
  for (const row of rows) {
    checked++;
    if (row.previous_hash !== previous) {
      return { ok: false, checked, brokenAt: row.id, reason: "its previous hash does not match the event before it" };
    }
    const expected = auditHash(previous, {
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      details: row.details,
    });
    if (expected !== row.hash) return { ok: false, checked, brokenAt: row.id, reason: "its content does not match its hash" };
    previous = row.hash;
  }
  return { ok: true, checked };
}
