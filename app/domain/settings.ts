import { z } from "zod";

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
};

export const SETTING_LABELS: Record<keyof Settings, { label: string; hint: string }> = {
  competencyWarningDays: {
    label: "Competency warning window (days)",
    hint: "A competency shows as expiring this many days before its expiry date.",
  },
  competencyReminderDays: {
    label: "Competency reminders (days before expiry)",
    hint: "Separate the numbers with commas, for example 90, 60, 30.",
  },
  reviewDueDays: {
    label: "Agreement review due window (days)",
    hint: "An agreement shows as review due this many days before its review date.",
  },
  awaitingSignaturesDays: {
    label: "Awaiting signatures alert (days)",
    hint: "Alert when an agreement has waited this many days for signatures.",
  },
  coverForecastDays: {
    label: "Cover forecast window (days)",
    hint: "Alert when fewer than two named care workers will be able to carry out a task within this many days.",
  },
  sessionIdleMinutes: { label: "Idle sign-out (minutes)", hint: "From 5 minutes to 24 hours." },
  sessionAbsoluteHours: { label: "Longest session (hours)", hint: "From 1 hour to 7 days." },
};

/** Stored values win where they are valid; anything missing or broken falls back to the default. */
export function resolveSettings(stored: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const candidate = SettingsSchema.shape[key].safeParse(stored[key]);
    if (candidate.success) out[key] = candidate.data;
  }
  return SettingsSchema.parse(out);
}
