import { ROLE_LABELS, ROLES, type Role } from "./roles";

/**
 * Deployment settings an admin can change at /admin/settings. Figures in docs/domain.md are
 * defaults here, never constants in code. What each accepts, and its messages, are in
 * app/forms/settings.server.ts (the browser never loads zod: docs/decisions/026).
 */
export type Settings = {
  /** A competency is "expiring" inside this many days of its expiry. */
  competencyWarningDays: number;
  /** Reminder points inside the warning window, largest first. */
  competencyReminderDays: number[];
  /** An agreement's review is "due" inside this many days of the review date. */
  reviewDueDays: number;
  /** An agreement awaiting signatures for longer than this raises an alert. */
  awaitingSignaturesDays: number;
  /** Alert when a task's cover will drop below two competent named workers within this many days (docs/domain.md rule 13). */
  coverForecastDays: number;
  /** Sign out after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** Sign out this many hours after signing in, whatever happens. */
  sessionAbsoluteHours: number;
  /** Roles whose local accounts must use two-factor authentication (docs/domain.md rule 21). */
  twoFactorRequiredRoles: Role[];
};

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
