import crypto from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { canonicalJson } from "~/domain/canonical-json";
import { COMPETENCY_STATUS_LABELS, competencyStatus, currentSignOff, isCurrent } from "~/domain/competency";
import { formatDate, type IsoDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { workerLabel } from "~/domain/worker-labels";
import type { PassportPdfCompetency, PassportPdfData } from "~/pdf/types";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { careWorkers, competencies, passportPrints } from "~db/tables";
import { listWorkerCompetencies } from "./competencies.server";
import { freshVerificationCode } from "./verification-codes.server";
import { getWorker } from "./workers.server";

/** What a passport printout showed, kept with its code: the printed words, and which competency each row was. */
type PrintedPassport = Omit<PassportPdfData, "verificationCode" | "verifyUrl" | "competencies"> & {
  /** With each row: which competency it was, and whether it held on the day (Competent or Expiring). */
  competencies: (PassportPdfCompetency & { competencyId: number; heldWhenPrinted: boolean })[];
};

/** The passport as it would print today, for those who may see the worker (scope in getWorker and listWorkerCompetencies). */
async function passportToday(db: Db, { actor, workerId, today, warningDays }: { actor: Actor; workerId: number; today: IsoDate; warningDays: number }): Promise<PrintedPassport | null> {
  const found = await getWorker(db, { actor, id: workerId });
  if (!found) return null;
  return {
    // A name shared at the provider carries the staff number, so the passport is plainly this worker's.
    workerName: workerLabel({ ...found.worker, namesakes: found.namesakes }),
    jobTitle: found.worker.jobTitle,
    providerName: found.providerName,
    careCertificate: found.worker.careCertificateOn ? formatDate(found.worker.careCertificateOn) : "not recorded",
    printedOn: formatDate(today),
    competencies: (await listWorkerCompetencies(db, { actor, workerId, today, warningDays })).map((c) => ({
      competencyId: c.id,
      heldWhenPrinted: isCurrent(c.status),
      taskName: c.taskName,
      personName: c.personName,
      status: COMPETENCY_STATUS_LABELS[c.status],
      signedOff: c.signedOffOn ? `${formatDate(c.signedOffOn)} by ${c.signedOffByName}` : currentSignOff(c) ? "Not yet" : "Not applicable",
      expiresOn: formatDate(c.expiresOn) || "Not applicable",
    })),
  };
}

/**
 * Prints a skills passport: what it shows, with a verification code of its own, recorded (who
 * printed whose passport, when, and exactly what it said) and audited in one transaction, so the
 * code can be checked at /verify for as long as the printout exists (docs/domain.md rule 11).
 */
export async function printPassport(
  db: Db,
  { actor, workerId, today, at, warningDays, publicUrl }: { actor: Actor; workerId: number; today: IsoDate; at: Date; warningDays: number; publicUrl: string },
): Promise<PassportPdfData | null> {
  return await inTransaction(db, async (tx) => {
    const recorded = await recordPassportPrint(tx, { actor, workerId, today, at, warningDays });
    if (!recorded) return null;
    const { code, printed } = recorded;
    return { ...printed, verificationCode: code, verifyUrl: `${publicUrl}/verify/${code}`, competencies: printed.competencies.map(({ competencyId: _, heldWhenPrinted: __, ...c }) => c) };
  });
}

/**
 * Records one printout of a passport, inside the caller's transaction (or one of its own).
 * `code` is for the demo data only, so the README can name a code to try; everything else gets a
 * fresh one.
 */
export async function recordPassportPrint(
  db: Db,
  { actor, workerId, today, at, warningDays, code: fixed }: { actor: Actor; workerId: number; today: IsoDate; at: Date; warningDays: number; code?: string },
): Promise<{ code: string; printed: PrintedPassport } | null> {
  return await inTransaction(db, async (tx) => {
    const printed = await passportToday(tx, { actor, workerId, today, warningDays });
    if (!printed) return null;
    const code = fixed ?? await freshVerificationCode(tx);
    const content = canonicalJson(printed);
    const contentHash = crypto.createHash("sha256").update(content).digest("hex");
    const row = await inserted(tx
      .insert(passportPrints)
      .values({ verificationCode: code, workerId, printedBy: actor.userId, printedAt: at.toISOString(), printedOn: today, content, contentHash })
      .returning({ id: passportPrints.id }));
    await recordAudit(tx, { actorId: actor.userId, action: "passport.print", entityType: "care_worker", entityId: workerId, details: { passportPrintId: row.id, verificationCode: code, contentHash }, at });
    return { code, printed };
  });
}

/**
 * What a passport's verification code says, for anyone holding the printout: exactly what the
 * printout showed (a person's name cut to initials, as on an agreement's verification page) and,
 * for each competency on it, its status today and whether it holds. Nothing else about the
 * worker: no competency added since, no one who printed it (docs/domain.md rule 15).
 */
export async function verifyPassportCode(db: Db, { code, today, warningDays }: { code: string; today: IsoDate; warningDays: number }) {
  const print = await first(db.select().from(passportPrints).where(eq(passportPrints.verificationCode, code)).limit(1));
  if (!print) return null;
  const printed = JSON.parse(print.content) as PrintedPassport;
  const worker = (await first(db.select({ status: careWorkers.status }).from(careWorkers).where(eq(careWorkers.id, print.workerId)).limit(1)))!;
  const ids = printed.competencies.map((c) => c.competencyId);
  const now = new Map(
    (ids.length ? await db.select({ id: competencies.id, state: competencies.state, expiresOn: competencies.expiresOn }).from(competencies).where(inArray(competencies.id, ids)) : []).map((c) => [c.id, c]),
  );
  return {
    kind: "passport" as const,
    code,
    workerName: printed.workerName,
    providerName: printed.providerName,
    printedOn: printed.printedOn,
    /** The worker no longer works for the provider named on the passport: no task may be carried out for it (docs/domain.md rule 4). */
    workerLeft: worker.status === "left",
    competencies: printed.competencies.map((c) => {
      const current = now.get(c.competencyId);
      const status = current ? competencyStatus(current, today, warningDays) : null;
      return {
        taskName: c.taskName,
        personInitials: c.personName ? initials(c.personName) : null,
        printed: { status: c.status, signedOff: c.signedOff, expiresOn: c.expiresOn },
        heldWhenPrinted: c.heldWhenPrinted,
        /** Null only if the competency is gone, which rule 14 never allows: then it holds nothing. */
        today: status,
        holds: !!status && isCurrent(status) && worker.status !== "left",
      };
    }),
  };
}
