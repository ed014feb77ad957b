import { Radios } from "nhsuk-react-components";
import { Fragment, type ReactNode } from "react";
import { errorFor, type FormErrors } from "./form-errors";

/**
 * NHS radios with conditional reveal (nhsuk-radios__conditional): each option's own questions
 * sit under it. Without JavaScript every option's questions show, and the server reads only the
 * chosen option's. With it, only the chosen option's show.
 *
 * The reveal is app/browser/conditional-radios.ts rather than nhsuk-frontend's script, which
 * marks each radio aria-expanded: an attribute a radio may not have (axe, aria-allowed-attr).
 * The first radio's id is the field's name, so the error summary's link lands on it.
 */
export function ConditionalRadios({
  name,
  legend,
  hint,
  options,
  errors,
  values,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string; hint?: string; conditional?: ReactNode }[];
  errors?: FormErrors;
  values?: Record<string, unknown>;
}) {
  const initial = typeof values?.[name] === "string" ? (values[name] as string) : "";
  const idOf = (value: string, i: number) => (i === 0 ? name : `${name}-${value}`);
  return (
    <Radios id={`${name}-options`} name={name} legend={legend} legendProps={{ size: "s" }} hint={hint} error={errorFor(errors, name)} data-conditional-radios="">
      {options.map((o, i) => (
        <Fragment key={o.value}>
          <div className="nhsuk-radios__item">
            <input
              className="nhsuk-radios__input"
              id={idOf(o.value, i)}
              name={name}
              type="radio"
              value={o.value}
              defaultChecked={initial === o.value}
              aria-describedby={o.hint ? `${idOf(o.value, i)}--hint` : undefined}
            />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={idOf(o.value, i)}>
              {o.label}
            </label>
            {o.hint ? (
              <div className="nhsuk-hint nhsuk-radios__hint" id={`${idOf(o.value, i)}--hint`}>
                {o.hint}
              </div>
            ) : null}
          </div>
          {o.conditional ? (
            <div className={`nhsuk-radios__conditional${initial === o.value ? "" : " nhsuk-radios__conditional--hidden"}`} id={`${idOf(o.value, i)}--conditional`}>
              {o.conditional}
            </div>
          ) : null}
        </Fragment>
      ))}
    </Radios>
  );
}
