/**
 * Every form's error messages, as a newcomer meets them (issue 14, item 1): each form with an
 * action, used by the role that can use it, is sent empty and then with wrong and over-long
 * answers (letters in number boxes, "31 02", 201 characters in a name, 5001 in a note). Each
 * time the page must answer 400 with the NHS error summary at the top of the main content
 * (below the back link, above the h1), in the order the fields appear, each link landing on a
 * real field, and no message in developer's words. (e2e/security/hostile-input.spec.ts sends
 * the same forms without a browser, as a page without JavaScript would.)
 *
 * The list of forms is read from app/routes: a new form without an entry here fails the test.
 */
import type { Page } from "@playwright/test";
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { listRoutes } from "./security/routes";
import { ACCOUNTS, type Account, DEMO_PASSWORD, expect, expectAccessible, idOf, linkIn, signIn, test, waitForMail } from "./fixtures";

/** Words that belong to a developer, not to a form (issue 14): zod's English, types and empties. */
const DEVELOPER_WORDS = /invalid|expected|received|\bNaN\b|undefined|\bnull\b|\bstring\b|\bboolean\b|\bobject\b|: ?number\b/i;

/** Routes with an action that are not forms a person fills in, each with the reason. */
const NOT_FORMS: Record<string, string> = {
  "logout.tsx": "Signing out: a button with nothing to get wrong.",
  "session.keep-alive.ts": "Called by the idle warning's script to keep a session open, not a form a person fills in.",
  "notifications.tsx": "One button (mark all as read): nothing typed or chosen.",
  "organisations.$id._index.tsx": "One button (deactivate or reactivate): nothing typed or chosen.",
  "agreements._index.tsx": "A search box sent by POST (to keep names and NHS numbers out of the address): every search is a right answer.",
  "people._index.tsx": "A search box sent by POST (to keep names and NHS numbers out of the address): every search is a right answer.",
  "agreements.$id.delete.tsx": "A yes-or-no confirmation with no field: pressing the button deletes the draft.",
  "organisation-sign-in.start.tsx": "The “Sign in with …” buttons on the sign-in page: nothing typed or chosen.",
};

type Target = {
  file: string;
  role: Account | "anonymous";
  path: () => string;
  /** The form to use when the page has several: one holding this field. */
  field?: string;
  /** Run once before the form is opened, after the role's sign-in (to reach the sign-in's second step). */
  before?: () => Promise<void>;
};

const ids = {
  brightside: () => idOf("organisations", "name = ?", "Brightside Home Care"),
  nurseUser: () => idOf("users", "email = ?", ACCOUNTS.nurse.email),
  task: () => idOf("tasks", "code = ?", "EYE"),
  edith: () => idOf("people", "name = ?", "Edith Clarke"),
  maria: () => idOf("care_workers", "name = ?", "Maria Santos"),
  nadia: () => idOf("care_workers", "name = ?", "Nadia Rahman"),
  edithAgreement: () => idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1"),
  awaiting: () => idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Winifred Shaw')"),
  aishaInsulin: () => idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = 'Aisha Begum')"),
  /** Ready for sign-off in the demo: its page shows the sign-off form. */
  benEye: () => idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = 'Ben Ashworth') AND task_id = (SELECT id FROM tasks WHERE code = 'EYE')"),
  mariaBgm: () => idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = 'Maria Santos') AND task_id = (SELECT id FROM tasks WHERE code = 'BGM')"),
  aishaObservation: () => idOf("supervised_observations", "worker_id = (SELECT id FROM care_workers WHERE name = 'Aisha Begum') ORDER BY id LIMIT 1"),
  scheduled: () => idOf("training_sessions", "cancelled_at IS NULL AND held_on >= ? AND id NOT IN (SELECT session_id FROM training_attendances) ORDER BY id LIMIT 1", new Date().toISOString().slice(0, 10)),
  openConcern: () => idOf("concerns", "status != 'closed' ORDER BY id LIMIT 1"),
};

/** A valid NHS number (modulus 11) no one in the demo has. */
function freshNhsNumber(): string {
  for (let n = 990000000 + crypto.randomInt(0, 999_999); ; n++) {
    const digits = String(n).split("").map(Number);
    const check = 11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11);
    if (check === 10) continue;
    return `${n}${check === 11 ? 0 : check}`;
  }
}

/** What the page shows after a rejected form, read in one go. */
type Rejected = {
  summaryCount: number;
  summary: { text: string; href: string }[];
  inline: string[];
  /** For each summary link: whether it lands on a field, and the field's place in the page. */
  targets: {
    href: string;
    exists: boolean;
    isField: boolean;
    position: number;
  }[];
  /** Visible content before the summary inside main, other than the back link. */
  before: string[];
  /** The h1 comes after the summary; the back link (if any) before it. */
  h1After: boolean;
  backLinkBefore: boolean;
};

async function readRejected(page: Page): Promise<Rejected> {
  const summary = page.locator(".nhsuk-error-summary");
  const count = await summary.count();
  const items = await summary.locator("a").evaluateAll((links) =>
    links.map((a) => ({
      text: (a.textContent ?? "").trim(),
      href: a.getAttribute("href") ?? "",
    }))
  );
  const inline = await page.locator("main .nhsuk-error-message").allTextContents();
  const hrefs = items.map((i) => i.href);
  const layout = await page.locator("main").evaluate((main, hrefs) => {
    const all = Array.from(main.querySelectorAll("*"));
    const summaryEl = main.querySelector(".nhsuk-error-summary");
    const h1 = main.querySelector("h1");
    const back = main.querySelector(".nhsuk-back-link");
    const follows = (a: Element | null, b: Element | null) => !!a && !!b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
    const before = summaryEl
      ? all
          .filter((el) => follows(el, summaryEl) && !el.contains(summaryEl) && visible(el) && /^(H[1-6]|P|FORM|TABLE|UL|OL|DL|INPUT|BUTTON|SELECT|TEXTAREA)$/.test(el.tagName))
          .filter((el) => !back?.contains(el) && !el.closest(".nhsuk-back-link"))
          .map((el) => `${el.tagName}: ${(el.textContent ?? "").trim().slice(0, 60)}`)
      : [];
    const targets = hrefs.map((href) => {
      const el = href.startsWith("#") ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      return {
        href,
        exists: !!el,
        isField: !!el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && (el as HTMLInputElement).type !== "hidden",
        position: el ? all.indexOf(el) : -1,
      };
    });
    return {
      before,
      targets,
      h1After: follows(summaryEl, h1),
      backLinkBefore: back ? follows(back, summaryEl) : true,
    };
  }, hrefs);
  return { summaryCount: count, summary: items, inline, ...layout };
}

/** The form a target is about: the one holding `field`, else the post form in main with the most fields. */
async function formOf(page: Page, target: Target) {
  if (target.field)
    return page
      .locator("main form[method='post' i]")
      .filter({ has: page.locator(`[name="${target.field}"]`) })
      .first();
  const forms = page.locator("main form[method='post' i]:not([action='/logout'])");
  const n = await forms.count();
  let best = 0;
  let most = -1;
  for (let i = 0; i < n; i++) {
    const fields = await forms.nth(i).locator("input:not([type=hidden]), textarea, select").count();
    if (fields > most) [best, most] = [i, fields];
  }
  return forms.nth(best);
}

/** Presses the form's first submit button and returns the response the browser got. */
async function submit(page: Page, form: Awaited<ReturnType<typeof formOf>>) {
  // The form's own button: the last one that sends it (a register's "Show" filter button sends a GET).
  const button = form.locator("button[type=submit]:not([formmethod]), button:not([type]):not([formmethod]), input[type=submit]").last();
  // The answer is a whole new page: read it once it has all arrived, not while it streams in.
  const loaded = page.waitForEvent("load");
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), button.click()]);
  await loaded;
  // The page shows the answer: the summary, or (when the form was wrongly accepted) another page.
  await expect.soft(page.locator(".nhsuk-error-summary"), `${page.url()} shows the error summary`).toBeVisible();
  return response;
}

/**
 * Fills the form as a person at the keyboard would leave it, in one step inside the page: every
 * box a person can type in (visible and editable), as Playwright's fill would, with an input
 * event each. "empty" clears every box, unticks every checkbox and picks every list's empty
 * choice. "wrong" then types wrong answers: letters in number boxes, an impossible date, over-long
 * text. Returns how many boxes were typed in.
 */
async function fillForm(form: Awaited<ReturnType<typeof formOf>>, mode: "empty" | "wrong"): Promise<number> {
  return form.evaluate((f, mode) => {
    const year = String(new Date().getFullYear());
    // What Playwright calls visible and editable: a box on the page (not inside an unchosen radio's hidden reveal) that takes typing.
    const usable = (el: HTMLInputElement | HTMLTextAreaElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden" && !el.disabled && !el.readOnly;
    const boxes = Array.from(f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input[type=text], input:not([type]), input[type=email], input[type=tel], input[type=password], input[type=number], textarea")).filter(usable);
    const set = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    };
    if (mode === "empty") {
      for (const box of boxes) set(box, "");
      for (const tick of Array.from(f.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))) if (tick.checked) tick.click();
      for (const select of Array.from(f.querySelectorAll("select"))) if (select.value !== "" && select.querySelector("option[value='']")) set(select, "");
      return 0;
    }
    for (const box of boxes) {
      const name = box.getAttribute("name") ?? "";
      const value = name.endsWith("-day")
        ? "31"
        : name.endsWith("-month")
          ? "02"
          : name.endsWith("-year")
            ? year
            : box.getAttribute("inputmode") === "numeric"
              ? "ten"
              : box.tagName === "TEXTAREA"
                ? "x".repeat(5001)
                : "x".repeat(201);
      set(box, value);
    }
    return boxes.length;
  }, mode);
}

function check(label: string, page: Page, status: number, r: Rejected) {
  const where = `${label} (${page.url()})`;
  expect.soft(status, `${where}: answers 400`).toBe(400);
  expect.soft(r.summaryCount, `${where}: one error summary`).toBe(1);
  expect.soft(r.summary.length, `${where}: the summary lists the problems`).toBeGreaterThan(0);
  for (const m of [...r.summary.map((s) => s.text), ...r.inline]) {
    expect.soft(m, `${where}: no developer's words`).not.toMatch(DEVELOPER_WORDS);
  }
  for (const t of r.targets) {
    // A link lands on the field to fix, or on the section that holds the problem (the send page's sections, a register).
    expect.soft(t.exists, `${where}: the summary link ${t.href} lands on something on the page`).toBe(true);
  }
  const positions = r.targets.map((t) => t.position);
  expect.soft(positions, `${where}: the summary lists the fields in the order they appear`).toEqual([...positions].sort((a, b) => a - b));
  expect.soft(r.before, `${where}: nothing above the summary but the back link`).toEqual([]);
  expect.soft(r.h1After && r.backLinkBefore, `${where}: back link, then summary, then the heading`).toBe(true);
}



test("every form, sent empty and then with wrong and over-long answers, says what is wrong in plain words, at the top, in field order", async ({ page }) => {
  test.setTimeout(600_000);
  const suffix = Date.now().toString(36);

  // Records of this test's own, so no other test's data is touched: a person and a draft agreement for them,
  // a care worker with an invitation, and a password reset for the south nurse.
  await signIn(page, "nurse");
  const personName = `Messages Person ${suffix}`;
  await page.goto("/people/new");
  await page.getByLabel("Full name").fill(personName);
  await page.getByLabel("NHS number").fill(freshNhsNumber());
  await page.getByLabel("Day").fill("3");
  await page.getByLabel("Month").fill("4");
  await page.getByLabel("Year").fill("1941");
  await page.getByRole("radio").first().check();
  await page.getByLabel("Care provider").selectOption({ label: "Brightside Home Care" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: personName })).toBeVisible();
  const person = idOf("people", "name = ?", personName);
  await page.goto("/agreements/new");
  await page.getByLabel("Person receiving care").selectOption(String(person));
  await page.getByLabel("Eye drops", { exact: true }).check();
  const today = new Date();
  await page.getByLabel("Day").fill(String(today.getDate()));
  await page.getByLabel("Month").fill(String(today.getMonth() + 1));
  await page.getByLabel("Year").fill(String(today.getFullYear()));
  await page
    .getByRole("button", { name: /Start|Continue|Save/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/agreements\/\d+/);
  const draft = idOf("agreements", "person_id = ?", person);

  await signIn(page, "manager");
  const workerName = `Messages Worker ${suffix}`;
  await page.goto("/workers/new");
  await page.getByLabel("Full name").fill(workerName);
  await page.getByLabel("Job title").fill("Care worker");
  await page.locator("#joinedOn-day").fill("1");
  await page.locator("#joinedOn-month").fill("9");
  await page.locator("#joinedOn-year").fill("2023");
  await page.getByRole("button", { name: "Add care worker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(workerName) })).toBeVisible();
  const worker = idOf("care_workers", "name = ?", workerName);
  const inviteAddress = `messages.${suffix}@example.org`;
  await page.goto(`/workers/${worker}/invite`);
  await page.getByLabel(/email address/i).fill(inviteAddress);
  await page
    .getByRole("button", { name: /Send|Invite/ })
    .first()
    .click();
  const invitation = linkIn(await waitForMail(inviteAddress, /invited to sign in/), "/invitation");

  // A session of today's with no attendance yet, for the register.
  await signIn(page, "facilitator");
  const location = `Messages room ${suffix}`;
  await page.goto("/training/schedule");
  await page.getByLabel("Task").selectOption({ label: "Eye drops" });
  await page.getByLabel("Day").fill(String(today.getDate()));
  await page.getByLabel("Month").fill(String(today.getMonth() + 1));
  await page.getByLabel("Year").fill(String(today.getFullYear()));
  await page.getByRole("radio").first().check();
  await page.getByLabel(/Where/).fill(location);
  await page.locator("main form button[type=submit]").last().click();
  await expect(page.getByText(location).first()).toBeVisible();
  const session = idOf("training_sessions", "location = ?", location);

  await page.context().clearCookies();
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(ACCOUNTS.nurseSouth.email);
  await page
    .getByRole("button")
    .filter({ hasText: /reset|send|continue/i })
    .first()
    .click();
  const reset = linkIn(await waitForMail(ACCOUNTS.nurseSouth.email, /Reset your Delegated Care password/), "/reset-password");

  // Two provider managers of this test's own for the second step of signing in: one with
  // two-factor authentication set up (the code page), one who is taken through set-up while
  // provider managers must use it (the set-up page; the setting is put back at the end).
  const twoFactorPassword = "messages two factor passphrase";
  const withCode = `messages.code.${suffix}@example.org`;
  const toSetUp = `messages.setup.${suffix}@example.org`;
  await signIn(page, "admin");
  for (const [name, email] of [[`Messages Code ${suffix}`, withCode], [`Messages Set Up ${suffix}`, toSetUp]] as const) {
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Provider manager", { exact: true }).check();
    // A provider with no agreements in the journeys: its managers are told of nothing another test counts.
    await page.getByLabel("Organisation").selectOption({ label: "Harbour Lights Home Care (care provider)" });
    await page.getByLabel("First password").fill(twoFactorPassword);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`${name} has been added.`)).toBeVisible();
  }
  const passwordSignIn = async (email: string) => {
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(twoFactorPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Home, or the second step of signing in: the password was taken.
    await page.waitForURL((url) => url.pathname !== "/login");
  };
  await passwordSignIn(withCode);
  await page.goto("/account/two-factor");
  const key = (await page.getByTestId("two-factor-key").textContent())!.replace(/\s+/g, "");
  await page.getByLabel("Code from your authenticator app").fill(TOTP.generate({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30 }));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor authentication is set up");
  /** Ticks (or unticks) provider managers in the roles that must use two-factor authentication, as the administrator, in a browser of its own. */
  const requireForManagers = async (required: boolean) => {
    const admin = await page.context().browser()!.newPage();
    try {
      const base = String(test.info().project.use.baseURL);
      await admin.goto(`${base}/login`);
      await admin.getByLabel("Email address").fill(ACCOUNTS.admin.email);
      await admin.getByLabel("Password").fill(DEMO_PASSWORD);
      await admin.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(admin.getByRole("heading", { level: 1, name: `Welcome, ${ACCOUNTS.admin.name}` })).toBeVisible();
      await admin.goto(`${base}/admin/settings`);
      const box = admin.getByLabel("Provider manager", { exact: true });
      if (required) await box.check();
      else await box.uncheck();
      await admin.getByRole("button", { name: "Save settings" }).click();
      await expect(admin.getByText("Settings saved")).toBeVisible();
    } finally {
      await admin.close();
    }
  };

  const targets: Target[] = [
    { file: "account.password.tsx", role: "nurse", path: () => "/account/password" },
    { file: "account.two-factor.tsx", role: "nurse", path: () => "/account/two-factor" },
    { file: "admin.settings.tsx", role: "admin", path: () => "/admin/settings" },
    { file: "admin.service.tsx", role: "admin", path: () => "/admin/service" },
    { file: "admin.sign-in-providers.new.tsx", role: "admin", path: () => "/admin/sign-in-providers/new" },
    { file: "admin.sign-in-providers.$id.tsx", role: "admin", path: () => `/admin/sign-in-providers/${idOf("identity_providers", "key = ?", "cis2-demo")}` },
    { file: "admin.users.new.tsx", role: "admin", path: () => "/admin/users/new" },
    { file: "admin.users.$id.tsx", role: "admin", path: () => `/admin/users/${ids.nurseUser()}`, field: "name" },
    { file: "organisations.new.tsx", role: "admin", path: () => "/organisations/new?kind=provider" },
    { file: "organisations.$id.edit.tsx", role: "admin", path: () => `/organisations/${ids.brightside()}/edit` },
    { file: "tasks.new.tsx", role: "admin", path: () => "/tasks/new" },
    { file: "tasks.$id.edit.tsx", role: "admin", path: () => `/tasks/${ids.task()}/edit` },
    { file: "people.new.tsx", role: "nurse", path: () => "/people/new" },
    { file: "people.$id.edit.tsx", role: "nurse", path: () => `/people/${ids.edith()}/edit` },
    { file: "agreements.new.tsx", role: "nurse", path: () => "/agreements/new" },
    { file: "agreements.$id.tasks._index.tsx", role: "nurse", path: () => `/agreements/${draft}/tasks` },
    { file: "agreements.$id.tasks.$taskId.tsx", role: "nurse", path: () => `/agreements/${draft}/tasks/${ids.task()}` },
    { file: "agreements.$id.workers.tsx", role: "nurse", path: () => `/agreements/${draft}/workers` },
    { file: "agreements.$id.details.tsx", role: "nurse", path: () => `/agreements/${draft}/details` },
    { file: "agreements.$id.consent.tsx", role: "nurse", path: () => `/agreements/${draft}/consent` },
    { file: "agreements.$id.send.tsx", role: "nurse", path: () => `/agreements/${draft}/send` },
    { file: "agreements.$id.review.tsx", role: "nurse", path: () => `/agreements/${ids.edithAgreement()}/review` },
    { file: "agreements.$id.amend.tsx", role: "nurse", path: () => `/agreements/${ids.edithAgreement()}/amend` },
    { file: "agreements.$id.$change.tsx", role: "nurse", path: () => `/agreements/${ids.edithAgreement()}/end` },
    { file: "agreements.$id.paper.tsx", role: "nurse", path: () => `/agreements/${ids.awaiting()}/paper` },
    { file: "competencies.$id.sign-off.tsx", role: "nurse", path: () => `/competencies/${ids.benEye()}/sign-off` },
    { file: "competencies.$id.$action.tsx", role: "nurse", path: () => `/competencies/${ids.mariaBgm()}/suspend` },
    { file: "competencies.$id.strike-out.tsx", role: "nurse", path: () => `/competencies/${ids.aishaInsulin()}/strike-out?observation=${ids.aishaObservation()}` },
    { file: "workers.$id.observe.tsx", role: "nurse", path: () => `/workers/${ids.maria()}/observe` },
    { file: "workers.$id.prerequisite.tsx", role: "nurse", path: () => `/workers/${ids.maria()}/prerequisite` },
    { file: "training.new.tsx", role: "nurse", path: () => "/training/new" },
    { file: "concerns.$id.close.tsx", role: "nurse", path: () => `/concerns/${ids.openConcern()}/close` },
    { file: "training.schedule.tsx", role: "facilitator", path: () => "/training/schedule" },
    { file: "training.$id.edit.tsx", role: "facilitator", path: () => `/training/${ids.scheduled()}/edit` },
    { file: "training.$id.cancel.tsx", role: "facilitator", path: () => `/training/${ids.scheduled()}/cancel` },
    { file: "training.$id.attendance.tsx", role: "facilitator", path: () => `/training/${session}/attendance` },
    { file: "workers.new.tsx", role: "manager", path: () => "/workers/new" },
    { file: "workers.$id.edit.tsx", role: "manager", path: () => `/workers/${ids.maria()}/edit` },
    { file: "workers.$id.invite.tsx", role: "manager", path: () => `/workers/${ids.nadia()}/invite` },
    { file: "agreements.$id.sign.tsx", role: "manager", path: () => `/agreements/${ids.awaiting()}/sign` },
    { file: "concerns.new.tsx", role: "worker", path: () => `/concerns/new?agreement=${ids.edithAgreement()}` },
    { file: "verify._index.tsx", role: "anonymous", path: () => "/verify" },
    { file: "forgot-password.tsx", role: "anonymous", path: () => "/forgot-password" },
    { file: "reset-password.tsx", role: "anonymous", path: () => reset },
    { file: "invitation.tsx", role: "anonymous", path: () => invitation },
    { file: "login.tsx", role: "anonymous", path: () => "/login", field: "email" },
    // The second step of signing in: reached only by a browser between its password and its code.
    { file: "login_.code.tsx", role: "anonymous", path: () => "/login/code", before: () => passwordSignIn(withCode) },
    {
      file: "login_.set-up.tsx",
      role: "anonymous",
      path: () => "/login/set-up",
      before: async () => {
        await requireForManagers(true);
        await passwordSignIn(toSetUp);
      },
    },
  ];

  // Every route with an action is walked here or excluded above with its reason.
  const forms = listRoutes()
    .filter((r) => r.action)
    .map((r) => r.file);
  const covered = new Set([...targets.map((t) => t.file), ...Object.keys(NOT_FORMS)]);
  expect(
    forms.filter((f) => !covered.has(f)),
    "forms with no message check"
  ).toEqual([]);
  expect(
    [...covered].filter((f) => !forms.includes(f)),
    "entries for routes that no longer have a form"
  ).toEqual([]);

  let role: Account | "anonymous" | null = null;
  try {
    for (const target of targets) {
      if (target.role !== role) {
        if (target.role === "anonymous") await page.context().clearCookies();
        else await signIn(page, target.role);
        role = target.role;
      }
      await test.step(target.file, async () => {
        try {
          if (target.before) await target.before();
          const path = target.path();
          expect.soft((await page.goto(path))?.status(), `${path} opens`).toBe(200);
          let form = await formOf(page, target);
          await fillForm(form, "empty");
          const empty = await submit(page, form);
          const rejected = await readRejected(page);
          check(`${target.file}, sent empty`, page, empty.status(), rejected);
          await expectAccessible(page);

          // The same form as the rejected page shows it again, cleared, then filled in wrongly.
          form = await formOf(page, target);
          await fillForm(form, "empty");
          if (!(await fillForm(form, "wrong"))) return;
          const wrong = await submit(page, form);
          check(`${target.file}, sent with wrong answers`, page, wrong.status(), await readRejected(page));
        } catch (error) {
          // One form's failure is reported and the walk goes on to the next form.
          expect.soft(String(error), `${target.file} could be walked`).toBe("");
        }
      });
    }
  } finally {
    // Provider managers sign in with their password alone again, as the demo has it.
    await requireForManagers(false);
  }
});
