import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, WarningCallout } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { ConfirmCheckbox } from "~/components/nhs/ConfirmCheckbox";
import { DateField, TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { observationCount } from "~/content/training";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput, MAX_LONG_TEXT, optionalText } from "~/domain/validation";
import { getCompetency } from "~/models/competencies.server";
import { signOffCompetency, signOffReadiness } from "~/models/competency-sign-off.server";
import { getSettings } from "~/models/settings.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.readiness.renewal ? "Renew competency" : "Sign off competency", matches);

const DATE_FIELDS = ["signedOffOn"];
function schema(today: string) {
  return z.object({
    signedOffOn: dateInput("Sign-off date", DATE_WINDOWS.evidence(today)),
    notes: optionalText("Notes", MAX_LONG_TEXT),
    confirm: z.literal("yes", { message: "Confirm that you observed the worker and judge them competent" }),
  });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "sign_off", "competency");
  const id = requireId(params.id);
  const today = context.clock.today();
  const competency = await getCompetency(context.db, { actor, id, today, warningDays: (await getSettings(context.db)).competencyWarningDays });
  const readiness = await signOffReadiness(context.db, { actor, id, today });
  return { competency: found(competency), readiness: found(readiness), today, submissionToken: newSubmissionToken() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "sign_off", "competency");
  const id = requireId(params.id);
  // Scope first: another organisation's competency is not found, whatever the form holds.
  const readiness = found(await signOffReadiness(context.db, { actor, id, today: context.clock.today() }));
  const values = formValues(await request.formData());
  const form = schema(context.clock.today());
  const parsed = form.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, form), values);
  let renewal = readiness.renewal;
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    // A repeat gets the first result, so it lands on the same page even though the competency is now signed off.
    const result = found(await oncePerSubmission(context.db, { actor, token, form: "sign-off" }, async (tx) => {
      const signedOff = await signOffCompetency(tx, { actor, id, signedOffOn: parsed.data.signedOffOn, notes: parsed.data.notes, today: context.clock.today(), at: context.clock.now() });
      return signedOff && { ...signedOff, renewal: readiness.renewal };
    }));
    renewal = result.renewal;
  } catch (error) {
    // The sign-off date is the one field a rule may name; the rest point at the list of what stands in the way.
    return rejectRuleError(context, error, values, { fallback: "sign-off-problems", fields: DATE_FIELDS, dateFields: DATE_FIELDS });
  }
  return redirect(`/competencies/${id}?done=${renewal ? "renewed" : "signed_off"}`);
}

export default function SignOff() {
  const { competency: c, readiness, today, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const verb = readiness.renewal ? "Renew" : "Sign off";
  const blocked = readiness.problems.length > 0;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading
          errors={errors}
          title={`${verb} ${c.task.name.toLowerCase()}${c.personName ? ` for ${c.personName}` : ""}`}
          caption={c.worker.name}
          back={{ to: `/competencies/${c.competency.id}` }}
        />
        <p>
          {observationCount(readiness.satisfactory, readiness.required, readiness.renewal)}.
          {blocked ? null : (
            <>
              {" "}Signed off today, the competency expires on <strong>{formatDate(readiness.expiresOnIfToday)}</strong>.
            </>
          )}
        </p>
        {blocked ? (
          // docs/domain.md rule 7: no declaration is offered while the evidence is missing; the page says why and what to do.
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2" id="sign-off-problems" tabIndex={-1}>
              This cannot be signed off yet
            </WarningCallout.Heading>
            <ul>
              {readiness.problems.map((p) => (
                <li key={p.message}>
                  {p.message}.{" "}
                  {p.cause === "observations" ? <Link to={`/workers/${readiness.workerId}/observe?competency=${c.competency.id}`}>Record an observation</Link> : null}
                  {p.cause === "prerequisite" ? <Link to={`/workers/${readiness.workerId}/prerequisite`}>Record the prerequisite</Link> : null}
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/competencies/${c.competency.id}`}>Back to the competency</Link>
            </p>
          </WarningCallout>
        ) : (
          <Form method="post" noValidate>
            <SubmissionToken token={token} />
            <DateField name="signedOffOn" within={DATE_WINDOWS.evidence} label="Sign-off date" errors={errors} values={actionData?.values ?? { signedOffOn: today }} />
            <TextareaField name="notes" label="Notes (optional)" errors={errors} values={actionData?.values} />
            <ConfirmCheckbox label={`I have observed ${c.worker.name} and judge them competent to carry out this task as delegated`} errors={errors} />
            <Button type="submit">{verb} competency</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
