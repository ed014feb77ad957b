import { AGREEMENT_STATUS_TONES, agreementStatusLabel, type AgreementStatus } from "~/domain/agreement";
import { StatusTag } from "../nhs/StatusTag";

export function AgreementTag({ status, startDate }: { status: AgreementStatus; startDate: string }) {
  return <StatusTag text={agreementStatusLabel(status, startDate)} tone={AGREEMENT_STATUS_TONES[status]} />;
}
