import { Table } from "nhsuk-react-components";
import { errorFor, type FormErrors } from "~/components/nhs/form-errors";
import { ATTENDANCE_OUTCOME_LABELS } from "~/content/training";
import { SameNameWarning } from "../SameNameWarning";

/** The register of a training session: one `outcome-<workerId>` select per worker; empty means "did not attend". */
export function Register({
  workers,
  values,
  errors,
  hint,
  sameNames = [],
}: {
  workers: { id: number; name: string; providerName: string }[];
  /** "2 care workers at … are called …": the names on the register shown with staff numbers. */
  sameNames?: string[];
  values: Record<string, unknown>;
  errors?: FormErrors;
  hint: string;
}) {
  const attendeesError = errorFor(errors, "attendees");
  return (
    <div className={`nhsuk-form-group${attendeesError ? " nhsuk-form-group--error" : ""}`}>
      <h2 className="nhsuk-heading-m" id="attendees" tabIndex={-1}>
        Register
      </h2>
      <p className="nhsuk-hint">{hint}</p>
      <SameNameWarning warnings={sameNames} />
      {attendeesError ? (
        <span className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {attendeesError}
        </span>
      ) : null}
      <Table caption="Care workers you can train" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Care worker</Table.Cell>
            <Table.Cell>Provider</Table.Cell>
            <Table.Cell>Outcome</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {workers.map((w) => (
            <Table.Row key={w.id}>
              <Table.Cell>{w.name}</Table.Cell>
              <Table.Cell>{w.providerName}</Table.Cell>
              <Table.Cell>
                <label className="nhsuk-u-visually-hidden" htmlFor={`outcome-${w.id}`}>
                  Outcome for {w.name}
                </label>
                <select className="nhsuk-select" id={`outcome-${w.id}`} name={`outcome-${w.id}`} defaultValue={String(values[`outcome-${w.id}`] ?? "")}>
                  <option value="">Did not attend</option>
                  {Object.entries(ATTENDANCE_OUTCOME_LABELS).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
