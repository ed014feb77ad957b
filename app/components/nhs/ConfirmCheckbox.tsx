import { errorFor, type FormErrors } from "./form-errors";

/** A single "I confirm…" checkbox named `confirm` (value "yes"), with its error in the NHS pattern. */
export function ConfirmCheckbox({ label, errors }: { label: string; errors?: FormErrors }) {
  const error = errorFor(errors, "confirm");
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      {error ? (
        <span className="nhsuk-error-message" id="confirm--error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id="confirm" name="confirm" type="checkbox" value="yes" aria-describedby={error ? "confirm--error-message" : undefined} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="confirm">
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}
