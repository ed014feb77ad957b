import type { ReactNode } from "react";
import type { TaskSpecifics } from "~/domain/agreement-content";
import { Summary } from "../nhs/Summary";


/** Text exactly as written: line breaks kept (numbered instructions stay numbered lines). */
export function written(text: string): ReactNode {
  return text ? <span className="dc-pre-line">{text}</span> : "";
}

/** A task's care-plan details as agreed; with `scope`, the catalogue's in-scope and excluded first. */
export function TaskSpecificsSummary({ specifics, scope }: { specifics: TaskSpecifics; scope?: { inScope: string; excluded: string } }) {
  return (
    <Summary
      rows={[
        ...(scope
          ? ([
              ["In scope", written(scope.inScope)],
              ["Excluded", written(scope.excluded)],
            ] as [string, ReactNode][])
          : []),
        ["Instructions", written(specifics.instructions)],
        ["Care-plan reference", written(specifics.carePlanReference)],
        ["Device or product", written(specifics.deviceOrProduct)],
        ["Parameters", written(specifics.parameters)],
        ["Must not do", written(specifics.mustNotDo)],
        ["Escalation plan", written(specifics.escalationPlan)],
      ]}
    />
  );
}
