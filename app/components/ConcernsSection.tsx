import { Link } from "@remix-run/react";
import { ConcernStatusTag } from "~/components/ConcernStatusTag";
import { CONCERN_HARM_SHORT } from "~/content/concerns";
import type { ConcernHarm, ConcernStatus } from "~/domain/concerns";
import { formatDate } from "~/domain/dates";

export type ConcernRow = {
  id: number;
  occurredOn: string;
  status: ConcernStatus;
  harm: ConcernHarm;
  taskName: string | null;
  workerName: string | null;
  agreementReference: string | null;
  followUps: number;
};

/**
 * The concerns on an agreement or about a care worker, open ones first, with "Report a concern".
 * What happened is on the concern's own page; here only enough to choose one.
 */
export function ConcernsSection({ concerns, reportHref, show }: { concerns: ConcernRow[]; reportHref: string | null; show: "worker" | "agreement" }) {
  const open = concerns.filter((c) => c.status === "open").length;
  return (
    <section aria-labelledby="concerns-heading" id="concerns">
      <h2 id="concerns-heading">Concerns{open ? ` (${open} open)` : ""}</h2>
      {concerns.length ? (
        <ul className="nhsuk-list">
          {concerns.map((c) => (
            <li key={c.id}>
              <ConcernStatusTag status={c.status} /> <Link to={`/concerns/${c.id}`}>Concern {c.id}</Link>: happened {formatDate(c.occurredOn)}
              {c.taskName ? `, ${c.taskName}` : ""}
              {show === "agreement" && c.workerName ? `, ${c.workerName}` : ""}
              {show === "worker" && c.agreementReference ? `, agreement ${c.agreementReference}` : ""}, {CONCERN_HARM_SHORT[c.harm]}
              {c.followUps ? `, ${c.followUps} follow-up${c.followUps === 1 ? "" : "s"}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No concerns recorded.</p>
      )}
      {reportHref ? (
        <p>
          <Link to={reportHref}>Report a concern</Link>
        </p>
      ) : null}
    </section>
  );
}
