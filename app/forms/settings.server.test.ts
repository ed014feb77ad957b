import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTING_LABELS, TWO_FACTOR_SETTING } from "~/domain/settings";
import { resolveSettings, SettingsFormSchema } from "./settings.server";

const form = (changes: Record<string, string | string[]> = {}) => ({
  competencyWarningDays: "90",
  competencyReminderDays: "90, 60, 30",
  reviewDueDays: "30",
  awaitingSignaturesDays: "7",
  coverForecastDays: "28",
  sessionIdleMinutes: "30",
  sessionAbsoluteHours: "12",
  twoFactorRequiredRoles: ["admin", "nurse"],
  ...changes,
});

function messages(changes: Record<string, string | string[]>) {
  const parsed = SettingsFormSchema.safeParse(form(changes));
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
}

describe("the settings form", () => {
  it("reads the defaults back as the default settings", () => {
    expect(SettingsFormSchema.parse(form())).toEqual(DEFAULT_SETTINGS);
  });

  it("says letters are not a number, naming the field, never 'expected number, received NaN'", () => {
    expect(messages({ awaitingSignaturesDays: "seven" })).toEqual([
      { field: "awaitingSignaturesDays", message: "Days before an unsigned agreement is flagged must be a number, like 7" },
    ]);
  });

  it("asks for an empty field by what it means, with an example", () => {
    expect(messages({ awaitingSignaturesDays: " " })).toEqual([
      { field: "awaitingSignaturesDays", message: "Enter the number of days before an unsigned agreement is flagged, like 7" },
    ]);
    expect(messages({ sessionIdleMinutes: "" })[0]?.message).toBe("Enter the number of minutes without activity before someone is signed out, like 30");
  });

  it("gives the range allowed in the field's own unit", () => {
    expect(messages({ awaitingSignaturesDays: "91" })[0]?.message).toBe("Days before an unsigned agreement is flagged must be a whole number between 1 and 90");
    expect(messages({ sessionIdleMinutes: "2.5" })[0]?.message).toBe("Minutes without activity before someone is signed out must be a whole number between 5 and 1,440");
    expect(messages({ sessionAbsoluteHours: "0" })[0]?.message).toBe("Hours after signing in before someone must sign in again must be a whole number between 1 and 168");
  });

  it("sorts reminder points, drops repeats, and refuses points outside the warning window", () => {
    expect(SettingsFormSchema.parse(form({ competencyReminderDays: "30 90,60, 30" })).competencyReminderDays).toEqual([90, 60, 30]);
    expect(messages({ competencyReminderDays: "90, sixty" })[0]?.message).toMatch(/^Reminder points must be whole numbers of days between 0 and 365/);
    expect(messages({ competencyWarningDays: "45", competencyReminderDays: "90, 60, 30" })).toEqual([
      {
        field: "competencyReminderDays",
        message: "Reminder points must be 45 days or fewer, the days before expiry that a competency shows as expiring. Change 90 and 60, or the days before expiry",
      },
    ]);
  });

  it("requires two-factor authentication of administrators and nurses when nothing is stored, and reads the ticked roles in the roles' order", () => {
    expect(resolveSettings({}).twoFactorRequiredRoles).toEqual(["admin", "nurse"]);
    expect(resolveSettings({ twoFactorRequiredRoles: [] }).twoFactorRequiredRoles).toEqual([]);
    expect(resolveSettings({ twoFactorRequiredRoles: ["wizard"] }).twoFactorRequiredRoles).toEqual(["admin", "nurse"]);
    expect(SettingsFormSchema.parse(form({ twoFactorRequiredRoles: ["provider_manager", "admin", "admin"] })).twoFactorRequiredRoles).toEqual(["admin", "provider_manager"]);
    expect(SettingsFormSchema.parse(form({ twoFactorRequiredRoles: [] })).twoFactorRequiredRoles).toEqual([]);
    expect(messages({ twoFactorRequiredRoles: ["wizard"] })).toEqual([{ field: "twoFactorRequiredRoles.0", message: "Select roles that must use two-factor authentication from the list shown" }]);
  });

  it("no label, hint or message uses developer words", () => {
    const words = [...Object.values(SETTING_LABELS).flatMap((l) => [l.label, l.hint]), TWO_FACTOR_SETTING.label, TWO_FACTOR_SETTING.hint];
    const bad: Record<string, string>[] = [{ awaitingSignaturesDays: "x" }, { reviewDueDays: "" }, { coverForecastDays: "-1" }, { competencyReminderDays: "" }];
    for (const changes of bad) {
      words.push(...messages(changes).map((m) => m.message));
    }
    for (const text of words) expect(text).not.toMatch(/invalid|expected|NaN|undefined|string|number,? received|null/i);
  });
});
