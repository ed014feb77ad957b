import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, WarningCallout } from "nhsuk-react-components";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { DateField, RadiosField, TextareaField, TextField } from "~/components/nhs/fields";
import { ConditionalRadios } from "~/components/nhs/ConditionalRadios";
import { PageHeading } from "~/components/nhs/PageHeading";
import { CONSENT_KIND_LABELS, consentSentence, REPRESENTATIVE_AUTHORITY_LABELS } from "~/content/agreements";
import { options } from "~/content/labels";
import { agreementPageTitle } from "~/content/titles";
import { consentFormSchema } from "~/domain/consent";
import { consentOfVersion } from "~/models/agreement-content.server";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { recordConsent } from "~/models/agreement-consent.server";
import type { AgreementView } from "~/models/agreement-view.server";
import { agreementClock, loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import type { Db } from "~db/client";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Record consent", matches);

const DATE_FIELDS = ["givenOn"];

function schema(today: string, dateOfBirth: string) {
  // One branch for each kind of consent: only the chosen option's details are read (app/domain/consent.ts).
  return consentFormSchema(DATE_WINDOWS.consent(today, dateOfBirth));
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  return {
    id: view.agreement.id,
    reference: view.agreement.reference,
    personName: view.person.name,
    capacity: view.person.capacityNotes,
    today: args.context.clock.today(),
    draft: view.version.state === "draft",
    signedWith: await signedWith(args.context.db, view),
    submissionToken: newSubmissionToken(),
  };
}

/** Once a version has been sent, its consent is part of what is signed: changing it means a new version. */
async function signedWith(db: Db, view: AgreementView) {
  if (view.version.state === "draft") return null;
  const consent = await consentOfVersion(db, view.agreement, view.version);
  return { version: view.version.version, active: view.agreement.state === "active", consent: consent ? consentSentence(consent) : "No consent" };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const form = schema(context.clock.today(), view.person.dateOfBirth);
  const parsed = form.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, form), values);
  if (view.version.state !== "draft" && values.confirm !== "yes") {
    return rejectForm(context, [{ field: "confirm", message: "Confirm that every party must sign a new version with this consent", href: "#confirm" }], values);
  }
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  let result: Awaited<ReturnType<typeof recordConsent>>;
  try {
    result = await oncePerSubmission(context.db, { actor, token, form: "consent" }, async (tx) => await recordConsent(tx, { actor, agreementId: view.agreement.id, input: parsed.data, ...await agreementClock(context) }));
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "kind" });
  }
  // Consent on a draft completes its section; a changed consent after sending starts a new version, completed the same way.
  return redirect(`/agreements/${view.agreement.id}/draft?done=${result && result.newVersion ? "consent_changed" : "consent"}`);
}

export default function Consent() {
  const { id, reference, personName, capacity, today, draft, signedWith, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { givenOn: today };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title={`Record ${personName}'s consent`} caption={reference} back={draft ? { to: `/agreements/${id}/draft`, label: "Back to the task list" } : { to: `/agreements/${id}` }}>
          {capacity ? <p>Capacity on record: {capacity}</p> : null}
        </PageHeading>
        {signedWith ? (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2">Consent is part of what the parties sign</WarningCallout.Heading>
            <p>
              Version {signedWith.version} was sent for signatures with this consent: {signedWith.consent}
            </p>
            <p>
              Recording a different consent starts version {signedWith.version + 1} with the new consent, and every party must sign it again.
              {signedWith.active ? " The agreement is suspended until they have: no named care worker may carry out its tasks meanwhile." : ""}
            </p>
          </WarningCallout>
        ) : null}
        <Form method="post" noValidate>
          <SubmissionToken token={token} />
          {/* NHS radios with conditional reveal: each option's details under it. Without JavaScript every option's details show; only the chosen one's are read. */}
          <ConditionalRadios
            name="kind"
            legend="Who gave consent"
            errors={errors}
            values={values}
            options={options(CONSENT_KIND_LABELS).map((o) => ({
              ...o,
              conditional:
                o.value === "representative" ? (
                  <>
                    <TextField name="representativeName" label="Representative's name" errors={errors} values={values} />
                    <RadiosField name="authority" label="Representative's authority" options={options(REPRESENTATIVE_AUTHORITY_LABELS)} errors={errors} values={values} />
                  </>
                ) : o.value === "best_interests" ? (
                  <TextareaField name="decisionDetails" label="Best-interests decision" hint="Who decided, who was consulted, and why" errors={errors} values={values} />
                ) : undefined,
            }))}
          />
          <DateField name="givenOn" within={(today) => DATE_WINDOWS.consent(today, null)} label="Date of consent" errors={errors} values={values} />
          <TextareaField name="notes" label="Notes (optional)" errors={errors} values={values} rows={3} />
          {signedWith ? <ConfirmCheckbox label={`I understand that every party must sign version ${signedWith.version + 1} with this consent`} errors={errors} /> : null}
          <Button type="submit">Record consent</Button>
        </Form>
      </div>
    </div>
  );
}
