import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { DateField, TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { reviewDateProblem } from "~/domain/agreement";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput, MAX_LONG_TEXT, optionalText, requiredText } from "~/domain/validation";
import { updateAgreementDetails } from "~/models/agreement-draft.server";
import { loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Dates and supervision", matches);

const DATE_FIELDS = ["startDate", "reviewDate"];
function schema(today: string, reviewIntervalsMonths: number[]) {
  return z
    .object({
      startDate: dateInput("Start date", DATE_WINDOWS.agreementStart(today)),
      reviewDate: dateInput("Review date", DATE_WINDOWS.agreementReview(today)),
      // Required to send (app/domain/agreement-task-list.ts): the same words here, at the field.
      supervisionArrangements: requiredText("Supervision and support", "Enter how the care workers are supervised and supported", MAX_LONG_TEXT),
      earlyReviewTriggers: optionalText("Early review triggers", MAX_LONG_TEXT),
    })
    .superRefine((v, ctx) => {
      const problem = reviewDateProblem(v.startDate, v.reviewDate, reviewIntervalsMonths);
      if (problem) ctx.addIssue({ code: "custom", path: ["reviewDate"], message: problem });
    });
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  return { id: view.agreement.id, reference: view.agreement.reference, version: view.version };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const form = schema(context.clock.today(), view.tasks.map((t) => t.task.reviewIntervalMonths));
  const parsed = form.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, form), values);
  try {
    await updateAgreementDetails(context.db, { actor, agreementId: view.agreement.id, details: parsed.data, today: context.clock.today(), at: context.clock.now() });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "startDate", dateFields: DATE_FIELDS });
  }
  // Back to the task list of the guided agreement, with the section's new status.
  return redirect(`/agreements/${view.agreement.id}/draft?done=draft_updated`);
}

export default function Details() {
  const { id, reference, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? version;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Dates and supervision" caption={reference} back={{ to: `/agreements/${id}/draft`, label: "Back to the task list" }} />
        <Form method="post" noValidate>
          <DateField name="startDate" within={DATE_WINDOWS.agreementStart} label="Start date" errors={errors} values={values} />
          <DateField name="reviewDate" within={DATE_WINDOWS.agreementReview} label="Review date" hint="By default, the start date plus the shortest review interval of the tasks" errors={errors} values={values} />
          <TextareaField name="supervisionArrangements" label="Supervision and support" hint="How often the nurse reviews, who the workers call for advice" errors={errors} values={values} />
          <TextareaField name="earlyReviewTriggers" label="What triggers an earlier review" errors={errors} values={values} />
          <Button type="submit">Save</Button>
        </Form>
      </div>
    </div>
  );
}
