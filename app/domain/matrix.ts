/**
 * The training matrix: care workers by tasks. What each cell says is decided here once, for the
 * page (a tag and a date line), the per-worker layout at small widths and the CSV, so the three
 * never disagree (issue 14, item 4). A revoked or declined competency shows no expiry (docs/domain.md
 * rule 12); an expired one says when it expired, never "expires".
 */
import { COMPETENCY_STATUS_LABELS, type CompetencyStatus } from "./competency";
import { WORKER_COLUMNS, workerCells } from "./csv";
import { formatDate, type IsoDate } from "./dates";
import type { AttendanceOutcome } from "./enums";

export type MatrixCell = {
  competencyId: number;
  status: CompetencyStatus;
  /** The expiry of the current sign-off; null when there is none to show (revoked, declined, in training). */
  expiresOn: IsoDate | null;
  /** The day of the latest change of state (suspended, revoked, declined), in Europe/London. */
  changedOn: IsoDate | null;
  /** For a person-specific competency, who it is for (only ever a person in the reader's scope). */
  personName: string | null;
};

/** What a worker with no record for a task is shown: never an empty cell. */
export const NOT_TRAINED = "Not trained";

/** A worker's latest training session for a task that was not cancelled, with its outcome. */
export type MatrixTraining = { heldOn: IsoDate; outcome: AttendanceOutcome };

/**
 * A task the worker holds no competency in: the latest training recorded, or "Not trained" only
 * when there is neither a competency nor training.
 */
export function noCompetencyText(training: MatrixTraining | null | undefined): string {
  if (!training) return NOT_TRAINED;
  const on = formatDate(training.heldOn);
  switch (training.outcome) {
    case "completed":
      return `Training completed on ${on}, not yet assessed`;
    case "attended":
      return `Training attended on ${on}, not yet assessed`;
    case "did_not_complete":
      return `Did not complete training on ${on}`;
  }
}

export type CellWords = {
  /** The status, as on its tag. */
  label: string;
  /** The line under the tag: "Expires 2 October 2027", "On 21 November 2026"; null when nothing to add. */
  detail: string | null;
  /** The whole, as one line of text (the CSV): "Competent, expires 2 October 2027". */
  text: string;
};

/** The one wording of a competency's status with its date, for every layout of the matrix and its CSV. */
export function competencyCellWords(cell: Pick<MatrixCell, "status" | "expiresOn" | "changedOn">): CellWords {
  const label = COMPETENCY_STATUS_LABELS[cell.status];
  const on = (date: IsoDate | null, word: string) => (date ? `${word} ${formatDate(date)}` : null);
  let detail: string | null = null;
  let text = label;
  switch (cell.status) {
    case "competent":
    case "expiring":
      detail = on(cell.expiresOn, "Expires");
      text = detail ? `${label}, ${lowerFirst(detail)}` : label;
      break;
    case "expired":
      detail = on(cell.expiresOn, "On");
      text = detail ? `Expired on ${formatDate(cell.expiresOn)}` : label;
      break;
    case "suspended":
      detail = on(cell.changedOn, "Since");
      text = detail ? `Suspended since ${formatDate(cell.changedOn)}` : label;
      break;
    case "revoked":
    case "declined":
      detail = on(cell.changedOn, "On");
      text = detail ? `${label} on ${formatDate(cell.changedOn)}` : label;
      break;
    case "in_training":
      break;
  }
  return { label, detail, text };
}

/** A cell's words with whom a person-specific competency is for: "Declined on 6 November 2026 (for Edith Clarke)". */
export function cellText(cell: MatrixCell): string {
  const words = competencyCellWords(cell).text;
  return cell.personName ? `${words} (for ${cell.personName})` : words;
}

/** Everything in one matrix cell as text: each competency in it, else the training recorded, or "Not trained". */
export function cellsText(cells: MatrixCell[], training?: MatrixTraining | null): string {
  return cells.length ? cells.map(cellText).join("; ") : noCompetencyText(training);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The matrix as CSV rows: each worker named by the export rule (name, staff number, provider;
 * decision record 018), then one column per task with the same words as the page.
 */
export function matrixCsvRows(matrix: {
  workers: { id: number; name: string; staffNumber: string | null; providerName: string }[];
  tasks: { id: number; name: string }[];
  cellsOf: (workerId: number, taskId: number) => MatrixCell[];
  trainingOf?: (workerId: number, taskId: number) => MatrixTraining | null;
}): string[][] {
  return [
    [...WORKER_COLUMNS, ...matrix.tasks.map((t) => t.name)],
    ...matrix.workers.map((w) => [...workerCells(w), ...matrix.tasks.map((t) => cellsText(matrix.cellsOf(w.id, t.id), matrix.trainingOf?.(w.id, t.id)))]),
  ];
}
