import { eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { COMPETENCY_STATUS_LABELS, competencyStatus, currentSignOff } from "~/domain/competency";
import { formatDate, formatDateTime, type IsoDate } from "~/domain/dates";
import { formatNhsNumber } from "~/domain/nhs-number";
import { ACCOUNTABILITY } from "~/content/accountability";
import { consentSentence } from "~/content/agreements";
import { REGULATED_ACTIVITY_LABELS } from "~/content/labels";
import type { AgreementPdfData } from "~/pdf/types";
import type { Db } from "~db/client";
import { organisations, storedPdfs } from "~db/schema";
import { consentOfVersion } from "./agreement-content.server";
import { heldCompetencies } from "./agreement-cover.server";
import { partiesOf } from "./agreement-signing.server";
import { getAgreement } from "./agreements.server";

/**
 * Everything the printed agreement shows, as plain data for app/pdf. `storable` is true for a
 * fully signed version: its bytes never change, so they are rendered once and kept.
 */
export function agreementPdfData(
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
  const view = getAgreement(db, { actor, id, version, today, at, reviewDueDays, warningDays });
  if (!view) return null;
  const { agreement, version: v, person } = view;
  const org = (orgId: number) => db.select().from(organisations).where(eq(organisations.id, orgId)).get()!;
  const team = org(agreement.teamId);
  const provider = org(agreement.providerId);
  const signedVersion = v.state === "signed" || v.state === "superseded";
  const taskIds = view.tasks.map((t) => t.task.id);
  const held = heldCompetencies(db, { workerIds: view.namedWorkers.map((w) => w.id), taskIds, personId: person.id });
  const signatureByParty = new Map(view.signatures.map((s) => [s.signature.party, s]));
  // The consent this version was signed on (rule 6), from the one reader of a version's content.
  const consent = consentOfVersion(db, agreement, v);
  const data: AgreementPdfData = {
    reference: agreement.reference,
    version: v.version,
    signedVersion,
    versionNote: signedVersion
      ? `Signed by every party; in force from ${formatDate((v.activatedAt ?? "").slice(0, 10))}.`
      : v.state === "awaiting_signatures"
        ? "Sent for signatures; not every party has signed."
        : v.state === "withdrawn"
          ? "Withdrawn before every party signed."
          : "Draft, not yet sent for signatures.",
    verificationCode: v.verificationCode,
    verifyUrl: v.verificationCode ? `${publicUrl}/verify/${v.verificationCode}` : null,
    printedOn: formatDate(today),
    team: { name: team.name, identifier: team.odsCode ?? "", address: [team.address, team.postcode].filter(Boolean).join(", "), phone: team.phone, escalationInHours: team.escalationInHours, escalationOutOfHours: team.escalationOutOfHours },
    provider: {
      name: provider.name,
      identifier: provider.cqcLocationId ?? "",
      address: [provider.address, provider.postcode].filter(Boolean).join(", "),
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
      address: person.address,
      consent: consent ? consentSentence(consent) : "Not recorded",
      capacity: person.capacityNotes,
    },
    tasks: view.tasks.map(({ task, specifics }) => ({
      name: task.name,
      inScope: task.inScope,
      excluded: task.excluded,
      instructions: specifics.instructions,
      carePlanReference: specifics.carePlanReference,
      deviceOrProduct: specifics.deviceOrProduct,
      parameters: specifics.parameters,
      mustNotDo: specifics.mustNotDo,
      escalationPlan: specifics.escalationPlan,
    })),
    workers: view.namedWorkers.map((w) => ({
      name: w.name,
      jobTitle: w.jobTitle,
      competencies: view.tasks.map(({ task }) => {
        const c = held(w.id, task);
        const status = c ? competencyStatus(c, today, warningDays) : null;
        // Rule 12: a declined or revoked competency prints no sign-off or expiry as if current.
        const current = c && status ? currentSignOff({ ...c, status }) : null;
        return {
          taskName: task.name,
          signedOffOn: formatDate(current?.signedOffOn),
          expiresOn: formatDate(current?.expiresOn),
          status: status ? COMPETENCY_STATUS_LABELS[status] : "No competency",
        };
      }),
    })),
    startDate: formatDate(v.startDate),
    reviewDate: formatDate(agreement.inForceVersion === v.version ? agreement.reviewDate : v.reviewDate),
    supervision: v.supervisionArrangements,
    earlyReviewTriggers: v.earlyReviewTriggers,
    signatures: partiesOf(db, agreement, v).map((p) => {
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
  };
  return { data, storable: signedVersion && !!v.contentHash, contentHash: v.contentHash, versionId: v.id, reference: agreement.reference, version: v.version };
}

export function getStoredPdf(db: Db, contentHash: string): Uint8Array | null {
  const row = db.select({ bytes: storedPdfs.bytes }).from(storedPdfs).where(eq(storedPdfs.contentHash, contentHash)).get();
  return row ? new Uint8Array(row.bytes) : null;
}

export function storePdf(db: Db, { contentHash, versionId, bytes }: { contentHash: string; versionId: number; bytes: Uint8Array }) {
  db.insert(storedPdfs).values({ contentHash, versionId, bytes: Buffer.from(bytes) }).onConflictDoNothing().run();
}
