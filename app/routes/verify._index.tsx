import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { CodeSchema } from "~/forms/verify.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Check a printout", matches);

/** Public: anyone holding a printout can check it; the code goes in the URL, nothing personal does. */
export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const form = CodeSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const c = parsed.data.code;
  return redirect(`/verify/${c.slice(0, 4)}-${c.slice(4)}`);
}

export default function Verify() {
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Check a printout">
          <p>Every page of a printed delegation agreement or skills passport carries a verification code.</p>
          <p>Enter it to see whether an agreement may be used today, or what a skills passport said when it was printed and whether each competency on it holds today.</p>
        </PageHeading>
        <Form method="post" noValidate>
          <TextField name="code" label="Verification code" hint="8 letters and numbers, like ABCD-2345" width={10} autoComplete="off" spellCheck={false} errors={actionData?.errors} values={actionData?.values} />
          <Button type="submit">Check</Button>
        </Form>
      </div>
    </div>
  );
}
