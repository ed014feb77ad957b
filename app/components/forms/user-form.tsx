import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { RadiosField, SelectField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { COMMON_PASSWORDS } from "~/content/common-passwords";
import { PASSWORD_MESSAGES, passwordProblem } from "~/domain/password-policy";
import { ROLE_LABELS, ROLE_ORGANISATION_KIND, ROLES } from "~/domain/roles";
import { emailAddress, nameText, optionalText } from "~/domain/validation";
import { SubmissionToken } from "./SubmissionToken";

/** NMC PIN: two digits, a letter, four digits, a letter (e.g. 12A3456E). */
const NMC_PIN = /^\d{2}[A-Z]\d{4}[A-Z]$/;

export function userSchema({ withPassword }: { withPassword: boolean }) {
  return z
    .object({
      name: nameText("Enter the user's full name", "Full name"),
      email: emailAddress(),
      role: z.enum(ROLES, { message: "Select the user's role" }),
      organisationId: z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
      professionalRegistration: optionalText("NMC PIN", 20).transform((v) => v.toUpperCase().replace(/\s/g, "")),
      jobTitle: optionalText("Job title"),
      password: withPassword ? z.string({ message: "Enter a password for the user" }).max(1000, PASSWORD_MESSAGES.too_long) : z.string().optional(),
    })
    .superRefine((v, ctx) => {
      const kind = ROLE_ORGANISATION_KIND[v.role];
      if (kind && !v.organisationId) {
        ctx.addIssue({ code: "custom", path: ["organisationId"], message: kind === "provider" ? "Select the user's care provider" : "Select the user's NHS team" });
      }
      if (v.role === "nurse" && !NMC_PIN.test(v.professionalRegistration)) {
        ctx.addIssue({
          code: "custom",
          path: ["professionalRegistration"],
          message: v.professionalRegistration ? "NMC PIN must be 2 numbers, a letter, 4 numbers and a letter, like 12A3456E" : "Enter the nurse's NMC PIN",
        });
      }
      if (withPassword) {
        const problem = v.password ? passwordProblem(v.password, { email: v.email, commonPasswords: COMMON_PASSWORDS }) : null;
        if (!v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Enter a password for the user" });
        else if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES[problem] });
      }
    })
    .transform((v) => ({
      name: v.name,
      email: v.email,
      role: v.role,
      organisationId: ROLE_ORGANISATION_KIND[v.role] && v.organisationId ? v.organisationId : null,
      professionalRegistration: v.role === "nurse" ? v.professionalRegistration : null,
      jobTitle: v.jobTitle,
      password: v.password ?? "",
    }));
}

export function UserForm({
  errors,
  values,
  organisations,
  withPassword,
  submitLabel,
  submissionToken,
}: {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  organisations: { id: number; name: string; kind: "nhs_team" | "provider" }[];
  withPassword: boolean;
  submitLabel: string;
  /** For a form that creates a record: its one-time token. */
  submissionToken?: string;
}) {
  const teams = organisations.filter((o) => o.kind === "nhs_team");
  const providers = organisations.filter((o) => o.kind === "provider");
  return (
    <>
      <Form method="post" noValidate>
        {submissionToken ? <SubmissionToken token={submissionToken} /> : null}
        <TextField name="name" label="Full name" autoComplete="off" errors={errors} values={values} />
        <TextField name="email" label="Email address" hint="They sign in with this" type="email" spellCheck={false} autoComplete="off" errors={errors} values={values} />
        <RadiosField
          name="role"
          label="Role"
          // A care worker's sign-in comes from an invitation on their page, which links it to their record.
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: withPassword && r === "care_worker" ? "Invite care workers from their page in Care workers instead" : undefined }))}
          errors={errors}
          values={values}
        />
        <SelectField
          name="organisationId"
          label="Organisation"
          hint="Nurses and facilitators belong to an NHS team; provider managers and care workers to a care provider. Administrators to none."
          placeholder="None (administrators)"
          options={[
            ...teams.map((t) => ({ value: t.id, label: `${t.name} (NHS team)` })),
            ...providers.map((p) => ({ value: p.id, label: `${p.name} (care provider)` })),
          ]}
          errors={errors}
          values={values}
        />
        <TextField name="professionalRegistration" label="NMC PIN (nurses only)" hint="Like 12A3456E" width={10} errors={errors} values={values} />
        <TextField name="jobTitle" label="Job title (optional)" errors={errors} values={values} />
        {withPassword ? (
          <TextField
            name="password"
            label="First password"
            hint="12 characters or more. Give it to the user in person; they can change it after signing in."
            type="password"
            autoComplete="new-password"
            errors={errors}
          />
        ) : null}
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
