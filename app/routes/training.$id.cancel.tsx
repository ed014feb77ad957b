import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { sessionChangeProblem } from "~/domain/training";
import { MAX_LONG_TEXT, requiredText } from "~/domain/validation";
import { cancelTrainingSession } from "~/models/training.server";
import { found } from "~/web/not-found.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";
import { SessionChangeRefused } from "~/components/training/Refused";
import { loadSessionToManage } from "~/web/training-session-page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Cancel a training session", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { training } = await loadSessionToManage(args);
  return {
    id: training.session.id,
    caption: `${training.taskName} training, ${formatDate(training.session.heldOn)}`,
    // docs/domain.md rules 8 and 14: only a session that has not happened yet may be cancelled.
    refused: sessionChangeProblem(training.facts, args.context.clock.today()),
    submissionToken: newSubmissionToken(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, training } = await loadSessionToManage(args);
  const { context, request } = args;
  const values = formValues(await request.formData());
  const form = z.object({ reason: requiredText("Reason", "Say why the session is cancelled", MAX_LONG_TEXT) });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    found(await oncePerSubmission(context.db, { actor, token, form: "training.cancel" }, async (tx) =>
      await cancelTrainingSession(tx, { actor, id: training.session.id, reason: parsed.data.reason, today: context.clock.today(), at: context.clock.now() }),
    ));
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "reason" });
  }
  return redirect(`/training/${training.session.id}?done=session_cancelled`);
}

export default function CancelSession() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Cancel a training session" caption={d.caption} back={{ to: `/training/${d.id}` }} />
        {d.refused ? (
          <SessionChangeRefused reason={d.refused} sessionId={d.id} />
        ) : (
          <>
            <p>The session stays in the training history, shown as cancelled with your reason. No attendance can be recorded for it.</p>
            <Form method="post" noValidate>
              <SubmissionToken token={d.submissionToken} />
              <TextareaField name="reason" label="Why the session is cancelled" hint="This is kept with the session" errors={actionData?.errors} values={actionData?.values} />
              <Button type="submit" warning>
                Cancel session
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
