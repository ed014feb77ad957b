import { and, count, desc, eq, like, type SQL } from "drizzle-orm";
import type { Db } from "~db/client";
import { auditEvents, users } from "~db/schema";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { entityType?: string; entityId?: string; action?: string; actorId?: number; page?: number };

/** The audit trail, newest first, for administrators. */
export function listAuditEvents(db: Db, filters: AuditFilters) {
  const where: SQL | undefined = and(
    filters.entityType ? eq(auditEvents.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditEvents.entityId, filters.entityId) : undefined,
    filters.action ? like(auditEvents.action, `${filters.action}%`) : undefined,
    filters.actorId ? eq(auditEvents.actorId, filters.actorId) : undefined,
  );
  const page = Math.max(1, filters.page ?? 1);
  const events = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      details: auditEvents.details,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(auditEvents).where(where).get()?.n ?? 0;
  return { events, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export function listAuditEntityTypes(db: Db): string[] {
  return db
    .selectDistinct({ entityType: auditEvents.entityType })
    .from(auditEvents)
    .orderBy(auditEvents.entityType)
    .all()
    .map((r) => r.entityType);
}

/** One record's audit history, newest first (for the record's own page). */
export function listRecordHistory(db: Db, { entityType, entityId }: { entityType: string; entityId: number | string }) {
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(desc(auditEvents.id))
    .limit(100)
    .all();
}
