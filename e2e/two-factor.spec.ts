/**
 * Two-factor authentication for local accounts (issue 15, item 3; docs/domain.md rule 21): a
 * provider manager sets it up with the key shown on the page (codes computed here with otpauth, as
 * an authenticator app would), cannot reach her home without a code, meets each failure's message,
 * uses a recovery code once, makes new ones; an administrator resets it (audited, emailed) and then
 * requires it for provider managers, and another manager is taken through set-up as she signs in.
 *
 * Codes are never waited for: each sign-in uses the code of a different time step inside the
 * allowed drift (one step either side), or a recovery code. Uses the demo's third and fourth
 * provider managers, whom no other spec signs in as, and puts the setting back at the end.
 */
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD, expect, expectAccessible, idOf, readDb, setClock, signInWithForm, test, waitForMail } from "./fixtures";

const DEV = { email: "manager3@example.org", name: "Dev Mistry" };
const KAREN = { email: "manager4@example.org", name: "Karen Hale" };

/** The code an authenticator app shows for `key` at the time step `offset` steps from now. */
function codeFor(key: string, offset = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30, timestamp: Date.now() + offset * 30_000 });
}

/** Six digits that are none of the codes the server could accept now. */
function wrongCode(key: string): string {
  const near = [-2, -1, 0, 1, 2].map((o) => codeFor(key, o));
  for (let n = 123456; ; n++) if (!near.includes(String(n))) return String(n);
}

async function signInWithPassword(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Security code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The page at a desktop and a phone width: nothing sticks out sideways, and axe finds nothing. */
async function atBothWidths(page: Page) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${page.url()} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const summary = (page: Page) => page.locator(".nhsuk-error-summary");

function liveSessions(email: string): number {
  const db = readDb();
  try {
    return (db.prepare("SELECT count(*) AS n FROM sessions WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE email = ?)").get(email) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function setRequiredRoles(page: Page, roles: string[]) {
  await signInWithForm(page, "admin");
  await page.goto("/admin/settings");
  for (const box of await page.locator("input[name=twoFactorRequiredRoles]").all()) await box.uncheck();
  for (const role of roles) await page.getByLabel(role, { exact: true }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
}

test("a provider manager sets up two-factor authentication, cannot sign in without a code, uses a recovery code once; an administrator resets it", async ({ page }) => {
  test.setTimeout(240_000);
  await signInWithPassword(page, DEV.email);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${DEV.name}` })).toBeVisible();

  // Set-up is reached from the account links at the top of every page.
  await page.getByRole("link", { name: "Two-factor authentication" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-factor authentication");
  await expect(page.getByRole("img", { name: /QR code that adds Delegated Care to an authenticator app/ })).toBeVisible();
  await expectAccessible(page);
  const key = (await page.getByTestId("two-factor-key").textContent())!.replace(/\s+/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from your authenticator app").fill(wrongCode(key));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(summary(page)).toContainText("The code is not right. Enter the code your authenticator app shows now");
  // The same key is shown again, so the app already set up still works.
  await expect(page.getByTestId("two-factor-key")).toHaveText(key.match(/.{4}/g)!.join(" "));
  await page.getByLabel("Code from your authenticator app").fill(codeFor(key, 0));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor authentication is set up");
  const codes = (await page.getByRole("list", { name: "Recovery codes" }).locator("li").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await atBothWidths(page);
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
  await expect(page.locator("main")).toContainText("10 of 10");
  await waitForMail(DEV.email, /Two-factor authentication is set up/);

  // Signing in now stops after the password: no session until a code is given.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInWithPassword(page, DEV.email);
  await expect(page).toHaveURL(/\/login\/code$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your security code");
  await atBothWidths(page);
  expect(liveSessions(DEV.email)).toBe(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Delegated Care");

  await page.goto("/login/code");
  await enterCode(page, wrongCode(key));
  await expect(summary(page)).toContainText("The code is not right");
  expect(liveSessions(DEV.email)).toBe(0);
  // The next time step's code (inside the drift allowed), never the one used at set-up.
  const used = codeFor(key, 1);
  await enterCode(page, used);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${DEV.name}` })).toBeVisible();
  expect(liveSessions(DEV.email)).toBe(1);

  // A code seen once cannot be used again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInWithPassword(page, DEV.email);
  await enterCode(page, used);
  await expect(summary(page)).toContainText(/This code has already been used|The code is not right/);
  expect(liveSessions(DEV.email)).toBe(0);
  // A recovery code instead, typed in capitals: it works once.
  await enterCode(page, codes[0]!.toUpperCase());
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${DEV.name}` })).toBeVisible();

  // New recovery codes need the password; the old ones then stop working.
  await page.goto("/account/two-factor");
  await expect(page.locator("main")).toContainText("9 of 10");
  await page.getByLabel("Your password, to make new codes").fill("not my password");
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(summary(page)).toContainText("Your password is not right");
  await page.getByLabel("Your password, to make new codes").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your new recovery codes");
  const fresh = (await page.getByRole("list", { name: "Recovery codes" }).locator("li").allTextContents()).map((c) => c.trim());
  expect(fresh).toHaveLength(10);

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInWithPassword(page, DEV.email);
  await enterCode(page, codes[0]!);
  await expect(summary(page)).toContainText("The code is not right");
  await enterCode(page, codes[1]!);
  await expect(summary(page)).toContainText("The code is not right");
  await enterCode(page, wrongCode(key));
  await expect(summary(page)).toContainText("The code is not right");
  // That is 5 wrong codes in 15 minutes: even a right code is now refused for a while.
  await enterCode(page, fresh[0]!);
  await expect(summary(page)).toContainText(/Too many wrong codes\. Wait \d+ minutes?, then sign in again\./);
  expect(liveSessions(DEV.email)).toBe(0);

  // An administrator resets it (a lost phone): asked to confirm, audited, and Dev is told by email.
  const devId = idOf("users", "email = ?", DEV.email);
  await signInWithForm(page, "admin");
  await page.goto(`/admin/users/${devId}`);
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(section).toContainText("10 of 10 recovery codes left");
  await section.getByRole("link", { name: "Reset two-factor authentication" }).click();
  await expect(section).toContainText(`Reset two-factor authentication for ${DEV.name}?`);
  await expectAccessible(page);
  await section.getByRole("button", { name: "Yes, reset two-factor authentication" }).click();
  await expect(page.getByText("Two-factor authentication has been reset. They have been sent an email.")).toBeVisible();
  await expect(section).toContainText("Not set up");
  await page.goto("/admin/audit");
  await expect(page.locator("main")).toContainText(new RegExp(`Alex Morgan reset the two-factor authentication of ${DEV.name}`));
  const mail = await waitForMail(DEV.email, /two-factor authentication was reset/);
  expect(mail.text).toContain("Alex Morgan, an administrator of Delegated Care, has reset the two-factor authentication of your account");

  // Her role does not require it (the demo requires it of nobody): her password alone signs her in again.
  await signInWithPassword(page, DEV.email);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${DEV.name}` })).toBeVisible();
});

test("an administrator requires two-factor authentication for provider managers; another manager is taken through set-up as she signs in", async ({ page }) => {
  test.setTimeout(180_000);
  try {
    await setRequiredRoles(page, ["Provider manager"]);
    await expect(page.locator("#two-factor-now")).toHaveText("Now required for: provider manager.");

    await signInWithPassword(page, KAREN.email);
    await expect(page).toHaveURL(/\/login\/set-up$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-factor authentication");
    await expect(page.locator("main")).toContainText("Your role must use two-factor authentication");
    await atBothWidths(page);
    expect(liveSessions(KAREN.email)).toBe(0);
    await page.goto("/workers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Delegated Care");

    await page.goto("/login/set-up");
    const key = (await page.getByTestId("two-factor-key").textContent())!.replace(/\s+/g, "");
    await page.getByLabel("Code from your authenticator app").fill("12345");
    await page.getByRole("button", { name: "Turn on and continue" }).click();
    await expect(summary(page)).toContainText("Enter the 6-digit code from your authenticator app, like 123 456");
    await page.getByLabel("Code from your authenticator app").fill(codeFor(key, 0));
    await page.getByRole("button", { name: "Turn on and continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor authentication is set up");
    await expect(page.getByRole("list", { name: "Recovery codes" }).locator("li")).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole("link", { name: "I have saved my recovery codes, continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${KAREN.name}` })).toBeVisible();

    // Her role requires it, so her account page offers no way to turn it off.
    await page.goto("/account/two-factor");
    await expect(page.locator("main")).toContainText("Your role must use two-factor authentication, so you cannot turn it off");
    await expect(page.getByRole("button", { name: "Turn off two-factor authentication" })).toHaveCount(0);

    // The next sign-in asks for a code, and a code of the next step lets her in.
    await signInWithPassword(page, KAREN.email);
    await expect(page).toHaveURL(/\/login\/code$/);
    await enterCode(page, codeFor(key, 1));
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${KAREN.name}` })).toBeVisible();

    // A sign-in left waiting for its code more than 10 minutes cannot be finished: sign in again, told why.
    const sessionsBefore = liveSessions(KAREN.email);
    await signInWithPassword(page, KAREN.email);
    await expect(page).toHaveURL(/\/login\/code$/);
    setClock(new Date(Date.now() + 11 * 60_000));
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Delegated Care");
    await expect(page.locator("main")).toContainText("Your sign-in was not finished within 10 minutes, or has already been used. Sign in again.");
    expect(liveSessions(KAREN.email)).toBe(sessionsBefore);
  } finally {
    setClock(null);
    // Other specs sign in as provider managers with their password alone.
    await setRequiredRoles(page, []);
  }
});
