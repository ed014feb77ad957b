import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { CheckboxesField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { SETTING_LABELS, TWO_FACTOR_SETTING, type NumberSettingKey } from "~/domain/settings";
import { SettingsFormSchema } from "~/forms/settings.server";
import { ROLE_LABELS } from "~/domain/roles";
import { getSettings, updateSettings } from "~/models/settings.server";
import { formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Settings", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "setting");
  const settings = await getSettings(context.db);
  return { values: { ...settings, competencyReminderDays: settings.competencyReminderDays.join(", ") } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "setting");
  const values = formValues(await request.formData(), ["twoFactorRequiredRoles"]);
  const parsed = SettingsFormSchema.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], SettingsFormSchema), values);
  await updateSettings(context.db, { actorId: actor.userId, values: parsed.data, at: context.clock.now() });
  return redirect("/admin/settings?done=settings");
}

export default function SettingsPage() {
  const { values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shown = actionData?.values ?? values;
  const required = values.twoFactorRequiredRoles;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading errors={actionData?.errors} title="Settings">
          <p>These apply to everyone using the service, from the moment you save them. Each change is recorded in the audit trail.</p>
          <p>
            To change the organisation that runs the service and its contact details, shown at the bottom of every page, go to{" "}
            <Link to="/admin/service">service details</Link>.
          </p>
        </PageHeading>
        <Form method="post" noValidate>
          {(Object.keys(SETTING_LABELS) as NumberSettingKey[]).map((key) => (
            <TextField
              key={key}
              name={key}
              label={SETTING_LABELS[key].label}
              hint={SETTING_LABELS[key].hint}
              width={key === "competencyReminderDays" ? 10 : 4}
              inputMode={key === "competencyReminderDays" ? "text" : "numeric"}
              errors={actionData?.errors}
              values={shown}
            />
          ))}
          <h2 id="two-factor">Two-factor authentication</h2>
          <p id="two-factor-now">
            {required.length
              ? `Now required for: ${required.map((r) => ROLE_LABELS[r].toLowerCase()).join(", ")}.`
              : "Now required for nobody: everyone can sign in with their password alone, and anyone can set it up from their account."}
          </p>
          <CheckboxesField
            name="twoFactorRequiredRoles"
            label={TWO_FACTOR_SETTING.label}
            hint={TWO_FACTOR_SETTING.hint}
            options={[...TWO_FACTOR_SETTING.options]}
            errors={actionData?.errors}
            values={shown}
          />
          <Button type="submit">Save settings</Button>
        </Form>
      </div>
    </div>
  );
}
