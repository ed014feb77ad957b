import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, WarningCallout } from "nhsuk-react-components";
import { z } from "zod";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { COMPETENCY_ACTION_LABELS } from "~/domain/competency";
import { MAX_LONG_TEXT, requiredText } from "~/domain/validation";
import { changeCompetencyState, getCompetency } from "~/models/competencies.server";
import { liveAgreementsNamingFor } from "~/models/competency-follow-up.server";
import { agreementScope } from "~/models/scope.server";
import { RuleError } from "~/models/errors.server";
import { getSettings } from "~/models/settings.server";
import { formValues, rejectForm, toFormErrors, type FormValues } from "~/services/forms.server";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken, submittedBefore } from "~/services/submission.server";
import { SubmissionToken } from "~/components/forms/SubmissionToken";

const ActionSchema = z.enum(["suspend", "reinstate", "revoke", "decline"]);

const CONSEQUENCES = {
  suspend: "While suspended the care worker must not carry out this task. Agreements that name them show this at once.",
  reinstate: "The competency returns to where it was before the suspension, with the same expiry date.",
  revoke: "Revoking is final. The care worker would need to be trained and signed off again from the start.",
  decline: "You will not be asked to carry out this task. Your manager and the nurse will see that you declined.",
} as const;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data ? COMPETENCY_ACTION_LABELS[data.action].title : "Competency", matches);

async function load(args: LoaderFunctionArgs, values?: FormValues) {
  const { request, params, context } = args;
  const parsed = ActionSchema.safeParse(params.action);
  if (!parsed.success) throw notFound();
  const actor = await requirePermission(context, request, "read", "competency");
  const competency = getCompetency(context.db, { actor, id: requireId(params.id), today: context.clock.today(), warningDays: getSettings(context.db).competencyWarningDays });
  if (!competency) throw notFound();
  const form = `competency.${parsed.data}`;
  const token = values ? submissionToken(values) : null;
  // A repeat of the submission that made this change is let through, to land where the first did.
  const repeat = token !== null && submittedBefore(context.db, { actor, token, form });
  if (!competency.actions.includes(parsed.data) && !repeat) throw new Response("Not allowed", { status: 403 });
  return { actor, action: parsed.data, competency, form };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, action, competency } = await load(args);
  const c = competency.competency;
  // Declining (docs/domain.md rule 12): show the worker the agreements that name them for this task.
  const namedOn =
    action === "decline"
      ? liveAgreementsNamingFor(args.context.db, { workerId: c.workerId, taskId: c.taskId, personId: c.personId, scope: agreementScope(actor) }).map((a) => ({
          id: a.agreement.id,
          reference: a.agreement.reference,
          personName: a.personName,
        }))
      : [];
  return { action, competency, namedOn, submissionToken: newSubmissionToken() };
}

export async function action(args: ActionFunctionArgs) {
  const { context, request } = args;
  const values = formValues(await request.formData());
  const { actor, action, competency, form } = await load(args, values);
  const base = z.object({ reason: requiredText(action === "decline" ? "Say why you are declining this task" : "Enter the reason", MAX_LONG_TEXT) });
  // Declining (docs/domain.md rule 12) is confirmed explicitly.
  const parsed = (action === "decline" ? base.extend({ confirm: z.literal("yes", { message: "Confirm that you are declining this task" }) }) : base).safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    oncePerSubmission(context.db, { actor, token, form }, (tx) => changeCompetencyState(tx, { actor, id: competency.competency.id, action, reason: parsed.data.reason, at: context.clock.now() }));
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, error.problems.map((p) => ({ field: "reason", message: p.message, href: "#reason" })), values);
    throw error;
  }
  return redirect(`/competencies/${competency.competency.id}?done=${action}`);
}

export default function ChangeState() {
  const { action: kind, competency: c, namedOn, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const labels = COMPETENCY_ACTION_LABELS[kind];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={actionData?.errors} />
        <PageHeading title={labels.title} caption={`${c.task.name}${c.personName ? ` for ${c.personName}` : ""}, ${c.worker.name}`} back={{ to: `/competencies/${c.competency.id}` }} />
        <p>{CONSEQUENCES[kind]}</p>
        {namedOn.length ? (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2">You are named for this task on an agreement</WarningCallout.Heading>
            <p>Once you decline, you must not carry out this task on:</p>
            <ul>
              {namedOn.map((a) => (
                <li key={a.id}>
                  <Link to={`/agreements/${a.id}`}>{a.reference}</Link> ({a.personName})
                </li>
              ))}
            </ul>
            <p>Your manager and the delegating nurse are told straight away.</p>
          </WarningCallout>
        ) : null}
        <Form method="post" noValidate>
          <SubmissionToken token={token} />
          <TextareaField name="reason" label="Reason" hint="This is kept in the competency's history" errors={actionData?.errors} values={actionData?.values} />
          {kind === "decline" ? <ConfirmCheckbox label={`I am declining ${c.task.name}. I will not carry it out`} errors={actionData?.errors} /> : null}
          <Button type="submit" warning={kind === "revoke" || kind === "suspend"}>
            {labels.button}
          </Button>
        </Form>
      </div>
    </div>
  );
}
