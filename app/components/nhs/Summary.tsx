import { Link } from "@remix-run/react";
import { SummaryList } from "nhsuk-react-components";
import type { ReactNode } from "react";

/** A row's place on the page (`id`, for error summary links) and its "Change" link (check your answers). */
export type SummaryRowOptions = { id?: string; change?: string };

/** A summary list from rows of [key, value]; empty values read "Not recorded". */
export function Summary({ rows }: { rows: ([string, ReactNode] | [string, ReactNode, SummaryRowOptions])[] }) {
  return (
    <SummaryList>
      {rows.map(([key, value, options]) => (
        <SummaryList.Row key={key} id={options?.id}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value === "" || value === null || value === undefined ? <span className="dc-muted">Not recorded</span> : value}</SummaryList.Value>
          {options?.change ? (
            <dd className="nhsuk-summary-list__actions">
              <Link to={options.change}>
                Change<span className="nhsuk-u-visually-hidden"> {key.toLowerCase()}</span>
              </Link>
            </dd>
          ) : null}
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}
