import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { RadiosField, TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { MAX_LONG_TEXT, requiredText } from "~/domain/validation";
import { amendAgreement } from "~/models/agreement-lifecycle.server";
import { loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Amend the agreement", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  return { id: view.agreement.id, reference: view.agreement.reference, current: view.version.version, inForce: view.agreement.inForceVersion, versionState: view.version.state, submissionToken: newSubmissionToken() };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const needsChoice = view.agreement.inForceVersion !== null && view.agreement.state === "active";
  const parsed = z
    .object({
      reason: requiredText("Reason for the change", "Enter the reason for the change", MAX_LONG_TEXT),
      meanwhile: needsChoice ? z.enum(["keep", "suspend"], { message: "Select what happens to the version in force meanwhile" }) : z.string().optional(),
    })
    .safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    await oncePerSubmission(context.db, { actor, token, form: "amend" }, async (tx) => await amendAgreement(tx, { actor, agreementId: view.agreement.id, keepInForce: parsed.data.meanwhile !== "suspend", reason: parsed.data.reason, at: context.clock.now() }));
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "reason" });
  }
  return redirect(`/agreements/${view.agreement.id}/draft?done=amended`);
}

export default function Amend() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Amend the agreement" caption={d.reference} back={{ to: `/agreements/${d.id}` }}>
          <p>
            This starts version {d.current + 1} as a draft, copied from version {d.current}. Change what you need, then send it: every party
            signs version {d.current + 1} afresh. Version {d.current} is kept as it was.
          </p>
          {d.versionState === "awaiting_signatures" ? <p>Version {d.current} has not been fully signed: it will be withdrawn.</p> : null}
        </PageHeading>
        <Form method="post" noValidate>
          <SubmissionToken token={d.submissionToken} />
          <TextareaField
            name="reason"
            label="Reason for the change"
            hint="What has changed for the person, and why. It is kept with the new version and shown on its page, the agreement's timeline and the printout."
            errors={actionData?.errors}
            values={actionData?.values}
          />
          {d.inForce ? (
            <RadiosField
              name="meanwhile"
              label={`Until version ${d.current + 1} is active`}
              options={[
                { value: "keep", label: `Version ${d.inForce} stays in force`, hint: "Care continues as now under the signed version" },
                { value: "suspend", label: "Suspend the agreement", hint: "No one carries out these tasks until the new version is signed" },
              ]}
              errors={actionData?.errors}
              values={actionData?.values}
            />
          ) : null}
          <Button type="submit">Start version {d.current + 1}</Button>
        </Form>
      </div>
    </div>
  );
}
