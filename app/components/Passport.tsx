import { Link } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { currentSignOff } from "~/domain/competency";
import { formatDate } from "~/domain/dates";
import type { PassportEntry } from "~/models/competencies.server";
import { CompetencyTag } from "./CompetencyTag";

/** The skills passport: every competency with its status, who signed it off and when it expires. */
export function PassportTable({ entries, caption }: { entries: PassportEntry[]; caption: string }) {
  if (!entries.length) return <p>No competencies recorded yet.</p>;
  return (
    <Table caption={caption} responsive>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Task</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          <Table.Cell>Signed off</Table.Cell>
          <Table.Cell>Expires</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {entries.map((c) => (
          <Table.Row key={c.id}>
            <Table.Cell>
              <Link to={`/competencies/${c.id}`}>{c.taskName}</Link>
              {c.personName ? <span className="dc-muted"> for {c.personName}</span> : null}
            </Table.Cell>
            <Table.Cell>
              <CompetencyTag status={c.status} />
              {c.reason && (c.status === "suspended" || c.status === "revoked" || c.status === "declined") ? (
                <div className="nhsuk-body-s nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">{c.reason}</div>
              ) : null}
            </Table.Cell>
            <Table.Cell>{c.signedOffOn ? `${formatDate(c.signedOffOn)} by ${c.signedOffByName}` : currentSignOff(c) ? "Not yet" : "Not applicable"}</Table.Cell>
            <Table.Cell className="dc-nowrap">{formatDate(c.expiresOn) || "Not applicable"}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
