import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { TextareaField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { SERVICE_DETAIL_FIELDS } from "~/content/service-details";
import { ServiceDetailsSchema } from "~/domain/service-details";
import { getServiceDetails, updateServiceDetails } from "~/models/service-details.server";
import { formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Service details", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "setting");
  const details = await getServiceDetails(context.db);
  return { values: details ?? {}, set: details !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "setting");
  const values = formValues(await request.formData());
  const parsed = ServiceDetailsSchema.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], ServiceDetailsSchema), values);
  await updateServiceDetails(context.db, { actorId: actor.userId, details: parsed.data, at: context.clock.now() });
  return redirect("/admin/service?done=service_details");
}

export default function ServiceDetailsPage() {
  const { values, set } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shown = actionData?.values ?? values;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading errors={actionData?.errors} title="Service details" back={{ to: "/admin/settings", label: "Back to settings" }}>
          <p>
            The organisation that runs this service and how people contact it. They are shown at the bottom of every page and on the help, privacy,
            cookies and accessibility pages, which anyone can read without signing in. Each change is recorded in the audit trail.
          </p>
          {set ? null : (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>These have not been set yet, so the help, privacy and accessibility pages cannot say who to contact.</p>
            </div>
          )}
        </PageHeading>
        <Form method="post" noValidate>
          {SERVICE_DETAIL_FIELDS.map((field) =>
            field.multiline ? (
              <TextareaField key={field.name} name={field.name} label={field.label} hint={field.hint} rows={5} errors={actionData?.errors} values={shown} />
            ) : (
              <TextField
                key={field.name}
                name={field.name}
                label={field.label}
                hint={field.hint}
                type={field.type}
                width={field.width}
                autoComplete={field.type === "email" ? "off" : undefined}
                spellCheck={field.type === "email" ? false : undefined}
                errors={actionData?.errors}
                values={shown}
              />
            ),
          )}
          <Button type="submit">Save service details</Button>
        </Form>
      </div>
    </div>
  );
}
