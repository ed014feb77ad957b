import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { DateField, RadiosField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import type { Party } from "~/domain/agreement";
import { dateInput, nameText } from "~/domain/validation";
import { actionsOn, partiesOf } from "~/models/agreement-parties.server";
import { recordPaperSignature } from "~/models/agreement-signing.server";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { agreementClock, loadAgreementPage } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Record a signature made on paper", matches);

const DATE_FIELDS = ["signedOn"];

async function load(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  const { agreement, version } = view;
  const parties = await partiesOf(args.context.db, agreement, version);
  // docs/domain.md rule 2 (app/domain/agreement-actions.ts): the form offers only the parties whose
  // paper signature this user may still record; recordPaperSignature refuses the rest, saying why.
  const { paper } = await actionsOn(args.context.db, { actor, agreement, version, parties });
  if (!paper.length) throw new Response("There is no signature made on paper for you to record", { status: 403 });
  const unsigned = parties.filter((p) => !view.signatures.some((s) => s.signature.party === p.party));
  const offered = unsigned.filter((p) => paper.includes(p.party));
  return { actor, view, unsigned, offered };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view, offered } = await load(args);
  return {
    id: view.agreement.id,
    reference: view.agreement.reference,
    version: view.version.version,
    contentHash: view.version.contentHash,
    parties: offered.map((p) => ({ value: p.party, label: `${p.name} (${p.role.toLowerCase()})` })),
    names: Object.fromEntries(offered.map((p) => [p.party, p.name])),
    today: args.context.clock.today(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view, unsigned } = await load(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const form = z
    .object({
      party: z.string({ message: "Select who signed" }).refine((p) => unsigned.some((u) => u.party === p), "Select who signed"),
      signerName: nameText("Enter the name of the person who signed, as written on the paper", "Name as signed"),
      signedOn: dateInput("Date it was signed", DATE_WINDOWS.pastRecord(context.clock.today())),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/, "Open the agreement again"),
      confirm: z.literal("yes", { message: "Confirm that you hold the signed paper copy of this version" }),
    });
  const parsed = form.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, form), values);
  try {
    await recordPaperSignature(context.db, {
      actor,
      agreementId: view.agreement.id,
      party: parsed.data.party as Party,
      signerName: parsed.data.signerName,
      signedOn: parsed.data.signedOn,
      shownHash: parsed.data.contentHash,
      ...await agreementClock(context),
    });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "party", dateFields: DATE_FIELDS });
  }
  return redirect(`/agreements/${view.agreement.id}?done=signed`);
}

export default function Paper() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Record a signature made on paper" caption={`${d.reference}, version ${d.version}`} back={{ to: `/agreements/${d.id}` }}>
          <p>For the person receiving care or their representative, and for named care workers who do not sign in to this service. The delegating nurse, the provider and care workers who sign in sign in the app themselves. You are recorded as the person who entered it; keep the paper copy on file.</p>
        </PageHeading>
        <Form method="post" noValidate>
          <input type="hidden" name="contentHash" value={d.contentHash ?? ""} />
          <RadiosField name="party" label="Who signed" options={d.parties} errors={errors} values={actionData?.values} />
          <TextField name="signerName" label="Name as signed" hint="For a representative, their name and relationship" errors={errors} values={actionData?.values} />
          <DateField name="signedOn" within={DATE_WINDOWS.pastRecord} label="Date it was signed" errors={errors} values={actionData?.values ?? { signedOn: d.today }} />
          <ConfirmCheckbox label={`I hold the signed paper copy of version ${d.version}`} errors={errors} />
          <Button type="submit">Record signature</Button>
        </Form>
      </div>
    </div>
  );
}
