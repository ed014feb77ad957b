import type { Actor } from "~/domain/actor";
import { COMPETENCY_STATUS_LABELS, currentSignOff } from "~/domain/competency";
import { formatDate, type IsoDate } from "~/domain/dates";
import { workerLabel } from "~/domain/worker-labels";
import type { PassportPdfData } from "~/pdf/types";
import type { Db } from "~db/client";
import { listWorkerCompetencies } from "./competencies.server";
import { getWorker } from "./workers.server";

export function passportPdfData(db: Db, { actor, workerId, today, warningDays }: { actor: Actor; workerId: number; today: IsoDate; warningDays: number }): PassportPdfData | null {
  const found = getWorker(db, { actor, id: workerId });
  if (!found) return null;
  return {
    // A name shared at the provider carries the staff number, so the passport is plainly this worker's.
    workerName: workerLabel({ ...found.worker, namesakes: found.namesakes }),
    jobTitle: found.worker.jobTitle,
    providerName: found.providerName,
    careCertificate: found.worker.careCertificateOn ? formatDate(found.worker.careCertificateOn) : "not recorded",
    printedOn: formatDate(today),
    competencies: listWorkerCompetencies(db, { actor, workerId, today, warningDays }).map((c) => ({
      taskName: c.taskName,
      personName: c.personName,
      status: COMPETENCY_STATUS_LABELS[c.status],
      signedOff: c.signedOffOn ? `${formatDate(c.signedOffOn)} by ${c.signedOffByName}` : currentSignOff(c) ? "Not yet" : "Not applicable",
      expiresOn: formatDate(c.expiresOn) || "",
    })),
  };
}
