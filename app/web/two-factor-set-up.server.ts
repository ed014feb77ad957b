import { data } from "@remix-run/node";
import QRCode from "qrcode";
import { TWO_FACTOR_MESSAGES } from "~/content/two-factor";
import { groupKey, keyUri } from "~/domain/two-factor";
import { SetUpSchema } from "~/forms/sign-in.server";
import { setUpTwoFactor } from "~/models/two-factor.server";
import type { AppContext } from "~/web/context.server";
import { formError, rejectForm, toFormErrors, type FormValues } from "~/web/forms.server";
import { newTotpSecret, openSecret, sealSecret, twoFactorKey } from "~/services/two-factor-secret.server";

/** A set-up form's secret travels sealed in the form (nothing is stored until it is confirmed), for this long. */
const SET_UP_SEAL_MINUTES = 30;
const SET_UP = "two-factor set-up";

export type SetUpView = { qr: string; key: string; sealed: string };

/** What the set-up page shows for a secret: the QR code (an SVG image), the key in groups, and the sealed secret for the form. */
export async function setUpView(context: AppContext, user: { userId: number; email: string }, secret = newTotpSecret()): Promise<SetUpView> {
  const svg = await QRCode.toString(keyUri(secret, user.email), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const expiresAt = new Date(context.clock.now().getTime() + SET_UP_SEAL_MINUTES * 60_000).toISOString();
  return {
    qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    key: groupKey(secret),
    sealed: sealSecret(twoFactorKey(context.config.sessionSecret), secret, { userId: user.userId, purpose: SET_UP, expiresAt }),
  };
}

/**
 * Confirms a set-up form: the code must be right for the secret the form carries. Rejected
 * forms answer 400 with the same QR code (a new one when the form's has expired or is not ours).
 */
export async function confirmSetUp(context: AppContext, user: { userId: number; email: string }, values: FormValues) {
  const key = twoFactorKey(context.config.sessionSecret);
  const secret = openSecret(key, values.secret, { userId: user.userId, purpose: SET_UP }, context.clock.now());
  const view = await setUpView(context, user, secret ?? undefined);
  // A rejected form, with the QR code to show again.
  const reject = (errors: Parameters<typeof rejectForm>[1]) => {
    const rejected = rejectForm(context, errors, {});
    return { kind: "rejected" as const, response: data({ ...rejected.data, view, recoveryCodes: null }, rejected.init ?? undefined) };
  };
  if (!secret) return reject(formError("code", "The QR code on the page had expired. Scan this new QR code or type its key into your app, then enter the code it shows"));
  const parsed = SetUpSchema.safeParse(values);
  if (!parsed.success) return reject(toFormErrors(parsed.error.issues, [], SetUpSchema));
  const result = await setUpTwoFactor(context.db, { userId: user.userId, secret, code: parsed.data.code, key, at: context.clock.now() });
  if (result.ok) return { kind: "done" as const, recoveryCodes: result.recoveryCodes };
  if (result.problem === "already") return { kind: "already" as const };
  return reject(formError("code", result.problem === "used" ? TWO_FACTOR_MESSAGES.used : TWO_FACTOR_MESSAGES.wrong));
}
