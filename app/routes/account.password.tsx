import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { DoneBanner } from "~/components/nhs/Done";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { COMMON_PASSWORDS } from "~/content/common-passwords";
import { pageTitle } from "~/content/titles";
import { PASSWORD_FORM_MESSAGES } from "~/content/forms";
import { PASSWORD_MESSAGES, passwordProblem } from "~/domain/password-policy";
import { changePassword, findUserByEmail } from "~/models/users.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { hashPassword, verifyPassword } from "~/services/password.server";
import { currentSessionId, requireActor } from "~/web/session.server";
import { requiredProvider } from "~/domain/single-sign-on";
import { listProviders } from "~/models/identity-providers.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Change your password", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  // Signs in with the organisation's account only: the password here does not work (docs/domain.md rule 20).
  return { mustUse: requiredProvider(actor, await listProviders(context.db))?.name ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context, request);
  const values = formValues(await request.formData());
  const form = z
    .object({
      current: z.string({ message: "Enter your current password" }).min(1, "Enter your current password").max(1000, PASSWORD_MESSAGES.too_long),
      password: z.string({ message: PASSWORD_FORM_MESSAGES.newEmpty }).max(1000, PASSWORD_MESSAGES.too_long),
      confirm: z.string({ message: PASSWORD_FORM_MESSAGES.confirmEmpty }).max(1000, PASSWORD_MESSAGES.too_long),
    })
    .superRefine((v, ctx) => {
      // Empty is "Enter a new password", not the length rule (issue 14).
      const problem = v.password ? passwordProblem(v.password, { email: actor.email, commonPasswords: COMMON_PASSWORDS }) : null;
      if (!v.password) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_FORM_MESSAGES.newEmpty });
      else if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES[problem] });
      if (v.password && !v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: PASSWORD_FORM_MESSAGES.confirmEmpty });
      else if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: PASSWORD_FORM_MESSAGES.mismatch });
    });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), {});
  const user = await findUserByEmail(context.db, actor.email);
  if (!user || !(await verifyPassword(parsed.data.current, user.passwordHash))) {
    return rejectForm(context, formError("current", "Your current password is not right"), {});
  }
  await changePassword(context.db, {
    userId: actor.userId,
    passwordHash: await hashPassword(parsed.data.password),
    keepSessionId: await currentSessionId(context, request),
    at: context.clock.now(),
  });
  return redirect("/account/password?done=password");
}

export default function ChangePassword() {
  const { mustUse } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading errors={errors} title="Change your password">
          <p>Use 12 characters or more. Three random words work well. Changing it signs you out everywhere else.</p>
        </PageHeading>
        {mustUse ? (
          <div className="nhsuk-inset-text" id="password-not-used">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Your organisation signs in to Delegated Care with {mustUse}, so you cannot sign in with a password here and no reset link is sent for it.
              You do not need to change it. It works again only if your administrator stops requiring {mustUse}.
            </p>
          </div>
        ) : null}
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
