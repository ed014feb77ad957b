import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, WarningCallout } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { COMPETENCY_ACTION_LABELS } from "~/domain/competency";
import { idParam, MAX_LONG_TEXT, requiredText } from "~/domain/validation";
import { changeCompetencyState } from "~/models/competency-state.server";
import { getCompetency } from "~/models/competencies.server";
import { liveAgreementsNamingFor } from "~/models/competency-follow-up.server";
import { concernForFollowUp, linkConcernFollowUp } from "~/models/concerns.server";
import { suspendReasonFromConcern } from "~/content/concerns";
import { formatDate, londonDate } from "~/domain/dates";
import { agreementScope } from "~/models/scope.server";
import { getSettings } from "~/models/settings.server";
import { formValues, type FormValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { found, notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken, submittedBefore } from "~/web/submission.server";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { ActionSchema } from "~/forms/competencies.server";

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
  const competency = found(await getCompetency(context.db, { actor, id: requireId(params.id), today: context.clock.today(), warningDays: (await getSettings(context.db)).competencyWarningDays }));
  const form = `competency.${parsed.data}`;
  const token = values ? submissionToken(values) : null;
  // A repeat of the submission that made this change is let through, to land where the first did.
  const repeat = token !== null && await submittedBefore(context.db, { actor, token, form });
  if (!competency.actions.includes(parsed.data) && !repeat) throw new Response("Not allowed", { status: 403 });
  // Suspending from a concern (`?concern=12`): the suspension is linked to it and cites it.
  const concernParam = new URL(request.url).searchParams.get("concern");
  let concern: { id: number; reason: string } | null = null;
  if (concernParam !== null) {
    const concernId = idParam.safeParse(concernParam);
    const followed = concernId.success && parsed.data === "suspend" ? await concernForFollowUp(context.db, { actor, concernId: concernId.data, kind: "competency_suspended", competencyId: competency.competency.id }) : null;
    if (!followed && !repeat) throw notFound();
    if (followed) concern = { id: followed.id, reason: suspendReasonFromConcern({ id: followed.id, raisedOn: formatDate(londonDate(new Date(followed.createdAt))), whatHappened: followed.whatHappened }) };
    else if (concernId.success) concern = { id: concernId.data, reason: "" };
  }
  return { actor, action: parsed.data, competency, form, concern };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, action, competency, concern } = await load(args);
  const c = competency.competency;
  // Declining (docs/domain.md rule 12): show the worker the agreements that name them for this task.
  const namedOn =
    action === "decline"
      ? (await liveAgreementsNamingFor(args.context.db, { workerId: c.workerId, taskId: c.taskId, personId: c.personId, scope: agreementScope(actor) })).map((a) => ({
          id: a.agreement.id,
          reference: a.agreement.reference,
          personName: a.personName,
        }))
      : [];
  return { action, competency, namedOn, concern, submissionToken: newSubmissionToken() };
}

export async function action(args: ActionFunctionArgs) {
  const { context, request } = args;
  const values = formValues(await request.formData());
  const { actor, action, competency, form, concern } = await load(args, values);
  const base = z.object({ reason: requiredText("Reason", action === "decline" ? "Say why you are declining this task" : "Enter the reason", MAX_LONG_TEXT) });
  // Declining (docs/domain.md rule 12) is confirmed explicitly.
  const fields = (action === "decline" ? base.extend({ confirm: z.literal("yes", { message: "Confirm that you are declining this task" }) }) : base);
  const parsed = fields.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], fields), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    await oncePerSubmission(context.db, { actor, token, form }, async (tx) => {
      const changed = await changeCompetencyState(tx, { actor, id: competency.competency.id, action, reason: parsed.data.reason, at: context.clock.now() });
      if (changed && concern) await linkConcernFollowUp(tx, { actor, concernId: concern.id, kind: "competency_suspended", competencyId: competency.competency.id, at: context.clock.now() });
      return changed;
    });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "reason", fields: [] });
  }
  return redirect(concern ? `/concerns/${concern.id}?done=concern_suspend` : `/competencies/${competency.competency.id}?done=${action}`);
}

export default function ChangeState() {
  const { action: kind, competency: c, namedOn, concern, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const labels = COMPETENCY_ACTION_LABELS[kind];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title={labels.title} caption={`${c.task.name}${c.personName ? ` for ${c.personName}` : ""}, ${c.worker.name}`} back={{ to: concern ? `/concerns/${concern.id}` : `/competencies/${c.competency.id}` }} />
        {concern ? <p>This suspension will be linked to concern {concern.id}, and the reason below cites it.</p> : null}
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
          <TextareaField name="reason" label="Reason" hint="This is kept in the competency's history" errors={actionData?.errors} values={actionData?.values ?? (concern ? { reason: concern.reason } : undefined)} />
          {kind === "decline" ? <ConfirmCheckbox label={`I am declining ${c.task.name}. I will not carry it out`} errors={actionData?.errors} /> : null}
          <Button type="submit" warning={kind === "revoke" || kind === "suspend"}>
            {labels.button}
          </Button>
        </Form>
      </div>
    </div>
  );
}
