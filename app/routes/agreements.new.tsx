import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, WarningCallout } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { CheckboxesField, DateField, SelectField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { AGREEMENT_STATUS_LABELS } from "~/domain/agreement";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput } from "~/domain/validation";
import { createAgreement, DuplicateAgreementError, listPeopleForAgreement } from "~/models/agreement-create.server";
import { listTasks } from "~/models/tasks.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Start a delegation agreement", matches);

const DATE_FIELDS = ["startDate"];
function schema(today: string) {
  return z.object({
    personId: z.coerce.number({ message: "Select the person receiving care" }).int().positive("Select the person receiving care"),
    taskIds: z.array(z.coerce.number().int().positive()).min(1, "Select at least one task to delegate"),
    startDate: dateInput("Start date", DATE_WINDOWS.agreementStart(today)),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "agreement");
  return {
    people: await listPeopleForAgreement(context.db, { actor }),
    tasks: (await listTasks(context.db, { activeOnly: true })).map((t) => ({ id: t.id, name: t.name, reviewIntervalMonths: t.reviewIntervalMonths })),
    today: context.clock.today(),
    submissionToken: newSubmissionToken(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "agreement");
  const values = formValues(await request.formData(), ["taskIds"]);
  const form = schema(context.clock.today());
  const parsed = form.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "agreement" }, async (tx) =>
      await createAgreement(tx, { actor, ...parsed.data, today: context.clock.today(), confirmDuplicate: values.confirm === "yes", at: context.clock.now() }),
    );
    // Straight into the guided agreement: the task list of the new draft.
    return redirect(`/agreements/${id}/draft?done=draft_started`);
  } catch (error) {
    if (error instanceof DuplicateAgreementError) {
      // As rejectForm, with the existing agreements to link to (docs/domain.md rule 10): nothing was written.
      context.formRejected = true;
      return data({ errors: error.problems.map((p) => ({ ...p, href: "#confirm" })), values, duplicates: error.duplicates }, { status: 400 });
    }
    return rejectRuleError(context, error, values, { fallback: "personId", dateFields: ["startDate"] });
  }
}

export default function NewAgreement() {
  const { people, tasks, today, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { startDate: today, personId: params.get("person") ?? "" };
  const duplicates = (actionData as { duplicates?: DuplicateAgreementError["duplicates"] } | undefined)?.duplicates ?? [];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Start a delegation agreement" back={{ to: "/agreements" }}>
          <p>
            Start with the person and the tasks. Next you add each task's care-plan details, name the care workers, record consent and
            send the agreement for signatures. Nothing is in force until every party has signed.
          </p>
        </PageHeading>
        <Form method="post" noValidate>
          <SubmissionToken token={token} />
          <SelectField
            name="personId"
            label="Person receiving care"
            hint="People on your team's caseload"
            placeholder="Select a person"
            options={people.map((p) => ({ value: p.id, label: `${p.name} (${p.providerName})` }))}
            errors={errors}
            values={values}
          />
          <CheckboxesField
            name="taskIds"
            label="Tasks to delegate"
            options={tasks.map((t) => ({ value: String(t.id), label: t.name, hint: `Review every ${t.reviewIntervalMonths} months` }))}
            errors={errors}
            values={values}
          />
          <DateField name="startDate" within={DATE_WINDOWS.agreementStart} label="Start date" errors={errors} values={values} />
          {duplicates.length ? (
            <WarningCallout>
              <WarningCallout.Heading headingLevel="h2">This person already has an open agreement for this task</WarningCallout.Heading>
              <p>Two agreements for the same task can give care workers two sets of instructions. Check the existing agreement first: amend it rather than start another, unless a second is really needed.</p>
              <ul>
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <Link to={`/agreements/${d.id}`}>{d.reference}</Link> ({AGREEMENT_STATUS_LABELS[d.state]}): {d.sharedTasks.join(", ")}
                  </li>
                ))}
              </ul>
              <ConfirmCheckbox label="I have checked the existing agreement and a second agreement is needed" errors={errors} />
            </WarningCallout>
          ) : null}
          <Button type="submit">Start agreement</Button>
        </Form>
      </div>
    </div>
  );
}
