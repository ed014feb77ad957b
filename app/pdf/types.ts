/** Plain data for the PDFs: built by the models, rendered by app/pdf with no database access. */
import type { TaskSpecifics } from "~/domain/agreement-content";

export type PdfContact = {
  name: string;
  identifier: string;
  address: string;
  phone: string;
  escalationInHours: string;
  escalationOutOfHours: string;
};

export type AgreementPdfData = {
  reference: string;
  version: number;
  /** Fully signed (now or once): no draft banner. */
  signedVersion: boolean;
  /** Facts of the version itself: signed when, or not yet. */
  versionNote: string;
  /** The status on the day of printing (docs/domain.md rule 11), stated on every page. */
  status: { usable: boolean; line: string; watermark: string | null; banner: string | null };
  /** Only on a version signed by every party. */
  verificationCode: string | null;
  verifyUrl: string | null;
  /** In the footer of every page of a printout without a verification code. */
  unsignedMark: string;
  printedOn: string;
  team: PdfContact;
  provider: PdfContact & { insurance: string; regulatedActivities: string };
  delegator: { name: string; nmcPin: string };
  person: { name: string; nhsNumber: string; dateOfBirth: string; address: string; consent: string; capacity: string };
  tasks: ({ name: string; inScope: string; excluded: string } & TaskSpecifics)[];
  workers: { name: string; jobTitle: string; competencies: { taskName: string; signedOffOn: string; expiresOn: string; status: string }[] }[];
  startDate: string;
  reviewDate: string;
  supervision: string;
  earlyReviewTriggers: string;
  signatures: { role: string; name: string; signed: string | null }[];
  accountability: string[];
  /** Every version the reader may see, with the reason each amendment was made. */
  history: { version: number; note: string; reason: string }[];
  /** Concerns recorded while this version was in force, one line each (no details of what happened). */
  concerns?: string[];
};

export type PassportPdfData = {
  workerName: string;
  jobTitle: string;
  providerName: string;
  careCertificate: string;
  printedOn: string;
  /** Every printed passport has its own code (passport_prints), checked at /verify like an agreement's. */
  verificationCode: string;
  verifyUrl: string;
  competencies: PassportPdfCompetency[];
};

export type PassportPdfCompetency = { taskName: string; personName: string | null; status: string; signedOff: string; expiresOn: string };

/** Every active agreement of a provider as one file to print (docs/decisions/015-batch-print-as-one-pdf.md). */
export type AgreementBatchPdfData = {
  providerName: string;
  printedOn: string;
  /** The order the agreements are in, in words, as the download page says it. */
  order: string;
  /** Each agreement's printout, with its status on the day in a few words for the contents page. */
  agreements: { printout: AgreementPdfData; statusOnTheDay: string }[];
};

export type PdfJob = { kind: "agreement"; data: AgreementPdfData } | { kind: "agreements"; data: AgreementBatchPdfData } | { kind: "passport"; data: PassportPdfData };
