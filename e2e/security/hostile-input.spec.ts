/**
 * Hostile input: for every form action, generated bodies (fast-check): missing and extra
 * fields, wrong types, over-long and unicode strings, markup and SQL, impossible dates,
 * invalid NHS numbers. Never a 500; markup is never echoed unescaped; and a rejected request
 * leaves the database exactly as it was.
 */
import type { APIRequestContext } from "@playwright/test";
import crypto from "node:crypto";
import fc from "fast-check";
import { ACCOUNTS, DEMO_PASSWORD, expect, idOf, readDb, test, type Account } from "../fixtures";

const MARKUP = "<script>alert(1)</script>";
const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);

/** Everything but the session bookkeeping that any request may touch. */
function fingerprint(): string {
  const db = readDb();
  try {
    const hash = crypto.createHash("sha256");
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sessions', 'sign_in_attempts') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    for (const t of tables) hash.update(t).update(JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()));
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(MARKUP, `"><img src=x onerror=alert(1)>`, "'; DROP TABLE people; --", "1 OR 1=1", "../../etc/passwd", "\u0000", "\u202e", "  ", "-1", "0", "1e309", "NaN", "9434765918", "943 476 591", "2026-02-31", "31", "13", "0000", "yes", "on", "true", "/\t/evil.example", "/\u2028", "\u200b", "0000000000", "\uFF1D1+1"),
  fc.integer({ min: 1, max: 12_000 }).map((n) => "x".repeat(n)),
  fc.integer().map(String),
);

/** A body built from the form's fields: each present, missing, repeated or hostile, plus extras. */
function bodyArbitrary(fields: string[]) {
  return fc
    .record({
      values: fc.tuple(...fields.map(() => fc.option(fc.array(hostileString, { minLength: 1, maxLength: 3 }), { nil: undefined }))),
      extra: fc.array(fc.tuple(fc.string({ maxLength: 12 }), hostileString), { maxLength: 3 }),
    })
    .map(({ values, extra }) => {
      const form = new URLSearchParams();
      values.forEach((v, i) => v?.forEach((x) => form.append(fields[i]!, x)));
      for (const [k, v] of extra) form.append(k, v);
      return form;
    });
}

type Target = { role: Account | "anonymous"; path: () => string; fields: string[] };

function date(name: string) {
  return [`${name}-day`, `${name}-month`, `${name}-year`];
}

const id = {
  brightside: () => idOf("organisations", "name = ?", "Brightside Home Care"),
  nurseUser: () => idOf("users", "email = ?", "nurse@example.org"),
  task: () => idOf("tasks", "code = ?", "EYE"),
  edith: () => idOf("people", "name = ?", "Edith Clarke"),
  maria: () => idOf("care_workers", "name = ?", "Maria Santos"),
  draft: () => idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Arthur Bennett')"),
  edithAgreement: () => idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1"),
  awaiting: () => idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Winifred Shaw')"),
  bgm: () => idOf("tasks", "code = ?", "BGM"),
  aishaInsulin: () => idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = 'Aisha Begum')"),
  mariaBgm: () => idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = 'Maria Santos') AND task_id = (SELECT id FROM tasks WHERE code = 'BGM')"),
};

/** Built inside the test: the ids come from the server's database. */
const targets = (): Target[] => [
  { role: "admin", path: () => "/organisations/new?kind=provider", fields: ["name", "cqcLocationId", "address", "postcode", "phone", "email", "escalationInHours", "escalationOutOfHours", "regulatedActivities", "insuranceConfirmed", "insurer", ...date("insuranceConfirmedOn")] },
  { role: "admin", path: () => "/organisations/new?kind=nhs_team", fields: ["name", "odsCode", "address", "phone", "email"] },
  { role: "admin", path: () => `/organisations/${id.brightside()}/edit`, fields: ["name", "cqcLocationId", "email", "regulatedActivities", "insuranceConfirmed", "insurer", ...date("insuranceConfirmedOn")] },
  { role: "admin", path: () => `/organisations/${id.brightside()}`, fields: ["active"] },
  { role: "admin", path: () => "/admin/users/new", fields: ["name", "email", "role", "organisationId", "professionalRegistration", "jobTitle", "password"] },
  { role: "admin", path: () => `/admin/users/${id.nurseUser()}`, fields: ["intent", "name", "email", "role", "organisationId", "professionalRegistration", "jobTitle"] },
  { role: "admin", path: () => "/tasks/new", fields: ["code", "name", "category", "inScope", "excluded", "personSpecific", "requiredObservations", "validityMonths", "reviewIntervalMonths", "escalationGuidance", "active", "newPrerequisites"] },
  { role: "admin", path: () => `/tasks/${id.task()}/edit`, fields: ["code", "name", "category", "inScope", "requiredObservations", "validityMonths"] },
  { role: "admin", path: () => "/admin/settings", fields: ["competencyWarningDays", "competencyReminderDays", "reviewDueDays", "awaitingSignaturesDays", "sessionIdleMinutes", "sessionAbsoluteHours"] },
  { role: "nurse", path: () => "/people/new", fields: ["name", "nhsNumber", ...date("dateOfBirth"), "setting", "address", "teamId", "providerId", "gpPractice", "capacityNotes", "consentNotes"] },
  { role: "nurse", path: () => `/people/${id.edith()}/edit`, fields: ["name", "nhsNumber", ...date("dateOfBirth"), "setting", "teamId", "providerId"] },
  { role: "nurse", path: () => "/agreements/new", fields: ["personId", "taskIds", ...date("startDate")] },
  { role: "nurse", path: () => `/agreements/${id.draft()}/tasks`, fields: ["taskIds"] },
  { role: "nurse", path: () => `/agreements/${id.draft()}/tasks/${id.bgm()}`, fields: ["instructions", "carePlanReference", "deviceOrProduct", "parameters", "mustNotDo", "escalationPlan"] },
  { role: "nurse", path: () => `/agreements/${id.draft()}/workers`, fields: ["workerIds"] },
  { role: "nurse", path: () => `/agreements/${id.draft()}/details`, fields: [...date("startDate"), ...date("reviewDate"), "supervisionArrangements", "earlyReviewTriggers"] },
  { role: "nurse", path: () => `/agreements/${id.draft()}/consent`, fields: ["kind", "representativeName", "authority", "decisionDetails", ...date("givenOn"), "notes"] },
  { role: "nurse", path: () => `/agreements/${id.edithAgreement()}/review`, fields: [...date("reviewedOn"), "outcome", ...date("nextReviewDate"), "notes"] },
  { role: "nurse", path: () => `/agreements/${id.edithAgreement()}/amend`, fields: ["meanwhile"] },
  { role: "nurse", path: () => `/agreements/${id.edithAgreement()}/end`, fields: ["reason"] },
  { role: "nurse", path: () => `/agreements/${id.awaiting()}/paper`, fields: ["party", "signerName", ...date("signedOn"), "contentHash", "confirm"] },
  { role: "nurse", path: () => `/competencies/${id.aishaInsulin()}/sign-off`, fields: [...date("signedOffOn"), "notes", "confirm"] },
  { role: "nurse", path: () => `/competencies/${id.mariaBgm()}/suspend`, fields: ["reason"] },
  { role: "nurse", path: () => `/workers/${id.maria()}/observe`, fields: ["taskId", "personId", ...date("observedOn"), "outcome", "notes"] },
  { role: "nurse", path: () => `/workers/${id.maria()}/prerequisite`, fields: ["prerequisiteId", ...date("achievedOn"), "evidence"] },
  { role: "nurse", path: () => "/training/new", fields: ["taskId", ...date("heldOn"), "mode", "location", "notes", `outcome-${id.maria()}`] },
  { role: "nurse", path: () => "/account/password", fields: ["current", "password", "confirm"] },
  { role: "manager", path: () => "/workers/new", fields: ["providerId", "name", "jobTitle", ...date("careCertificateOn")] },
  { role: "manager", path: () => `/workers/${id.maria()}/edit`, fields: ["name", "jobTitle", ...date("careCertificateOn"), "status", ...date("leftOn")] },
  { role: "manager", path: () => `/agreements/${id.awaiting()}/sign`, fields: ["party", "contentHash", "confirm"] },
  { role: "worker", path: () => `/competencies/${id.mariaBgm()}/decline`, fields: ["reason"] },
  { role: "anonymous", path: () => "/verify", fields: ["code"] },
  { role: "nurse", path: () => "/people", fields: ["q"] },
  // Last: failed sign-ins count towards the address's limit.
  { role: "anonymous", path: () => "/login", fields: ["email", "password", "redirectTo"] },
];

async function contextFor(playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } }, baseURL: string, role: Account | "anonymous") {
  const request = await playwright.request.newContext({ baseURL });
  if (role !== "anonymous") {
    const r = await request.post("/login", { form: { email: ACCOUNTS[role].email, password: DEMO_PASSWORD, redirectTo: "/" }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(r.status()).toBe(302);
  }
  return request;
}

test("every form action survives generated hostile input: no 500, nothing unescaped, no partial write", async ({ playwright, baseURL }) => {
  test.setTimeout(600_000);
  const contexts = new Map<string, APIRequestContext>();
  let requests = 0;
  const TARGETS = targets();
  for (const target of TARGETS) {
    if (!contexts.has(target.role)) contexts.set(target.role, await contextFor(playwright, baseURL!, target.role));
    const request = contexts.get(target.role)!;
    const url = target.path();
    await fc.assert(
      fc.asyncProperty(bodyArbitrary(target.fields), async (form) => {
        const before = fingerprint();
        const r = await request.post(url, {
          data: form.toString(),
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL! },
          maxRedirects: 0,
        });
        requests++;
        const status = r.status();
        const body = await r.text();
        expect(status, `${url} answered ${status} for ${form.toString().slice(0, 300)}`).toBeLessThan(500);
        expect(body.includes(MARKUP), `${url} echoed markup unescaped`).toBe(false);
        if (status >= 400) expect(fingerprint(), `${url} changed the database on a rejected request (${status})`).toBe(before);
      }),
      { numRuns: RUNS, seed: 20261122, endOnFailure: true },
    );
  }
  for (const c of contexts.values()) await c.dispose();
  console.log(`Hostile input: ${requests} generated requests over ${TARGETS.length} form actions.`);
  expect(requests).toBe(RUNS * TARGETS.length);
});

/** Issue 12, finding 9: three requests that were 500s. Each is now refused or handled, with a message. */
test("the former 500s: a worker twice on a register, control characters in redirectTo, an Origin that is not the Host", async ({ playwright, baseURL }) => {
  const nurse = await contextFor(playwright, baseURL!, "nurse");
  const maria = id.maria();
  const today = new Date().toISOString().slice(0, 10).split("-");
  const before = fingerprint();
  const register = await nurse.post("/training/new", {
    form: { taskId: String(id.bgm()), "heldOn-day": today[2]!, "heldOn-month": today[1]!, "heldOn-year": today[0]!, mode: "face_to_face", [`outcome-${maria}`]: "completed", [`outcome-0${maria}`]: "completed" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(register.status()).toBe(400);
  expect(await register.text()).toContain("Record attendance only for care workers on the register");
  expect(fingerprint()).toBe(before);

  // A control character anywhere in redirectTo: signed in, and sent home (never a 500 after the session starts).
  for (const redirectTo of ["/\u0000", "/a\nb", "/a\rSet-Cookie: x=1", "/\u2028", "/\u0085"]) {
    const anonymous = await contextFor(playwright, baseURL!, "anonymous");
    const r = await anonymous.post("/login", { form: { email: ACCOUNTS.nurse.email, password: DEMO_PASSWORD, redirectTo }, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(r.status(), JSON.stringify(redirectTo)).toBe(302);
    expect(r.headers()["location"], JSON.stringify(redirectTo)).toBe("/");
    await anonymous.dispose();
  }

  // Origin is this service's PUBLIC_URL, but the request was sent to another Host: refused before Remix's own check.
  const other = new URL(baseURL!);
  other.hostname = other.hostname === "localhost" ? "127.0.0.1" : "localhost";
  const crossed = await nurse.post("/people/new", { form: { name: "Norma Test" }, headers: { Origin: baseURL!, Host: other.host }, maxRedirects: 0 });
  expect(crossed.status()).toBe(403);
  expect(await crossed.text()).toContain("the page this request came from is not on the address it was sent to");
  await nurse.dispose();
});
