/**
 * The settings as stored and as typed at /admin/settings: what each accepts, and messages that
 * name the field (the labels and defaults are in app/domain/settings.ts).
 */
import { z } from "zod";
import { DEFAULT_SETTINGS, SETTING_LABELS, type NumberSettingKey, type Settings } from "~/domain/settings";
import { ROLES, type Role } from "~/domain/roles";

/** A stored setting is used only when it fits here (what each means: app/domain/settings.ts); anything else falls back to its default. */
export const SettingsSchema = z.object({
  competencyWarningDays: z.number().int().min(1).max(365),
  competencyReminderDays: z.array(z.number().int().min(0).max(365)).min(1).max(6),
  reviewDueDays: z.number().int().min(1).max(180),
  awaitingSignaturesDays: z.number().int().min(1).max(90),
  coverForecastDays: z.number().int().min(1).max(180),
  sessionIdleMinutes: z.number().int().min(5).max(24 * 60),
  sessionAbsoluteHours: z.number().int().min(1).max(24 * 7),
  twoFactorRequiredRoles: z.array(z.enum(ROLES)).max(ROLES.length),
});

/** The schema reads exactly the settings the domain declares: a compile-time check, never run. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesSettings: Same<z.infer<typeof SettingsSchema>, Settings> = true;
void schemaMatchesSettings;

/** The messages for a whole-number setting, each naming the field and saying how to put it right. */
export function settingMessages(key: Exclude<NumberSettingKey, "competencyReminderDays">) {
  const { label, unit, phrase, example } = SETTING_LABELS[key];
  const range = SettingsSchema.shape[key];
  const min = range.minValue ?? 0;
  const max = range.maxValue ?? 0;
  return {
    empty: `Enter the number of ${unit} ${phrase}, like ${example}`,
    notANumber: `${label} must be a number, like ${example}`,
    outOfRange: `${label} must be a whole number between ${min.toLocaleString("en-GB")} and ${max.toLocaleString("en-GB")}`,
    min,
    max,
  };
}

function whole(key: Exclude<NumberSettingKey, "competencyReminderDays">) {
  const m = settingMessages(key);
  return z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx): number => {
      const text = (raw ?? "").replace(/,/g, "");
      if (!text) {
        ctx.addIssue({ code: "custom", message: m.empty });
        return z.NEVER;
      }
      const value = Number(text);
      if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
        ctx.addIssue({ code: "custom", message: m.notANumber });
        return z.NEVER;
      }
      if (!Number.isInteger(value) || value < m.min || value > m.max) {
        ctx.addIssue({ code: "custom", message: m.outOfRange });
        return z.NEVER;
      }
      return value;
    });
}

const reminderDays = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx): number[] => {
    const parts = (raw ?? "").split(/[\s,]+/).filter(Boolean);
    if (!parts.length) {
      ctx.addIssue({ code: "custom", message: "Enter the reminder points before a competency expires, like 90, 60, 30" });
      return z.NEVER;
    }
    if (parts.some((p) => !/^\d+$/.test(p) || Number(p) > 365)) {
      ctx.addIssue({ code: "custom", message: "Reminder points must be whole numbers of days between 0 and 365, separated by commas, like 90, 60, 30" });
      return z.NEVER;
    }
    const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
    if (days.length > 6) {
      ctx.addIssue({ code: "custom", message: "Enter 6 reminder points or fewer, like 90, 60, 30" });
      return z.NEVER;
    }
    return days;
  });

/** The settings form (all text fields) parsed into settings, with messages that name each field. */
export const SettingsFormSchema = z
  .object({
    competencyWarningDays: whole("competencyWarningDays"),
    competencyReminderDays: reminderDays,
    reviewDueDays: whole("reviewDueDays"),
    awaitingSignaturesDays: whole("awaitingSignaturesDays"),
    coverForecastDays: whole("coverForecastDays"),
    sessionIdleMinutes: whole("sessionIdleMinutes"),
    sessionAbsoluteHours: whole("sessionAbsoluteHours"),
    // Ticked boxes (read as a list by the page); none ticked means no role must.
    twoFactorRequiredRoles: z
      .array(z.enum(ROLES, { message: "Select roles that must use two-factor authentication from the list shown" }), {
        message: "Select roles that must use two-factor authentication from the list shown",
      })
      .max(20, "Select roles that must use two-factor authentication from the list shown")
      .optional()
      .transform((roles): Role[] => ROLES.filter((r) => roles?.includes(r))),
  })
  .superRefine((v, ctx) => {
    const beyond = v.competencyReminderDays.filter((d) => d > v.competencyWarningDays);
    if (beyond.length) {
      ctx.addIssue({
        code: "custom",
        path: ["competencyReminderDays"],
        message: `Reminder points must be ${v.competencyWarningDays} days or fewer, the days before expiry that a competency shows as expiring. Change ${listWords(beyond)}, or the days before expiry`,
      });
    }
  });

/** Stored values win where they are valid; anything missing or broken falls back to the default. */
export function resolveSettings(stored: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const candidate = SettingsSchema.shape[key].safeParse(stored[key]);
    if (candidate.success) out[key] = candidate.data;
  }
  return SettingsSchema.parse(out);
}

/** "90", "90 and 60", "90, 60 and 45". */
function listWords(values: number[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
}
