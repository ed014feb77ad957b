import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { DoneBanner } from "~/components/nhs/Done";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { SETTING_LABELS, SettingsSchema, type Settings } from "~/domain/settings";
import { getSettings, updateSettings } from "~/models/settings.server";
import { formValues, rejectForm, toFormErrors } from "~/services/forms.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Settings", matches);

function whole(key: keyof Settings) {
  const { label } = SETTING_LABELS[key];
  const inner = SettingsSchema.shape[key] as z.ZodNumber;
  const message = `${label} must be a whole number from ${inner.minValue} to ${inner.maxValue}`;
  return z.string().trim().min(1, `Enter ${label.toLowerCase()}`).transform(Number).pipe(z.number({ message }).int(message).min(inner.minValue ?? 0, message).max(inner.maxValue ?? 0, message));
}

const FormSchema = z
  .object({
    competencyWarningDays: whole("competencyWarningDays"),
    competencyReminderDays: z
      .string()
      .trim()
      .min(1, "Enter the reminder days, like 90, 60, 30")
      .transform((v) => v.split(/[\s,]+/).filter(Boolean).map(Number))
      .pipe(
        z
          .array(z.number().int().min(0).max(365), { message: "Reminder days must be whole numbers from 0 to 365, like 90, 60, 30" })
          .min(1, "Enter at least one reminder day")
          .max(6, "Enter 6 reminder days at most"),
      )
      .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
    reviewDueDays: whole("reviewDueDays"),
    awaitingSignaturesDays: whole("awaitingSignaturesDays"),
    coverForecastDays: whole("coverForecastDays"),
    sessionIdleMinutes: whole("sessionIdleMinutes"),
    sessionAbsoluteHours: whole("sessionAbsoluteHours"),
  })
  .superRefine((v, ctx) => {
    if (v.competencyReminderDays.some((d) => d > v.competencyWarningDays)) {
      ctx.addIssue({ code: "custom", path: ["competencyReminderDays"], message: "Reminder days must fall inside the competency warning window" });
    }
  });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "setting");
  const settings = getSettings(context.db);
  return { values: { ...settings, competencyReminderDays: settings.competencyReminderDays.join(", ") } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "setting");
  const values = formValues(await request.formData());
  const form = FormSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  updateSettings(context.db, { actorId: actor.userId, values: parsed.data, at: context.clock.now() });
  return redirect("/admin/settings?done=settings");
}

export default function SettingsPage() {
  const { values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const shown = actionData?.values ?? values;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading errors={actionData?.errors} title="Settings">
          <p>These apply to the whole deployment. Each change is recorded in the audit trail.</p>
        </PageHeading>
        <Form method="post" noValidate>
          {(Object.keys(SETTING_LABELS) as (keyof Settings)[]).map((key) => (
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
          <Button type="submit">Save settings</Button>
        </Form>
      </div>
    </div>
  );
}
