/**
 * The alerts CSV: one row per alert with the words the alerts page shows (title, description,
 * due date), and the people and records it concerns named by the export rule of app/domain/csv.ts
 * (decision record 018): every agreement by reference, a worker by name, staff number and provider.
 */
import { alertDescription, ALERT_KIND_LABELS, SEVERITY_LABELS, type Alert } from "./alerts";
import { agreementsCell, AGREEMENTS_COLUMN, personInitialsCell, PERSON_INITIALS_COLUMN, WORKER_COLUMNS, workerCells } from "./csv";
import { formatDate } from "./dates";

export const ALERTS_CSV_COLUMNS = [
  "Severity",
  "Kind",
  "Due",
  "What needs attention",
  "What to do",
  "Task",
  PERSON_INITIALS_COLUMN,
  AGREEMENTS_COLUMN,
  ...WORKER_COLUMNS,
] as const;

export function alertsCsvRows(alerts: Alert[]): string[][] {
  return [
    [...ALERTS_CSV_COLUMNS],
    ...alerts.map((a) => [
      SEVERITY_LABELS[a.severity],
      ALERT_KIND_LABELS[a.kind],
      formatDate(a.dueOn),
      a.title,
      alertDescription(a),
      a.subject.taskName ?? "Not applicable",
      personInitialsCell(a.subject.personInitials),
      agreementsCell(a.subject.agreementReferences),
      // An alert about an agreement names no one worker, only its provider.
      ...(a.subject.workerName
        ? workerCells({ name: a.subject.workerName, staffNumber: a.subject.staffNumber, providerName: a.subject.providerName })
        : ["Not applicable", "Not applicable", a.subject.providerName]),
    ]),
  ];
}
