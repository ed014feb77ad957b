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
import { ACCOUNTS, DEMO_PASSWORD, expect, idOf, readDb, test, type Account } from "../fixtures";
import { listRoutes } from "./routes";

const MATRIX_FILE = path.resolve("e2e/security/authorization-matrix.json");
const ROLES = ["anonymous", "admin", "nurse", "facilitator", "manager", "worker"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "allow" | "deny" | "login" | "n/a";
type Matrix = Record<string, Record<Role, [Outcome, Outcome]>>;

/** Records of the role's own organisation and of another; null where the role has no "other". */
function records(role: Role) {
  const worker = (name: string) => idOf("care_workers", "name = ?", name);
  const person = (name: string) => idOf("people", "name = ?", name);
  const org = (name: string) => idOf("organisations", "name = ?", name);
  const agreementOf = (name: string) => idOf("agreements", "person_id = (SELECT id FROM people WHERE name = ?) ORDER BY id LIMIT 1", name);
  const competency = (name: string, code: string) =>
    idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = ?) AND task_id = (SELECT id FROM tasks WHERE code = ?)", name, code);
  const training = (code: string) => idOf("training_sessions", "task_id = (SELECT id FROM tasks WHERE code = ?) ORDER BY id LIMIT 1", code);
  const harbourOnlyTraining = idOf("training_sessions", "location = 'Harbour-only session' ORDER BY id LIMIT 1");
  const others: Record<Role, Record<string, number | null>> = {
    anonymous: { worker: worker("Helen Kowalski"), person: person("Doris Fielding"), organisation: org("Harbour Lights Home Care"), competency: competency("Helen Kowalski", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("Doris Fielding"), user: idOf("users", "email = ?", "manager2@example.org") },
    admin: { worker: worker("Helen Kowalski"), person: person("Doris Fielding"), organisation: org("Harbour Lights Home Care"), competency: competency("Helen Kowalski", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("Doris Fielding"), user: idOf("users", "email = ?", "manager2@example.org") },
    nurse: { worker: worker("Peter Nowak"), person: person("Doris Fielding"), organisation: org("Harbour Lights Home Care"), competency: competency("Peter Nowak", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("Doris Fielding"), user: idOf("users", "email = ?", "manager2@example.org") },
    // The demo facilitator serves both teams, so every provider is their own: no "other" exists.
    facilitator: { worker: null, person: null, organisation: null, competency: null, training: null, agreement: null, user: idOf("users", "email = ?", "manager2@example.org") },
    manager: { worker: worker("Helen Kowalski"), person: person("Margaret Hollis"), organisation: org("Oakfield Care Home"), competency: competency("Helen Kowalski", "EYE"), training: harbourOnlyTraining, agreement: agreementOf("George Whitaker"), user: idOf("users", "email = ?", "manager2@example.org") },
    worker: { worker: worker("James Whitfield"), person: person("Doris Fielding"), organisation: org("Oakfield Care Home"), competency: competency("James Whitfield", "INS-PEN"), training: harbourOnlyTraining, agreement: agreementOf("George Whitaker"), user: idOf("users", "email = ?", "manager2@example.org") },
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
  const r: Record<string, number | null> = records(role)[which];
  const top = pattern.split("/")[1]!;
  const kind: Record<string, string> = { organisations: "organisation", people: "person", workers: "worker", tasks: "task", training: "training", competencies: "competency", agreements: "agreement", admin: "user", verify: "agreement" };
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
