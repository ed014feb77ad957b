import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { CheckboxesField, DateField, SelectField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput } from "~/domain/validation";
import { createAgreement, listPeopleForAgreement } from "~/models/agreements.server";
import { RuleError } from "~/models/errors.server";
import { listTasks } from "~/models/tasks.server";
import { formValues, rejectForm, toFormErrors, withDates } from "~/services/forms.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Start a delegation agreement", matches);

const DATE_FIELDS = ["startDate"];
function schema(today: string) {
  return z.object({
    personId: z.coerce.number({ message: "Select the person receiving care" }).int().positive("Select the person receiving care"),
    taskIds: z.array(z.coerce.number().int().positive()).min(1, "Select at least one task to delegate"),
    startDate: dateInput("Start date", DATE_WINDOWS.agreementStart(today)),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "agreement");
  return {
    people: listPeopleForAgreement(context.db, { actor }),
    tasks: listTasks(context.db, { activeOnly: true }).map((t) => ({ id: t.id, name: t.name, reviewIntervalMonths: t.reviewIntervalMonths })),
    today: context.clock.today(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "agreement");
  const values = formValues(await request.formData(), ["taskIds"]);
  const parsed = schema(context.clock.today()).safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS), values);
  try {
    const id = createAgreement(context.db, { actor, ...parsed.data, today: context.clock.today(), at: context.clock.now() });
    return redirect(`/agreements/${id}?done=created`);
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, error.problems.map((p) => ({ ...p, href: p.field === "startDate" ? "#startDate-day" : `#${p.field}` })), values);
    throw error;
  }
}

export default function NewAgreement() {
  const { people, tasks, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { startDate: today, personId: params.get("person") ?? "" };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} />
        <PageHeading title="Start a delegation agreement" back={{ to: "/agreements" }}>
          <p>
            Start with the person and the tasks. Next you add each task's care-plan details, name the care workers, record consent and
            send the agreement for signatures. Nothing is in force until every party has signed.
          </p>
        </PageHeading>
        <Form method="post" noValidate>
          <SelectField
            name="personId"
            label="Person receiving care"
            hint="People on your team's caseload"
            placeholder="Select a person"
            options={people.map((p) => ({ value: p.id, label: `${p.name} (${p.providerName})` }))}
            errors={errors}
            values={values}
          />
          <CheckboxesField
            name="taskIds"
            label="Tasks to delegate"
            options={tasks.map((t) => ({ value: String(t.id), label: t.name, hint: `Review every ${t.reviewIntervalMonths} months` }))}
            errors={errors}
            values={values}
          />
          <DateField name="startDate" label="Start date" errors={errors} values={values} />
          <Button type="submit">Start agreement</Button>
        </Form>
      </div>
    </div>
  );
}
