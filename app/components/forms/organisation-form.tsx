import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { CheckboxesField, CheckboxField, DateField, TextareaField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { REGULATED_ACTIVITY_LABELS, options } from "~/content/labels";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { SubmissionToken } from "./SubmissionToken";
import type { OrganisationKind } from "~/domain/enums";

export function OrganisationForm({
  kind,
  errors,
  values,
  providers,
  submitLabel,
  submissionToken,
}: {
  kind: OrganisationKind;
  errors?: FormErrors;
  values?: Record<string, unknown>;
  providers?: { id: number; name: string }[];
  submitLabel: string;
  /** For a form that creates a record: its one-time token. */
  submissionToken?: string;
}) {
  return (
    <>
      <Form method="post" noValidate>
        {submissionToken ? <SubmissionToken token={submissionToken} /> : null}
        <TextField name="name" label="Name" errors={errors} values={values} />
        {kind === "nhs_team" ? (
          <TextField name="odsCode" label="ODS code" hint="The Organisation Data Service code of the team or its site, like RX1N1" width={10} errors={errors} values={values} />
        ) : (
          <TextField name="cqcLocationId" label="CQC location ID" hint="As on the CQC register, like 1-123456789" width={20} errors={errors} values={values} />
        )}
        <TextareaField name="address" label="Address" rows={3} errors={errors} values={values} />
        <TextField name="postcode" label="Postcode" width={10} errors={errors} values={values} />
        <TextField name="phone" label="Phone number" hint="A UK number, like 0161 496 0100" type="tel" width={20} autoComplete="off" errors={errors} values={values} />
        <TextField name="email" label="Email address" type="email" spellCheck={false} errors={errors} values={values} />
        <TextField name="escalationInHours" label="Escalation contact in hours" hint="Who a care worker calls, with the number" errors={errors} values={values} />
        <TextField name="escalationOutOfHours" label="Escalation contact out of hours" errors={errors} values={values} />
        {kind === "provider" ? (
          <>
            <CheckboxesField
              name="regulatedActivities"
              label="CQC regulated activities held"
              hint="Delegated healthcare activities usually need treatment of disease, disorder or injury (TDDI)"
              options={options(REGULATED_ACTIVITY_LABELS)}
              errors={errors}
              values={values}
            />
            <CheckboxField name="insuranceConfirmed" label="The insurer has confirmed delegated healthcare activities are covered" errors={errors} values={values} />
            <TextField name="insurer" label="Insurer" errors={errors} values={values} />
            <DateField name="insuranceConfirmedOn" within={DATE_WINDOWS.pastRecord} label="Date insurance was confirmed" errors={errors} values={values} />
          </>
        ) : providers ? (
          <CheckboxesField
            name="linkedProviders"
            label="Care providers this team works with"
            hint="The team's nurses and facilitators see these providers' care workers"
            options={providers.map((p) => ({ value: String(p.id), label: p.name }))}
            errors={errors}
            values={values}
          />
        ) : null}
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
