import { z } from "zod";
import { COMMON_PASSWORDS } from "~/content/common-passwords";
import { PASSWORD_MESSAGES, passwordProblem } from "~/domain/password-policy";
import { wellFormedTokenSchema } from "./one-time-token";

/** Choosing a password from a one-time link (an invitation or a reset): the password policy, typed twice. */
export function newPasswordSchema(email: string) {
  return z
    .object({
      token: wellFormedTokenSchema,
      password: z.string({ message: "Enter a password" }).max(1000, PASSWORD_MESSAGES.too_long),
      confirm: z.string({ message: "Enter the password again" }).max(1000, PASSWORD_MESSAGES.too_long),
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, { email, commonPasswords: COMMON_PASSWORDS });
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: v.password ? PASSWORD_MESSAGES[problem] : "Enter a password" });
      else if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "The passwords do not match. Type the same password twice" });
    });
}
