import axe from "axe-core";
import { test as base, expect, type Cookie, type Page } from "@playwright/test";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { openServerDatabase, type ReadOnlyDatabase } from "./support/database";

/** axe-core's minified build (580 KB, where `axe.source` is its 1.3 MB unminified one), read once per worker. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const DEMO_PASSWORD = "delegated-care-demo";
/** The port of the server the running test's project talks to (see playwright.config.ts). */
function serverPort(): string {
  return new URL(String(base.info().project.use.baseURL)).port;
}

/** The folder of that server's files: its clock and the mail it sent (e2e/start-server.mjs). */
function serverFolder(): string {
  return `.cache/e2e-${serverPort()}`;
}

/** Moves the server's clock (demo-mode test clock), or back to real time with null. */
export function setClock(instant: Date | null) {
  const file = path.join(serverFolder(), "clock");
  fs.writeFileSync(file, instant ? instant.toISOString() : "");
}

export type Mail = { to: string[]; subject: string; text: string };

/** The text of a captured message as a person reads it: headers unfolded, quoted-printable undone. */
function readMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const qp = /content-transfer-encoding:\s*quoted-printable/i.test(head);
  const b64 = /content-transfer-encoding:\s*base64/i.test(head);
  const text = qp
    ? Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8")
    : b64
      ? Buffer.from(body, "base64").toString("utf8")
      : body;
  const subjectLine = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? "";
  // Encoded words (=?UTF-8?Q?...?=) appear when a subject has characters beyond ASCII.
  const subject = subjectLine.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
  );
  return { subject, text: text.replace(/\r\n/g, "\n") };
}

/** Every message the server has sent so far (through the local SMTP server of e2e/start-server.mjs). */
export function sentMail(): Mail[] {
  const folder = path.join(serverFolder(), "mail");
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const { to, raw } = JSON.parse(fs.readFileSync(path.join(folder, f), "utf8")) as { to: string[]; raw: string };
      return { to, ...readMail(raw) };
    });
}

/**
 * Waits until a message to `address` whose subject matches arrives, and returns the newest such.
 * The server sends mail moments after the change that queued it, so this polls (no fixed sleep).
 */
export async function waitForMail(address: string, subject: RegExp): Promise<Mail> {
  const find = () => sentMail().filter((m) => m.to.includes(address.toLowerCase()) && subject.test(m.subject)).at(-1);
  await expect.poll(() => find()?.subject ?? null, { message: `an email to ${address} with subject ${subject}`, timeout: 30_000 }).not.toBeNull();
  return find()!;
}

/** The first link in a message that points into the app, as a path to visit. */
export function linkIn(mail: Mail, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s]*)`).exec(mail.text);
  if (!match) throw new Error(`No link to ${pathPrefix} in the email "${mail.subject}":\n${mail.text}`);
  return match[1]!;
}

export const ACCOUNTS = {
  admin: { email: "admin@example.org", name: "Alex Morgan" },
  nurse: { email: "nurse@example.org", name: "Priya Shah" },
  nurseSouth: { email: "nurse.south@example.org", name: "Tom Okafor" },
  facilitator: { email: "facilitator@example.org", name: "Grace Liu" },
  manager: { email: "manager@example.org", name: "Sam Patel" },
  manager2: { email: "manager2@example.org", name: "Joanne Fraser" },
  worker: { email: "worker@example.org", name: "Maria Santos" },
} as const;

export type Account = keyof typeof ACCOUNTS;

/** Read-only look into the server's database, to find ids and prove what was (not) written. */
/** The SQLite file of that server, for the checks that read SQLite's own bookkeeping (the hostile-input spec runs on SQLite only). */
export function serverSqliteFile(): string {
  return path.join(serverFolder(), "e2e.db");
}

/** The engine that server runs on (playwright.config.ts). */
export function serverEngine(): "sqlite" | "postgres" {
  return (base.info().project.metadata as { database: "sqlite" | "postgres" }).database;
}

export function readDb(): ReadOnlyDatabase {
  return openServerDatabase(serverPort(), serverEngine());
}

export function idOf(table: string, where: string, ...params: unknown[]): number {
  const db = readDb();
  try {
    const row = db.prepare(`SELECT id FROM ${table} WHERE ${where}`).get(...params) as { id: number } | undefined;
    if (!row) throw new Error(`No ${table} row where ${where}`);
    return row.id;
  } finally {
    db.close();
  }
}

export function countRows(table: string, where = "TRUE", ...params: unknown[]): number {
  const db = readDb();
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Waits until a section of a draft agreement is saved: its form leads back to the task list. A
 * click only starts the submission, and going to another page before it lands would abandon it.
 */
export async function savedToTaskList(page: Page) {
  await expect(page).toHaveURL(/\/agreements\/\d+\/draft\?done=/);
}

/** Completes a just-started agreement through its sections, each by its own page, then sends it for signatures. */
export async function completeAndSend(page: Page, id: number, { taskCode, instructions, mustNotDo, worker }: { taskCode: string; instructions: string; mustNotDo?: string; worker: RegExp }) {
  await page.goto(`/agreements/${id}/tasks/${idOf("tasks", "code = ?", taskCode)}`);
  await page.getByLabel("Instructions").fill(instructions);
  if (mustNotDo) await page.getByLabel("What the care worker must not do").fill(mustNotDo);
  await page.getByRole("button", { name: "Save details" }).click();
  await savedToTaskList(page);
  await page.goto(`/agreements/${id}/workers`);
  await page.getByLabel(worker).check();
  await page.getByRole("button", { name: "Save named workers" }).click();
  await savedToTaskList(page);
  await page.goto(`/agreements/${id}/details`);
  await page.getByLabel("Supervision and support").fill("The district nurse visits weekly.");
  await page.getByRole("button", { name: "Save" }).click();
  await savedToTaskList(page);
  await page.goto(`/agreements/${id}/consent`);
  await page.getByLabel("Given by the person").check();
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Consent recorded.")).toBeVisible();
  await page.goto(`/agreements/${id}/send`);
  await page.getByRole("button", { name: "Send for signatures" }).click();
}

/**
 * Signs in through the sign-in form, as a person would: for tests about signing in itself, and
 * for tests that need a session of their own (one another test's sign-out cannot end).
 */
export async function signInWithForm(page: Page, account: Account) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(ACCOUNTS[account].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(welcome(page, account)).toBeVisible();
}

function welcome(page: Page, account: Account) {
  return page.getByRole("heading", { level: 1, name: `Welcome, ${ACCOUNTS[account].name}` });
}

/**
 * Session cookies this worker got by signing in through the form, by server and account. They
 * live in this worker process only: never shared with another worker (whose tests could end the
 * session under this one's feet), and never sent to another server (the key is the server).
 */
const sessions = new Map<string, Cookie[]>();

/**
 * Signed in as the account, on the home page, with a session of the server's that greets them.
 * The first time this worker signs in as the account on this server it uses the form; later it
 * puts that session's cookie back and checks the home page still greets the person. A session a
 * test ended (signing out, deactivation, a password change, the idle or absolute limit) does not
 * greet them: then it signs in through the form again and keeps the new session.
 */
export async function signIn(page: Page, account: Account) {
  const context = page.context();
  const key = `${base.info().project.use.baseURL} ${account}`;
  const saved = sessions.get(key);
  if (saved) {
    await context.clearCookies();
    await context.addCookies(saved);
    await page.goto("/");
    // The home page is rendered on the server: the greeting is there when the page has loaded, or never.
    if (await welcome(page, account).isVisible()) return;
    sessions.delete(key);
  }
  await signInWithForm(page, account);
  sessions.set(key, await context.cookies());
}

/** Waits until the page's scripts have started (app/browser/enhance.ts marks the page), so timers they set are running. */
export async function scriptsReady(page: Page) {
  await expect(page.locator("html[data-scripts='ready']")).toBeAttached();
}

/**
 * Fails with a readable list when axe finds any accessibility violation on the page. axe runs in
 * the page with every rule it enables by default, collecting the details of violations only
 * (resultTypes): the passes are not described, which is most of its work (decision 029). The
 * service's pages have no frames, so one run over the document sees everything.
 */
export async function expectAccessible(page: Page) {
  expect(page.frames(), `${page.url()} has no frames for axe to miss`).toHaveLength(1);
  // Injected as a script of the browser's own (not eval inside the page, which the page's CSP forbids),
  // from the minified build: half the size of axe.source, so a third less time to parse on every page.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const summary = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  });
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Every test fails if the page reports a Content-Security-Policy violation. */
export const test = base.extend<{ cspWatch: void }>({
  cspWatch: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
