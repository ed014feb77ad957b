import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUS_TONES, type AgreementStatus } from "~/domain/agreement";
import { StatusTag } from "../nhs/StatusTag";

export function AgreementTag({ status }: { status: AgreementStatus }) {
  return <StatusTag text={AGREEMENT_STATUS_LABELS[status]} tone={AGREEMENT_STATUS_TONES[status]} />;
}
