import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { DoneBanner } from "~/components/nhs/Done";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { COMMON_PASSWORDS } from "~/content/common-passwords";
import { pageTitle } from "~/content/titles";
import { PASSWORD_MESSAGES, passwordProblem } from "~/domain/password-policy";
import { changePassword, findUserByEmail } from "~/models/users.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/services/forms.server";
import { hashPassword, verifyPassword } from "~/services/password.server";
import { currentSessionId, requireActor } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Change your password", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(context, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context, request);
  const values = formValues(await request.formData());
  const parsed = z
    .object({
      current: z.string({ message: "Enter your current password" }).min(1, "Enter your current password").max(1000),
      password: z.string({ message: "Enter a new password" }).max(1000),
      confirm: z.string({ message: "Enter the new password again" }),
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, { email: actor.email, commonPasswords: COMMON_PASSWORDS });
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES[problem] });
      if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "The new passwords do not match" });
    })
    .safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues), {});
  const user = findUserByEmail(context.db, actor.email);
  if (!user || !(await verifyPassword(parsed.data.current, user.passwordHash))) {
    return rejectForm(context, formError("current", "Your current password is not right"), {});
  }
  changePassword(context.db, {
    userId: actor.userId,
    passwordHash: await hashPassword(parsed.data.password),
    keepSessionId: await currentSessionId(context, request),
    at: context.clock.now(),
  });
  return redirect("/account/password?done=password");
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <FormErrorSummary errors={errors} />
        <PageHeading title="Change your password">
          <p>Use 12 characters or more. Three random words work well. Changing it signs you out everywhere else.</p>
        </PageHeading>
        <Form method="post" noValidate>
          <TextField name="current" label="Current password" type="password" autoComplete="current-password" errors={errors} />
          <TextField name="password" label="New password" type="password" autoComplete="new-password" errors={errors} />
          <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" errors={errors} />
          <Button type="submit">Change password</Button>
        </Form>
      </div>
    </div>
  );
}
