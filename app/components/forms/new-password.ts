import { z } from "zod";
import { COMMON_PASSWORDS } from "~/content/common-passwords";
import { PASSWORD_FORM_MESSAGES } from "~/content/forms";
import { PASSWORD_MESSAGES, passwordProblem } from "~/domain/password-policy";
import { wellFormedTokenSchema } from "./one-time-token";

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
