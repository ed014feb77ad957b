import { Summary } from "../nhs/Summary";

type Specifics = {
  instructions: string;
  carePlanReference: string;
  deviceOrProduct: string;
  parameters: string;
  mustNotDo: string;
  escalationPlan: string;
};

/** A task's care-plan details as agreed; with `scope`, the catalogue's in-scope and excluded first. */
export function TaskSpecificsSummary({ specifics, scope }: { specifics: Specifics; scope?: { inScope: string; excluded: string } }) {
  return (
    <Summary
      rows={[
        ...(scope ? ([["In scope", scope.inScope], ["Excluded", scope.excluded]] as [string, string][]) : []),
        ["Instructions", specifics.instructions],
        ["Care-plan reference", specifics.carePlanReference],
        ["Device or product", specifics.deviceOrProduct],
        ["Parameters", specifics.parameters],
        ["Must not do", specifics.mustNotDo],
        ["Escalation plan", specifics.escalationPlan],
      ]}
    />
  );
}
