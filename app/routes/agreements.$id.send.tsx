import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, InsetText, WarningCallout } from "nhsuk-react-components";
import { SignedContent } from "~/components/agreement/SignedContent";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { sendProblems } from "~/domain/agreement-task-list";
import { changeRefusal } from "~/domain/agreement-actions";
import { versionContentOf } from "~/models/agreement-content.server";
import { partiesOf } from "~/models/agreement-parties.server";
import { sendForSignatures } from "~/models/agreement-sending.server";
import { draftSectionsOf } from "~/models/agreement-draft.server";
import { agreementClock, loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectRuleError } from "~/web/forms.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Check the agreement and send it", matches);

/**
 * "Check and send" (check your answers): the whole version as every party will sign it, read
 * through the one reader of a version's content, each row with its "Change" link. Sending needs
 * every section of the task list completed, consent included (docs/domain.md rules 1 and 6).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { db, clock } = args.context;
  const { agreement, version } = view;
  const base = `/agreements/${agreement.id}`;
  return {
    id: agreement.id,
    reference: agreement.reference,
    version: version.version,
    draft: changeRefusal("edit", agreement, version, actor) === null,
    changeReason: version.changeReason,
    content: await versionContentOf(db, agreement, version),
    change: {
      tasks: `${base}/tasks`,
      task: Object.fromEntries(view.tasks.map((t) => [t.task.code, `${base}/tasks/${t.task.id}`])),
      workers: `${base}/workers`,
      details: `${base}/details`,
      consent: `${base}/consent`,
    },
    missing: version.state === "draft" ? sendProblems(await draftSectionsOf(db, { version, today: clock.today() })).length : 0,
    parties: await partiesOf(db, agreement, version),
    submissionToken: newSubmissionToken(),
    notReady: view.cover.flatMap((t) => t.workers.filter((w) => !w.current).map((w) => `${w.workerName} is not yet competent for ${t.taskName} (${w.reason})`)),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData());
  // One send per click: a double click or a resent request lands on the same page and writes nothing more.
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    await oncePerSubmission(context.db, { actor, token, form: "agreement.send" }, async (tx) => await sendForSignatures(tx, { actor, agreementId: view.agreement.id, ...await agreementClock(context) }));
  } catch (error) {
    // Each problem names its section on this page (an element id), so every link in the error summary goes somewhere,
    // in the order the sections appear on this page (consent is in the summary at the top), not the task list's.
    const order = ["consent", "tasks", ...view.tasks.map((t) => `task-${t.task.code}`), "workers", "details"];
    return rejectRuleError(context, error, {}, { fallback: "send", order });
  }
  return redirect(`/agreements/${view.agreement.id}?done=sent`);
}

export default function CheckAndSend() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title={`Check version ${d.version} before sending it`} caption={d.reference} back={d.draft ? { to: `/agreements/${d.id}/draft`, label: "Back to the task list" } : { to: `/agreements/${d.id}` }}>
          <p>
            This is the agreement exactly as every party will sign it. Sending freezes version {d.version}: its content can no longer be changed,
            and any later change makes a new version that needs every signature again.
          </p>
        </PageHeading>
        {d.missing ? (
          <InsetText>
            <p>
              Some sections are not completed yet. You can check what is written so far; it can be sent once every section on the{" "}
              <Link to={`/agreements/${d.id}/draft`}>task list</Link> is completed.
            </p>
          </InsetText>
        ) : null}
        {d.changeReason ? (
          <>
            <h2 className="nhsuk-heading-m">Reason for this version</h2>
            <p className="dc-pre-line">{d.changeReason}</p>
          </>
        ) : null}
        <SignedContent content={d.content} change={d.draft ? d.change : undefined} />
        <h2>Who must sign</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {d.parties.map((p) => (
            <li key={p.party}>
              {p.name} ({p.role.toLowerCase()})
            </li>
          ))}
        </ul>
        {d.notReady.length ? (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2">Not everyone named is competent yet</WarningCallout.Heading>
            <p>You can send it now, but it will not become active until they are:</p>
            <ul>
              {d.notReady.map((n) => <li key={n}>{n}</li>)}
            </ul>
          </WarningCallout>
        ) : null}
        <Form method="post">
          <SubmissionToken token={d.submissionToken} />
          <Button type="submit" id="send">
            Send for signatures
          </Button>
        </Form>
      </div>
    </div>
  );
}
