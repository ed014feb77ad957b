import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { errorFor } from "~/components/nhs/form-errors";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { SameNameWarning } from "~/components/SameNameWarning";
import { agreementPageTitle } from "~/content/titles";
import { candidateWorkers } from "~/models/agreement-cover.server";
import { setNamedWorkers } from "~/models/agreement-draft.server";
import { sameNameWarningsOf } from "~/models/worker-names.server";
import { loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Name the care workers", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view, settings } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { agreement } = view;
  const candidates = await candidateWorkers(args.context.db, {
    providerId: agreement.providerId,
    personId: agreement.personId,
    taskIds: view.tasks.map((t) => t.task.id),
    today: args.context.clock.today(),
    warningDays: settings.competencyWarningDays,
  });
  return {
    id: agreement.id,
    reference: agreement.reference,
    providerName: view.providerName,
    personName: view.person.name,
    candidates: candidates.map(({ id, name, jobTitle, tasks }) => ({ id, name, jobTitle, tasks })),
    // Two workers with one name: naming the wrong one puts the task with someone never assessed for it (hazard H43).
    sameNames: sameNameWarningsOf(candidates.map((c) => ({ ...c, providerId: agreement.providerId, providerName: view.providerName }))),
    named: view.namedWorkers.map((w) => String(w.id)),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData(), ["workerIds"]);
  const form = z.object({ workerIds: z.array(z.coerce.number().int().positive()).min(1, "Name at least one care worker") });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  try {
    await setNamedWorkers(context.db, { actor, agreementId: view.agreement.id, workerIds: parsed.data.workerIds, at: context.clock.now() });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "workerIds" });
  }
  // Back to the task list of the guided agreement, with the section's new status.
  return redirect(`/agreements/${view.agreement.id}/draft?done=draft_updated`);
}

export default function NameWorkers() {
  const { id, reference, providerName, personName, candidates, named, sameNames } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const raw = actionData?.values?.workerIds;
  const chosen = Array.isArray(raw) ? raw : named;
  const error = errorFor(actionData?.errors, "workerIds");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Name the care workers" caption={reference} back={{ to: `/agreements/${id}/draft`, label: "Back to the task list" }}>
          <p>
            Care workers employed by {providerName}. The agreement can only become active when every named worker is competent in every
            task{personName ? ` (for ${personName}, where the task is person-specific)` : ""}.
          </p>
        </PageHeading>
        <SameNameWarning warnings={sameNames} />
        <Form method="post" noValidate>
          <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
            <fieldset className="nhsuk-fieldset" aria-describedby={error ? "workerIds--error-message" : undefined}>
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Named care workers</legend>
              {error ? (
                <span className="nhsuk-error-message" id="workerIds--error-message">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                </span>
              ) : null}
              <div className="nhsuk-checkboxes">
                {candidates.map((w, i) => {
                  const ready = w.tasks.every((t) => t.current);
                  const inputId = i === 0 ? "workerIds" : `workerIds-${w.id}`;
                  return (
                    <div className="nhsuk-checkboxes__item" key={w.id}>
                      <input className="nhsuk-checkboxes__input" id={inputId} name="workerIds" type="checkbox" value={w.id} defaultChecked={chosen.includes(String(w.id))} aria-describedby={`${inputId}-hint`} />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
                        {w.name} <span className="dc-muted">({w.jobTitle})</span>
                      </label>
                      <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${inputId}-hint`}>
                        {ready ? null : <StatusTag text="Not yet competent for every task" tone="orange" />}
                        <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                          {w.tasks.map((t) => (
                            <li key={t.taskId}>
                              {t.taskName}: {t.reason}
                            </li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          <Button type="submit">Save named workers</Button>
        </Form>
      </div>
    </div>
  );
}
