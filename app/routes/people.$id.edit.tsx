import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PersonForm } from "~/components/forms/person-form";
import { NHS_NUMBER_IN_USE, PERSON_DATE_FIELDS, personSchema } from "~/forms/person.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { formatNhsNumber } from "~/domain/nhs-number";
import { listProviderChoices, listTeamChoices } from "~/models/organisations.server";
import { DuplicateNhsNumberError, getPerson, updatePerson } from "~/models/people.server";
import { formError, formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

// Never the person's name: titles go into browser history, tabs and bookmarks (issue 12, finding 12).
export const meta: MetaFunction = ({ matches }) => pageTitle("Change a person's details", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "person");
  const { person } = found(await getPerson(context.db, { actor, id: requireId(params.id) }));
  return {
    person: { ...person, nhsNumber: formatNhsNumber(person.nhsNumber) },
    teams: await listTeamChoices(context.db, { actor }),
    providers: await listProviderChoices(context.db, { actor }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "person");
  const id = requireId(params.id);
  // Scope first: another team's person is not found, whatever the form holds.
  found(await getPerson(context.db, { actor, id }));
  const values = formValues(await request.formData());
  const form = personSchema(context.clock.today());
  const parsed = form.safeParse(withDates(values, PERSON_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, PERSON_DATE_FIELDS, form), values);
  try {
    found(await updatePerson(context.db, { actor, id, input: parsed.data, at: context.clock.now() }));
  } catch (error) {
    if (error instanceof DuplicateNhsNumberError) {
      // Logged (never the number) so that an administrator can notice someone probing numbers.
      context.log.warn({ event: "person.nhs_number_in_use", actorId: actor.userId, onActorsCaseload: error.onActorsCaseload }, "an NHS number already recorded was entered");
      return rejectForm(context, formError("nhsNumber", NHS_NUMBER_IN_USE), values);
    }
    return rejectRuleError(context, error, values, { fallback: "providerId" });
  }
  return redirect(`/people/${id}?done=updated`);
}

export default function EditPerson() {
  const { person, teams, providers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Change details" caption={person.name} back={{ to: `/people/${person.id}` }} errors={actionData?.errors} />
        <PersonForm
          teams={teams}
          providers={providers}
          errors={actionData?.errors}
          values={actionData?.values ?? { ...person, teamId: String(person.teamId), providerId: String(person.providerId) }}
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}
