/**
 * The whole data model of docs/domain.md, in one file. Joins are written in each query
 * (the models), so no drizzle relations() are declared.
 *
 * Conventions:
 * - integer primary keys; calendar days as ISO text (`YYYY-MM-DD`), instants as UTC ISO text;
 * - enums are text with a CHECK so the database refuses what the code would never write;
 * - nothing is deleted: states move on and history tables keep what was (docs/domain.md rule 14),
 *   so foreign keys never cascade;
 * - statuses that a clock would have to update (competency expiring/expired, agreement
 *   review due/overdue) are derived in app/domain, never stored.
 */
import { sql } from "drizzle-orm";
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// Enumerations (the values the database accepts) live in app/domain, where pages and forms
// read them without loading this file: docs/decisions/026-enums-and-form-schemas.md.
import { CONCERN_HARMS, CONCERN_STATUSES } from "../app/domain/concerns";
import {
  agreementStates,
  attendanceOutcomes,
  careSettings,
  competencyStates,
  concernFollowUpKinds,
  consentKinds,
  observationOutcomes,
  organisationKinds,
  outboxStates,
  pendingSignInStages,
  regulatedActivities,
  representativeAuthorities,
  reviewOutcomes,
  signatureMethods,
  signOffKinds,
  taskCategories,
  trainingModes,
  versionStates,
  workerStatuses,
} from "../app/domain/enums";
import { ROLES } from "../app/domain/roles";

/** `a IN ('x','y')` for a CHECK constraint. */
function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(", ")})`);
}

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const updatedAt = () =>
  text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const bool = (name: string) => integer(name, { mode: "boolean" });

// ---------------------------------------------------------------------------
// Organisations and people who use the system
// ---------------------------------------------------------------------------

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    name: text("name").notNull(),
    /** NHS teams: the ODS code of the team or its trust site. */
    odsCode: text("ods_code"),
    /** Providers: the CQC location ID (e.g. 1-123456789). */
    cqcLocationId: text("cqc_location_id"),
    address: text("address").notNull().default(""),
    postcode: text("postcode").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    escalationInHours: text("escalation_in_hours").notNull().default(""),
    escalationOutOfHours: text("escalation_out_of_hours").notNull().default(""),
    /** Providers: JSON array of `regulatedActivities`. */
    regulatedActivities: text("regulated_activities", { mode: "json" })
      .$type<(typeof regulatedActivities)[number][]>()
      .notNull()
      .default(sql`'[]'`),
    /** Providers: the insurer's confirmation that delegated healthcare activities are covered. */
    insuranceConfirmed: bool("insurance_confirmed").notNull().default(false),
    insurer: text("insurer").notNull().default(""),
    insuranceConfirmedOn: text("insurance_confirmed_on"),
    active: bool("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("organisations_kind", oneOf("kind", organisationKinds)),
    check(
      "organisations_identifier",
      sql`(kind = 'nhs_team' AND ods_code IS NOT NULL) OR (kind = 'provider' AND cqc_location_id IS NOT NULL)`,
    ),
    uniqueIndex("organisations_ods_code").on(t.odsCode),
    uniqueIndex("organisations_cqc_location_id").on(t.cqcLocationId),
    index("organisations_kind_name").on(t.kind, t.name),
  ],
);

/** The providers an NHS team works with: the basis of NHS users' scope over workers. */
export const teamProviders = sqliteTable(
  "team_providers",
  {
    teamId: integer("team_id")
      .notNull()
      .references(() => organisations.id),
    providerId: integer("provider_id")
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.providerId] }),
    index("team_providers_provider").on(t.providerId),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stored lower case; the sign-in name. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Every role but admin belongs to one organisation. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    /** `scrypt$N$r$p$salt$hash` (see app/services/password.server.ts). */
    passwordHash: text("password_hash").notNull(),
    /** Nurses: the NMC PIN. */
    professionalRegistration: text("professional_registration"),
    jobTitle: text("job_title").notNull().default(""),
    active: bool("active").notNull().default(true),
    passwordChangedAt: text("password_changed_at"),
    lastSignedInAt: text("last_signed_in_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_role", oneOf("role", ROLES)),
    check("users_organisation", sql`role = 'admin' OR organisation_id IS NOT NULL`),
    check("users_nurse_pin", sql`role <> 'nurse' OR professional_registration IS NOT NULL`),
    uniqueIndex("users_email").on(t.email),
    index("users_organisation").on(t.organisationId),
  ],
);

/** The NHS teams a facilitator serves besides their own organisation. */
export const facilitatorTeams = sqliteTable(
  "facilitator_teams",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    teamId: integer("team_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] })],
);

/** Server-side sessions: the cookie holds a random token; the table holds only its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    endedAt: text("ended_at"),
    /** Why it ended, when the user did not sign out themselves: `idle`, `expired` (told on the sign-in page). */
    endReason: text("end_reason"),
    ipAddress: text("ip_address").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    /** Signed in with an organisation's account: which one (its sign-out is offered after ours). Null: a password. */
    identityProviderId: integer("identity_provider_id").references(() => identityProviders.id),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Failed sign-ins, kept for rate limiting per account and per address. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    at: text("at").notNull(),
    succeeded: bool("succeeded").notNull(),
  },
  (t) => [index("sign_in_attempts_email_at").on(t.email, t.at), index("sign_in_attempts_ip_at").on(t.ipAddress, t.at)],
);

/**
 * An invitation for a care worker to sign in: a manager sends it to an email address; the link
 * (a random token, of which only the SHA-256 is stored) works once, until `expiresAt`, and
 * creates the care worker's account linked to `workerId`.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workerId: integer("worker_id")
      .notNull()
      .references(() => careWorkers.id),
    /** Stored lower case: the account's email once accepted. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    /** The account the invitation created. */
    userId: integer("user_id").references(() => users.id),
    /** Withdrawn by a manager, or replaced by a new invitation ("Send again"). */
    withdrawnAt: text("withdrawn_at"),
  },
  (t) => [uniqueIndex("invitations_token").on(t.tokenHash), index("invitations_worker").on(t.workerId), index("invitations_email").on(t.email)],
);

/**
 * Every "Forgot your password?" request (for throttling per email and per address), with the
 * SHA-256 of the one-time link's token when a link was sent (an active account, not throttled).
 */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** As typed, lower case: counted whether or not an account uses it. */
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    requestedAt: text("requested_at").notNull(),
    userId: integer("user_id").references(() => users.id),
    tokenHash: text("token_hash"),
    expiresAt: text("expires_at"),
    usedAt: text("used_at"),
  },
  (t) => [
    uniqueIndex("password_resets_token").on(t.tokenHash),
    index("password_resets_email_at").on(t.email, t.requestedAt),
    index("password_resets_ip_at").on(t.ipAddress, t.requestedAt),
  ],
);

// ---------------------------------------------------------------------------
// Care workers and the people receiving care
// ---------------------------------------------------------------------------

export const careWorkers = sqliteTable(
  "care_workers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    /**
     * The name as people would read it, case and spacing ignored (`sameNameKey`,
     * app/domain/worker-labels.ts), written with the name: what the namesake count compares, so
     * the lists count namesakes exactly as the rule that requires a staff number does.
     */
    nameKey: text("name_key").notNull().default(""),
    jobTitle: text("job_title").notNull().default("Care worker"),
    careCertificateOn: text("care_certificate_on"),
    /** The day they joined this provider: no supervised observation before it (null on older records). */
    joinedOn: text("joined_on"),
    /**
     * The provider's own staff number: what tells two care workers with the same name at one
     * provider apart (required then; see app/domain/worker-labels.ts). Not personal data the way a
     * date of birth would be, so it may show wherever the worker is picked or listed.
     */
    staffNumber: text("staff_number"),
    status: text("status", { enum: workerStatuses }).notNull().default("active"),
    leftOn: text("left_on"),
    /** The worker's own sign-in, when they have one. */
    userId: integer("user_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("care_workers_status", oneOf("status", workerStatuses)),
    index("care_workers_provider_name").on(t.providerId, t.name),
    // Namesakes at a provider, as app/models/worker-names.server.ts counts them.
    index("care_workers_provider_same_name").on(t.providerId, t.nameKey),
    uniqueIndex("care_workers_user").on(t.userId),
  ],
);

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** 10 digits, no spaces, modulus 11 checked. Never in a URL or a log. */
    nhsNumber: text("nhs_number").notNull(),
    dateOfBirth: text("date_of_birth").notNull(),
    setting: text("setting", { enum: careSettings }).notNull(),
    address: text("address").notNull().default(""),
    providerId: integer("provider_id")
      .notNull()
      .references(() => organisations.id),
    teamId: integer("team_id")
      .notNull()
      .references(() => organisations.id),
    gpPractice: text("gp_practice").notNull().default(""),
    capacityNotes: text("capacity_notes").notNull().default(""),
    consentNotes: text("consent_notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("people_setting", oneOf("setting", careSettings)),
    check("people_nhs_number", sql`length(nhs_number) = 10 AND nhs_number NOT GLOB '*[^0-9]*'`),
    uniqueIndex("people_nhs_number").on(t.nhsNumber),
    index("people_provider_name").on(t.providerId, t.name),
    index("people_team_name").on(t.teamId, t.name),
  ],
);

// ---------------------------------------------------------------------------
// The task catalogue
// ---------------------------------------------------------------------------

export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    category: text("category", { enum: taskCategories }).notNull(),
    inScope: text("in_scope").notNull().default(""),
    excluded: text("excluded").notNull().default(""),
    /** Person-specific tasks are signed off for one person, not in general. */
    personSpecific: bool("person_specific").notNull().default(false),
    requiredObservations: integer("required_observations").notNull().default(3),
    validityMonths: integer("validity_months").notNull().default(12),
    reviewIntervalMonths: integer("review_interval_months").notNull().default(6),
    escalationGuidance: text("escalation_guidance").notNull().default(""),
    active: bool("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("tasks_category", oneOf("category", taskCategories)),
    check("tasks_required_observations", sql`required_observations BETWEEN 1 AND 20`),
    check("tasks_validity_months", sql`validity_months BETWEEN 1 AND 60`),
    check("tasks_review_interval_months", sql`review_interval_months BETWEEN 1 AND 24`),
    uniqueIndex("tasks_code").on(t.code),
  ],
);

/** What a worker must hold before supervised practice (insulin: the national e-learning). */
export const taskPrerequisites = sqliteTable(
  "task_prerequisites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("task_prerequisites_task").on(t.taskId)],
);

/** Evidence that a worker met a prerequisite. */
export const workerPrerequisites = sqliteTable(
  "worker_prerequisites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workerId: integer("worker_id")
      .notNull()
      .references(() => careWorkers.id),
    prerequisiteId: integer("prerequisite_id")
      .notNull()
      .references(() => taskPrerequisites.id),
    achievedOn: text("achieved_on").notNull(),
    evidence: text("evidence").notNull().default(""),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("worker_prerequisites_worker_prerequisite").on(t.workerId, t.prerequisiteId)],
);

// ---------------------------------------------------------------------------
// Training, supervised practice and competency
// ---------------------------------------------------------------------------

export const trainingSessions = sqliteTable(
  "training_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    heldOn: text("held_on").notNull(),
    facilitatorId: integer("facilitator_id")
      .notNull()
      .references(() => users.id),
    mode: text("mode", { enum: trainingModes }).notNull(),
    location: text("location").notNull().default(""),
    notes: text("notes").notNull().default(""),
    /** A session scheduled ahead and called off: kept in the history, never given a register. */
    cancelledAt: text("cancelled_at"),
    cancelledBy: integer("cancelled_by").references(() => users.id),
    cancelReason: text("cancel_reason").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    check("training_sessions_mode", oneOf("mode", trainingModes)),
    index("training_sessions_held_on").on(t.heldOn),
    index("training_sessions_facilitator").on(t.facilitatorId),
  ],
);

export const trainingAttendances = sqliteTable(
  "training_attendances",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => trainingSessions.id),
    workerId: integer("worker_id")
      .notNull()
      .references(() => careWorkers.id),
    outcome: text("outcome", { enum: attendanceOutcomes }).notNull(),
  },
  (t) => [
    check("training_attendances_outcome", oneOf("outcome", attendanceOutcomes)),
    uniqueIndex("training_attendances_session_worker").on(t.sessionId, t.workerId),
    index("training_attendances_worker").on(t.workerId),
  ],
);

export const supervisedObservations = sqliteTable(
  "supervised_observations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workerId: integer("worker_id")
      .notNull()
      .references(() => careWorkers.id),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    /** For a person-specific task, whose care was observed. */
    personId: integer("person_id").references(() => people.id),
    observedOn: text("observed_on").notNull(),
    observerId: integer("observer_id")
      .notNull()
      .references(() => users.id),
    outcome: text("outcome", { enum: observationOutcomes }).notNull(),
    notes: text("notes").notNull().default(""),
    /** A mistaken observation is struck out, never deleted: kept in the history, no longer counted. */
    struckOutAt: text("struck_out_at"),
    struckOutBy: integer("struck_out_by").references(() => users.id),
    struckOutReason: text("struck_out_reason").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    check("supervised_observations_outcome", oneOf("outcome", observationOutcomes)),
    index("supervised_observations_worker_task").on(t.workerId, t.taskId, t.personId),
  ],
);

/**
 * One row per worker x task (x person, for a person-specific task). The current sign-off is
 * copied here (signedOffOn, expiresOn) so expiry queries use one index; the full history
 * lives in competency_sign_offs and competency_changes.
 */
export const competencies = sqliteTable(
  "competencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workerId: integer("worker_id")
      .notNull()
      .references(() => careWorkers.id),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    personId: integer("person_id").references(() => people.id),
    state: text("state", { enum: competencyStates }).notNull().default("in_training"),
    signedOffBy: integer("signed_off_by").references(() => users.id),
    signedOffOn: text("signed_off_on"),
    expiresOn: text("expires_on"),
    /** Why it is suspended, revoked or declined (the latest change). */
    stateReason: text("state_reason").notNull().default(""),
    stateChangedBy: integer("state_changed_by").references(() => users.id),
    stateChangedAt: text("state_changed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("competencies_state", oneOf("state", competencyStates)),
    check(
      "competencies_sign_off",
      sql`state NOT IN ('competent') OR (signed_off_on IS NOT NULL AND expires_on IS NOT NULL AND signed_off_by IS NOT NULL)`,
    ),
    check("competencies_expiry_after_sign_off", sql`expires_on IS NULL OR expires_on > signed_off_on`),
    // One general competency per worker and task, and one per person for person-specific tasks.
    uniqueIndex("competencies_worker_task").on(t.workerId, t.taskId).where(sql`person_id IS NULL`),
    uniqueIndex("competencies_worker_task_person")
      .on(t.workerId, t.taskId, t.personId)
      .where(sql`person_id IS NOT NULL`),
    index("competencies_task_state").on(t.taskId, t.state),
    // Scoped expiry queries (one provider's or team's workers) start from the worker.
    index("competencies_worker_state_expires").on(t.workerId, t.state, t.expiresOn),
    index("competencies_state_expires").on(t.state, t.expiresOn),
  ],
);

export const competencySignOffs = sqliteTable(
  "competency_sign_offs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    competencyId: integer("competency_id")
      .notNull()
      .references(() => competencies.id),
    kind: text("kind", { enum: signOffKinds }).notNull(),
    signedOffBy: integer("signed_off_by")
      .notNull()
      .references(() => users.id),
    signedOffOn: text("signed_off_on").notNull(),
    expiresOn: text("expires_on").notNull(),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    check("competency_sign_offs_kind", oneOf("kind", signOffKinds)),
    index("competency_sign_offs_competency").on(t.competencyId),
  ],
);

export const competencyChanges = sqliteTable(
  "competency_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    competencyId: integer("competency_id")
      .notNull()
      .references(() => competencies.id),
    fromState: text("from_state", { enum: competencyStates }),
    toState: text("to_state", { enum: competencyStates }).notNull(),
    reason: text("reason").notNull().default(""),
    changedBy: integer("changed_by")
      .notNull()
      .references(() => users.id),
    changedAt: text("changed_at").notNull(),
  },
  (t) => [index("competency_changes_competency").on(t.competencyId)],
);

// ---------------------------------------------------------------------------
// Delegation agreements
// ---------------------------------------------------------------------------

export const agreements = sqliteTable(
  "agreements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** `DA-2026-000123`. */
    reference: text("reference").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    teamId: integer("team_id")
      .notNull()
      .references(() => organisations.id),
    providerId: integer("provider_id")
      .notNull()
      .references(() => organisations.id),
    delegatorId: integer("delegator_id")
      .notNull()
      .references(() => users.id),
    state: text("state", { enum: agreementStates }).notNull().default("draft"),
    /** The newest version (a draft amendment, while one is open). */
    currentVersion: integer("current_version").notNull().default(1),
    /** The signed version in force, if any. */
    inForceVersion: integer("in_force_version"),
    startDate: text("start_date").notNull(),
    reviewDate: text("review_date").notNull(),
    stateReason: text("state_reason").notNull().default(""),
    /** Set when the safety interlock (rule 2), not a person, suspended it (docs/domain.md rule 5). */
    suspendedAutomatically: bool("suspended_automatically").notNull().default(false),
    stateChangedAt: text("state_changed_at"),
    awaitingSignaturesSince: text("awaiting_signatures_since"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("agreements_state", oneOf("state", agreementStates)),
    check("agreements_review_after_start", sql`review_date > start_date`),
    uniqueIndex("agreements_reference").on(t.reference),
    index("agreements_provider_state").on(t.providerId, t.state),
    index("agreements_team_state").on(t.teamId, t.state),
    index("agreements_person").on(t.personId),
    index("agreements_state_review").on(t.state, t.reviewDate),
  ],
);

/** Version N of an agreement; once sent for signature its content and hash never change. */
export const agreementVersions = sqliteTable(
  "agreement_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id),
    version: integer("version").notNull(),
    state: text("state", { enum: versionStates }).notNull().default("draft"),
    startDate: text("start_date").notNull(),
    reviewDate: text("review_date").notNull(),
    supervisionArrangements: text("supervision_arrangements").notNull().default(""),
    earlyReviewTriggers: text("early_review_triggers").notNull().default(""),
    /** Amendment: whether version N-1 stays in force until this one is active. */
    previousStaysInForce: bool("previous_stays_in_force").notNull().default(true),
    /** Amendment: why this version was started, in the nurse's words (shown with the version, its timeline and printout). */
    changeReason: text("change_reason").notNull().default(""),
    /** Canonical JSON of everything that was signed (set on freezing). */
    content: text("content"),
    /** SHA-256 of `content`, hex. */
    contentHash: text("content_hash"),
    /** Printed on every page; `/verify/:code`. */
    verificationCode: text("verification_code"),
    frozenAt: text("frozen_at"),
    frozenBy: integer("frozen_by").references(() => users.id),
    activatedAt: text("activated_at"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("agreement_versions_state", oneOf("state", versionStates)),
    check("agreement_versions_frozen", sql`state = 'draft' OR (content_hash IS NOT NULL AND content IS NOT NULL)`),
    uniqueIndex("agreement_versions_agreement_version").on(t.agreementId, t.version),
    uniqueIndex("agreement_versions_verification_code").on(t.verificationCode),
  ],
);

/** A task on a version, with its care-plan specifics. */
export const agreementTasks = sqliteTable(
  "agreement_tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => agreementVersions.id),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    instructions: text("instructions").notNull().default(""),
    carePlanReference: text("care_plan_reference").notNull().default(""),
    deviceOrProduct: text("device_or_product").notNull().default(""),
    parameters: text("parameters").notNull().default(""),
    mustNotDo: text("must_not_do").notNull().default(""),
    escalationPlan: text("escalation_plan").notNull().default(""),
  },
  (t) => [
    uniqueIndex("agreement_tasks_version_task").on(t.versionId, t.taskId),
    index("agreement_tasks_task").on(t.taskId),
  ],
);

export const agreementWorkers = sqliteTable(
  "agreement_workers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => agreementVersions.id),
    workerId: integer("worker_id")
      .notNull()
      .references(() => careWorkers.id),
  },
  (t) => [
    uniqueIndex("agreement_workers_version_worker").on(t.versionId, t.workerId),
    index("agreement_workers_worker").on(t.workerId),
  ],
);

export const consents = sqliteTable(
  "consents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id),
    kind: text("kind", { enum: consentKinds }).notNull(),
    representativeName: text("representative_name").notNull().default(""),
    authority: text("authority", { enum: representativeAuthorities }),
    /** Best interests: who made the decision and who was consulted. */
    decisionDetails: text("decision_details").notNull().default(""),
    givenOn: text("given_on").notNull(),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    notes: text("notes").notNull().default(""),
    /** A later record replaces an earlier one; neither is deleted. */
    withdrawnAt: text("withdrawn_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("consents_kind", oneOf("kind", consentKinds)),
    check(
      "consents_representative",
      sql`kind <> 'representative' OR (authority IS NOT NULL AND representative_name <> '')`,
    ),
    index("consents_agreement").on(t.agreementId),
  ],
);

export const signatures = sqliteTable(
  "signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => agreementVersions.id),
    /** `delegator`, `provider`, `person` or `worker:<care worker id>`. */
    party: text("party").notNull(),
    workerId: integer("worker_id").references(() => careWorkers.id),
    signerName: text("signer_name").notNull(),
    signerRole: text("signer_role").notNull().default(""),
    signerUserId: integer("signer_user_id").references(() => users.id),
    signedAt: text("signed_at").notNull(),
    method: text("method", { enum: signatureMethods }).notNull(),
    /** For a signature on paper: the signed-in user who recorded it. */
    recordedBy: integer("recorded_by").references(() => users.id),
    /** The version's content hash the signer was shown. */
    contentHash: text("content_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("signatures_method", oneOf("method", signatureMethods)),
    check(
      "signatures_party",
      sql`party IN ('delegator', 'provider', 'person') OR (party = 'worker:' || worker_id)`,
    ),
    check("signatures_paper_recorded", sql`method <> 'on_paper' OR recorded_by IS NOT NULL`),
    uniqueIndex("signatures_version_party").on(t.versionId, t.party),
  ],
);

export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id),
    version: integer("version").notNull(),
    reviewedOn: text("reviewed_on").notNull(),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    outcome: text("outcome", { enum: reviewOutcomes }).notNull(),
    nextReviewDate: text("next_review_date"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    check("reviews_outcome", oneOf("outcome", reviewOutcomes)),
    check("reviews_next_date", sql`outcome = 'end' OR next_review_date IS NOT NULL`),
    index("reviews_agreement").on(t.agreementId),
  ],
);

export const concerns = sqliteTable(
  "concerns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementId: integer("agreement_id").references(() => agreements.id),
    workerId: integer("worker_id").references(() => careWorkers.id),
    occurredOn: text("occurred_on").notNull(),
    whatHappened: text("what_happened").notNull(),
    actionTaken: text("action_taken").notNull().default(""),
    raisedBy: integer("raised_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** The task the concern is about, when it is about one (app/domain/concerns.ts). */
    taskId: integer("task_id").references(() => tasks.id),
    harm: text("harm", { enum: CONCERN_HARMS }).notNull().default("not_known"),
    /** Open until a nurse or provider manager closes it with an outcome; never deleted (docs/domain.md rule 14). */
    status: text("status", { enum: CONCERN_STATUSES }).notNull().default("open"),
    closedAt: text("closed_at"),
    closedBy: integer("closed_by").references(() => users.id),
    outcome: text("outcome").notNull().default(""),
  },
  (t) => [
    check("concerns_subject", sql`agreement_id IS NOT NULL OR worker_id IS NOT NULL`),
    index("concerns_agreement").on(t.agreementId),
    index("concerns_worker").on(t.workerId),
  ],
);

/**
 * What was done about a concern: each follow-up made from the concern's page (a competency
 * suspended, an agreement reviewed) points at the concern and at the record it made, so both
 * pages show the link. A table rather than a column on the concern: one concern may lead to
 * several follow-ups (suspend two workers, then review the agreement).
 */
export const concernFollowUps = sqliteTable(
  "concern_follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    concernId: integer("concern_id")
      .notNull()
      .references(() => concerns.id),
    kind: text("kind", { enum: concernFollowUpKinds }).notNull(),
    competencyId: integer("competency_id").references(() => competencies.id),
    reviewId: integer("review_id").references(() => reviews.id),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [
    check("concern_follow_ups_kind", oneOf("kind", concernFollowUpKinds)),
    check("concern_follow_ups_target", sql`(kind = 'competency_suspended' AND competency_id IS NOT NULL) OR (kind = 'agreement_reviewed' AND review_id IS NOT NULL)`),
    index("concern_follow_ups_concern").on(t.concernId),
  ],
);

/**
 * The latest printout of a fully signed version, kept so that printing it again the same day is
 * fast. `print_key` fingerprints everything printed (content, status on the day, print date,
 * competencies): a copy is served only when today's printout would be identical
 * (docs/decisions/012-printout-status-at-print-time.md). A cache: nothing here is not elsewhere. (It replaced `stored_pdfs`, which was keyed by content alone.)
 */
export const storedPdfs = sqliteTable("stored_printouts", {
  versionId: integer("version_id")
    .primaryKey()
    .references(() => agreementVersions.id),
  printKey: text("print_key").notNull(),
  printedOn: text("printed_on").notNull(),
  bytes: blob("bytes", { mode: "buffer" }).notNull(),
  createdAt: createdAt(),
});

/**
 * Every skills passport printed: its verification code and what it showed on the day (docs/domain.md
 * rule 11 applied to passports), so `/verify/:code` can say what the printout said and whether each
 * competency holds today. `content` is the canonical JSON of the printed competencies with their
 * ids; `contentHash` its SHA-256. Never changed after it is written.
 */
export const passportPrints = sqliteTable(
  "passport_prints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    verificationCode: text("verification_code").notNull(),
    workerId: integer("worker_id")
      .notNull()
      .references(() => careWorkers.id),
    printedBy: integer("printed_by")
      .notNull()
      .references(() => users.id),
    printedAt: text("printed_at").notNull(),
    printedOn: text("printed_on").notNull(),
    content: text("content").notNull(),
    contentHash: text("content_hash").notNull(),
  },
  (t) => [uniqueIndex("passport_prints_verification_code").on(t.verificationCode), index("passport_prints_worker").on(t.workerId)],
);

// ---------------------------------------------------------------------------
// Governance and plumbing
// ---------------------------------------------------------------------------

/** Append-only and hash-chained: hash = SHA-256(previous hash + canonical JSON of the event). */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    details: text("details").notNull().default("{}"),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_entity").on(t.entityType, t.entityId),
    index("audit_events_actor").on(t.actorId),
    index("audit_events_at").on(t.at),
  ],
);

/** Deployment settings an admin edits (alert windows, session lifetimes); JSON values. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});

/** Email to send (notices, invitations, the daily digest): sent by the server's mailer or the digest job, retried until it goes. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Makes a message once-only, e.g. `digest:2026-11-22:user:7`. */
    dedupeKey: text("dedupe_key").notNull(),
    toUserId: integer("to_user_id").references(() => users.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** Held a one-time link: the body is blanked once sent (app/services/mail.server.ts). */
    sensitive: bool("sensitive").notNull().default(false),
    state: text("state", { enum: outboxStates }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error").notNull().default(""),
    sentAt: text("sent_at"),
    /**
     * A sender's claim on the message while it sends it: who (process and host) and until when.
     * Several senders (server processes, hosts, the digest job) claim before sending, so each
     * message goes once; a claim that outlives a crashed sender lapses and the message is tried again.
     */
    claimedBy: text("claimed_by"),
    claimedUntil: text("claimed_until"),
    createdAt: createdAt(),
  },
  (t) => [
    check("outbox_state", oneOf("state", outboxStates)),
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    index("outbox_state").on(t.state),
  ],
);

/**
 * What the app told a user (an agreement sent for their signature, activated, suspended, ended; a
 * task declined), shown on their Notifications page. Written by app/models/notifications.server.ts
 * in the same transaction as the change and the email that says the same.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** e.g. `agreement_sent`, `agreement_active`, `agreement_suspended`, `agreement_ended`, `task_declined`. */
    kind: text("kind").notNull(),
    /** Once-only, like the email's dedupe key. */
    dedupeKey: text("dedupe_key").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** A path in the app where the user acts. */
    link: text("link").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [uniqueIndex("notifications_dedupe_key").on(t.dedupeKey), index("notifications_user_created").on(t.userId, t.createdAt)],
);

/**
 * One row per form submission that wrote something: the one-time token rendered in the form,
 * who sent it, and what the write returned, so a repeated submission (a double click, a
 * resent request) writes nothing and lands on the same result (app/web/submission.server.ts).
 */
export const formSubmissions = sqliteTable("form_submissions", {
  token: text("token").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  form: text("form").notNull(),
  /** The write's result as JSON (e.g. the id of the record created). */
  result: text("result").notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------
// Single sign-on with the organisation's account (issue 15, part 1: OpenID Connect;
// docs/decisions/022-sign-in-with-the-organisations-account.md)
// ---------------------------------------------------------------------------

/**
 * An organisation's sign-in service (NHS CIS2, Microsoft Entra ID), set up by an administrator.
 * Its client secret is never stored: it is read from the environment (`SSO_<KEY>_CLIENT_SECRET`).
 */
export const identityProviders = sqliteTable(
  "identity_providers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Short, lower case, in addresses and the environment variable's name: `cis2`. */
    key: text("key").notNull(),
    /** Shown on the button: "Sign in with NHS Care Identity Service 2". */
    name: text("name").notNull(),
    /** The issuer address (https; http only on this machine, for testing). */
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    /** Which claim of the ID token carries the email address: `email`, or `preferred_username` (Entra ID). */
    emailClaim: text("email_claim").notNull().default("email"),
    /** Administrators may sign in with it (they are in no organisation). */
    adminsMayUse: bool("admins_may_use").notNull().default(false),
    enabled: bool("enabled").notNull().default(true),
    /** People in its organisations must use it: their passwords stop working. */
    required: bool("required").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("identity_providers_key").on(t.key)],
);

/** The organisations whose people may sign in with a provider. */
export const identityProviderOrganisations = sqliteTable(
  "identity_provider_organisations",
  {
    providerId: integer("provider_id")
      .notNull()
      .references(() => identityProviders.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.organisationId] })],
);

/** An account's remembered subject (`sub`) at a provider: one per account and provider, and one account per subject. */
export const identityLinks = sqliteTable(
  "identity_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    providerId: integer("provider_id")
      .notNull()
      .references(() => identityProviders.id),
    subject: text("subject").notNull(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [uniqueIndex("identity_links_subject").on(t.providerId, t.subject), uniqueIndex("identity_links_user").on(t.userId, t.providerId)],
);

/**
 * A sign-in sent to a provider and not yet back: single use, for 10 minutes, bound to the browser
 * by a cookie holding a random token whose SHA-256 is the id.
 */
export const organisationSignIns = sqliteTable(
  "organisation_sign_ins",
  {
    id: text("id").primaryKey(),
    providerId: integer("provider_id")
      .notNull()
      .references(() => identityProviders.id),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectTo: text("redirect_to").notNull().default("/"),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("organisation_sign_ins_expires").on(t.expiresAt)],
);

// ---------------------------------------------------------------------------
// Two-factor authentication for local accounts (issue 15, item 3; docs/decisions/023)
// ---------------------------------------------------------------------------

/**
 * A user's authenticator app (RFC 6238). The shared secret is kept sealed (AES-256-GCM under a
 * key derived from SESSION_SECRET, app/services/two-factor-secret.server.ts), never in the clear.
 * At most one live row a user (`ended_at IS NULL`); turning it off or an admin's reset ends it.
 */
export const twoFactorCredentials = sqliteTable(
  "two_factor_credentials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    secretSealed: text("secret_sealed").notNull(),
    confirmedAt: text("confirmed_at").notNull(),
    /** The last time step whose code was accepted: a code for it or an earlier step is refused (replay). */
    lastUsedStep: integer("last_used_step").notNull(),
    endedAt: text("ended_at"),
    /** `turned_off` (by the user), `reset` (by an administrator). */
    endReason: text("end_reason"),
  },
  (t) => [uniqueIndex("two_factor_credentials_live").on(t.userId).where(sql`ended_at IS NULL`)],
);

/** Recovery codes: only their SHA-256; each works once; making new ones ends the old. */
export const twoFactorRecoveryCodes = sqliteTable(
  "two_factor_recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    credentialId: integer("credential_id")
      .notNull()
      .references(() => twoFactorCredentials.id),
    codeHash: text("code_hash").notNull(),
    createdAt: text("created_at").notNull(),
    usedAt: text("used_at"),
    /** Replaced by new codes, or the credential ended. */
    endedAt: text("ended_at"),
  },
  (t) => [index("two_factor_recovery_codes_credential").on(t.credentialId), index("two_factor_recovery_codes_hash").on(t.codeHash)],
);

/** Every code tried at sign-in (for the throttle: wrong codes per account). */
export const twoFactorAttempts = sqliteTable(
  "two_factor_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
    succeeded: bool("succeeded").notNull(),
    ipAddress: text("ip_address").notNull().default(""),
  },
  (t) => [index("two_factor_attempts_user_at").on(t.userId, t.at)],
);

/**
 * A sign-in whose password was right but which still needs a second step: the browser holds a
 * random token in the short-lived `dc_sign_in` cookie; this table holds only its SHA-256. Single
 * use, and it expires (app/domain/two-factor.ts PENDING_SIGN_IN_MINUTES).
 */
export const pendingSignIns = sqliteTable(
  "pending_sign_ins",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    stage: text("stage", { enum: pendingSignInStages }).notNull(),
    /** Where the user was going (already checked by safeRedirectTo). */
    target: text("target").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [check("pending_sign_ins_stage", oneOf("stage", pendingSignInStages)), index("pending_sign_ins_user").on(t.userId)],
);

/**
 * Requests counted per key and fixed window, for limits on what anyone may ask without signing in
 * (checking printout codes at /verify). Kept in the database so that every server process and
 * host counts together (docs/decisions/030-several-server-processes.md); old windows are deleted
 * as new ones are counted.
 */
export const rateLimitHits = sqliteTable(
  "rate_limit_hits",
  {
    key: text("key").notNull(),
    windowStart: text("window_start").notNull(),
    count: integer("count").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_hits_window").on(t.windowStart)],
);
