/**
 * The forms of signing in: the email and password, the security code of the second step, the
 * "Sign in with …" buttons, and the password asked again before recovery codes are replaced or
 * two-factor authentication is turned off (docs/decisions/026-enums-and-form-schemas.md).
 */
import { z } from "zod";
import { TWO_FACTOR_MESSAGES } from "~/content/two-factor";
import { PASSWORD_MESSAGES } from "~/domain/password-policy";
import { PROVIDER_KEY } from "~/domain/single-sign-on";
import { isSixDigitCode, looksLikeRecoveryCode } from "~/domain/two-factor";

export const LoginSchema = z.object({
  email: z.string({ message: "Enter your email address" }).trim().min(1, "Enter your email address").max(254, "Email address must be 254 characters or fewer"),
  password: z.string({ message: "Enter your password" }).min(1, "Enter your password").max(1000, PASSWORD_MESSAGES.too_long),
  redirectTo: z.string().optional(),
});

/** A code from the authenticator app, or one of the recovery codes. */
export const CodeSchema = z.object({
  code: z
    .string({ message: TWO_FACTOR_MESSAGES.signInCodeEmpty })
    .trim()
    .min(1, TWO_FACTOR_MESSAGES.signInCodeEmpty)
    .max(40, TWO_FACTOR_MESSAGES.signInCodeFormat)
    .refine((v) => isSixDigitCode(v) || looksLikeRecoveryCode(v), TWO_FACTOR_MESSAGES.signInCodeFormat),
});

/** Setting up two-factor authentication: the confirmation code, six digits, spaces allowed. */
export const SetUpSchema = z.object({
  code: z
    .string({ message: TWO_FACTOR_MESSAGES.codeEmpty })
    .trim()
    .min(1, TWO_FACTOR_MESSAGES.codeEmpty)
    .max(20, TWO_FACTOR_MESSAGES.codeFormat)
    .refine(isSixDigitCode, TWO_FACTOR_MESSAGES.codeFormat),
});

/** A "Sign in with …" button: which sign-in service, and where to go afterwards. */
export const StartSchema = z.object({
  provider: z.string().max(30).regex(PROVIDER_KEY),
  redirectTo: z.string().max(2000).optional(),
});

const passwordAgain = (name: string) =>
  z.object({ [name]: z.string({ message: TWO_FACTOR_MESSAGES.passwordEmpty }).min(1, TWO_FACTOR_MESSAGES.passwordEmpty).max(1000, PASSWORD_MESSAGES.too_long) });

/** The password again, before new recovery codes replace the old ones. */
export const CodesSchema = passwordAgain("codesPassword");
/** The password again, before two-factor authentication is turned off. */
export const TurnOffSchema = passwordAgain("offPassword");
