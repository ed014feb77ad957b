/**
 * The SQL form of "may this worker carry out this task for this person on this day"
 * (docs/domain.md rule 4; the domain form is app/domain/carry-out.ts). Every query that counts
 * or shows cover builds its answer here, so the cover table, the named-worker picker, alerts,
 * the interlock and the printed agreement cannot disagree. `carry-out.server.test.ts` proves,
 * on random data, that it gives the same reason code as the domain function.
 *
 * The caller passes SQL for the columns of its own query (its aliases); the fragments are
 * correlated sub-expressions that yield a reason code from CARRY_OUT_CODES.
 */
import { sql, type SQL } from "drizzle-orm";
import { MAY_CARRY_OUT_CODES } from "~/domain/carry-out";
import { addDays, type IsoDate } from "~/domain/dates";
import { competencies } from "~db/tables";

export type WorkerTaskRefs = {
  today: IsoDate;
  warningDays: number;
  /** True when the worker is named on the version in question (for the picker: `sql\`TRUE\``). */
  named: SQL;
  workerId: SQL;
  /** care_workers.status */
  workerStatus: SQL;
  taskId: SQL;
  /** tasks.person_specific */
  personSpecific: SQL;
  /** The person the agreement is for. */
  personId: SQL;
};

export type AgreementRefs = {
  /** agreements.state */
  state: SQL;
  /** agreements.start_date */
  startDate: SQL;
  /** agreements.in_force_version */
  inForceVersion: SQL;
  /** agreement_versions.version and .state of the version in question */
  version: SQL;
  versionState: SQL;
};

/**
 * `countsForTask` (app/domain/competency.ts) in SQL: for a person-specific task only the
 * competency signed off for that person counts, for a generic task only the general one.
 */
export function countsForTaskSql({ competencyPersonId, personSpecific, personId }: { competencyPersonId: SQL; personSpecific: SQL; personId: SQL }): SQL<boolean> {
  return sql<boolean>`((${personSpecific} AND ${competencyPersonId} = ${personId}) OR (NOT ${personSpecific} AND ${competencyPersonId} IS NULL))`;
}

function countsForTask(refs: Pick<WorkerTaskRefs, "workerId" | "taskId" | "personSpecific" | "personId">): SQL {
  return sql`counting.worker_id = ${refs.workerId} AND counting.task_id = ${refs.taskId}
    AND ${countsForTaskSql({ competencyPersonId: sql`counting.person_id`, personSpecific: refs.personSpecific, personId: refs.personId })}`;
}

/** One column of the competency that counts for this worker, task and person (null when there is none). */
export function countingCompetencySql(
  refs: Pick<WorkerTaskRefs, "workerId" | "taskId" | "personSpecific" | "personId">,
  column: "expires_on" | "signed_off_on" | "state" | "person_id",
): SQL {
  return sql`(SELECT counting.${sql.raw(column)} FROM ${competencies} counting WHERE ${countsForTask(refs)})`;
}

/** Checks 2 to 4 (the worker's competence): a reason code, never null. */
export function competenceCodeSql(refs: WorkerTaskRefs): SQL<string> {
  const warnUntil = addDays(refs.today, refs.warningDays);
  return sql<string>`(CASE
    WHEN NOT (${refs.named}) THEN 'worker_not_named'
    WHEN ${refs.workerStatus} = 'left' THEN 'worker_left'
    ELSE COALESCE((
      SELECT CASE
        WHEN counting.state = 'competent' AND counting.expires_on < ${refs.today} THEN 'competency_expired'
        WHEN counting.state = 'competent' AND counting.expires_on <= ${warnUntil} THEN 'competent_expiring'
        WHEN counting.state = 'competent' THEN 'competent'
        WHEN counting.state = 'in_training' THEN 'in_training'
        ELSE 'competency_' || counting.state
      END
      FROM ${competencies} counting WHERE ${countsForTask(refs)}
    ), 'no_competency')
  END)`;
}

/** Check 1: null when this version of the agreement is in force on `today`, else why not. */
export function agreementBarSql(agreement: AgreementRefs, today: IsoDate): SQL<string | null> {
  return sql<string | null>`(CASE
    WHEN ${agreement.state} = 'ended' THEN 'agreement_ended'
    WHEN ${agreement.inForceVersion} IS NULL OR ${agreement.inForceVersion} <> ${agreement.version} THEN CASE ${agreement.versionState}
      WHEN 'draft' THEN 'agreement_draft'
      WHEN 'awaiting_signatures' THEN 'agreement_awaiting_signatures'
      ELSE 'version_not_in_force' END
    WHEN ${agreement.state} = 'suspended' THEN 'agreement_suspended'
    WHEN ${agreement.state} = 'draft' THEN 'agreement_draft'
    WHEN ${agreement.state} = 'awaiting_signatures' THEN 'agreement_awaiting_signatures'
    WHEN ${agreement.startDate} > ${today} THEN 'agreement_not_yet_in_force'
    ELSE NULL
  END)`;
}

/** The whole rule: the agreement first, then the worker's competence. */
export function carryOutCodeSql(refs: WorkerTaskRefs & { agreement: AgreementRefs }): SQL<string> {
  return carryOutFromSql(agreementBarSql(refs.agreement, refs.today), competenceCodeSql(refs));
}

/** The same, from the two parts already worked out (e.g. as columns of an inner query). */
export function carryOutFromSql(agreementBar: SQL, competence: SQL): SQL<string> {
  return sql<string>`COALESCE(${agreementBar}, ${competence})`;
}

/** True when a code means "may": use with either fragment above. */
export function isMaySql(code: SQL): SQL<boolean> {
  return sql<boolean>`(${code} IN (${sql.join(
    MAY_CARRY_OUT_CODES.map((c) => sql`${c}`),
    sql`, `,
  )}))`;
}
