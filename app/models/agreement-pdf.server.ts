import { first, inTransaction } from "./transaction.server";
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { competenceLabel } from "~/domain/carry-out";
import { addressLines } from "~/domain/address";
import { specificsOf } from "~/domain/agreement-content";
import { canonicalJson } from "~/domain/canonical-json";
import { formatDate, formatDateTime, londonDate, type IsoDate } from "~/domain/dates";
import { isUsable, NOT_SIGNED, printoutStatus, printoutWords } from "~/domain/printout";
import { formatNhsNumber } from "~/domain/nhs-number";
import { ACCOUNTABILITY } from "~/content/accountability";
import { consentSentence, versionHistoryNote } from "~/content/agreements";
import { REGULATED_ACTIVITY_LABELS } from "~/content/labels";
import type { AgreementPdfData } from "~/pdf/types";
import type { Db } from "~db/client";
import { organisations, storedPdfs } from "~db/tables";
import { consentOfVersion } from "./agreement-content.server";
import { partiesOf } from "./agreement-parties.server";
import { getAgreement } from "./agreement-view.server";
import { concernsWhileInForce } from "./concerns.server";
import { CONCERN_HARM_SHORT, CONCERN_STATUS_LABELS } from "~/content/concerns";

/**
 * Everything the printed agreement shows, as plain data for app/pdf, including its status on
 * the day it is printed. `storable` is true for a fully signed version: printed most often, so
 * its latest printout is kept and served again while nothing it shows has changed.
 */
export async function agreementPdfData(
  db: Db,
  {
    actor,
    id,
    version,
    today,
    at,
    publicUrl,
    reviewDueDays,
    warningDays,
  }: { actor: Actor; id: number; version?: number; today: IsoDate; at: Date; publicUrl: string; reviewDueDays: number; warningDays: number },
) {
  const view = await getAgreement(db, { actor, id, version, today, at, reviewDueDays, warningDays });
  if (!view) return null;
  const { agreement, version: v, person } = view;
  const org = async (orgId: number) => (await first(db.select().from(organisations).where(eq(organisations.id, orgId)).limit(1)))!;
  const team = await org(agreement.teamId);
  const provider = await org(agreement.providerId);
  const signedVersion = v.state === "signed" || v.state === "superseded";
  // docs/domain.md rule 11: the printout states what is true of this version on the day it is printed.
  const status = printoutStatus({ agreement, version: v, today });
  const words = printoutWords(status, v.version);
  const signatureByParty = new Map(view.signatures.map((s) => [s.signature.party, s]));
  // The consent this version was signed on (docs/domain.md rule 6), from the one reader of a version's content.
  const consent = await consentOfVersion(db, agreement, v);
  const data: AgreementPdfData = {
    reference: agreement.reference,
    version: v.version,
    signedVersion,
    versionNote: signedVersion && v.activatedAt
      ? `Signed by every party on ${formatDate(londonDate(new Date(v.activatedAt)))}.`
      : v.state === "awaiting_signatures"
        ? "Sent for signatures; not every party has signed."
        : v.state === "withdrawn"
          ? "Withdrawn before every party signed."
          : "Draft, not yet sent for signatures.",
    status: {
      usable: isUsable(status),
      line: `Status on ${formatDate(today)}, the day this was printed: ${words.label}. ${words.sentence} ${words.advice}`,
      watermark: words.watermark,
      banner: isUsable(status)
        ? null
        : status.kind === "draft" || status.kind === "pending"
          ? `${NOT_SIGNED}. This version has not been signed by every party: do not use it to carry out care.`
          : status.kind === "withdrawn"
            ? "Draft: not valid for use. This version has not been signed by every party."
            : `${words.heading}. ${words.advice}`,
    },
    // A version not signed by every party prints no verification code: nothing on it may look valid.
    verificationCode: signedVersion ? v.verificationCode : null,
    verifyUrl: signedVersion && v.verificationCode ? `${publicUrl}/verify/${v.verificationCode}` : null,
    unsignedMark: status.kind === "draft" || status.kind === "pending" ? NOT_SIGNED : "Not signed by every party: not valid for use",
    printedOn: formatDate(today),
    team: { name: team.name, identifier: team.odsCode ?? "", address: addressLines(team.address, team.postcode).join("\n"), phone: team.phone, escalationInHours: team.escalationInHours, escalationOutOfHours: team.escalationOutOfHours },
    provider: {
      name: provider.name,
      identifier: provider.cqcLocationId ?? "",
      address: addressLines(provider.address, provider.postcode).join("\n"),
      phone: provider.phone,
      escalationInHours: provider.escalationInHours,
      escalationOutOfHours: provider.escalationOutOfHours,
      insurance: provider.insuranceConfirmed
        ? `${provider.insurer} confirmed on ${formatDate(provider.insuranceConfirmedOn)} that delegated healthcare activities are covered.`
        : "The provider has not recorded its insurer's confirmation of cover for delegated healthcare activities.",
      regulatedActivities: provider.regulatedActivities.map((a) => REGULATED_ACTIVITY_LABELS[a]).join("; ") || "none recorded",
    },
    delegator: { name: view.delegatorName, nmcPin: view.delegatorPin ?? "" },
    person: {
      name: person.name,
      nhsNumber: formatNhsNumber(person.nhsNumber),
      dateOfBirth: formatDate(person.dateOfBirth),
      address: addressLines(person.address).join("\n"),
      consent: consent ? consentSentence(consent) : "Not recorded",
      capacity: person.capacityNotes,
    },
    tasks: view.tasks.map(({ task, specifics }) => ({
      name: task.name,
      inScope: task.inScope,
      excluded: task.excluded,
      ...specificsOf(specifics),
    })),
    workers: view.namedWorkers.map((w) => ({
      name: w.name,
      jobTitle: w.jobTitle,
      // The worker's competence by the one rule (docs/domain.md rule 4), as on the agreement page;
      // a declined or revoked competency carries no sign-off or expiry (docs/domain.md rule 12).
      competencies: view.cover.map((task) => {
        const c = task.workers.find((x) => x.workerId === w.id);
        return {
          taskName: task.taskName,
          signedOffOn: formatDate(c?.signedOffOn),
          expiresOn: formatDate(c?.expiresOn),
          status: c ? competenceLabel(c.competence) : "No competency",
        };
      }),
    })),
    startDate: formatDate(v.startDate),
    reviewDate: formatDate(agreement.inForceVersion === v.version ? agreement.reviewDate : v.reviewDate),
    supervision: v.supervisionArrangements,
    earlyReviewTriggers: v.earlyReviewTriggers,
    signatures: (await partiesOf(db, agreement, v)).map((p) => {
      const s = signatureByParty.get(p.party);
      return {
        role: p.role,
        name: p.name,
        signed: s
          ? s.signature.method === "in_app"
            ? `Signed in Delegated Care by ${s.signature.signerName} on ${formatDateTime(s.signature.signedAt)}`
            : `Signed on paper by ${s.signature.signerName} on ${formatDate(s.signature.signedAt.slice(0, 10))}, recorded by ${s.recordedByName ?? "a user"}`
          : null,
      };
    }),
    accountability: [ACCOUNTABILITY.delegator, ACCOUNTABILITY.worker, ACCOUNTABILITY.provider],
    history: view.versions.map((x) => ({
      version: x.version,
      note: versionHistoryNote(x),
      reason: x.changeReason,
    })),
    concerns: (await concernsWhileInForce(db, { actor, agreementId: agreement.id, version: v })).map(
      (c) =>
        `Concern ${c.id}, recorded ${formatDate(c.raisedOn)} (happened ${formatDate(c.occurredOn)})${c.taskName ? `, ${c.taskName}` : ""}, ${CONCERN_HARM_SHORT[c.harm]}: ${CONCERN_STATUS_LABELS[c.status].toLowerCase()}${c.closedAt ? ` ${formatDate(londonDate(new Date(c.closedAt)))}` : ""}.`,
    ),
  };
  return {
    data,
    storable: signedVersion && !!v.contentHash,
    printKey: printKey(data),
    versionId: v.id,
    reference: agreement.reference,
    version: v.version,
  };
}

/** Bump when the printed layout changes, so no copy in the old layout is served again. */
const PRINT_LAYOUT = 3;

/**
 * The fingerprint of everything a printout shows: the signed content, the status on the day,
 * the print date and the competencies. A stored copy is served only when today's printout would
 * be identical to it (docs/decisions/012-printout-status-at-print-time.md).
 */
export function printKey(data: AgreementPdfData): string {
  return crypto.createHash("sha256").update(canonicalJson({ layout: PRINT_LAYOUT, data })).digest("hex");
}

/** The stored copy of a version, only if it is exactly what would be printed now. */
export async function getStoredPdf(db: Db, { versionId, printKey }: { versionId: number; printKey: string }): Promise<Uint8Array | null> {
  const row = await first(db
    .select({ bytes: storedPdfs.bytes })
    .from(storedPdfs)
    .where(and(eq(storedPdfs.versionId, versionId), eq(storedPdfs.printKey, printKey))).limit(1));
  return row ? new Uint8Array(row.bytes) : null;
}

/** Keeps one copy per version: the newest printout replaces an older one (a cache of what can be rendered again). */
export async function storePdf(db: Db, { versionId, printKey, printedOn, bytes }: { versionId: number; printKey: string; printedOn: IsoDate; bytes: Uint8Array }) {
  await inTransaction(db, async (tx) => {
    await tx.insert(storedPdfs)
      .values({ versionId, printKey, printedOn, bytes: Buffer.from(bytes) })
      .onConflictDoUpdate({ target: storedPdfs.versionId, set: { printKey, printedOn, bytes: Buffer.from(bytes), createdAt: new Date().toISOString() } });
  });
}
