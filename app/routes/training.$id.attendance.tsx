import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Register } from "~/components/training/Register";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { registerProblem } from "~/domain/training";
import { recordAttendance, registerChoices } from "~/models/training.server";
import { found } from "~/web/not-found.server";
import { formValues, rejectForm, rejectRuleError } from "~/web/forms.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";
import { registerFrom, registerQuery } from "~/web/training-register.server";
import { SessionChangeRefused } from "~/components/training/Refused";
import { loadSessionToManage } from "~/web/training-session-page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Record attendance", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { actor, training } = await loadSessionToManage(args);
  const today = args.context.clock.today();
  const { providerId, values } = registerQuery(new URL(args.request.url));
  const ticked = Object.keys(values).filter((k) => k.startsWith("outcome-")).map((k) => Number(k.slice("outcome-".length)));
  // Attendance is known only from the day of the session, never for a cancelled one, and recorded once (docs/domain.md rule 8).
  const refused = registerProblem(training.facts, today);
  const { workers, sameNames, ...filter } = refused ? { workers: [], sameNames: [], providers: [], providerId: undefined, kept: [], total: 0 } : await registerChoices(args.context.db, { actor, providerId, ticked });
  return {
    id: training.session.id,
    title: `${training.taskName} training, ${formatDate(training.session.heldOn)}`,
    refused,
    workers,
    filter,
    values,
    submissionToken: newSubmissionToken(),
    sameNames,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, training } = await loadSessionToManage(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const registered = registerFrom(values);
  if ("problem" in registered) return rejectForm(context, [{ field: "attendees", message: registered.problem, href: "#attendees" }], values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    found(await oncePerSubmission(context.db, { actor, token, form: "training.attendance" }, async (tx) =>
      await recordAttendance(tx, { actor, sessionId: training.session.id, attendees: registered.attendees, today: context.clock.today(), at: context.clock.now() }),
    ));
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "attendees", fields: [] });
  }
  return redirect(`/training/${training.session.id}?done=attendance`);
}

export default function Attendance() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeading errors={actionData?.errors} title="Record attendance" caption={d.title} back={{ to: `/training/${d.id}` }} />
      {d.refused ? (
        <SessionChangeRefused reason={d.refused} sessionId={d.id} />
      ) : (
        <Form method="post" noValidate>
          <SubmissionToken token={d.submissionToken} />
          <Register
            workers={d.workers}
            filter={d.filter}
            sameNames={d.sameNames}
            values={actionData?.values ?? d.values}
            errors={actionData?.errors}
            hint='Choose an outcome for each care worker who attended. Leave the rest as "Did not attend".'
          />
          <Button type="submit">Record attendance</Button>
        </Form>
      )}
    </>
  );
}
