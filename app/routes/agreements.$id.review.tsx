import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { DateField, RadiosField, TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { defaultReviewDate } from "~/domain/agreement";
import { formatDate } from "~/domain/dates";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput, idParam, MAX_LONG_TEXT, optionalDateInput, optionalText } from "~/domain/validation";
import { recordReview } from "~/models/agreement-lifecycle.server";
import { concernForFollowUp, latestReviewId, linkConcernFollowUp } from "~/models/concerns.server";
import type { Actor } from "~/domain/actor";
import type { AppContext } from "~/web/context.server";
import { notFound } from "~/web/not-found.server";
import { loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { reviewOutcomes } from "~/domain/enums";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken, submittedBefore } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Record a review", matches);

const DATE_FIELDS = ["reviewedOn", "nextReviewDate"];

function schema(today: string) {
  return z
    .object({
      reviewedOn: dateInput("Date of the review", DATE_WINDOWS.pastRecord(today)),
      outcome: z.enum(reviewOutcomes, { message: "Select the outcome of the review" }),
      nextReviewDate: optionalDateInput("Next review date", DATE_WINDOWS.agreementReview(today)),
      notes: optionalText("Notes", MAX_LONG_TEXT),
    })
    .superRefine((v, ctx) => {
      if (v.outcome !== "end" && !v.nextReviewDate) ctx.addIssue({ code: "custom", path: ["nextReviewDate"], message: "Enter the next review date" });
      if ((v.outcome === "suspend" || v.outcome === "end") && !v.notes) ctx.addIssue({ code: "custom", path: ["notes"], message: "Say why, in the notes" });
    });
}

/**
 * Reviewing from a concern (`?concern=12`): the review is linked to it. An unusable concern is
 * not found, unless this is a repeat of the submission that already linked it.
 */
async function concernOf(context: AppContext, request: Request, actor: Actor, agreementId: number, repeat = false): Promise<number | null> {
  const param = new URL(request.url).searchParams.get("concern");
  if (param === null) return null;
  const id = idParam.safeParse(param);
  if (!id.success) throw notFound();
  if (repeat) return id.data;
  if (!await concernForFollowUp(context.db, { actor, concernId: id.data, kind: "agreement_reviewed", agreementId })) throw notFound();
  return id.data;
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const concernId = await concernOf(args.context, args.request, actor, view.agreement.id);
  const today = args.context.clock.today();
  const suggested = defaultReviewDate(today, view.tasks.map((t) => t.task.reviewIntervalMonths));
  return { id: view.agreement.id, reference: view.agreement.reference, reviewDate: view.agreement.reviewDate, today, suggested, concernId, submissionToken: newSubmissionToken() };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const form = schema(context.clock.today());
  const parsed = form.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  const concernId = await concernOf(context, args.request, actor, view.agreement.id, await submittedBefore(context.db, { actor, token, form: "review" }));
  try {
    await oncePerSubmission(context.db, { actor, token, form: "review" }, async (tx) => {
      const reviewed = await recordReview(tx, { actor, agreementId: view.agreement.id, input: parsed.data, today: context.clock.today(), at: context.clock.now() });
      if (reviewed && concernId) await linkConcernFollowUp(tx, { actor, concernId, kind: "agreement_reviewed", reviewId: (await latestReviewId(tx, view.agreement.id))!, at: context.clock.now() });
      return reviewed;
    });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "outcome", dateFields: DATE_FIELDS });
  }
  // A review that amends starts a new draft version: on to its task list to make the change.
  if (parsed.data.outcome === "amend") return redirect(`/agreements/${view.agreement.id}/draft?done=reviewed`);
  return redirect(concernId ? `/concerns/${concernId}?done=concern_reviewed` : `/agreements/${view.agreement.id}?done=reviewed`);
}

export default function Review() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { reviewedOn: d.today, nextReviewDate: d.suggested };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Record a review" caption={d.reference} back={{ to: d.concernId ? `/concerns/${d.concernId}` : `/agreements/${d.id}` }}>
          <p>The review was due on {formatDate(d.reviewDate)}.</p>
          {d.concernId ? <p>This review will be linked to concern {d.concernId}: say in the notes what the concern changed.</p> : null}
        </PageHeading>
        <Form method="post" noValidate>
          <SubmissionToken token={d.submissionToken} />
          <DateField name="reviewedOn" within={DATE_WINDOWS.pastRecord} label="Date of the review" errors={errors} values={values} />
          <RadiosField
            name="outcome"
            label="Outcome"
            options={[
              { value: "continue", label: "Continue", hint: "No change: set the next review date" },
              { value: "amend", label: "Amend", hint: "Start a new version; the signed one stays in force meanwhile" },
              { value: "suspend", label: "Suspend", hint: "Stop the delegation for now" },
              { value: "end", label: "End", hint: "The delegation is no longer needed. This is final" },
            ]}
            errors={errors}
            values={values}
          />
          <DateField name="nextReviewDate" within={DATE_WINDOWS.agreementReview} label="Next review date" hint="Not needed when the agreement ends" errors={errors} values={values} />
          <TextareaField name="notes" label="Notes" errors={errors} values={values} />
          <Button type="submit">Record review</Button>
        </Form>
      </div>
    </div>
  );
}
