import { useRouteLoaderData } from "@remix-run/react";
import { Checkboxes, DateInput, Radios, Select, Textarea, TextInput } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { dateHint } from "~/content/forms";
import type { DateWindow } from "~/domain/date-windows";
import { dateToFields, type IsoDate } from "~/domain/dates";
import { errorFor, type FormErrors } from "./form-errors";

/**
 * Form fields that take their value and message from the same two objects every form has:
 * what was typed (or stored), and the errors from the server. Names and ids match, so the
 * error summary's links land on the field.
 */
type Values = Record<string, unknown> | undefined;

type Common = {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: FormErrors;
  values?: Values;
};

function str(values: Values, name: string): string {
  const v = values?.[name];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

function hintText(hint: ReactNode): string | undefined {
  return typeof hint === "string" ? hint : undefined;
}

export function TextField({
  name,
  label,
  hint,
  errors,
  values,
  type = "text",
  width,
  autoComplete,
  spellCheck,
  inputMode,
}: Common & {
  type?: "text" | "email" | "password" | "tel";
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  autoComplete?: string;
  spellCheck?: boolean;
  inputMode?: "numeric" | "text" | "email" | "tel";
}) {
  return (
    <TextInput
      id={name}
      name={name}
      label={label}
      hint={hintText(hint)}
      error={errorFor(errors, name)}
      defaultValue={type === "password" ? undefined : str(values, name)}
      type={type}
      width={width}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      inputMode={inputMode}
    />
  );
}

export function TextareaField({ name, label, hint, errors, values, rows = 4 }: Common & { rows?: number }) {
  return (
    <Textarea
      id={name}
      name={name}
      label={label}
      hint={hintText(hint)}
      error={errorFor(errors, name)}
      defaultValue={str(values, name)}
      rows={rows}
    />
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  values,
  options,
  placeholder,
}: Common & { options: { value: string | number; label: string }[]; placeholder?: string }) {
  return (
    <Select id={name} name={name} label={label} hint={hintText(hint)} error={errorFor(errors, name)} defaultValue={str(values, name)}>
      {placeholder !== undefined ? <Select.Option value="">{placeholder}</Select.Option> : null}
      {options.map((o) => (
        <Select.Option key={o.value} value={String(o.value)}>
          {o.label}
        </Select.Option>
      ))}
    </Select>
  );
}

export function RadiosField({
  name,
  label,
  hint,
  errors,
  values,
  options,
  inline,
}: Common & { options: { value: string; label: string; hint?: string }[]; inline?: boolean }) {
  const current = str(values, name);
  return (
    <Radios
      id={`${name}-options`}
      name={name}
      legend={label}
      legendProps={{ size: "s" }}
      hint={hintText(hint)}
      error={errorFor(errors, name)}
      inline={inline}
    >
      {options.map((o, i) => (
        <Radios.Item key={o.value} id={i === 0 ? name : `${name}-${o.value}`} value={o.value} defaultChecked={current === o.value} hint={o.hint}>
          {o.label}
        </Radios.Item>
      ))}
    </Radios>
  );
}

export function CheckboxesField({
  name,
  label,
  hint,
  errors,
  values,
  options,
}: Common & { options: { value: string; label: string; hint?: string }[] }) {
  const raw = values?.[name];
  const current = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : [];
  return (
    <Checkboxes id={`${name}-options`} name={name} legend={label} legendProps={{ size: "s" }} hint={hintText(hint)} error={errorFor(errors, name)}>
      {options.map((o, i) => (
        <Checkboxes.Item key={o.value} id={i === 0 ? name : `${name}-${o.value}`} value={o.value} defaultChecked={current.includes(o.value)} hint={o.hint}>
          {o.label}
        </Checkboxes.Item>
      ))}
    </Checkboxes>
  );
}

/** A single yes/no checkbox, e.g. "Insurance confirmed". */
export function CheckboxField({ name, label, hint, errors, values }: Common) {
  const v = values?.[name];
  const checked = v === true || v === "yes" || v === "on";
  return (
    <Checkboxes id={`${name}-group`} name={name} error={errorFor(errors, name)} hint={hintText(hint)}>
      <Checkboxes.Item id={name} value="yes" defaultChecked={checked}>
        {label}
      </Checkboxes.Item>
    </Checkboxes>
  );
}

/**
 * The NHS three-field date input inside a fieldset. `values` holds either the typed
 * `name-day` / `name-month` / `name-year`, or a stored ISO date under `name`. `within` is the
 * field's date window (app/domain/date-windows.ts, the same one its schema checks): the hint's
 * example date comes from it, so it is realistic for the field and never goes stale.
 */
export function DateField({ name, label, hint, errors, values, within }: Common & { within: DateWindow | ((today: IsoDate) => DateWindow) }) {
  const root = useRouteLoaderData<{ today?: IsoDate }>("root");
  const today = root?.today ?? new Date().toISOString().slice(0, 10);
  const dateWindow = typeof within === "function" ? within(today) : within;
  const stored = values?.[name];
  const fromStored = typeof stored === "string" ? dateToFields(stored) : { day: "", month: "", year: "" };
  const typed = (part: "day" | "month" | "year") => {
    const v = values?.[`${name}-${part}`];
    return typeof v === "string" ? v : fromStored[part];
  };
  return (
    <DateInput
      id={name}
      name={name}
      legend={label}
      legendProps={{ size: "s" }}
      hint={dateHint(dateWindow, hintText(hint))}
      error={errorFor(errors, name)}
      defaultValue={{ day: typed("day"), month: typed("month"), year: typed("year") }}
    />
  );
}
