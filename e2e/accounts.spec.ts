/**
 * Issue 13, items 1, 2 and 11: care workers sign in by invitation (hazard H31), passwords are
 * reset by email (H32), and a session that ends while someone types says why, returns them to
 * the same page and keeps what they typed (H33).
 */
import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS, countRows, DEMO_PASSWORD, expect, expectAccessible, idOf, linkIn, scriptsReady, setClock, signInWithForm, test, waitForMail } from "./fixtures";

const NEW_PASSWORD = "kingfisher lantern meadow";
/** Rosa's first password, given by the administrator. */
const FIRST_PASSWORD = "plum harbour bicycle";

async function signInAs(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("a manager invites a care worker with no sign-in; she chooses a password, signs the agreement naming her, sees her passport; the link works once", async ({ page, browser }) => {
  const nadia = idOf("care_workers", "name = ?", "Nadia Rahman");
  const norman = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Norman Fisher')");
  await signInWithForm(page, "manager");
  await page.goto(`/workers/${nadia}`);
  const section = page.getByRole("region", { name: "Sign-in" });
  await expect(section).toContainText("No sign-in");
  await expect(section).toContainText("Nadia Rahman cannot sign in yet");
  await expectAccessible(page);

  await section.getByRole("link", { name: "Invite to sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Invite Nadia Rahman to sign in/ })).toBeVisible();
  await expect(page.locator("main")).toContainText("The link works once, for 7 days");
  await expectAccessible(page);
  // An address another account signs in with is refused, saying what to do.
  await page.getByLabel("Their email address").fill(ACCOUNTS.worker.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: /This email address is already used by another account/ })).toHaveAttribute("href", "#email");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  expect(countRows("invitations", "worker_id = ?", nadia)).toBe(0);

  await page.getByLabel("Their email address").fill("Nadia.Rahman@example.org");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  await expect(section).toContainText("Invitation waiting");
  await expect(section).toContainText("Sent to nadia.rahman@example.org");
  await expect(section).toContainText("The link works until");
  await expect(section.getByRole("link", { name: /Send again/ })).toBeVisible();
  await expect(section.getByRole("button", { name: /Withdraw/ })).toBeVisible();

  const mail = await waitForMail("nadia.rahman@example.org", /invited to sign in/);
  expect(mail.text).toContain("Dear Nadia Rahman");
  expect(mail.text).toContain("The link works once, for 7 days");
  const link = linkIn(mail, "/invitation");

  // Nadia, in her own browser.
  const nadiaBrowser = await freshPage(browser);
  const w = nadiaBrowser.page;
  await w.goto(link);
  await expect(w.getByRole("heading", { level: 1, name: /Choose your password/ })).toBeVisible();
  await expect(w.locator("main")).toContainText("Welcome, Nadia Rahman");
  await expect(w.locator("main")).toContainText("nadia.rahman@example.org");
  await expectAccessible(w);
  // The password policy applies.
  await w.getByLabel("Password", { exact: true }).fill("short");
  await w.getByLabel("Password again").fill("short");
  await w.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(w.getByRole("alert").getByRole("link", { name: "Password must be 12 characters or more" })).toHaveAttribute("href", "#password");
  await expectAccessible(w);
  await w.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await w.getByLabel("Password again").fill(NEW_PASSWORD);
  await w.getByRole("button", { name: "Save password and sign in" }).click();

  // Signed in, on her home, as herself.
  await expect(w.getByRole("heading", { level: 1, name: /Welcome, Nadia Rahman/ })).toBeVisible();
  await expect(w.getByRole("banner")).toContainText("Nadia Rahman, Care worker, Brightside Home Care");
  await expect(w.getByRole("heading", { name: "Your skills passport" })).toBeVisible();
  await expect(w.getByRole("table", { name: "Your competencies" })).toContainText("Blood glucose");
  await expectAccessible(w);

  // The agreement that awaits her signature, which she signs in the app (docs/domain.md rule 2).
  await w.goto("/agreements");
  await expect(w.locator("main")).toContainText("Norman Fisher");
  await w.goto(`/agreements/${norman}`);
  await w.getByRole("link", { name: "Sign this agreement" }).click();
  await w.getByLabel(/I have read version 1/).check();
  await w.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(w.getByText("Signature recorded.")).toBeVisible();
  expect(countRows("signatures", "worker_id = ? AND method = 'in_app' AND signer_user_id = (SELECT id FROM users WHERE email = 'nadia.rahman@example.org')", nadia)).toBe(1);

  // Her manager sees that she signs in now.
  await page.reload();
  await expect(section).toContainText("Nadia Rahman signs in as nadia.rahman@example.org");

  // The same link again: refused, saying only that.
  const again = await freshPage(browser);
  await again.page.goto(link);
  await expect(again.page.getByRole("heading", { level: 1, name: "This link has expired or been used" })).toBeVisible();
  await expect(again.page.locator("main")).toContainText("Ask your manager for a new invitation.");
  await expect(again.page.locator("main")).not.toContainText("Nadia");
  await expectAccessible(again.page);
  // A made-up link gets the very same page.
  await again.page.goto(`/invitation?token=${"x".repeat(43)}`);
  await expect(again.page.getByRole("heading", { level: 1, name: "This link has expired or been used" })).toBeVisible();
  await again.context.close();
  await nadiaBrowser.context.close();
});

test("an invitation expires after 7 days and a withdrawn one stops working; another provider's manager cannot invite", async ({ page, browser }) => {
  const chloe = idOf("care_workers", "name = ?", "Chloe Barker");
  await signInWithForm(page, "manager");
  await page.goto(`/workers/${chloe}/invite`);
  await page.getByLabel("Their email address").fill("chloe.barker@example.org");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent.")).toBeVisible();
  const link = linkIn(await waitForMail("chloe.barker@example.org", /invited to sign in/), "/invitation");

  const chloeBrowser = await freshPage(browser);
  try {
    setClock(new Date(Date.now() + 7 * 86_400_000 + 60_000));
    await chloeBrowser.page.goto(link);
    await expect(chloeBrowser.page.getByRole("heading", { level: 1, name: "This link has expired or been used" })).toBeVisible();
    await expect(chloeBrowser.page.getByLabel("Password", { exact: true })).toHaveCount(0);
    // Her manager (signed in again: the jump ended the session) sees it expired, and can send it again.
    await signInWithForm(page, "manager");
    await page.goto(`/workers/${chloe}`);
    const section = page.getByRole("region", { name: "Sign-in" });
    await expect(section).toContainText("Invitation expired");
    await expect(section.getByRole("link", { name: /Send again/ })).toBeVisible();
  } finally {
    setClock(null);
  }
  expect(countRows("users", "email = 'chloe.barker@example.org'")).toBe(0);

  // Back to today: the link works again, until the manager withdraws it.
  await signInWithForm(page, "manager");
  await page.goto(`/workers/${chloe}`);
  await page.getByRole("region", { name: "Sign-in" }).getByRole("button", { name: /Withdraw/ }).click();
  await expect(page.getByText("Invitation withdrawn.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Sign-in" })).toContainText("No sign-in");
  await chloeBrowser.page.goto(link);
  await expect(chloeBrowser.page.getByRole("heading", { level: 1, name: "This link has expired or been used" })).toBeVisible();
  await chloeBrowser.context.close();

  // Oakfield's manager neither sees the section nor reaches the invitation page for Brightside's worker.
  await signInWithForm(page, "manager2");
  const response = await page.goto(`/workers/${chloe}/invite`);
  expect(response?.status()).toBe(404);
});

test("Add a user sends care workers to the invitation; a forgotten password is reset by email, ending every other session; the link works once", async ({ page, browser }) => {
  // Item 1: no loose care worker account.
  await signInWithForm(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("Full name").fill("Rosa Field");
  await page.getByLabel("Email address").fill("rosa.field@example.org");
  await page.getByLabel("Care worker", { exact: true }).check();
  await page.getByLabel("Organisation").selectOption({ label: "Meadowbank Support Services (care provider)" });
  await page.getByLabel("First password").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /Care workers get their sign-in by invitation/ })).toHaveAttribute("href", "#role");
  expect(countRows("users", "email = 'rosa.field@example.org'")).toBe(0);
  // As a provider manager instead: the account whose password is forgotten below.
  await page.getByLabel("Provider manager", { exact: true }).check();
  await page.getByLabel("First password").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("Rosa Field has been added.")).toBeVisible();
  // Maria's account shows the worker record it signs as (an administrator links or unlinks it here).
  await page.goto(`/admin/users/${idOf("users", "email = ?", ACCOUNTS.worker.email)}`);
  await expect(page.getByRole("region", { name: "Care worker record" })).toContainText("This account signs in as Maria Santos");
  await expectAccessible(page);

  // Rosa is signed in on another computer.
  const elsewhere = await freshPage(browser);
  await elsewhere.page.goto("/login");
  await signInAs(elsewhere.page, "rosa.field@example.org", FIRST_PASSWORD);
  await expect(elsewhere.page.getByRole("heading", { level: 1, name: /Welcome, Rosa Field/ })).toBeVisible();

  // Here she has forgotten her password.
  const here = await freshPage(browser);
  const r = here.page;
  await r.goto("/login");
  await r.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(r.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await expectAccessible(r);
  await r.getByRole("button", { name: "Send me a link" }).click();
  await expect(r.getByRole("alert").getByRole("link", { name: "Enter an email address" })).toHaveAttribute("href", "#email");
  await r.getByLabel("Email address").fill("Rosa.Field@example.org");
  await r.getByRole("button", { name: "Send me a link" }).click();
  await expect(r.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const sentPage = await r.locator("main").innerText();
  await expectAccessible(r);

  // An unknown email gets the very same page, and no email.
  const unknown = await freshPage(browser);
  await unknown.page.goto("/forgot-password");
  await unknown.page.getByLabel("Email address").fill("nobody-here@example.org");
  await unknown.page.getByRole("button", { name: "Send me a link" }).click();
  await expect(unknown.page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  expect(await unknown.page.locator("main").innerText()).toBe(sentPage);
  await unknown.context.close();

  const mail = await waitForMail("rosa.field@example.org", /Reset your Delegated Care password/);
  expect(mail.text).toContain("The link works once, for 60 minutes");
  const link = linkIn(mail, "/reset-password");
  await r.goto(link);
  await expect(r.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(r);
  await r.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await r.getByLabel("New password again").fill("something else entirely");
  await r.getByRole("button", { name: "Save new password" }).click();
  await expect(r.getByRole("alert").getByRole("link", { name: /The passwords do not match/ })).toHaveAttribute("href", "#confirm");
  await r.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await r.getByLabel("New password again").fill(NEW_PASSWORD);
  await r.getByRole("button", { name: "Save new password" }).click();
  await expect(r.getByText("Your password has been changed and you have been signed out everywhere.")).toBeVisible();
  await expectAccessible(r);

  // The old password no longer works; the new one does.
  await signInAs(r, "rosa.field@example.org", FIRST_PASSWORD);
  await expect(r.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a correct email address and password");
  await signInAs(r, "rosa.field@example.org", NEW_PASSWORD);
  await expect(r.getByRole("heading", { level: 1, name: /Welcome, Rosa Field/ })).toBeVisible();

  // The other computer's session has ended.
  await elsewhere.page.goto("/workers");
  await expect(elsewhere.page).toHaveURL(/\/login\?redirectTo=%2Fworkers/);
  await elsewhere.context.close();

  // The link works once.
  const twice = await freshPage(browser);
  await twice.page.goto(link);
  await expect(twice.page.getByRole("heading", { level: 1, name: "This link has expired or been used" })).toBeVisible();
  await expect(twice.page.getByRole("link", { name: "Ask for a new link to reset your password" })).toBeVisible();
  await twice.context.close();
  await here.context.close();
});

test("signed out for being idle while filling in a form: told why, back on the same page, with what was typed put back", async ({ page }) => {
  const chloe = idOf("care_workers", "name = ?", "Chloe Barker");
  await signInWithForm(page, "facilitator");
  await page.goto(`/workers/${chloe}/observe`);
  const notes = "Checked the catheter bag at 10:15; site clean, no redness. Reminded about the night bag.";
  await page.getByLabel("Notes (optional)").fill(notes);
  await page.getByLabel("Satisfactory").check();
  try {
    // The facilitator leaves the form for 31 minutes (the idle limit is 30).
    setClock(new Date(Date.now() + 31 * 60_000));
    await page.getByRole("button", { name: "Record observation" }).click();
    await expect(page).toHaveURL(/\/login\?/);
    await expect(page.locator("#signed-out-reason")).toHaveText(
      "You were signed out because you had not used Delegated Care for 30 minutes. Sign in to carry on.",
    );
    await expectAccessible(page);
    expect(countRows("supervised_observations", "notes = ?", notes)).toBe(0);
    await signInAs(page, ACCOUNTS.facilitator.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`/workers/${chloe}/observe$`));
    await expect(page.getByRole("status")).toContainText("We have put back what you typed before you were signed out");
    await expect(page.getByLabel("Notes (optional)")).toHaveValue(notes);
    await expect(page.getByLabel("Satisfactory")).toBeChecked();
    await expectAccessible(page);
  } finally {
    setClock(null);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the idle sign-out still says why and returns to the same page", async ({ page }) => {
    const chloe = idOf("care_workers", "name = ?", "Chloe Barker");
    await signInWithForm(page, "facilitator");
    await page.goto(`/workers/${chloe}/observe`);
    await page.getByLabel("Notes (optional)").fill("Typed without JavaScript");
    try {
      setClock(new Date(Date.now() + 31 * 60_000));
      await page.getByRole("button", { name: "Record observation" }).click();
      await expect(page.locator("#signed-out-reason")).toContainText("had not used Delegated Care for 30 minutes");
      await signInAs(page, ACCOUNTS.facilitator.email, DEMO_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`/workers/${chloe}/observe$`));
    } finally {
      setClock(null);
    }
  });

  test("forgot password and choosing a password from an invitation work as plain forms", async ({ page }) => {
    await page.goto("/forgot-password");
    await page.getByLabel("Email address").fill("nobody-at-all@example.org");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await page.goto(`/invitation?token=${"y".repeat(43)}`);
    await expect(page.getByRole("heading", { level: 1, name: "This link has expired or been used" })).toBeVisible();
  });
});

test("before the idle limit a dialog offers to stay signed in; typing keeps the session alive; left alone, the page signs out and says why", async ({ page }) => {
  await page.clock.install();
  await signInWithForm(page, "nurse");
  await page.goto("/people");
  await scriptsReady(page);
  const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
  await expect(dialog).toBeHidden();
  // 28 minutes and a little more without using it: the warning 2 minutes before the 30-minute limit.
  await page.clock.fastForward("28:10");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("you will be signed out at");
  await expectAccessible(page);
  const stayed = page.waitForResponse((r) => r.url().endsWith("/session/keep-alive"));
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  expect((await stayed).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/people$/);

  // Typing in a form is using it: after a quiet spell, a keystroke keeps the session alive.
  await page.clock.fastForward("03:00");
  const typed = page.waitForResponse((r) => r.url().endsWith("/session/keep-alive"));
  await page.getByLabel("Name").fill("Edi");
  expect((await typed).status()).toBe(200);

  // Left alone past the limit (the server's clock too), the page goes to sign in and says why.
  try {
    setClock(new Date(Date.now() + 31 * 60_000));
    await page.clock.fastForward("30:10");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fpeople&reason=idle$/);
    await expect(page.locator("#signed-out-reason")).toContainText("had not used Delegated Care for 30 minutes");
  } finally {
    setClock(null);
  }
});
