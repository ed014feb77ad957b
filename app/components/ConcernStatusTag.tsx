import { StatusTag } from "~/components/nhs/StatusTag";
import { CONCERN_STATUS_LABELS } from "~/content/concerns";
import type { ConcernStatus } from "~/domain/concerns";

export function ConcernStatusTag({ status }: { status: ConcernStatus }) {
  return <StatusTag text={CONCERN_STATUS_LABELS[status]} tone={status === "open" ? "orange" : "grey"} />;
}
