import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { LINK_PROBLEM_MESSAGES } from "~/content/accounts";
import { pageTitle } from "~/content/titles";
import { INVITATION_VALID_DAYS, invitationProblem } from "~/domain/accounts";
import { getWorkerSignIn, inviteWorker, withdrawInvitation } from "~/models/invitations.server";
import { getWorker } from "~/models/workers.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";
import { EmailSchema } from "~/forms/accounts.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(`Invite ${data?.workerName ?? "a care worker"} to sign in`, matches);

/** The worker, when the actor manages their sign-in (a manager of their provider, or an administrator); otherwise 404. */
async function load(args: LoaderFunctionArgs) {
  const { request, params, context } = args;
  const actor = await requirePermission(context, request, "manage", "worker");
  const workerId = requireId(params.id);
  const found = await getWorker(context.db, { actor, id: workerId });
  const signIn = found ? await getWorkerSignIn(context.db, { actor, workerId, now: context.clock.now() }) : null;
  if (!found || !signIn) throw notFound();
  return { actor, workerId, found, signIn };
}

export async function loader(args: LoaderFunctionArgs) {
  const { workerId, found, signIn } = await load(args);
  const problem = invitationProblem({ providerId: found.worker.providerId, status: found.worker.status, userId: found.worker.userId });
  return {
    workerId,
    workerName: found.worker.name,
    providerName: found.providerName,
    problem: problem ? LINK_PROBLEM_MESSAGES[problem] : null,
    // "Send again" offers the address the last invitation went to, to send it there or correct it.
    email: signIn.invitation?.email ?? "",
    resend: signIn.invitation !== null,
    submissionToken: newSubmissionToken(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, workerId } = await load(args);
  const { request, context } = args;
  const values = formValues(await request.formData());
  const at = context.clock.now();
  if (values.intent === "withdraw") {
    // Withdrawing twice (a double click) finds nothing the second time: the same page either way.
    const withdrawn = await withdrawInvitation(context.db, { actor, workerId, at });
    return redirect(`/workers/${workerId}${withdrawn ? "?done=invitation_withdrawn" : ""}#sign-in`);
  }
  const form = EmailSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "invitation" }, async (tx) =>
      await inviteWorker(tx, { actor, workerId, email: parsed.data.email, at, publicUrl: context.config.publicUrl }),
    );
    if (id === null) throw notFound();
    return redirect(`/workers/${workerId}?done=invited#sign-in`);
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "email" });
  }
}

export default function InviteWorker() {
  const { workerId, workerName, providerName, problem, email, resend, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title={`Invite ${workerName} to sign in`} caption={providerName} back={{ to: `/workers/${workerId}`, label: workerName }} />
        {problem ? (
          <p>{problem}.</p>
        ) : (
          <>
            <p>
              We will email {workerName} a link to choose their password. The link works once, for {INVITATION_VALID_DAYS} days. Once they have chosen a password, they
              sign in as themselves: they see their skills passport and the agreements that name them, sign those agreements and can decline a task.
            </p>
            {resend ? <p>Sending it again replaces the earlier link, which stops working.</p> : null}
            <Form method="post" noValidate>
              <SubmissionToken token={token} />
              <TextField
                name="email"
                label="Their email address"
                hint="Their own address, not a shared one: they will sign in with it"
                type="email"
                spellCheck={false}
                autoComplete="off"
                errors={errors}
                values={actionData?.values ?? { email }}
              />
              <Button type="submit">{resend ? "Send the invitation again" : "Send invitation"}</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
