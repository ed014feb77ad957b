import { first, inTransaction, inserted, rawRows } from "~/models/transaction.server";
/**
 * Demo data: a small, realistic region, so a newcomer sees the product in the first minute.
 * Dates are relative to the day the demo starts. Run on first start of an empty database in
 * demo mode (`npm start`), or by hand with `npm run db:seed`.
 */
import { seedDemoIdentityProvider } from "./seed-identity-providers";
import { eq, sql } from "drizzle-orm";
import { addDays, addMonths } from "~/domain/dates";
import { sameNameKey } from "~/domain/worker-labels";
import { ServiceDetailsSchema } from "~/domain/service-details";
import { updateServiceDetails } from "~/models/service-details.server";
import { recordAudit } from "~/models/audit-log.server";
import type { Clock } from "~/services/clock.server";
import { hashPassword } from "~/services/password.server";
import type { Db } from "./client";
import { seedAccounts } from "./seed-accounts";
import { seedPassportPrint } from "./seed-passports";
import { seedAgreements, seedInterlock } from "./seed-agreements";
import { CATALOGUE } from "./seed-catalogue";
import { seedConcerns } from "./seed-concerns";
import {
  careWorkers,
  competencies,
  competencyChanges,
  competencySignOffs,
  facilitatorTeams,
  organisations,
  people,
  supervisedObservations,
  taskPrerequisites,
  tasks,
  teamProviders,
  trainingAttendances,
  trainingSessions,
  users,
  workerPrerequisites,
} from "./tables";

export const DEMO_PASSWORD = "delegated-care-demo";

/** The organisation running the demo deployment (fictional, with Ofcom's drama phone numbers and example addresses). */
export const DEMO_SERVICE_DETAILS = {
  operatorName: "Ashworth Community Health NHS Trust",
  helpEmail: "delegatedcare.help@example.nhs.uk",
  helpPhone: "0161 496 0500",
  helpHours: "Monday to Friday, 8am to 6pm, except bank holidays",
  addressLines: "Ashworth Community Health NHS Trust\nTrust Headquarters, Riverside House\n4 Canal Street\nManchester",
  postcode: "M1 3HU",
  dpoName: "Data Protection Officer",
  dpoEmail: "dpo.ashworthcommunity@example.nhs.uk",
  icoNumber: "ZA123456",
};

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await first(rawRows<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${organisations}`));
  return Number(row?.n ?? 0) === 0;
}

/** Appends a modulus 11 check digit to a 9-digit stem; null when no digit works. */
export function withCheckDigit(stem: string): string | null {
  let total = 0;
  for (let i = 0; i < 9; i++) total += Number(stem[i]) * (10 - i);
  const check = (11 - (total % 11)) % 11;
  return check === 10 ? null : `${stem}${check}`;
}

/** Valid NHS numbers in the 999 range that NHS England keeps for testing. */
function demoNhsNumbers(count: number): string[] {
  const out: string[] = [];
  for (let n = 1000001; out.length < count; n++) {
    const number = withCheckDigit(`99${n}`);
    if (number) out.push(number);
  }
  return out;
}

export async function seedDemoData(db: Db, { clock, publicUrl = "http://localhost:3000" }: { clock: Clock; publicUrl?: string }) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  const today = clock.today();

  return inTransaction(db, async (tx) => {
      const org = async (values: typeof organisations.$inferInsert) =>
        (await inserted(tx.insert(organisations).values(values).returning({ id: organisations.id }))).id;

      const north = await org({
        kind: "nhs_team",
        name: "Ashworth North District Nursing Team",
        odsCode: "RX1N1",
        address: "Ashworth Health Centre, 12 Mill Lane, Ashworth",
        postcode: "AS1 2MN",
        phone: "0161 496 0100",
        email: "ashworth.north.dn@example.nhs.uk",
        escalationInHours: "District nurse coordinator 0161 496 0101 (8am to 6pm)",
        escalationOutOfHours: "Out-of-hours district nursing 0161 496 0199, or 111",
      });
      const south = await org({
        kind: "nhs_team",
        name: "Ashworth South District Nursing Team",
        odsCode: "RX1S1",
        address: "Southgate Clinic, 4 Quay Street, Ashworth",
        postcode: "AS4 7QS",
        phone: "0161 496 0200",
        email: "ashworth.south.dn@example.nhs.uk",
        escalationInHours: "District nurse coordinator 0161 496 0201 (8am to 6pm)",
        escalationOutOfHours: "Out-of-hours district nursing 0161 496 0199, or 111",
      });
      const provider = async (name: string, cqc: string, extra: Partial<typeof organisations.$inferInsert>) =>
        await org({
          kind: "provider",
          name,
          cqcLocationId: cqc,
          regulatedActivities: ["personal_care", "treatment_disease_disorder_injury"],
          insuranceConfirmed: true,
          insurer: "Allied Care Insurance",
          insuranceConfirmedOn: addMonths(today, -2),
          ...extra,
        });
      const brightside = await provider("Brightside Home Care", "1-101234567", {
        address: "Unit 3\nCanal Works\nAshworth",
        postcode: "AS2 1CW",
        phone: "0161 496 0300",
        email: "office@brightside.example.org",
        escalationInHours: "Office 0161 496 0300",
        escalationOutOfHours: "On-call manager 07700 900300",
      });
      const oakfield = await provider("Oakfield Care Home", "1-102345678", {
        regulatedActivities: ["accommodation_personal_care", "treatment_disease_disorder_injury"],
        address: "Oakfield House, 1 Park Road, Ashworth",
        postcode: "AS3 9PR",
        phone: "0161 496 0400",
        email: "manager@oakfield.example.org",
        escalationInHours: "Nurse in charge 0161 496 0400",
        escalationOutOfHours: "Nurse in charge 0161 496 0400",
      });
      const meadowbank = await provider("Meadowbank Support Services", "1-103456789", {
        address: "22 High Street, Ashworth",
        postcode: "AS1 4HS",
        phone: "0161 496 0500",
        email: "care@meadowbank.example.org",
        escalationInHours: "Office 0161 496 0500",
        escalationOutOfHours: "On-call 07700 900500",
      });
      const harbour = await provider("Harbour Lights Home Care", "1-104567890", {
        regulatedActivities: ["personal_care"],
        insuranceConfirmed: false,
        insurer: "",
        insuranceConfirmedOn: null,
        address: "Harbour Chambers, Dock Road, Ashworth",
        postcode: "AS5 2DR",
        phone: "0161 496 0600",
        email: "hello@harbourlights.example.org",
        escalationInHours: "Office 0161 496 0600",
        escalationOutOfHours: "On-call 07700 900600",
      });

      for (const [teamId, providerId] of [
        [north, brightside],
        [north, oakfield],
        [north, meadowbank],
        [south, meadowbank],
        [south, harbour],
      ] as const) {
        await tx.insert(teamProviders).values({ teamId, providerId });
      }

      const user = async (values: Omit<typeof users.$inferInsert, "passwordHash">) =>
        (await inserted(tx
          .insert(users)
          .values({ ...values, passwordHash, passwordChangedAt: now.toISOString() })
          .returning({ id: users.id }))).id;

      const admin = await user({ email: "admin@example.org", name: "Alex Morgan", role: "admin", jobTitle: "Service administrator" });
      const nurse = await user({
        email: "nurse@example.org",
        name: "Priya Shah",
        role: "nurse",
        organisationId: north,
        professionalRegistration: "12A3456E",
        jobTitle: "District nursing sister",
      });
      const nurseSouth = await user({
        email: "nurse.south@example.org",
        name: "Tom Okafor",
        role: "nurse",
        organisationId: south,
        professionalRegistration: "09B7654C",
        jobTitle: "Community staff nurse",
      });
      const facilitator = await user({
        email: "facilitator@example.org",
        name: "Grace Liu",
        role: "facilitator",
        organisationId: north,
        jobTitle: "Blended-role facilitator",
      });
      await tx.insert(facilitatorTeams).values({ userId: facilitator, teamId: south });
      const manager = await user({
        email: "manager@example.org",
        name: "Sam Patel",
        role: "provider_manager",
        organisationId: brightside,
        jobTitle: "Registered manager",
      });
      const manager2 = await user({
        email: "manager2@example.org",
        name: "Joanne Fraser",
        role: "provider_manager",
        organisationId: oakfield,
        jobTitle: "Registered manager",
      });
      const manager3 = await user({
        email: "manager3@example.org",
        name: "Dev Mistry",
        role: "provider_manager",
        organisationId: meadowbank,
        jobTitle: "Registered manager",
      });
      // Harbour Lights' manager signs its agreements for the provider (docs/domain.md rule 2).
      const manager4 = await user({
        email: "manager4@example.org",
        name: "Karen Hale",
        role: "provider_manager",
        organisationId: harbour,
        jobTitle: "Registered manager",
      });
      const workerUser = await user({
        email: "worker@example.org",
        name: "Maria Santos",
        role: "care_worker",
        organisationId: brightside,
        jobTitle: "Senior care worker",
      });

      const worker = async (providerId: number, name: string, jobTitle: string, careCertificateMonthsAgo: number, extra: Partial<typeof careWorkers.$inferInsert> = {}) =>
        (await inserted(tx
          .insert(careWorkers)
          // Joined their provider six months before the Care Certificate: before any of their supervised practice.
          .values({ providerId, name, nameKey: sameNameKey(name), jobTitle, careCertificateOn: addMonths(today, -careCertificateMonthsAgo), joinedOn: addMonths(today, -careCertificateMonthsAgo - 6), ...extra })
          .returning({ id: careWorkers.id }))).id;

      const workers = {
        maria: await worker(brightside, "Maria Santos", "Senior care worker", 40, { userId: workerUser }),
        // A staff number, as most providers issue: his expired blood glucose alert and the CSVs carry it (decision record 018).
        james: await worker(brightside, "James Whitfield", "Care worker", 26, { staffNumber: "BHC-1012" }),
        aisha: await worker(brightside, "Aisha Begum", "Care worker", 14),
        chloe: await worker(brightside, "Chloe Barker", "Care worker", 8),
        // Two care workers with one name at one provider, told apart by their staff numbers wherever
        // they are picked or listed (app/domain/worker-labels.ts).
        grace: await worker(brightside, "Grace Okafor", "Senior care worker", 60, { staffNumber: "BHC-1043" }),
        graceNew: await worker(brightside, "Grace Okafor", "Care worker", 3, { staffNumber: "BHC-2077" }),
        ryan: await worker(brightside, "Ryan Doyle", "Care worker", 30, { status: "left", leftOn: addMonths(today, -1) }),
        helen: await worker(oakfield, "Helen Kowalski", "Senior carer", 50),
        daniel: await worker(oakfield, "Daniel Mensah", "Carer", 20),
        sophie: await worker(oakfield, "Sophie Turner", "Carer", 11),
        ben: await worker(oakfield, "Ben Ashworth", "Night carer", 36),
        fatima: await worker(meadowbank, "Fatima Noor", "Support worker", 18),
        liam: await worker(meadowbank, "Liam Hughes", "Support worker", 9),
        zara: await worker(meadowbank, "Zara Ahmed", "Senior support worker", 44),
        peter: await worker(harbour, "Peter Nowak", "Care worker", 16),
        olivia: await worker(harbour, "Olivia Reid", "Care worker", 7),
        // No sign-in yet, named on Norman Fisher's agreement awaiting signatures: her manager invites her (issue 13).
        nadia: await worker(brightside, "Nadia Rahman", "Care worker", 10),
      };

      const numbers = demoNhsNumbers(11);
      const person = async (values: Omit<typeof people.$inferInsert, "nhsNumber">, i: number) =>
        (await inserted(tx.insert(people).values({ ...values, nhsNumber: numbers[i]! }).returning({ id: people.id }))).id;
      const personIds = {
        edith: await person({ name: "Edith Clarke", dateOfBirth: "1938-04-12", setting: "own_home", address: "7 Rose Terrace\nAshworth\nAS1 3RT", providerId: brightside, teamId: north, gpPractice: "Mill Lane Surgery", capacityNotes: "Has capacity to consent to her care; hard of hearing, speak clearly.", consentNotes: "Consents to insulin being given by named carers." }, 0),
        arthur: await person({ name: "Arthur Bennett", dateOfBirth: "1944-11-02", setting: "own_home", address: "15 Church Walk, Ashworth AS2 5CW", providerId: brightside, teamId: north, gpPractice: "Mill Lane Surgery", capacityNotes: "Has capacity.", consentNotes: "" }, 1),
        margaret: await person({ name: "Margaret Hollis", dateOfBirth: "1931-06-30", setting: "care_home", address: "Oakfield Care Home, Room 4", providerId: oakfield, teamId: north, gpPractice: "Parkside Medical Practice", capacityNotes: "Lacks capacity for decisions about her care (assessment on file); daughter holds LPA for health and welfare.", consentNotes: "" }, 2),
        george: await person({ name: "George Whitaker", dateOfBirth: "1950-01-19", setting: "care_home", address: "Oakfield Care Home, Room 11", providerId: oakfield, teamId: north, gpPractice: "Parkside Medical Practice", capacityNotes: "Has capacity.", consentNotes: "" }, 3),
        ivy: await person({ name: "Ivy Thompson", dateOfBirth: "1936-09-08", setting: "own_home", address: "3 Brook Close, Ashworth AS1 8BC", providerId: meadowbank, teamId: north, gpPractice: "Mill Lane Surgery", capacityNotes: "Fluctuating capacity; best-interests decision recorded for PEG feeding.", consentNotes: "" }, 4),
        raymond: await person({ name: "Raymond Price", dateOfBirth: "1947-03-22", setting: "own_home", address: "41 Station Road, Ashworth AS4 1SR", providerId: meadowbank, teamId: south, gpPractice: "Southgate Surgery", capacityNotes: "Has capacity.", consentNotes: "" }, 5),
        doris: await person({ name: "Doris Fielding", dateOfBirth: "1929-12-25", setting: "own_home", address: "9 Harbour View, Ashworth AS5 3HV", providerId: harbour, teamId: south, gpPractice: "Southgate Surgery", capacityNotes: "Has capacity.", consentNotes: "" }, 6),
        stanley: await person({ name: "Stanley Moore", dateOfBirth: "1941-07-14", setting: "own_home", address: "28 Quay Street, Ashworth AS4 7QS", providerId: harbour, teamId: south, gpPractice: "Southgate Surgery", capacityNotes: "Has capacity.", consentNotes: "" }, 7),
        harold: await person({ name: "Harold Jenkins", dateOfBirth: "1939-05-17", setting: "own_home", address: "5 Ferry Lane, Ashworth AS5 2FL", providerId: harbour, teamId: south, gpPractice: "Southgate Surgery", capacityNotes: "Has capacity.", consentNotes: "" }, 9),
        winifred: await person({ name: "Winifred Shaw", dateOfBirth: "1933-02-03", setting: "own_home", address: "2 Canal Side, Ashworth AS2 2CS", providerId: brightside, teamId: north, gpPractice: "Mill Lane Surgery", capacityNotes: "Has capacity.", consentNotes: "" }, 8),
        norman: await person({ name: "Norman Fisher", dateOfBirth: "1942-08-09", setting: "own_home", address: "11 Lock Street, Ashworth AS2 4LS", providerId: brightside, teamId: north, gpPractice: "Mill Lane Surgery", capacityNotes: "Has capacity.", consentNotes: "" }, 10),
      };

      const taskIds: Record<string, number> = {};
      const prerequisiteIds: Record<string, number> = {};
      for (const { prerequisites, ...task } of CATALOGUE) {
        const id = (await inserted(tx.insert(tasks).values(task).returning({ id: tasks.id }))).id;
        taskIds[task.code] = id;
        for (const p of prerequisites) {
          prerequisiteIds[task.code] = (await inserted(tx.insert(taskPrerequisites).values({ taskId: id, ...p }).returning({ id: taskPrerequisites.id }))).id;
        }
      }

      const competencyChangesLater = await seedCompetencies(tx, {
        today,
        now,
        workers,
        people: personIds,
        tasks: taskIds,
        prerequisites: prerequisiteIds,
        facilitator,
        nurse,
        nurseSouth,
      });
      const agreementIds = await seedAgreements(tx, {
        today,
        now,
        users: { nurse, nurseSouth, manager, manager2, manager3, manager4, workerUser },
        workers,
        people: personIds,
        tasks: taskIds,
      });
      // What happened to competencies later (suspensions, a revocation, a refusal), then the
      // interlock suspending the agreement that lost its only competent worker.
      for (const change of competencyChangesLater) await change();
      await seedInterlock(tx, { today, daysAgo: 39 });
      // Concerns: one open, one closed with a follow-up, on the North team's and Brightside's records.
      await seedConcerns(tx, { today, now, users: { nurse, nurseSouth, manager, workerUser }, workers, tasks: taskIds, agreements: agreementIds });
      await seedAccounts(tx, { now, workers, manager });
      // Who runs the demo deployment: shown in the footer and on the help, privacy, cookies and accessibility pages.
      await updateServiceDetails(tx, { actorId: admin, details: ServiceDetailsSchema.parse(DEMO_SERVICE_DETAILS), at: now });
      await seedPassportPrint(tx, { today, now, workers, manager });
      // "Sign in with NHS Care Identity Service 2 (demo)" at /login, for the NHS teams (scripts/identity-provider.ts).
      await seedDemoIdentityProvider(tx, { publicUrl, adminId: admin, at: now });

      await recordAudit(tx, {
        actorId: null,
        action: "seed.demo",
        entityType: "deployment",
        entityId: "demo",
        details: { today, note: "Demo data written on first start" },
        at: now,
      });

      return {
        today,
        orgs: { north, south, brightside, oakfield, meadowbank, harbour },
        users: { admin, nurse, nurseSouth, facilitator, manager, manager2, manager3, manager4, workerUser },
        workers,
        people: personIds,
        tasks: taskIds,
        prerequisites: prerequisiteIds,
        agreements: agreementIds,
      };
  });
}

type SeedRefs = {
  today: string;
  now: Date;
  workers: Record<string, number>;
  people: Record<string, number>;
  tasks: Record<string, number>;
  prerequisites: Record<string, number>;
  facilitator: number;
  nurse: number;
  nurseSouth: number;
};

/**
 * Competencies in every status, relative to today: current, expiring inside 30 and 60 days,
 * expired, suspended, revoked, declined, in training with 2 of 3 observations, ready for
 * sign-off, and person-specific sign-offs; with the training and observations behind them, and
 * a session scheduled ahead.
 */
async function seedCompetencies(tx: Db, r: SeedRefs): Promise<(() => void)[]> {
  const { today, now, workers: w, people: p, tasks: t } = r;
  const validity = (code: string) => CATALOGUE.find((c) => c.code === code)!.validityMonths;
  const required = (code: string) => CATALOGUE.find((c) => c.code === code)!.requiredObservations;

  const prerequisite = async (workerId: number, code: string, monthsAgo: number) =>
    await tx.insert(workerPrerequisites).values({ workerId, prerequisiteId: r.prerequisites[code]!, achievedOn: addMonths(today, -monthsAgo), evidence: "Certificate seen", recordedBy: r.facilitator });

  const observe = async (workerId: number, code: string, personId: number | null, on: string, outcome: "satisfactory" | "not_yet" = "satisfactory", observer = r.facilitator) =>
    await tx.insert(supervisedObservations).values({ workerId, taskId: t[code]!, personId, observedOn: on, observerId: observer, outcome, notes: outcome === "satisfactory" ? "Safe and confident; followed the care plan." : "Needed prompting to check the dose against the chart." });

  const open = async (workerId: number, code: string, personId: number | null) =>
    (await inserted(tx.insert(competencies).values({ workerId, taskId: t[code]!, personId, state: "in_training" }).returning({ id: competencies.id }))).id;

  const change = async (competencyId: number, fromState: typeof competencies.$inferSelect.state | null, toState: typeof competencies.$inferSelect.state, reason: string, by: number, at: Date) =>
    await tx.insert(competencyChanges).values({ competencyId, fromState, toState, reason, changedBy: by, changedAt: at.toISOString() });

  /** Observations before the sign-off, then the sign-off itself, `daysAgo` days before today. */
  const signedOff = async (workerId: number, code: string, daysAgo: number, opts: { personId?: number; by?: number } = {}) => {
    const personId = opts.personId ?? null;
    const by = opts.by ?? r.facilitator;
    const signedOffOn = addDays(today, -daysAgo);
    for (let i = required(code); i >= 1; i--) await observe(workerId, code, personId, addDays(signedOffOn, -7 * i), "satisfactory", by);
    const id = await open(workerId, code, personId);
    const at = new Date(`${signedOffOn}T14:00:00Z`);
    await change(id, null, "in_training", "First supervised observation", by, new Date(`${addDays(signedOffOn, -7 * required(code))}T10:00:00Z`));
    const expiresOn = addMonths(signedOffOn, validity(code));
    await tx.insert(competencySignOffs).values({ competencyId: id, kind: "initial", signedOffBy: by, signedOffOn, expiresOn, notes: "" });
    await tx.update(competencies).set({ state: "competent", signedOffBy: by, signedOffOn, expiresOn }).where(eq(competencies.id, id));
    await change(id, "in_training", "competent", "Signed off", by, at);
    // The audit trail shows the demo's sign-offs as the app would have written them.
    await recordAudit(tx, { actorId: by, action: "competency.sign_off", entityType: "competency", entityId: id, details: { workerId, taskId: t[code]!, personId, signedOffOn, expiresOn }, at });
    return id;
  };

  const later: (() => Promise<void>)[] = [];
  const setState = (id: number, toState: "suspended" | "revoked" | "declined", reason: string, by: number, daysAgo: number) =>
    later.push(() => changeState(id, toState, reason, by, daysAgo));
  const changeState = async (id: number, toState: "suspended" | "revoked" | "declined", reason: string, by: number, daysAgo: number) => {
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    const before = (await first(tx.select({ state: competencies.state }).from(competencies).where(eq(competencies.id, id)).limit(1)))!;
    await tx.update(competencies).set({ state: toState, stateReason: reason, stateChangedBy: by, stateChangedAt: at.toISOString() }).where(eq(competencies.id, id));
    await change(id, before.state, toState, reason, by, at);
    // A decline is the worker's own act in the app; the demo's workers who declined have no sign-in, so it has no audit event here.
    if (toState !== "declined") {
      await recordAudit(tx, { actorId: by, action: toState === "revoked" ? "competency.revoke" : "competency.suspend", entityType: "competency", entityId: id, details: { from: before.state, to: toState, reason }, at });
    }
  };

  // Training sessions.
  const session = async (code: string, daysAgo: number, mode: "face_to_face" | "e_learning" | "fieldwork", attendees: [number, "attended" | "completed" | "did_not_complete"][], location: string) => {
    const id = (await inserted(tx.insert(trainingSessions).values({ taskId: t[code]!, heldOn: addDays(today, -daysAgo), facilitatorId: r.facilitator, mode, location, notes: "" }).returning({ id: trainingSessions.id }))).id;
    for (const [workerId, outcome] of attendees) await tx.insert(trainingAttendances).values({ sessionId: id, workerId, outcome });
  };
  await session("INS-PEN", 200, "face_to_face", [[w.maria!, "completed"], [w.james!, "completed"], [w.aisha!, "completed"]], "Ashworth Health Centre, training room 2");
  await session("CATH", 400, "face_to_face", [[w.maria!, "completed"], [w.chloe!, "completed"], [w.sophie!, "completed"], [w.zara!, "completed"]], "Ashworth Health Centre");
  await session("PEG", 380, "face_to_face", [[w.fatima!, "completed"], [w.liam!, "completed"], [w.zara!, "completed"]], "Meadowbank office");
  await session("COMP", 320, "fieldwork", [[w.helen!, "completed"], [w.ben!, "completed"], [w.peter!, "completed"], [w.olivia!, "attended"]], "Oakfield Care Home");
  // Held yesterday; its register is still to be recorded.
  await session("EYE", 1, "face_to_face", [], "Oakfield Care Home, lounge");
  await session("BGM", 420, "e_learning", [[w.maria!, "completed"], [w.james!, "completed"], [w.zara!, "completed"], [w.chloe!, "did_not_complete"]], "Online");
  // Scheduled a week ahead (docs/domain.md rule 8): upcoming, no register until its day.
  await tx.insert(trainingSessions)
    .values({ taskId: t.STOMA!, heldOn: addDays(today, 7), facilitatorId: r.facilitator, mode: "face_to_face", location: "Ashworth Health Centre, training room 1", notes: "Bring a stoma care kit if you have one." });

  await prerequisite(w.maria!, "INS-PEN", 8);
  await prerequisite(w.james!, "INS-PEN", 8);
  await prerequisite(w.aisha!, "INS-PEN", 2);
  await prerequisite(w.fatima!, "PEG", 14);
  await prerequisite(w.liam!, "PEG", 14);
  await prerequisite(w.zara!, "PEG", 14);

  // Brightside: Edith's insulin is delegated to Maria and James.
  await signedOff(w.maria!, "INS-PEN", 90, { personId: p.edith });
  await signedOff(w.maria!, "BGM", 60);
  await signedOff(w.maria!, "CATH", 345); // expires in about 20 days: the 30-day reminder
  await signedOff(w.james!, "INS-PEN", 180, { personId: p.edith, by: r.nurse });
  await signedOff(w.james!, "BGM", 375); // expired 10 days ago
  // Aisha: in training for Edith's insulin, 2 of 3 observations satisfactory.
  const aisha = await open(w.aisha!, "INS-PEN", p.edith!);
  await change(aisha, null, "in_training", "First supervised observation", r.facilitator, new Date(now.getTime() - 21 * 86_400_000));
  await observe(w.aisha!, "INS-PEN", p.edith!, addDays(today, -21));
  await observe(w.aisha!, "INS-PEN", p.edith!, addDays(today, -14), "not_yet");
  await observe(w.aisha!, "INS-PEN", p.edith!, addDays(today, -7));
  // Ben: both supervised observations of eye drops recorded, ready for a nurse or facilitator to sign off.
  const ben = await open(w.ben!, "EYE", null);
  await change(ben, null, "in_training", "First supervised observation", r.facilitator, new Date(now.getTime() - 12 * 86_400_000));
  await observe(w.ben!, "EYE", null, addDays(today, -12));
  await observe(w.ben!, "EYE", null, addDays(today, -5));
  // Chloe: catheter care suspended after a concern.
  setState(await signedOff(w.chloe!, "CATH", 120), "suspended", "Concern raised: night bag not changed as the care plan says. Reassessment booked.", r.nurse, 5);

  // Oakfield.
  await signedOff(w.helen!, "EYE", 30);
  await signedOff(w.helen!, "COMP", 305); // expires in about 60 days
  await signedOff(w.daniel!, "WOUND", 50, { personId: p.george, by: r.nurse });
  await signedOff(w.ben!, "COMP", 100);
  setState(await signedOff(w.sophie!, "CATH", 200), "revoked", "Repeated unsafe practice; provider informed.", r.nurse, 40);
  const declined = await open(w.daniel!, "STOMA", null);
  await change(declined, null, "in_training", "First supervised observation", r.facilitator, new Date(now.getTime() - 30 * 86_400_000));
  await observe(w.daniel!, "STOMA", null, addDays(today, -30));
  setState(declined, "declined", "Not comfortable carrying out stoma care.", r.facilitator, 25);

  // Meadowbank: Ivy's PEG feeding.
  await signedOff(w.fatima!, "PEG", 120, { personId: p.ivy });
  // Liam's expires in about 20 days: from then only Fatima is left (the cover forecast, docs/domain.md rule 13).
  await signedOff(w.liam!, "PEG", 345, { personId: p.ivy });
  // Zara declined Ivy's PEG feeding while named on her agreement (docs/domain.md rule 12): the manager and nurse are alerted.
  setState(await signedOff(w.zara!, "PEG", 200, { personId: p.ivy }), "declined", "I no longer feel confident flushing the tube.", r.facilitator, 3);
  await signedOff(w.zara!, "BGM", 150);
  await signedOff(w.zara!, "CATH", 90);

  // Harbour Lights.
  await signedOff(w.peter!, "EYE", 150, { by: r.nurseSouth });
  await signedOff(w.peter!, "COMP", 80, { by: r.nurseSouth });
  const olivia = await open(w.olivia!, "COMP", null);
  await change(olivia, null, "in_training", "First supervised observation", r.facilitator, new Date(now.getTime() - 10 * 86_400_000));
  await observe(w.olivia!, "COMP", null, addDays(today, -10));

  // Brightside's Nadia (added last, so the ids above stay as they were): blood glucose monitoring, for Norman Fisher's agreement.
  await signedOff(w.nadia!, "BGM", 40);
  return later;
}
