import { first } from "./transaction.server";
/** Reading the audit trail: a page at a time, in batches for the CSV, one record's history, and what it can be narrowed to. */
import { and, count, desc, eq, exists, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { AuditRecordType, AuditRef } from "~/content/audit-actions";
import { ROLE_LABELS } from "~/domain/roles";
import type { Db } from "~db/client";
import { agreements, auditEvents, organisations, users } from "~db/tables";
import { describeAuditRows, resolveRefs, type AuditRow, type DescribedAuditEvent } from "./audit-descriptions.server";

export const AUDIT_PAGE_SIZE = 50;
/** Rows read at a time for the CSV export, so a long trail is never held in memory at once. */
export const AUDIT_EXPORT_BATCH = 500;

/**
 * What the audit trail is narrowed to. `actor` is a user, or "automatic" for what the service did
 * itself; `from` and `before` are UTC instants (the London days already turned into instants).
 */
export type AuditQuery = {
  actor?: number | "automatic";
  type?: AuditRecordType;
  recordId?: string;
  from?: string;
  before?: string;
};

function whereOf(q: AuditQuery): SQL | undefined {
  return and(
    q.actor === "automatic" ? isNull(auditEvents.actorId) : q.actor ? eq(auditEvents.actorId, q.actor) : undefined,
    q.type ? eq(auditEvents.entityType, q.type) : undefined,
    q.type && q.recordId ? eq(auditEvents.entityId, q.recordId) : undefined,
    q.from ? gte(auditEvents.at, q.from) : undefined,
    q.before ? lt(auditEvents.at, q.before) : undefined,
  );
}

const rowColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorId: auditEvents.actorId,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  details: auditEvents.details,
};

/**
 * Newest first by when it happened (the chain's order, by id, is for `audit:verify`; records
 * entered after the event, such as the demo's history, are shown in the order they happened).
 */
const NEWEST_FIRST = [desc(auditEvents.at), desc(auditEvents.id)];

/** The audit trail, newest first, a page at a time, for administrators. */
export async function listAuditEvents(db: Db, q: AuditQuery & { page?: number }) {
  const where = whereOf(q);
  const total = (await first(db.select({ n: count() }).from(auditEvents).where(where).limit(1)))?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, q.page ?? 1), pages);
  const rows = await db
    .select(rowColumns)
    .from(auditEvents)
    .where(where)
    .orderBy(...NEWEST_FIRST)
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { events: await describeAuditRows(db, rows), total, page, pages };
}

/**
 * The same trail for the CSV export, newest first, in batches read one after another (keyset on
 * when and the id), so a trail of millions of events streams without being loaded at once.
 */
export async function* auditEventBatches(db: Db, q: AuditQuery, size = AUDIT_EXPORT_BATCH): AsyncGenerator<DescribedAuditEvent[]> {
  let last: AuditRow | null = null;
  for (;;) {
    const after: SQL | undefined = last ? or(lt(auditEvents.at, last.at), and(eq(auditEvents.at, last.at), lt(auditEvents.id, last.id))) : undefined;
    const rows: AuditRow[] = await db
      .select(rowColumns)
      .from(auditEvents)
      .where(and(whereOf(q), after))
      .orderBy(...NEWEST_FIRST)
      .limit(size);
    if (!rows.length) return;
    yield await describeAuditRows(db, rows);
    last = rows[rows.length - 1]!;
    if (rows.length < size) return;
  }
}

/** The people who appear in the trail (for "Who did it"), each told apart by role and organisation. */
export async function listAuditActors(db: Db): Promise<{ value: string; label: string }[]> {
  // One look-up in the actor index per user, rather than a scan of the whole trail.
  const rows = (await db
    .select({ id: users.id, name: users.name, role: users.role, organisation: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(exists(db.select({ one: sql`1` }).from(auditEvents).where(eq(auditEvents.actorId, users.id)))))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.id - b.id);
  return rows.map((u) => ({ value: String(u.id), label: `${u.name} (${[ROLE_LABELS[u.role].toLowerCase(), u.organisation].filter(Boolean).join(", ")})` }));
}

/** An agreement's id from its reference (case and spaces ignored), to narrow the trail to it. */
export async function findAgreementIdByReference(db: Db, reference: string): Promise<number | null> {
  const wanted = reference.replace(/\s+/g, "").toUpperCase();
  return (await first(db.select({ id: agreements.id }).from(agreements).where(eq(agreements.reference, wanted)).limit(1)))?.id ?? null;
}

/** The record a filter names, in words, for "Showing only …". */
export async function auditRecordRef(db: Db, type: AuditRecordType, id: string): Promise<AuditRef | null> {
  return (await resolveRefs(db, [{ type, id }])).refs.get(`${type}:${id}`) ?? null;
}

/** One record's audit history, newest first (for the record's own page, "History of this record"). */
export async function listRecordHistory(db: Db, { entityType, entityId }: { entityType: AuditRecordType; entityId: number | string }) {
  return await db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, details: auditEvents.details, actorName: users.name, entityType: auditEvents.entityType })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(desc(auditEvents.id))
    .limit(100);
}

