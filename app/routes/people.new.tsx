import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PersonForm } from "~/components/forms/person-form";
import { NHS_NUMBER_IN_USE, PERSON_DATE_FIELDS, personSchema } from "~/forms/person.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { listProviderChoices, listTeamChoices } from "~/models/organisations.server";
import { createPerson, DuplicateNhsNumberError } from "~/models/people.server";
import { formError, formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Add a person", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "person");
  return { teams: await listTeamChoices(context.db, { actor }), providers: await listProviderChoices(context.db, { actor }), submissionToken: newSubmissionToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "person");
  const values = formValues(await request.formData());
  const form = personSchema(context.clock.today());
  const parsed = form.safeParse(withDates(values, PERSON_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, PERSON_DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "person" }, async (tx) => await createPerson(tx, { actor, input: parsed.data, at: context.clock.now() }));
    return redirect(`/people/${id}?done=created`);
  } catch (error) {
    if (error instanceof DuplicateNhsNumberError) {
      // Logged (never the number) so that an administrator can notice someone probing numbers.
      context.log.warn({ event: "person.nhs_number_in_use", actorId: actor.userId, onActorsCaseload: error.onActorsCaseload }, "an NHS number already recorded was entered");
      return rejectForm(context, formError("nhsNumber", NHS_NUMBER_IN_USE), values);
    }
    return rejectRuleError(context, error, values, { fallback: "providerId" });
  }
}

export default function NewPerson() {
  const { teams, providers, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Add a person receiving care" back={{ to: "/people" }} errors={actionData?.errors} />
        <PersonForm teams={teams} providers={providers} errors={actionData?.errors} values={actionData?.values} submitLabel="Add person" submissionToken={token} />
      </div>
    </div>
  );
}
