import { Link } from "@remix-run/react";

/**
 * After a search: how many were found and for what, announced to screen readers; when nothing
 * was found, what to try next. The search itself was posted, so nothing of it is in the address.
 */
export function SearchOutcome({ outcome, clearTo, clearLabel }: { outcome: { found: string; tryNext: string | null } | null; clearTo: string; clearLabel: string }) {
  if (!outcome) return null;
  return (
    <div role="status" className="dc-search-outcome">
      <p className="nhsuk-body-l nhsuk-u-margin-bottom-2">{outcome.found}</p>
      {outcome.tryNext ? <p>{outcome.tryNext}</p> : null}
      <p>
        <Link to={clearTo}>{clearLabel}</Link>
      </p>
    </div>
  );
}
