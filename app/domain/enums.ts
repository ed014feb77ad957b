/**
 * The values the database accepts for each enumerated column, in one place: db/schema.ts builds
 * its columns and CHECK constraints from these lists, and pages, forms and models read them from
 * here, so the browser never loads the schema (docs/decisions/026-enums-and-form-schemas.md).
 * Roles are in ./roles.ts and concern statuses and harms in ./concerns.ts, beside their rules.
 * Plain data: no imports.
 */

export const organisationKinds = ["nhs_team", "provider"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const regulatedActivities = [
  "personal_care",
  "accommodation_personal_care",
  "treatment_disease_disorder_injury",
] as const;

export const workerStatuses = ["active", "left"] as const;
export type WorkerStatus = (typeof workerStatuses)[number];

export const careSettings = ["own_home", "care_home"] as const;

export const taskCategories = [
  "vital_signs",
  "specialised_medication",
  "posture_mobility",
  "skin_wound_care",
  "airways_breathing",
  "feeding_digestive",
  "bladder_bowel",
  "other",
] as const;

export const trainingModes = ["face_to_face", "e_learning", "fieldwork"] as const;

export const attendanceOutcomes = ["attended", "completed", "did_not_complete"] as const;
export type AttendanceOutcome = (typeof attendanceOutcomes)[number];

export const observationOutcomes = ["satisfactory", "not_yet"] as const;
export type ObservationOutcome = (typeof observationOutcomes)[number];

/** Stored competency states; `expiring` and `expired` are derived from dates. */
export const competencyStates = ["in_training", "competent", "suspended", "revoked", "declined"] as const;
export type StoredCompetencyState = (typeof competencyStates)[number];

export const signOffKinds = ["initial", "renewal"] as const;

/** Stored agreement states; `review_due` and `review_overdue` are derived from dates. */
export const agreementStates = ["draft", "awaiting_signatures", "active", "suspended", "ended"] as const;
export type StoredAgreementState = (typeof agreementStates)[number];

export const versionStates = ["draft", "awaiting_signatures", "signed", "superseded", "withdrawn"] as const;
export type VersionState = (typeof versionStates)[number];

export const signatureMethods = ["in_app", "on_paper"] as const;
export type SignatureMethod = (typeof signatureMethods)[number];

export const consentKinds = ["person", "representative", "best_interests"] as const;
export type ConsentKind = (typeof consentKinds)[number];
export const representativeAuthorities = ["lpa_health_welfare", "deputy"] as const;
export type RepresentativeAuthority = (typeof representativeAuthorities)[number];
export const reviewOutcomes = ["continue", "amend", "suspend", "end"] as const;
export const outboxStates = ["pending", "sent", "failed"] as const;
export const concernFollowUpKinds = ["competency_suspended", "agreement_reviewed"] as const;
export type ConcernFollowUpKind = (typeof concernFollowUpKinds)[number];

/** The second step a sign-in still waits for: a code, or setting up two-factor authentication. */
export const pendingSignInStages = ["code", "set_up"] as const;
export type PendingSignInStage = (typeof pendingSignInStages)[number];
