/** The forms about accounts and signing in: an email address asked for alone, and a new password from a one-time link. */
import { z } from "zod";
import { COMMON_PASSWORDS } from "~/content/common-passwords";
import { PASSWORD_FORM_MESSAGES } from "~/content/forms";
import { ONE_TIME_TOKEN } from "~/domain/accounts";
import { PASSWORD_MESSAGES, passwordProblem } from "~/domain/password-policy";
import { emailAddress } from "~/domain/validation";

/** "Forgot your password?" and inviting a care worker to sign in: one email address. */
export const EmailSchema = z.object({ email: emailAddress() });

export const wellFormedTokenSchema = z.string().regex(ONE_TIME_TOKEN);

/** Choosing a password from a one-time link (an invitation or a reset): the password policy, typed twice. */
export function newPasswordSchema(email: string) {
  return z
    .object({
      token: wellFormedTokenSchema,
      password: z.string({ message: PASSWORD_FORM_MESSAGES.newEmpty }).max(1000, PASSWORD_MESSAGES.too_long),
      confirm: z.string({ message: PASSWORD_FORM_MESSAGES.confirmEmpty }).max(1000, PASSWORD_MESSAGES.too_long),
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, { email, commonPasswords: COMMON_PASSWORDS });
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: v.password ? PASSWORD_MESSAGES[problem] : PASSWORD_FORM_MESSAGES.newEmpty });
      else if (!v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: PASSWORD_FORM_MESSAGES.confirmEmpty });
      else if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: PASSWORD_FORM_MESSAGES.mismatch });
    });
}
