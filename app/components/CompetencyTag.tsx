import { COMPETENCY_STATUS_LABELS, COMPETENCY_STATUS_TONES, type CompetencyStatus } from "~/domain/competency";
import { StatusTag } from "./nhs/StatusTag";

export function CompetencyTag({ status }: { status: CompetencyStatus }) {
  return <StatusTag text={COMPETENCY_STATUS_LABELS[status]} tone={COMPETENCY_STATUS_TONES[status]} />;
}
