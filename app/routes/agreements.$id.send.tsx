import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, WarningCallout } from "nhsuk-react-components";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { partiesOf, sendForSignatures } from "~/models/agreement-signing.server";
import { RuleError } from "~/models/errors.server";
import { agreementClock, loadAgreementPage, requireNurseOf } from "~/services/agreement-page.server";
import { rejectForm, ruleProblems } from "~/services/forms.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Send for signatures", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  return {
    id: view.agreement.id,
    reference: view.agreement.reference,
    version: view.version.version,
    parties: partiesOf(args.context.db, view.agreement, view.version),
    notReady: view.cover.flatMap((t) => t.workers.filter((w) => !w.current).map((w) => `${w.workerName} is not yet competent for ${t.taskName} (${w.reason})`)),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  try {
    sendForSignatures(context.db, { actor, agreementId: view.agreement.id, ...agreementClock(context) });
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, ruleProblems(error.problems, "send"), {});
    throw error;
  }
  return redirect(`/agreements/${view.agreement.id}?done=sent`);
}

export default function Send() {
  const { id, reference, version, parties, notReady } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={actionData?.errors} />
        <PageHeading title={`Send version ${version} for signatures`} caption={reference} back={{ to: `/agreements/${id}` }}>
          <p>
            Sending freezes version {version}: its content can no longer be changed, and every party signs exactly this content. Any later
            change makes a new version that needs every signature again.
          </p>
        </PageHeading>
        <h2>Who must sign</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {parties.map((p) => (
            <li key={p.party}>
              {p.name} ({p.role.toLowerCase()})
            </li>
          ))}
        </ul>
        {notReady.length ? (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2">Not everyone named is competent yet</WarningCallout.Heading>
            <p>You can send it now, but it will not become active until they are:</p>
            <ul>
              {notReady.map((n) => <li key={n}>{n}</li>)}
            </ul>
          </WarningCallout>
        ) : null}
        <Form method="post">
          <Button type="submit" id="send">Send for signatures</Button>
        </Form>
      </div>
    </div>
  );
}
