import { Table } from "nhsuk-react-components";
import { errorFor, type FormErrors } from "~/components/nhs/form-errors";
import { ATTENDANCE_OUTCOME_LABELS } from "~/content/training";
import { SameNameWarning } from "../SameNameWarning";

type Worker = { id: number; name: string; providerName: string };

export type RegisterFilter = {
  providers: { id: number; name: string }[];
  providerId: number | undefined;
  /** Workers already marked as attending whom the filter hides: kept on the register. */
  kept: Worker[];
  total: number;
};

function outcomeOf(values: Record<string, unknown>, id: number): string {
  const v = values[`outcome-${id}`];
  return typeof v === "string" ? v : "";
}

/**
 * The register of a training session: one `outcome-<workerId>` select per worker; empty means
 * "did not attend". It can show one provider's care workers at a time, without JavaScript: the
 * "Show" button sends the whole form back as a GET (nothing is saved), so outcomes already chosen
 * stay chosen, those of hidden workers as hidden fields, listed so nobody is recorded unseen.
 */
export function Register({
  workers,
  values,
  errors,
  hint,
  filter,
  sameNames = [],
}: {
  workers: Worker[];
  /** "2 care workers at … are called …": the names on the register shown with staff numbers. */
  sameNames?: string[];
  values: Record<string, unknown>;
  errors?: FormErrors;
  hint: string;
  filter: RegisterFilter;
}) {
  const attendeesError = errorFor(errors, "attendees");
  const keptAttending = filter.kept.filter((w) => outcomeOf(values, w.id));
  const providerName = filter.providers.find((p) => p.id === filter.providerId)?.name;
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
      {filter.providers.length > 1 ? (
        <div className="dc-filter-row">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="provider">
              Show care workers of
            </label>
            <select className="nhsuk-select" id="provider" name="provider" defaultValue={filter.providerId ? String(filter.providerId) : ""}>
              <option value="">All providers</option>
              {filter.providers.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="nhsuk-form-group">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary" formMethod="get" formNoValidate>
              Show
            </button>
          </div>
        </div>
      ) : null}
      {providerName ? (
        <p>
          Showing {workers.length} of {filter.total} care workers: those of {providerName}.
          {keptAttending.length ? null : " Choose \u201cAll providers\u201d to see everyone."}
        </p>
      ) : null}
      {keptAttending.length ? (
        <div className="nhsuk-inset-text">
          <p>Also on this register, from other providers (choose &ldquo;All providers&rdquo; to change them):</p>
          <ul>
            {keptAttending.map((w) => {
              const outcome = outcomeOf(values, w.id) as keyof typeof ATTENDANCE_OUTCOME_LABELS;
              return (
                <li key={w.id}>
                  {w.name}, {w.providerName}: {ATTENDANCE_OUTCOME_LABELS[outcome] ?? outcome}
                  <input type="hidden" name={`outcome-${w.id}`} value={outcome} />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <Table caption={providerName ? `Care workers of ${providerName}` : "Care workers you can train"} responsive>
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
                <select className="nhsuk-select" id={`outcome-${w.id}`} name={`outcome-${w.id}`} defaultValue={outcomeOf(values, w.id)}>
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
