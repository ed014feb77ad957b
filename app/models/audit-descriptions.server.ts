/**
 * Audit events in words (decision record 019): who did it, what, to which record, with a link to
 * it; the records a batch of events mentions are looked up with one query per kind of record.
 */
import { eq, inArray } from "drizzle-orm";
import { AUDIT_RECORD_TYPES, type AuditRecordType, type AuditRef, isAuditRecordType, type Phrase } from "~/content/audit-actions";
import { auditDetailLines, DETAIL_REFERENCES, type DetailLine, unsaidDetails } from "~/content/audit-details";
import { auditActorName, describeAuditEvent, parseDetails } from "~/content/audit-events";
import { formatDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { ROLE_LABELS } from "~/domain/roles";
import type { Db } from "~db/client";
import { agreements, careWorkers, competencies, concerns, identityProviders, organisations, people, taskPrerequisites, tasks, trainingSessions, users } from "~db/tables";

export type AuditWho = { name: string; role: string | null; organisation: string | null; href: string | null };

/** One event as the audit trail and its CSV show it: who, what in words, the record and the details. */
export type DescribedAuditEvent = {
  id: number;
  at: string;
  who: AuditWho;
  description: Phrase;
  recordType: string;
  record: AuditRef | null;
  details: DetailLine[];
};

export type AuditRow = { id: number; at: string; actorId: number | null; action: string; entityType: string; entityId: string; details: string };

type Wanted = { type: AuditRecordType; id: string };

export async function describeAuditRows(db: Db, rows: AuditRow[]): Promise<DescribedAuditEvent[]> {
  const parsed = rows.map((r) => ({ row: r, details: parseDetails(r.details) }));
  const wanted: Wanted[] = [];
  for (const { row, details } of parsed) {
    if (row.actorId !== null) wanted.push({ type: "user", id: String(row.actorId) });
    if (isAuditRecordType(row.entityType)) wanted.push({ type: row.entityType, id: row.entityId });
    collectDetailRefs(details, wanted);
  }
  const { refs, actors } = await resolveRefs(db, wanted);
  const prerequisiteIds = parsed.map((p) => p.details.prerequisiteId).filter((v): v is number => typeof v === "number");
  const prerequisiteNames = new Map(
    prerequisiteIds.length
      ? (await db.select({ id: taskPrerequisites.id, name: taskPrerequisites.name }).from(taskPrerequisites).where(inArray(taskPrerequisites.id, prerequisiteIds))).map((p) => [p.id, p.name])
      : [],
  );
  const ref = (type: AuditRecordType, id: string) => refs.get(`${type}:${id}`) ?? null;
  return parsed.map(({ row, details }) => {
    const actor = row.actorId === null ? undefined : actors.get(row.actorId);
    const who: AuditWho = actor
      ? { name: actor.name, role: ROLE_LABELS[actor.role], organisation: actor.organisation, href: `/admin/users/${row.actorId}` }
      : { name: auditActorName(null, row.action), role: null, organisation: null, href: null };
    const record = isAuditRecordType(row.entityType) ? (ref(row.entityType, row.entityId) ?? missingRecord(row.entityType, row.entityId, details)) : null;
    const shown = unsaidDetails(row.action, details);
    if (typeof details.prerequisiteId === "number") shown.prerequisiteId = prerequisiteNames.get(details.prerequisiteId) ?? details.prerequisiteId;
    return {
      id: row.id,
      at: row.at,
      who,
      description: describeAuditEvent({ action: row.action, details, who: who.name, record: record ?? "a record" }),
      recordType: isAuditRecordType(row.entityType) ? AUDIT_RECORD_TYPES[row.entityType] : "Other",
      record,
      details: auditDetailLines(shown, ref),
    };
  });
}

/** A record no longer there (a deleted draft): named from what the event kept, with no link. */
function missingRecord(type: AuditRecordType, id: string, details: Record<string, unknown>): AuditRef {
  if (type === "agreement" && typeof details.reference === "string") return { type, id, label: `agreement ${details.reference}`, href: null };
  return { type, id, label: `${AUDIT_RECORD_TYPES[type].toLowerCase()} ${id} (no longer recorded)`, href: null };
}

function collectDetailRefs(details: Record<string, unknown>, into: Wanted[]) {
  for (const [key, value] of Object.entries(details)) {
    const type = DETAIL_REFERENCES[key];
    if (type) for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "number" || typeof id === "string") into.push({ type, id: String(id) });
    if (key === "attendees" && Array.isArray(value)) {
      for (const a of value) if (a && typeof a === "object" && "workerId" in a) into.push({ type: "worker", id: String(a.workerId) });
    }
    if (value && typeof value === "object" && !Array.isArray(value)) collectDetailRefs(value as Record<string, unknown>, into);
  }
}

const numeric = (ids: string[]) => [...new Set(ids.filter((id) => /^[1-9][0-9]{0,14}$/.test(id)).map(Number))];

/** Names and pages for the records a batch of events mentions: one query per kind of record. */
export async function resolveRefs(db: Db, wanted: Wanted[]) {
  const byType = new Map<AuditRecordType, string[]>();
  for (const w of wanted) byType.set(w.type, [...(byType.get(w.type) ?? []), w.id]);
  const out = new Map<string, AuditRef>();
  const put = (ref: AuditRef) => out.set(`${ref.type}:${ref.id}`, ref);
  const ids = (type: AuditRecordType) => numeric(byType.get(type) ?? []);

  const agreementIds = ids("agreement");
  if (agreementIds.length) {
    for (const a of await db.select({ id: agreements.id, reference: agreements.reference }).from(agreements).where(inArray(agreements.id, agreementIds))) {
      put({ type: "agreement", id: String(a.id), label: `agreement ${a.reference}`, href: `/agreements/${a.id}` });
    }
  }
  const competencyIds = ids("competency");
  if (competencyIds.length) {
    const rows = await db
      .select({ id: competencies.id, worker: careWorkers.name, staffNumber: careWorkers.staffNumber, task: tasks.name, code: tasks.code, personId: competencies.personId })
      .from(competencies)
      .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
      .innerJoin(tasks, eq(tasks.id, competencies.taskId))
      .where(inArray(competencies.id, competencyIds));
    for (const c of rows) {
      const thing = `${c.task} (${c.code})${c.personId ? " for one person" : ""}`;
      const owner = workerName(c.worker, c.staffNumber);
      put({ type: "competency", id: String(c.id), label: `${owner}'s competency in ${thing}`, owner: { name: c.worker, thing }, href: `/competencies/${c.id}` });
    }
  }
  const concernIds = ids("concern");
  if (concernIds.length) {
    // A concern's number is its name: its page is headed "Concern 4".
    for (const c of await db.select({ id: concerns.id }).from(concerns).where(inArray(concerns.id, concernIds))) {
      put({ type: "concern", id: String(c.id), label: `concern ${c.id}`, href: `/concerns/${c.id}` });
    }
  }
  const workerIds = ids("worker");
  if (workerIds.length) {
    for (const w of await db.select({ id: careWorkers.id, name: careWorkers.name, staffNumber: careWorkers.staffNumber }).from(careWorkers).where(inArray(careWorkers.id, workerIds))) {
      put({ type: "worker", id: String(w.id), label: workerName(w.name, w.staffNumber), href: `/workers/${w.id}` });
    }
  }
  const personIds = ids("person");
  if (personIds.length) {
    for (const p of await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds))) {
      put({ type: "person", id: String(p.id), label: p.name, csvLabel: `person ${initials(p.name)}`, href: `/people/${p.id}` });
    }
  }
  const organisationIds = ids("organisation");
  if (organisationIds.length) {
    for (const o of await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, organisationIds))) {
      put({ type: "organisation", id: String(o.id), label: o.name, href: `/organisations/${o.id}` });
    }
  }
  const taskIds = ids("task");
  if (taskIds.length) {
    for (const t of await db.select({ id: tasks.id, name: tasks.name, code: tasks.code }).from(tasks).where(inArray(tasks.id, taskIds))) {
      put({ type: "task", id: String(t.id), label: `${t.name} (${t.code})`, href: `/tasks/${t.id}` });
    }
  }
  const sessionIds = ids("training_session");
  if (sessionIds.length) {
    const rows = await db
      .select({ id: trainingSessions.id, heldOn: trainingSessions.heldOn, task: tasks.name, code: tasks.code })
      .from(trainingSessions)
      .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
      .where(inArray(trainingSessions.id, sessionIds));
    for (const s of rows) put({ type: "training_session", id: String(s.id), label: `the training session in ${s.task} (${s.code}) on ${formatDate(s.heldOn)}`, href: `/training/${s.id}` });
  }
  const userIds = ids("user");
  /** The actors' role and organisation, for the "Who" column. */
  const actors = new Map<number, { name: string; role: keyof typeof ROLE_LABELS; organisation: string | null }>();
  if (userIds.length) {
    const rows = await db
      .select({ id: users.id, name: users.name, role: users.role, organisation: organisations.name })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(inArray(users.id, userIds));
    for (const u of rows) {
      actors.set(u.id, { name: u.name, role: u.role, organisation: u.organisation });
      put({ type: "user", id: String(u.id), label: `${u.name} (${[ROLE_LABELS[u.role].toLowerCase(), u.organisation].filter(Boolean).join(", ")})`, href: `/admin/users/${u.id}` });
    }
  }
  const identityProviderIds = ids("identity_provider");
  if (identityProviderIds.length) {
    for (const p of await db.select({ id: identityProviders.id, name: identityProviders.name }).from(identityProviders).where(inArray(identityProviders.id, identityProviderIds))) {
      put({ type: "identity_provider", id: String(p.id), label: p.name, href: `/admin/sign-in-providers/${p.id}` });
    }
  }
  if (byType.has("settings")) put({ type: "settings", id: "deployment", label: "the settings", href: "/admin/settings" });
  for (const id of byType.get("deployment") ?? []) put({ type: "deployment", id, label: id === "demo" ? "the demo data" : "test data", href: null });
  return { refs: out, actors };
}

/** A care worker as every export names them: the name, with the staff number when one is recorded. */
function workerName(name: string, staffNumber: string | null): string {
  return staffNumber ? `${name} (staff number ${staffNumber})` : name;
}
