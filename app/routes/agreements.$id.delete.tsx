import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, InsetText, WarningCallout } from "nhsuk-react-components";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { deleteDraft, deletionRefusal } from "~/models/agreement-deletion.server";
import { loadAgreementPage } from "~/web/agreement-page.server";
import { formValues, rejectRuleError } from "~/web/forms.server";
import { notFound } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken, submittedBefore } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Delete this draft", matches);

/**
 * Deleting a draft never sent (the exception to docs/domain.md rule 14): the nurse who started it, or an
 * administrator, confirms first. Anything sent or signed is refused, saying why.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  return {
    id: view.agreement.id,
    reference: view.agreement.reference,
    tasks: view.tasks.map((t) => t.task.name),
    refusal: await deletionRefusal(args.context.db, actor, view.agreement),
    submissionToken: newSubmissionToken(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const actor = await requirePermission(context, args.request, "read", "agreement");
  const values = formValues(await args.request.formData());
  const token = submissionToken(values);
  // A repeat of a deletion already made (a double click) lands where the first did, not on "page not found".
  if (token && await submittedBefore(context.db, { actor, token, form: "agreement-delete" })) return redirect("/agreements?done=draft_deleted");
  const { view } = await loadAgreementPage(args);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const deleted = await oncePerSubmission(context.db, { actor, token, form: "agreement-delete" }, async (tx) => await deleteDraft(tx, { actor, agreementId: view.agreement.id, at: context.clock.now() }));
    if (!deleted) throw notFound();
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "delete" });
  }
  return redirect("/agreements?done=draft_deleted");
}

export default function DeleteDraft() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title={d.refusal ? "This agreement cannot be deleted" : "Are you sure you want to delete this draft?"} caption={d.reference} back={{ to: `/agreements/${d.id}` }} />
        {d.refusal ? (
          <div id="delete">
            <InsetText>
              <p>{d.refusal}.</p>
            </InsetText>
          </div>
        ) : (
          <>
            <p>
              Draft {d.reference} ({d.tasks.join(", ")}) was never sent for signatures. Deleting it removes its tasks, care-plan details, named
              care workers and consent. The audit trail keeps a note that it was deleted, and by whom.
            </p>
            <WarningCallout>
              <WarningCallout.Heading headingLevel="h2">This cannot be undone</WarningCallout.Heading>
              <p>If you only need to change it, go back and change it instead.</p>
            </WarningCallout>
            <Form method="post" noValidate>
              <SubmissionToken token={d.submissionToken} />
              <div className="dc-actions">
                <Button type="submit" warning id="delete">
                  Delete draft
                </Button>
                <Link to={`/agreements/${d.id}`}>Keep the draft</Link>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
