/**
 * The tables the app queries: db/schema.ts's, or their PostgreSQL mirrors (db/schema.pg.ts) when
 * DATABASE_URL is a postgres:// URL (docs/decisions/032-one-model-layer-two-engines.md). Chosen once,
 * when the process starts; their TypeScript types are db/schema.ts's on either engine.
 */
import * as pg from "./schema.pg";
import * as sqlite from "./schema";
import { databaseEngine } from "./engine-name";

const postgres = databaseEngine(process.env.DATABASE_URL) === "postgres";
const pick = <K extends keyof typeof sqlite & keyof typeof pg>(name: K) => (postgres ? pg[name] : sqlite[name]) as unknown as (typeof sqlite)[K];

// One line a table, as in db/schema.pg.ts.
export const agreementTasks = pick("agreementTasks");
export const agreementVersions = pick("agreementVersions");
export const agreementWorkers = pick("agreementWorkers");
export const agreements = pick("agreements");
export const auditEvents = pick("auditEvents");
export const careWorkers = pick("careWorkers");
export const competencies = pick("competencies");
export const competencyChanges = pick("competencyChanges");
export const competencySignOffs = pick("competencySignOffs");
export const concernFollowUps = pick("concernFollowUps");
export const concerns = pick("concerns");
export const consents = pick("consents");
export const facilitatorTeams = pick("facilitatorTeams");
export const formSubmissions = pick("formSubmissions");
export const identityLinks = pick("identityLinks");
export const identityProviderOrganisations = pick("identityProviderOrganisations");
export const identityProviders = pick("identityProviders");
export const invitations = pick("invitations");
export const notifications = pick("notifications");
export const organisationSignIns = pick("organisationSignIns");
export const organisations = pick("organisations");
export const outbox = pick("outbox");
export const passportPrints = pick("passportPrints");
export const passwordResets = pick("passwordResets");
export const pendingSignIns = pick("pendingSignIns");
export const people = pick("people");
export const rateLimitHits = pick("rateLimitHits");
export const reviews = pick("reviews");
export const sessions = pick("sessions");
export const settings = pick("settings");
export const signInAttempts = pick("signInAttempts");
export const signatures = pick("signatures");
export const storedPdfs = pick("storedPdfs");
export const supervisedObservations = pick("supervisedObservations");
export const taskPrerequisites = pick("taskPrerequisites");
export const tasks = pick("tasks");
export const teamProviders = pick("teamProviders");
export const trainingAttendances = pick("trainingAttendances");
export const trainingSessions = pick("trainingSessions");
export const twoFactorAttempts = pick("twoFactorAttempts");
export const twoFactorCredentials = pick("twoFactorCredentials");
export const twoFactorRecoveryCodes = pick("twoFactorRecoveryCodes");
export const users = pick("users");
export const workerPrerequisites = pick("workerPrerequisites");
