/**
 * Every page in the demo, as the role that sees it, on a desktop (1280 px) and a phone (375 px):
 * no sideways scrolling at either (measured), and axe at 375 px; with SCREENSHOTS=1 (npm run test:screens), a
 * full-page screenshot of each into test-results/screens/<width>/ to look at. The pages are
 * listed here; e2e/screens*.spec.ts look at them, a few roles to a file so the files run side by
 * side on different servers. The list is checked against app/routes by
 * e2e/screens.spec.ts: a page route that is neither visited here nor excluded with a reason fails.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, idOf, readDb, signIn, test, type Account } from "../fixtures";

export type Role = "anonymous" | Extract<Account, "admin" | "nurse" | "facilitator" | "manager" | "worker">;
type Visit = { role: Role; path: string; status?: number };

const WIDTHS = [1280, 375] as const;

/** Routes with no page of their own: what they return instead, and so why they are not screenshotted. */
export const NOT_PAGES: Record<string, string> = {
  "/agreements/:id/pdf": "returns the agreement as a PDF (checked by e2e/pdf.spec.ts)",
  "/agreements/print-all": "returns a zip of PDFs (checked by e2e/pdf.spec.ts)",
  "/agreements/print-all.pdf": "returns one PDF (checked by e2e/finding.spec.ts)",
  "/alerts.csv": "returns a CSV file (checked by e2e/alerts.spec.ts)",
  "/admin/audit.csv": "returns the audit trail as a CSV file (checked by e2e/audit.spec.ts)",
  "/training/matrix.csv": "returns a CSV file (checked by e2e/matrix.spec.ts)",
  "/workers/:id/passport.pdf": "returns the skills passport as a PDF (checked by e2e/pdf.spec.ts)",
  "/healthz": "a health check for monitoring, answering JSON",
  "/logout": "signs out and redirects to the sign-in page",
  "/session/keep-alive": "answers the idle warning's request to stay signed in, no page",
  "/organisation-sign-in/start": "sends the browser on to an organisation's sign-in service (a redirect, no page)",
  "/organisation-sign-in/:key/callback": "where a sign-in service sends the browser back: signs in or redirects to the sign-in page (e2e/single-sign-on.spec.ts)",
  "/login/code": "shown only between a password and a security code; e2e/two-factor.spec.ts looks at it at 1280 and 375 px with axe",
  "/login/set-up": "shown only while signing in when the role must set up two-factor authentication; e2e/two-factor.spec.ts looks at it at 1280 and 375 px with axe",
};

export function value<T>(sql: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return (db.prepare(sql).get(...params) as { v: T }).v;
  } finally {
    db.close();
  }
}

/** Every page in the demo with a real record from it, and the role that sees it. */
export function visits(): Record<string, Visit[]> {
  const worker = idOf("care_workers", "name = ?", "Maria Santos");
  const noSignIn = idOf("care_workers", "name = ?", "Nadia Rahman");
  const person = idOf("people", "name = ?", "Edith Clarke");
  const task = idOf("tasks", "code = ?", "INS-PEN");
  const provider = idOf("organisations", "name = ?", "Brightside Home Care");
  const user = idOf("users", "email = ?", "nurse@example.org");
  // Maria's blood glucose monitoring, signed off in the demo (with its observations).
  const competency = idOf("competencies", "worker_id = ? AND task_id = (SELECT id FROM tasks WHERE code = 'BGM')", worker);
  const observation = value<number>("SELECT max(id) AS v FROM supervised_observations WHERE worker_id = ? AND task_id = (SELECT id FROM tasks WHERE code = 'BGM')", worker);
  const held = idOf("training_sessions", "task_id = ? AND cancelled_at IS NULL ORDER BY held_on LIMIT 1", task);
  const ahead = idOf("training_sessions", "held_on > ? AND cancelled_at IS NULL ORDER BY held_on LIMIT 1", new Date().toISOString().slice(0, 10));
  const agreement = idOf("agreements", "person_id = ? ORDER BY id LIMIT 1", person);
  const draft = idOf("agreements", "state = 'draft' ORDER BY id LIMIT 1");
  const draftTask = value<number>("SELECT task_id AS v FROM agreement_tasks WHERE version_id = (SELECT max(id) FROM agreement_versions WHERE agreement_id = ?) ORDER BY id LIMIT 1", draft);
  const awaiting = idOf("agreements", "state = 'awaiting_signatures' ORDER BY id LIMIT 1");
  const code = value<string>("SELECT verification_code AS v FROM agreement_versions WHERE agreement_id = ? AND version = 1", agreement);
  const concern = idOf("concerns", "agreement_id = ? ORDER BY id LIMIT 1", agreement);
  const as = (role: Role, p: string, status?: number): Visit => ({ role, path: p, status });
  return {
    "/": [as("admin", "/"), as("nurse", "/"), as("facilitator", "/"), as("manager", "/"), as("worker", "/")],
    "/accessibility": [as("anonymous", "/accessibility")],
    "/account/password": [as("nurse", "/account/password")],
    "/account/two-factor": [as("nurse", "/account/two-factor")],
    "/admin/audit": [as("admin", "/admin/audit")],
    "/admin/service": [as("admin", "/admin/service")],
    "/admin/settings": [as("admin", "/admin/settings")],
    "/admin/sign-in-providers": [as("admin", "/admin/sign-in-providers")],
    "/admin/sign-in-providers/new": [as("admin", "/admin/sign-in-providers/new")],
    "/admin/sign-in-providers/:id": [as("admin", `/admin/sign-in-providers/${idOf("identity_providers", "key = ?", "cis2-demo")}`)],
    "/admin/users": [as("admin", "/admin/users")],
    "/admin/users/:id": [as("admin", `/admin/users/${user}`)],
    "/admin/users/new": [as("admin", "/admin/users/new")],
    "/agreements": [as("nurse", "/agreements"), as("worker", "/agreements")],
    "/agreements/:id": [as("nurse", `/agreements/${agreement}`), as("manager", `/agreements/${awaiting}`)],
    "/agreements/:id/:change": [as("nurse", `/agreements/${agreement}/suspend`)],
    "/agreements/:id/amend": [as("nurse", `/agreements/${agreement}/amend`)],
    "/agreements/:id/consent": [as("nurse", `/agreements/${draft}/consent`)],
    "/agreements/:id/delete": [as("nurse", `/agreements/${draft}/delete`)],
    "/agreements/:id/details": [as("nurse", `/agreements/${draft}/details`)],
    "/agreements/:id/draft": [as("nurse", `/agreements/${draft}/draft`)],
    "/agreements/:id/paper": [as("nurse", `/agreements/${awaiting}/paper`)],
    "/agreements/:id/review": [as("nurse", `/agreements/${agreement}/review`)],
    "/agreements/:id/send": [as("nurse", `/agreements/${draft}/send`)],
    "/agreements/:id/sign": [as("manager", `/agreements/${awaiting}/sign`)],
    "/agreements/:id/tasks": [as("nurse", `/agreements/${draft}/tasks`)],
    "/agreements/:id/tasks/:taskId": [as("nurse", `/agreements/${draft}/tasks/${draftTask}`)],
    "/agreements/:id/versions/:n": [as("nurse", `/agreements/${agreement}/versions/1`)],
    "/agreements/:id/workers": [as("nurse", `/agreements/${draft}/workers`)],
    "/agreements/new": [as("nurse", "/agreements/new")],
    "/alerts": [as("nurse", "/alerts")],
    "/baseline": [as("anonymous", "/baseline")],
    "/competencies/:id": [as("nurse", `/competencies/${competency}`)],
    "/competencies/:id/:action": [as("nurse", `/competencies/${competency}/suspend`)],
    "/competencies/:id/sign-off": [as("nurse", `/competencies/${competency}/sign-off`)],
    "/competencies/:id/strike-out": [as("nurse", `/competencies/${competency}/strike-out?observation=${observation}`)],
    "/concerns/:id": [as("nurse", `/concerns/${concern}`)],
    "/concerns/:id/close": [as("nurse", `/concerns/${concern}/close`)],
    "/concerns/new": [as("nurse", `/concerns/new?agreement=${agreement}`)],
    "/cookies": [as("anonymous", "/cookies")],
    "/forgot-password": [as("anonymous", "/forgot-password")],
    "/help": [as("anonymous", "/help")],
    // Without a link's token: the page a used or expired link shows.
    "/invitation": [as("anonymous", "/invitation", 410)],
    "/login": [as("anonymous", "/login")],
    // After signing out of a session that began with the demo's sign-in service.
    "/signed-out": [as("anonymous", "/signed-out?from=cis2-demo")],
    "/notifications": [as("nurse", "/notifications")],
    "/organisations": [as("admin", "/organisations")],
    "/organisations/:id": [as("admin", `/organisations/${provider}`)],
    "/organisations/:id/edit": [as("admin", `/organisations/${provider}/edit`)],
    "/organisations/new": [as("admin", "/organisations/new?kind=provider")],
    "/people": [as("nurse", "/people")],
    "/people/:id": [as("nurse", `/people/${person}`)],
    "/people/:id/edit": [as("nurse", `/people/${person}/edit`)],
    "/people/new": [as("nurse", "/people/new")],
    "/privacy": [as("anonymous", "/privacy")],
    "/reset-password": [as("anonymous", "/reset-password", 410)],
    "/tasks": [as("worker", "/tasks")],
    "/tasks/:id": [as("worker", `/tasks/${task}`)],
    "/tasks/:id/edit": [as("admin", `/tasks/${task}/edit`)],
    "/tasks/new": [as("admin", "/tasks/new")],
    "/training": [as("facilitator", "/training")],
    "/training/:id": [as("facilitator", `/training/${held}`)],
    "/training/:id/attendance": [as("facilitator", `/training/${held}/attendance`)],
    "/training/:id/cancel": [as("facilitator", `/training/${ahead}/cancel`)],
    "/training/:id/edit": [as("facilitator", `/training/${ahead}/edit`)],
    "/training/matrix": [as("facilitator", "/training/matrix")],
    "/training/new": [as("facilitator", "/training/new")],
    "/training/schedule": [as("facilitator", "/training/schedule")],
    "/verify": [as("anonymous", "/verify")],
    "/verify/:code": [as("anonymous", `/verify/${code}`)],
    "/workers": [as("manager", "/workers")],
    "/workers/:id": [as("manager", `/workers/${worker}`)],
    "/workers/:id/edit": [as("manager", `/workers/${worker}/edit`)],
    "/workers/:id/invite": [as("manager", `/workers/${noSignIn}/invite`)],
    "/workers/:id/observe": [as("facilitator", `/workers/${worker}/observe`)],
    "/workers/:id/prerequisite": [as("facilitator", `/workers/${worker}/prerequisite`)],
    "/workers/new": [as("manager", "/workers/new")],
  };
}

/** Where something sticks out past the right edge of the window, outside any element that scrolls or clips itself. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const found: string[] = [];
    if (root.scrollWidth > width) found.push(`the page is ${root.scrollWidth} px wide in a ${width} px window`);
    const contained = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return true;
      }
      return false;
    };
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right <= width + 1) continue;
      if (contained(el)) continue;
      found.push(`${name(el)} reaches ${Math.round(box.right)} px`);
      if (found.length >= 8) break;
    }
    return found;
  });
}

function fileName(role: Role, p: string): string {
  const slug = p.replace(/^\//, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "") || "home";
  return `${role}--${slug}.png`;
}

async function look(page: Page, { role, path: p, status = 200 }: Visit) {
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  const response = await page.goto(p);
  expect(response?.status(), p).toBe(status);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    if (process.env.SCREENSHOTS) {
      const dir = path.join("test-results", "screens", String(width));
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, fileName(role, p)), fullPage: true });
    }
    // Soft: one run lists every page that overflows, not only the first.
    expect.soft(await overflow(page), `${p} at ${width} px`).toEqual([]);
  }
  // axe once, at the phone width: the page's content and colours are the same at both widths, and
  // only the narrow layout can make a region scroll sideways (which then needs to take the keyboard's
  // focus) or fold the header's links into its menu. A second run at 1280 px passes on every page
  // today and doubled axe's time in the walk (decision 029).
  await expectAccessible(page);
}

/**
 * A test that looks at every page `role` sees (those `which` keeps, when given), at both widths.
 * A role with many pages is split over several tests in different files, to run side by side.
 */
export function screensOf(role: Role, which: (visit: Visit) => boolean = () => true, part = "") {
  const who = role === "anonymous" ? "a signed-out visitor" : role === "admin" ? "an admin" : `a ${role}`;
  test(`every page ${who} sees${part} fits 1280 px and 375 px and passes axe`, async ({ page }) => {
    // Dozens of pages, each checked by axe at two widths (and screenshotted with SCREENSHOTS=1):
    // minutes on a busy 2-core machine.
    test.setTimeout(300_000);
    if (role === "anonymous") await page.context().clearCookies();
    else await signIn(page, role);
    const mine = Object.values(visits())
      .flat()
      .filter((v) => v.role === role && which(v));
    if (role === "anonymous") mine.push({ role, path: "/no-such-page", status: 404 });
    expect(mine.length, `pages for ${who}${part}`).toBeGreaterThan(0);
    for (const visit of mine) await look(page, visit);
  });
}
