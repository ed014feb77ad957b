import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { closeConcern } from "~/models/concerns.server";
import { getConcern } from "~/models/concern-detail.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { found, requireId } from "~/web/not-found.server";
import { requireActor } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken, submittedBefore } from "~/web/submission.server";
import { CloseSchema } from "~/forms/concerns.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Close this concern", matches);

async function load({ request, params, context }: Pick<LoaderFunctionArgs, "request" | "params" | "context">, token?: string | null) {
  const actor = await requireActor(context, request);
  const concern = found(await getConcern(context.db, { actor, id: requireId(params.id) }));
  // A repeat of the submission that closed it lands where the first did.
  const repeat = token ? await submittedBefore(context.db, { actor, token, form: "concern.close" }) : false;
  if (!concern.mayClose && !repeat) throw new Response("Only the delegating nurse or the provider's manager can close an open concern", { status: 403 });
  return { actor, concern };
}

export async function loader(args: LoaderFunctionArgs) {
  const { concern } = await load(args);
  return { id: concern.concern.id, submissionToken: newSubmissionToken() };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const values = formValues(await args.request.formData());
  const token = submissionToken(values);
  const { actor, concern } = await load(args, token);
  const form = CloseSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    found(await oncePerSubmission(context.db, { actor, token, form: "concern.close" }, async (tx) => await closeConcern(tx, { actor, id: concern.concern.id, outcome: parsed.data.outcome, at: context.clock.now() })));
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "outcome" });
  }
  return redirect(`/concerns/${concern.concern.id}?done=concern_closed`);
}

export default function CloseConcern() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Close this concern" caption={`Concern ${d.id}`} back={{ to: `/concerns/${d.id}` }}>
          <p>Close it once it has been dealt with. It stays on the record, with the outcome you give, and cannot be opened again: record a new concern if something else happens.</p>
        </PageHeading>
        <Form method="post" noValidate>
          <SubmissionToken token={d.submissionToken} />
          <TextareaField name="outcome" label="Outcome" hint="What was done, who was told, and why it can be closed" errors={actionData?.errors} values={actionData?.values} rows={5} />
          <Button type="submit">Close concern</Button>
        </Form>
      </div>
    </div>
  );
}
