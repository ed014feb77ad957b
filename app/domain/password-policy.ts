/**
 * The password policy (OWASP ASVS 2.1): at least 12 characters, at most 128, and not one of
 * the passwords attackers try first. No rules about character classes: length beats them.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = "too_short" | "too_long" | "common" | "contains_email";

export function passwordProblem(
  password: string,
  { email, commonPasswords }: { email?: string; commonPasswords: ReadonlySet<string> },
): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return "too_short";
  if (password.length > PASSWORD_MAX) return "too_long";
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "common";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "contains_email";
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Password must be ${PASSWORD_MIN} characters or more`,
  too_long: `Password must be ${PASSWORD_MAX} characters or fewer`,
  common: "This password is too common. Choose one that is harder to guess, such as three random words",
  contains_email: "Password must not contain the email address",
};
