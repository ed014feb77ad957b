import { first, inTransaction } from "./transaction.server";
/** The audit trail's writer: each event chained by hash to the one before (the reader is ./audit.server.ts). */
import crypto from "node:crypto";
import { desc } from "drizzle-orm";
import type { AuditAction } from "~/content/audit-actions";
import { canonicalJson } from "~/domain/canonical-json";
import type { Db } from "~db/client";
import { auditEvents } from "~db/tables";

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  actorId: number | null;
  /** One of AUDIT_ACTIONS: each has its words in app/content/audit-events.ts. */
  action: AuditAction;
  entityType: string;
  entityId: number | string;
  details?: Record<string, unknown>;
  at: Date;
};

/** The hash of one event: SHA-256 of the previous hash and the event's canonical JSON. */
export function auditHash(
  previousHash: string,
  event: { at: string; actorId: number | null; action: string; entityType: string; entityId: string; details: string },
): string {
  return crypto
    .createHash("sha256")
    .update(previousHash)
    .update(canonicalJson(event))
    .digest("hex");
}

/**
 * Appends an audit event, chained to the one before. Call it inside the transaction that makes
 * the change, so the change and its record land together or not at all.
 */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  // In a transaction of its own when the caller has none, so the event read as the last is still the last when this one is added.
  await inTransaction(db, async (tx) => {
    const last = await first(tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1));
    const previousHash = last?.hash ?? GENESIS_HASH;
    const event = {
      at: input.at.toISOString(),
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: String(input.entityId),
      details: canonicalJson(input.details ?? {}),
    };
    await tx.insert(auditEvents)
      .values({ ...event, previousHash, hash: auditHash(previousHash, event) });
  });
}
