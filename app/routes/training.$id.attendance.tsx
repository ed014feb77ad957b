import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Register } from "~/components/training/Register";
import { registerOf } from "~/models/worker-names.server";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { attendanceProblem } from "~/domain/training";
import { RuleError } from "~/models/errors.server";
import { getTrainingSession, listTrainableWorkers, recordAttendance } from "~/models/training.server";
import { formValues, rejectForm } from "~/services/forms.server";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";
import { registerFrom } from "~/services/training-register.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Record attendance", matches);

async function load({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  const found = getTrainingSession(context.db, { actor, id: requireId(params.id) });
  if (!found) throw notFound();
  return { actor, found };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, found } = await load(args);
  const today = args.context.clock.today();
  return {
    id: found.session.id,
    title: `${found.taskName} training, ${formatDate(found.session.heldOn)}`,
    // Attendance is known only from the day of the session (docs/domain.md rule 8), and recorded once.
    notYet: attendanceProblem(found.session.heldOn, today, 1),
    recorded: found.attendees.length > 0,
    ...registerOf(listTrainableWorkers(args.context.db, { actor })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, found } = await load(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const registered = registerFrom(values);
  if ("problem" in registered) return rejectForm(context, [{ field: "attendees", message: registered.problem, href: "#attendees" }], values);
  try {
    recordAttendance(context.db, { actor, sessionId: found.session.id, attendees: registered.attendees, today: context.clock.today(), at: context.clock.now() });
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, error.problems.map((p) => ({ field: "attendees", message: p.message, href: "#attendees" })), values);
    throw error;
  }
  return redirect(`/training/${found.session.id}?done=attendance`);
}

export default function Attendance() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <FormErrorSummary errors={actionData?.errors} />
      <PageHeading title="Record attendance" caption={d.title} back={{ to: `/training/${d.id}` }} />
      {d.recorded ? (
        <p>Attendance at this session has already been recorded.</p>
      ) : d.notYet ? (
        <p>{d.notYet}.</p>
      ) : (
        <Form method="post" noValidate>
          <Register workers={d.workers} sameNames={d.sameNames} values={actionData?.values ?? {}} errors={actionData?.errors} hint='Choose an outcome for each care worker who attended. Leave the rest as "Did not attend".' />
          <Button type="submit">Record attendance</Button>
        </Form>
      )}
    </>
  );
}
