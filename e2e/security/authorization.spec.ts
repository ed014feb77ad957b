/**
 * The authorization matrix: every route (read from app/routes) x every role x a record of the
 * role's own organisation and one of another, for GET and (where the route has an action) POST,
 * against the expected table in authorization-matrix.json. An unexpected allow fails; so does a
 * route with no entry in the table. `UPDATE_MATRIX=1` writes what was observed, for review.
 */
import type { APIRequestContext } from "@playwright/test";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { ACCOUNTS, DEMO_PASSWORD, expect, expectAccessible, idOf, readDb, signIn, test, type Account } from "../fixtures";
import { listRoutes } from "./routes";

const MATRIX_FILE = path.resolve("e2e/security/authorization-matrix.json");
const ROLES = ["anonymous", "admin", "nurse", "facilitator", "manager", "worker"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "allow" | "deny" | "login" | "n/a";
type Matrix = Record<string, Record<Role, [Outcome, Outcome]>>;

/**
 * Records of the role's own organisation and of another; null where the role has no "other".
 * Looked up once per role: the ids are found by names the matrix's probes never change, and
 * some twenty look-ups for each of the matrix's two thousand requests cost minutes.
 */
const recordsByRole = new Map<Role, ReturnType<typeof lookUpRecords>>();
function records(role: Role) {
  if (!recordsByRole.has(role)) recordsByRole.set(role, lookUpRecords(role));
  return recordsByRole.get(role)!;
}

function lookUpRecords(role: Role) {
  const worker = (name: string) => idOf("care_workers", "name = ?", name);
  const person = (name: string) => idOf("people", "name = ?", name);
  const org = (name: string) => idOf("organisations", "name = ?", name);
  const agreementOf = (name: string) => idOf("agreements", "person_id = (SELECT id FROM people WHERE name = ?) ORDER BY id LIMIT 1", name);
  const competency = (name: string, code: string) =>
    idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = ?) AND task_id = (SELECT id FROM tasks WHERE code = ?)", name, code);
  const training = (code: string) => idOf("training_sessions", "task_id = (SELECT id FROM tasks WHERE code = ?) ORDER BY id LIMIT 1", code);
  const harbourOnlyTraining = idOf("training_sessions", "location = 'Harbour-only session' ORDER BY id LIMIT 1");
  // The demo's concerns: Maria's about Edith's insulin (North team, Brightside; raised by Maria herself) and the South team's about Doris's eye drops.
  const mariasConcern = idOf("concerns", "agreement_id = (SELECT id FROM agreements WHERE person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1) ORDER BY id LIMIT 1");
  const southConcern = idOf("concerns", "agreement_id = (SELECT id FROM agreements WHERE person_id = (SELECT id FROM people WHERE name = 'Doris Fielding') ORDER BY id LIMIT 1) ORDER BY id LIMIT 1");
  const others: Record<Role, Record<string, number | null>> = {
    anonymous: { worker: worker("Helen Kowalski"), person: person("Doris Fielding"), organisation: org("Harbour Lights Home Care"), competency: competency("Helen Kowalski", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("Doris Fielding"), concern: southConcern, user: idOf("users", "email = ?", "manager2@example.org") },
    admin: { worker: worker("Helen Kowalski"), person: person("Doris Fielding"), organisation: org("Harbour Lights Home Care"), competency: competency("Helen Kowalski", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("Doris Fielding"), concern: southConcern, user: idOf("users", "email = ?", "manager2@example.org") },
    nurse: { worker: worker("Peter Nowak"), person: person("Doris Fielding"), organisation: org("Harbour Lights Home Care"), competency: competency("Peter Nowak", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("Doris Fielding"), concern: southConcern, user: idOf("users", "email = ?", "manager2@example.org") },
    // The demo facilitator serves both teams, so every provider is their own: no "other" exists.
    facilitator: { worker: null, person: null, organisation: null, competency: null, training: null, agreement: null, concern: null, user: idOf("users", "email = ?", "manager2@example.org") },
    manager: { worker: worker("Helen Kowalski"), person: person("Margaret Hollis"), organisation: org("Oakfield Care Home"), competency: competency("Helen Kowalski", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("George Whitaker"), concern: southConcern, user: idOf("users", "email = ?", "manager2@example.org") },
    worker: { worker: worker("James Whitfield"), person: person("Doris Fielding"), organisation: org("Oakfield Care Home"), competency: competency("James Whitfield", "INS-PEN"), training: harbourOnlyTraining, agreement: agreementOf("George Whitaker"), concern: southConcern, user: idOf("users", "email = ?", "manager2@example.org") },
  };
  const own: Record<string, number> = {
    worker: worker("Maria Santos"),
    person: person("Edith Clarke"),
    organisation: role === "nurse" || role === "facilitator" ? org("Ashworth North District Nursing Team") : org("Brightside Home Care"),
    competency: competency("Maria Santos", "BGM"),
    training: training("INS-PEN"),
    agreement: agreementOf("Edith Clarke"),
    user: idOf("users", "email = ?", "nurse@example.org"),
    task: idOf("tasks", "code = ?", "INS-PEN"),
    concern: mariasConcern,
  };
  return { own, other: { ...others[role], task: null } };
}

function codeOf(agreementId: number): string {
  const db = readDb();
  try {
    return (db.prepare("SELECT verification_code AS c FROM agreement_versions WHERE agreement_id = ? AND version = 1").get(agreementId) as { c: string }).c;
  } finally {
    db.close();
  }
}

function firstTaskOf(agreementId: number): number {
  const db = readDb();
  try {
    return (db.prepare("SELECT task_id AS t FROM agreement_tasks WHERE version_id = (SELECT id FROM agreement_versions WHERE agreement_id = ? AND version = 1) ORDER BY id LIMIT 1").get(agreementId) as { t: number }).t;
  } finally {
    db.close();
  }
}

/** A concrete URL for the pattern, for the own or other record; null when there is none. */
function urlFor(pattern: string, role: Role, which: "own" | "other"): string | null {
  if (!pattern.includes(":")) return which === "own" ? pattern : null;
  // Sign-in services belong to no organisation: the demo's one is probed.
  if (pattern === "/admin/sign-in-providers/:id") return which === "own" ? `/admin/sign-in-providers/${idOf("identity_providers", "key = ?", "cis2-demo")}` : null;
  if (pattern === "/organisation-sign-in/:key/callback") return which === "own" ? "/organisation-sign-in/cis2-demo/callback" : null;
  const r: Record<string, number | null> = records(role)[which];
  const top = pattern.split("/")[1]!;
  const kind: Record<string, string> = { organisations: "organisation", people: "person", workers: "worker", tasks: "task", training: "training", competencies: "competency", agreements: "agreement", admin: "user", verify: "agreement", concerns: "concern" };
  const id = r[kind[top] ?? ""];
  if (id === null || id === undefined) return null;
  return pattern.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === "code") return codeOf(id);
    if (name === "taskId") return String(firstTaskOf(id));
    if (name === "n") return "1";
    if (name === "change") return "suspend";
    if (name === "action") return role === "worker" ? "decline" : "suspend";
    return String(id);
  });
}

function classify(status: number, location: string | undefined): Outcome {
  if (status === 403 || status === 404 || status === 405) return "deny";
  if ((status === 302 || status === 303) && location?.startsWith("/login")) return "login";
  return "allow";
}

async function signedIn(request: APIRequestContext, role: Role) {
  if (role === "anonymous") return;
  const account: Account = role === "manager" ? "manager" : role === "worker" ? "worker" : role;
  const base = String(test.info().project.use.baseURL);
  const r = await request.post("/login", { form: { email: ACCOUNTS[account].email, password: DEMO_PASSWORD, redirectTo: "/" }, headers: { Origin: base }, maxRedirects: 0 });
  expect(r.status(), `sign in as ${role}`).toBe(302);
}

test("every route x every role x own and another organisation matches the expected table", async ({ playwright, baseURL }) => {
  test.setTimeout(300_000);
  recordsByRole.clear();
  const routes = listRoutes();
  const expected: Matrix = fs.existsSync(MATRIX_FILE) ? JSON.parse(fs.readFileSync(MATRIX_FILE, "utf8")) : {};
  const observed: Matrix = {};

  // A training session attended only by a Harbour Lights worker: "another organisation's" training for most roles.
  {
    const south = await playwright.request.newContext({ baseURL });
    const r = await south.post("/login", { form: { email: ACCOUNTS.nurseSouth.email, password: DEMO_PASSWORD, redirectTo: "/" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(r.status()).toBe(302);
    const peter = idOf("care_workers", "name = ?", "Peter Nowak");
    const today = new Date().toISOString().slice(0, 10).split("-");
    await south.post("/training/new", {
      form: { taskId: String(idOf("tasks", "code = ?", "EYE")), "heldOn-day": today[2]!, "heldOn-month": today[1]!, "heldOn-year": today[0]!, mode: "fieldwork", location: "Harbour-only session", [`outcome-${peter}`]: "completed", submissionToken: crypto.randomUUID() },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    await south.dispose();
  }

  for (const role of ROLES) {
    const request = await playwright.request.newContext({ baseURL });
    await signedIn(request, role);
    for (const route of routes) {
      for (const method of ["GET", "POST"] as const) {
        if ((method === "GET" && !route.loader) || (method === "POST" && !route.action)) continue;
        // Signing out is probed last, by the signed-out check below; here it would end the session.
        if (route.pattern === "/logout" && method === "POST") continue;
        const key = `${method} ${route.pattern}`;
        const outcome: [Outcome, Outcome] = ["n/a", "n/a"];
        for (const [i, which] of (["own", "other"] as const).entries()) {
          const url = urlFor(route.pattern, role, which);
          if (!url) continue;
          const r =
            method === "GET"
              ? await request.get(url, { maxRedirects: 0 })
              : await request.post(url, { form: { _probe: "1" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
          expect(r.status(), `${key} as ${role} (${which}) must never be a server error`).toBeLessThan(500);
          outcome[i] = classify(r.status(), r.headers()["location"]);
        }
        (observed[key] ??= {} as Record<Role, [Outcome, Outcome]>)[role] = outcome;
      }
    }
    await request.dispose();
  }

  if (process.env.UPDATE_MATRIX) {
    fs.writeFileSync(MATRIX_FILE, `${JSON.stringify(observed, null, 2)}\n`);
    return;
  }
  const missing = Object.keys(observed).filter((k) => !expected[k]);
  expect(missing, "routes with no entry in authorization-matrix.json: add one, reviewed").toEqual([]);
  const unexpected: string[] = [];
  for (const [key, byRole] of Object.entries(observed)) {
    for (const role of ROLES) {
      const want = expected[key]![role];
      const got = byRole[role];
      got.forEach((o, i) => {
        if (o !== want?.[i]) unexpected.push(`${key} as ${role} (${i === 0 ? "own" : "other"}): expected ${want?.[i]}, got ${o}`);
      });
    }
  }
  expect(unexpected).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Who may sign for whom (docs/domain.md rule 2), another team's person (rule 15), and what a care
// worker left out of an amendment still sees. These run after the matrix: they change the data.
// ---------------------------------------------------------------------------------------------

async function as(playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } }, account: Account) {
  const base = String(test.info().project.use.baseURL);
  const request = await playwright.request.newContext({ baseURL: base });
  const r = await request.post("/login", { form: { email: ACCOUNTS[account].email, password: DEMO_PASSWORD, redirectTo: "/" }, headers: { Origin: base }, maxRedirects: 0 });
  expect(r.status(), `sign in as ${account}`).toBe(302);
  return {
    get: (url: string) => request.get(url, { maxRedirects: 0 }),
    post: (url: string, form: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
      return request.post(url, { data: body.toString(), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base }, maxRedirects: 0 });
    },
    dispose: () => request.dispose(),
  };
}

function versionRow(agreementId: number, version: number) {
  const db = readDb();
  try {
    return db.prepare("SELECT id, content_hash AS hash, state FROM agreement_versions WHERE agreement_id = ? AND version = ?").get(agreementId, version) as { id: number; hash: string; state: string };
  } finally {
    db.close();
  }
}

function one<T>(sql: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

function signatureParties(versionId: number): string[] {
  const db = readDb();
  try {
    return (db.prepare("SELECT party FROM signatures WHERE version_id = ? ORDER BY party").all(versionId) as { party: string }[]).map((r) => r.party);
  } finally {
    db.close();
  }
}

const todayParts = () => {
  const [year, month, day] = new Date().toISOString().slice(0, 10).split("-");
  return { "signedOn-day": day!, "signedOn-month": month!, "signedOn-year": year! };
};

test("a paper signature is recorded only for the person and workers without a sign-in, by the team's nurse or the provider's manager (rule 2)", async ({ page, playwright }) => {
  // Winifred's agreement waits for the provider, Maria (who signs in) and the person.
  const winifred = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Winifred Shaw')");
  const maria = idOf("care_workers", "name = ?", "Maria Santos");
  const v1 = versionRow(winifred, 1);
  const before = signatureParties(v1.id);

  // What the manager is offered: the person only, with the reason in the page's words.
  await signIn(page, "manager");
  await page.goto(`/agreements/${winifred}/paper`);
  const options = await page.getByRole("radio").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ""));
  expect(options).toEqual(["Winifred Shaw (person receiving care or their representative)"]);
  await expect(page.locator("main")).toContainText("care workers who sign in sign in the app themselves");
  await expectAccessible(page);

  // Posting the others anyway is refused, saying why, and nothing is written.
  const manager = await as(playwright, "manager");
  const common = { signerName: "Someone", ...todayParts(), contentHash: v1.hash, confirm: "yes" };
  for (const [party, why] of [
    ["provider", "A manager of the provider signs for the provider in the app"],
    [`worker:${maria}`, "This care worker has their own sign-in and must sign in the app themselves"],
  ] as const) {
    const r = await manager.post(`/agreements/${winifred}/paper`, { party, ...common });
    expect(r.status(), party).toBe(400);
    expect(await r.text()).toContain(why);
  }
  await manager.dispose();
  expect(signatureParties(v1.id)).toEqual(before);
});

test("every role x every party: only the delegating nurse signs as delegator, only the provider's manager for the provider; then an amendment leaving Maria out takes her access away (rules 2 and 15)", async ({ page, playwright }) => {
  test.setTimeout(120_000);
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke')");
  const james = idOf("care_workers", "name = ?", "James Whitfield");
  const insulin = idOf("tasks", "code = ?", "INS-PEN");
  const { reference } = one<{ reference: string }>("SELECT reference FROM agreements WHERE id = ?", edith);

  // The nurse amends: version 2 keeps insulin only and names only James, and is sent for signatures.
  const nurse = await as(playwright, "nurse");
  expect((await nurse.post(`/agreements/${edith}/amend`, { reason: "James alone, insulin only", meanwhile: "keep", submissionToken: crypto.randomUUID() })).status()).toBe(302);
  expect((await nurse.post(`/agreements/${edith}/tasks`, { taskIds: String(insulin) })).status()).toBe(302);
  expect((await nurse.post(`/agreements/${edith}/workers`, { workerIds: String(james) })).status()).toBe(302);
  expect((await nurse.post(`/agreements/${edith}/send`, { submissionToken: crypto.randomUUID() })).status()).toBe(302);
  const v2 = versionRow(edith, 2);
  expect(v2.state).toBe("awaiting_signatures");

  // While version 2 waits, Maria still works under version 1: she sees that, and never version 2.
  await signIn(page, "worker");
  expect((await page.goto(`/agreements/${edith}`))?.status()).toBe(200);
  await expect(page.locator("main")).toContainText("Version 1");
  expect((await page.goto(`/agreements/${edith}/versions/2`))?.status()).toBe(404);

  // Every role x every party, in the app and on paper: nobody signs or records what is not theirs.
  const parties = ["delegator", "provider", `worker:${james}`, "person"];
  const paperAllowed: Partial<Record<Account, string[]>> = { nurse: [`worker:${james}`, "person"], manager: [`worker:${james}`, "person"] };
  const expectations: [Account, number][] = [["admin", 403], ["nurse", 0], ["nurseSouth", 404], ["facilitator", 403], ["manager", 0], ["manager2", 404], ["worker", 403]];
  for (const [account, denied] of expectations) {
    const client = await as(playwright, account);
    for (const party of parties) {
      if (denied) {
        expect((await client.post(`/agreements/${edith}/sign`, { party, contentHash: v2.hash, confirm: "yes" })).status(), `${account} signs as ${party}`).toBe(denied);
      }
      if (paperAllowed[account]?.includes(party)) continue;
      const r = await client.post(`/agreements/${edith}/paper`, { party, signerName: "Someone", ...todayParts(), contentHash: v2.hash, confirm: "yes" });
      expect(r.status(), `${account} records ${party} on paper`).toBe(denied || 400);
    }
    await client.dispose();
  }
  expect(signatureParties(v2.id)).toEqual([]);
  // The manager cannot record the delegating nurse's signature: the reported attack, refused with the reason.
  const manager = await as(playwright, "manager");
  const refused = await manager.post(`/agreements/${edith}/paper`, { party: "delegator", signerName: "Priya Shah", ...todayParts(), contentHash: v2.hash, confirm: "yes" });
  expect(await refused.text()).toContain("The delegating nurse signs this agreement in the app themselves");
  await manager.dispose();

  // The right people sign: the nurse and the manager in the app, the nurse records James and Edith on paper.
  await signIn(page, "nurse");
  await page.goto(`/agreements/${edith}/sign`);
  await expect(page.locator("main")).toContainText("You are signing as: Delegating nurse");
  await page.getByLabel(/I have read version 2/).check();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page).toHaveURL(/done=signed/);
  for (const [party, name] of [[`worker:${james}`, "James Whitfield"], ["person", "Edith Clarke"]] as const) {
    await page.goto(`/agreements/${edith}/paper`);
    await page.locator(`input[name="party"][value="${party}"]`).check();
    await page.getByLabel("Name as signed").fill(name);
    await page.getByLabel(/I hold the signed paper copy/).check();
    await page.getByRole("button", { name: "Record signature" }).click();
    await expect(page).toHaveURL(/done=signed/);
  }
  await signIn(page, "manager");
  await page.goto(`/agreements/${edith}/sign`);
  await expect(page.locator("main")).toContainText("You are signing as: Care provider");
  await page.getByLabel(/I have read version 2/).check();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page).toHaveURL(/done=signed/);
  expect(signatureParties(v2.id)).toEqual(["delegator", "person", "provider", `worker:${james}`].sort());
  expect(versionRow(edith, 2).state).toBe("signed");

  // Version 2 is in force and does not name Maria: the agreement, its versions and its PDF are not found for her, and her lists do not show it.
  await signIn(page, "worker");
  for (const url of [`/agreements/${edith}`, `/agreements/${edith}/versions/1`, `/agreements/${edith}/versions/2`, `/agreements/${edith}/pdf`, `/agreements/${edith}/pdf?version=1`]) {
    const r = await page.request.get(url, { maxRedirects: 0 });
    expect(r.status(), url).toBe(404);
  }
  await page.goto(`/agreements/${edith}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("main")).not.toContainText("9910000016");
  for (const url of ["/agreements", "/"]) {
    await page.goto(url);
    await expect(page.locator("main")).not.toContainText(reference);
  }
  await expectAccessible(page);
});

test("another team's person stays hidden: their person-specific competencies, observations and agreement are not found, listed or changed (rule 15)", async ({ page, playwright }) => {
  const ivyCompetencies = [idOf("competencies", "person_id = (SELECT id FROM people WHERE name = 'Ivy Thompson') AND worker_id = (SELECT id FROM care_workers WHERE name = 'Fatima Noor')"), idOf("competencies", "person_id = (SELECT id FROM people WHERE name = 'Ivy Thompson') AND worker_id = (SELECT id FROM care_workers WHERE name = 'Liam Hughes')"), idOf("competencies", "person_id = (SELECT id FROM people WHERE name = 'Ivy Thompson') AND worker_id = (SELECT id FROM care_workers WHERE name = 'Zara Ahmed')")];
  // Zara also works on Raymond's agreement, which the South team holds: her page is theirs to see, Ivy's part of it is not.
  const workers = [idOf("care_workers", "name = ?", "Fatima Noor"), idOf("care_workers", "name = ?", "Liam Hughes"), idOf("care_workers", "name = ?", "Zara Ahmed")];
  const ivyAgreement = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Ivy Thompson')");
  const { reference } = one<{ reference: string }>("SELECT reference FROM agreements WHERE id = ?", ivyAgreement);
  const states = () => ivyCompetencies.map((id) => one<{ state: string }>("SELECT state FROM competencies WHERE id = ?", id).state);
  const before = states();

  // The North nurse, whose caseload Ivy is on, sees the competency for Ivy.
  await signIn(page, "nurse");
  await page.goto(`/competencies/${ivyCompetencies[0]}`);
  await expect(page.locator("main")).toContainText("Ivy Thompson");

  // The South nurse works with the same provider but not with Ivy: every way in is not found or silent.
  await signIn(page, "nurseSouth");
  for (const id of ivyCompetencies) {
    for (const url of [`/competencies/${id}`, `/competencies/${id}/sign-off`, `/competencies/${id}/suspend`, `/competencies/${id}/revoke`, `/competencies/${id}/reinstate`]) {
      expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
    }
  }
  await page.goto(`/competencies/${ivyCompetencies[0]}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const south = await as(playwright, "nurseSouth");
  for (const id of ivyCompetencies) {
    expect((await south.post(`/competencies/${id}/suspend`, { reason: "Concern", submissionToken: crypto.randomUUID() })).status()).toBe(404);
  }
  expect(states()).toEqual(before);
  expect(one<{ state: string }>("SELECT state FROM agreements WHERE id = ?", ivyAgreement).state).toBe("active");

  for (const id of workers) {
    await page.goto(`/workers/${id}`);
    await expect(page.locator("main")).not.toContainText("Ivy Thompson");
    const pdf = await south.get(`/workers/${id}/passport.pdf`);
    expect(pdf.status()).toBe(200);
    expect(execFileSync("pdftotext", ["-", "-"], { input: await pdf.body(), encoding: "utf8" })).not.toContain("Ivy Thompson");
  }
  for (const url of ["/training/matrix", "/training/matrix.csv", "/alerts", "/alerts.csv", "/"]) {
    const text = await (await south.get(url)).text();
    expect(text, url).not.toContain("Ivy Thompson");
    expect(text, url).not.toContain(reference);
  }
  await south.dispose();
  await page.goto("/training/matrix");
  await expectAccessible(page);
});
