/** Words users see for stored values, in one place. */

export const ORGANISATION_KIND_LABELS = { nhs_team: "NHS team", provider: "Care provider" } as const;

export const REGULATED_ACTIVITY_LABELS = {
  personal_care: "Personal care",
  accommodation_personal_care: "Accommodation for persons who require nursing or personal care",
  treatment_disease_disorder_injury: "Treatment of disease, disorder or injury (TDDI)",
} as const;

export const WORKER_STATUS_LABELS = { active: "Active", left: "Left" } as const;

export const CARE_SETTING_LABELS = { own_home: "Own home", care_home: "Care home" } as const;

export const TASK_CATEGORY_LABELS = {
  vital_signs: "Vital signs",
  specialised_medication: "Specialised medication administration",
  posture_mobility: "Complex posture and mobility",
  skin_wound_care: "Skin integrity and wound care",
  airways_breathing: "Airways and breathing",
  feeding_digestive: "Feeding and digestive",
  bladder_bowel: "Bladder and bowel",
  other: "Other",
} as const;

export function label<T extends Record<string, string>>(labels: T, value: string | null | undefined): string {
  return value && value in labels ? labels[value as keyof T]! : (value ?? "");
}

export function options<T extends Record<string, string>>(labels: T) {
  return Object.entries(labels).map(([value, text]) => ({ value, label: text }));
}
