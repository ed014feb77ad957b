import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { DateField, RadiosField, TextareaField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { CONSENT_KIND_LABELS, REPRESENTATIVE_AUTHORITY_LABELS } from "~/content/agreements";
import { options } from "~/content/labels";
import { pageTitle } from "~/content/titles";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput, MAX_LONG_TEXT, optionalText } from "~/domain/validation";
import { recordConsent } from "~/models/agreement-signing.server";
import { RuleError } from "~/models/errors.server";
import { agreementClock, loadAgreementPage, requireNurseOf } from "~/services/agreement-page.server";
import { formValues, rejectForm, ruleProblems, toFormErrors, withDates } from "~/services/forms.server";
import { consentKinds, representativeAuthorities } from "~db/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle("Record consent", matches);

const DATE_FIELDS = ["givenOn"];

function schema(today: string, dateOfBirth: string) {
  return z
    .object({
      kind: z.enum(consentKinds, { message: "Select who consented, or that a best-interests decision was made" }),
      representativeName: optionalText(),
      authority: z.union([z.literal(""), z.enum(representativeAuthorities)]).optional(),
      decisionDetails: optionalText(MAX_LONG_TEXT),
      givenOn: dateInput("Date of consent", DATE_WINDOWS.consent(today, dateOfBirth)),
      notes: optionalText(MAX_LONG_TEXT),
    })
    .superRefine((v, ctx) => {
      if (v.kind === "representative") {
        if (!v.representativeName) ctx.addIssue({ code: "custom", path: ["representativeName"], message: "Enter the representative's name" });
        if (!v.authority) ctx.addIssue({ code: "custom", path: ["authority"], message: "Select the representative's authority" });
      }
      if (v.kind === "best_interests" && !v.decisionDetails) {
        ctx.addIssue({ code: "custom", path: ["decisionDetails"], message: "Enter who made the best-interests decision and who was consulted" });
      }
    })
    .transform((v) => ({ ...v, authority: v.kind === "representative" && v.authority ? v.authority : null, representativeName: v.kind === "representative" ? v.representativeName : "" }));
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  return { id: view.agreement.id, reference: view.agreement.reference, personName: view.person.name, capacity: view.person.capacityNotes, today: args.context.clock.today() };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const parsed = schema(context.clock.today(), view.person.dateOfBirth).safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS), values);
  try {
    recordConsent(context.db, { actor, agreementId: view.agreement.id, input: parsed.data, ...agreementClock(context) });
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, ruleProblems(error.problems, "kind"), values);
    throw error;
  }
  return redirect(`/agreements/${view.agreement.id}?done=consent`);
}

export default function Consent() {
  const { id, reference, personName, capacity, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { givenOn: today };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} />
        <PageHeading title={`Record ${personName}'s consent`} caption={reference} back={{ to: `/agreements/${id}` }}>
          {capacity ? <p>Capacity on record: {capacity}</p> : null}
        </PageHeading>
        <Form method="post" noValidate>
          <RadiosField name="kind" label="Consent" options={options(CONSENT_KIND_LABELS)} errors={errors} values={values} />
          <TextField name="representativeName" label="Representative's name (if a representative consented)" errors={errors} values={values} />
          <RadiosField name="authority" label="Representative's authority" options={options(REPRESENTATIVE_AUTHORITY_LABELS)} errors={errors} values={values} />
          <TextareaField name="decisionDetails" label="Best-interests decision (if the person lacks capacity)" hint="Who decided, who was consulted, and why" errors={errors} values={values} />
          <DateField name="givenOn" label="Date of consent" errors={errors} values={values} />
          <TextareaField name="notes" label="Notes (optional)" errors={errors} values={values} rows={3} />
          <Button type="submit">Record consent</Button>
        </Form>
      </div>
    </div>
  );
}
