import { z } from "zod";
import { ROLE_LABELS, ROLES, type Role } from "./roles";

/**
 * Deployment settings an admin can change at /admin/settings. Figures in docs/domain.md are
 * defaults here, never constants in code.
 */
export const SettingsSchema = z.object({
  /** A competency is "expiring" inside this many days of its expiry. */
  competencyWarningDays: z.number().int().min(1).max(365),
  /** Reminder points inside the warning window, largest first. */
  competencyReminderDays: z.array(z.number().int().min(0).max(365)).min(1).max(6),
  /** An agreement's review is "due" inside this many days of the review date. */
  reviewDueDays: z.number().int().min(1).max(180),
  /** An agreement awaiting signatures for longer than this raises an alert. */
  awaitingSignaturesDays: z.number().int().min(1).max(90),
  /** Alert when a task's cover will drop below two competent named workers within this many days (docs/domain.md rule 13). */
  coverForecastDays: z.number().int().min(1).max(180),
  /** Sign out after this many minutes without a request. */
  sessionIdleMinutes: z.number().int().min(5).max(24 * 60),
  /** Sign out this many hours after signing in, whatever happens. */
  sessionAbsoluteHours: z.number().int().min(1).max(24 * 7),
  /** Roles whose local accounts must use two-factor authentication (docs/domain.md rule 21). */
  twoFactorRequiredRoles: z.array(z.enum(ROLES)).max(ROLES.length),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  competencyWarningDays: 90,
  competencyReminderDays: [90, 60, 30],
  reviewDueDays: 30,
  awaitingSignaturesDays: 7,
  coverForecastDays: 28,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  // A fresh deployment requires it of the roles that see most: administrators and nurses.
  twoFactorRequiredRoles: ["admin", "nurse"],
};

/** The settings asked for as a number in a text box (all but the roles that require two-factor authentication). */
export type NumberSettingKey = Exclude<keyof Settings, "twoFactorRequiredRoles">;

/**
 * How each setting is asked for at /admin/settings: the label (which names the field in its
 * messages), a hint saying what it changes, its unit and an example. The label reads as
 * "<unit> <phrase>" ("Days before an unsigned agreement is flagged").
 */
export const SETTING_LABELS: Record<NumberSettingKey, { label: string; hint: string; unit: "days" | "minutes" | "hours"; phrase: string; example: string }> = {
  competencyWarningDays: {
    label: "Days before expiry that a competency shows as expiring",
    hint: "Alerts, home pages and the daily email show a competency as expiring from this many days before its expiry date. Between 1 and 365 days.",
    unit: "days",
    phrase: "before expiry that a competency shows as expiring",
    example: "90",
  },
  competencyReminderDays: {
    label: "Reminder points before a competency expires (days)",
    hint: "Each expiring competency is marked with the nearest of these points (for example, 30 days or less). Enter up to 6 numbers of days separated by commas, like 90, 60, 30. None can be more than the days before expiry above.",
    unit: "days",
    phrase: "reminder points before a competency expires",
    example: "90, 60, 30",
  },
  reviewDueDays: {
    label: "Days before its review date that an agreement shows as review due",
    hint: "Between 1 and 180 days.",
    unit: "days",
    phrase: "before its review date that an agreement shows as review due",
    example: "30",
  },
  awaitingSignaturesDays: {
    label: "Days before an unsigned agreement is flagged",
    hint: "An agreement sent for signatures raises an alert when not everyone has signed it after this many days. Between 1 and 90 days.",
    unit: "days",
    phrase: "before an unsigned agreement is flagged",
    example: "7",
  },
  coverForecastDays: {
    label: "Days ahead to check each task will have two care workers",
    hint: "Nurses and care providers are warned of the first day within this many days when fewer than two named care workers will be able to carry out a task. Between 1 and 180 days.",
    unit: "days",
    phrase: "ahead to check each task will have two care workers",
    example: "28",
  },
  sessionIdleMinutes: {
    label: "Minutes without activity before someone is signed out",
    hint: "Between 5 and 1,440 minutes (24 hours). People are warned 2 minutes before and can choose to stay signed in.",
    unit: "minutes",
    phrase: "without activity before someone is signed out",
    example: "30",
  },
  sessionAbsoluteHours: {
    label: "Hours after signing in before someone must sign in again",
    hint: "Even while they are using the service. Between 1 and 168 hours (7 days).",
    unit: "hours",
    phrase: "after signing in before someone must sign in again",
    example: "12",
  },
};

/** The roles that must use two-factor authentication: a checkbox for each role, in the roles' order. */
export const TWO_FACTOR_SETTING = {
  label: "Roles that must use two-factor authentication",
  hint: "People in these roles who sign in with a password must also enter a code from an authenticator app on their phone. The first time they sign in after you tick their role, they are asked to set it up. People who sign in through their organisation's account use its own checks instead.",
  options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
} as const;

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
