import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { SignedContent } from "~/components/agreement/SignedContent";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { RadiosField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { ACCOUNTABILITY } from "~/content/accountability";
import { pageTitle } from "~/content/titles";
import { partyRoleLabel, type Party } from "~/domain/agreement";
import { versionContentOf } from "~/models/agreement-content.server";
import { partiesActorMaySign, signInApp } from "~/models/agreement-signing.server";
import { RuleError } from "~/models/errors.server";
import { agreementClock, loadAgreementPage } from "~/services/agreement-page.server";
import { formValues, rejectForm, ruleProblems, toFormErrors } from "~/services/forms.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Sign the agreement", matches);

async function load(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  const mine = view.version.state === "awaiting_signatures" ? partiesActorMaySign(args.context.db, actor, view.agreement, view.version) : [];
  const unsigned = mine.filter((p) => !view.signatures.some((s) => s.signature.party === p));
  if (!unsigned.length) throw new Response("Nothing for you to sign", { status: 403 });
  return { actor, view, unsigned };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view, unsigned } = await load(args);
  return {
    id: view.agreement.id,
    reference: view.agreement.reference,
    version: view.version,
    personName: view.person.name,
    // Exactly what is signed: the frozen content, from the one reader of a version's content.
    content: versionContentOf(args.context.db, view.agreement, view.version),
    parties: unsigned.map((p) => ({ value: p, label: partyRoleLabel(p) })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view, unsigned } = await load(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const parsed = z
    .object({
      party: z.string({ message: "Select who you are signing for" }).refine((p) => unsigned.includes(p as Party), "Select who you are signing for"),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/, "Open the agreement again and sign the current version"),
      confirm: z.literal("yes", { message: "Confirm that you have read this version and agree to your part in it" }),
    })
    .safeParse({ ...values, party: unsigned.length === 1 ? unsigned[0] : values.party });
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues), values);
  try {
    signInApp(context.db, { actor, agreementId: view.agreement.id, party: parsed.data.party as Party, shownHash: parsed.data.contentHash, ...agreementClock(context) });
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, ruleProblems(error.problems, "confirm"), values);
    throw error;
  }
  return redirect(`/agreements/${view.agreement.id}?done=signed`);
}

export default function Sign() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} />
        <PageHeading title={`Sign version ${d.version.version}`} caption={`${d.reference}, ${d.personName}`} back={{ to: `/agreements/${d.id}` }}>
          <p>You are signing exactly this content. If anything here is wrong, do not sign: tell the delegating nurse.</p>
        </PageHeading>
        <SignedContent content={d.content} />
        <Summary rows={[["Content fingerprint", <code key="h">{d.version.contentHash}</code>]]} />
        <h2 className="nhsuk-heading-m">Accountability</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>{ACCOUNTABILITY.delegator}</li>
          <li>{ACCOUNTABILITY.worker}</li>
          <li>{ACCOUNTABILITY.provider}</li>
        </ul>
        <Form method="post" noValidate>
          <input type="hidden" name="contentHash" value={d.version.contentHash ?? ""} />
          {d.parties.length > 1 ? (
            <RadiosField name="party" label="You are signing as" options={d.parties} errors={errors} values={actionData?.values} />
          ) : (
            <p>
              You are signing as: <strong>{d.parties[0]?.label}</strong>
            </p>
          )}
          <ConfirmCheckbox label={`I have read version ${d.version.version} and agree to my part in it`} errors={errors} />
          <Button type="submit">Sign</Button>
        </Form>
      </div>
    </div>
  );
}
