import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { MAX_LONG_TEXT, requiredText } from "~/domain/validation";
import { endAgreement, reinstateAgreement, suspendAgreement } from "~/models/agreement-lifecycle.server";
import { agreementClock, loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { notFound } from "~/web/not-found.server";
import { ChangeSchema, type Change } from "~/forms/agreements.server";

const WORDS: Record<Change, { title: string; button: string; explain: string }> = {
  suspend: { title: "Suspend the agreement", button: "Suspend agreement", explain: "No named care worker may carry out its tasks while it is suspended. The provider is told." },
  reinstate: { title: "Reinstate the agreement", button: "Reinstate agreement", explain: "The signed version comes back into force. Every task must have a competent named worker." },
  end: { title: "End the agreement", button: "End agreement", explain: "Ending is final. The agreement and its history are kept." },
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, data ? WORDS[data.change].title : "Agreement", matches);

async function load(args: LoaderFunctionArgs) {
  const change = ChangeSchema.safeParse(args.params.change);
  if (!change.success) throw notFound();
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  return { actor, view, change: change.data };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view, change } = await load(args);
  return { id: view.agreement.id, reference: view.agreement.reference, change };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view, change } = await load(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const form = z.object({ reason: requiredText("Reason", "Enter the reason", MAX_LONG_TEXT) });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const common = { actor, agreementId: view.agreement.id, reason: parsed.data.reason };
  try {
    if (change === "suspend") await suspendAgreement(context.db, { ...common, at: context.clock.now() });
    if (change === "reinstate") await reinstateAgreement(context.db, { ...common, ...await agreementClock(context) });
    if (change === "end") await endAgreement(context.db, { ...common, at: context.clock.now() });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "reason" });
  }
  return redirect(`/agreements/${view.agreement.id}?done=agreement_${change}`);
}

export default function ChangeAgreement() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const words = WORDS[d.change];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title={words.title} caption={d.reference} back={{ to: `/agreements/${d.id}` }}>
          <p>{words.explain}</p>
        </PageHeading>
        <Form method="post" noValidate>
          <TextareaField name="reason" label="Reason" hint="Kept in the agreement's history" errors={actionData?.errors} values={actionData?.values} />
          <Button type="submit" warning={d.change !== "reinstate"}>
            {words.button}
          </Button>
        </Form>
      </div>
    </div>
  );
}
