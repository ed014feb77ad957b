import { Link } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import type { AgreementStatus } from "~/domain/agreement";
import { AgreementTag } from "./agreement/AgreementTag";

export type WorkerAgreementRow = {
  id: number;
  reference: string;
  personName: string;
  version: number;
  tasks: string[];
  status: AgreementStatus;
  startDate: string;
  inForce: boolean;
};

/**
 * The agreements naming a care worker (listWorkerAgreements), as a compact section of its own:
 * on the worker's page and on a care worker's home page.
 */
export function WorkerAgreements({
  agreements,
  heading,
  caption,
  note,
  empty = "No agreement names this care worker.",
}: {
  agreements: WorkerAgreementRow[];
  heading: string;
  caption: string;
  note?: string;
  empty?: string;
}) {
  return (
    <section aria-labelledby="worker-agreements">
      <h2 id="worker-agreements">{heading}</h2>
      {note ? <p>{note}</p> : null}
      {agreements.length ? (
        <Table caption={caption} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Reference</Table.Cell>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Tasks</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              <Table.Cell>In force for this worker</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {agreements.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell className="dc-nowrap">
                  <Link to={`/agreements/${a.id}`}>{a.reference}</Link>
                </Table.Cell>
                <Table.Cell>{a.personName}</Table.Cell>
                <Table.Cell>{a.tasks.join(", ") || "No tasks yet"}</Table.Cell>
                <Table.Cell>
                  <AgreementTag status={a.status} startDate={a.startDate} />
                </Table.Cell>
                <Table.Cell>{a.inForce ? `Yes, version ${a.version}` : `No (version ${a.version})`}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>{empty}</p>
      )}
    </section>
  );
}
