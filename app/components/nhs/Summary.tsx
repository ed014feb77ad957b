import { SummaryList } from "nhsuk-react-components";
import type { ReactNode } from "react";

/** A summary list from rows of [key, value]; empty values read "Not recorded". */
export function Summary({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <SummaryList>
      {rows.map(([key, value]) => (
        <SummaryList.Row key={key}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value === "" || value === null || value === undefined ? <span className="dc-muted">Not recorded</span> : value}</SummaryList.Value>
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}
