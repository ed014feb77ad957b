/**
 * Signing in with an organisation's account, in Chromium, against a real OpenID provider
 * (oidc-provider on loopback, e2e/support/identity-provider.ts): the administrator sets it up
 * through the admin pages; the nurse signs in through it and lands on her home, then is offered
 * its sign-out; a replayed answer, a wrong audience, an expired ID token, an unknown email and a
 * deactivated account each show their message and sign nobody in.
 */
import type { Page } from "@playwright/test";
import crypto from "node:crypto";
import { ACCOUNTS, expect, expectAccessible, idOf, signInWithForm, test } from "./fixtures";

const PROVIDER_NAME = "Ashworth test sign-in";
const IDENTITY_PROVIDER = `http://localhost:${Number(process.env.E2E_PORT ?? 3123) + 7}`;

/** From the sign-in page, through the provider's page as `email`, back to the service. */
async function signInThroughProvider(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Sign in to ${PROVIDER_NAME}` })).toBeVisible();
  const back = page.waitForRequest((r) => r.url().includes("/organisation-sign-in/test-idp/callback"));
  await page.getByRole("button", { name: email, exact: true }).click();
  return (await back).url();
}

/** Refused: the message in the error summary, on the sign-in page, and nobody signed in. */
async function expectRefused(page: Page, message: string) {
  await expect(page).toHaveURL(/\/login\?refused=/);
  await expect(page.getByRole("alert")).toContainText(message);
  await expectAccessible(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Delegated Care" })).toBeVisible();
}

test.describe.serial("signing in with an organisation's account", () => {
  test("the administrator sets up the sign-in service, and a leaver's account is deactivated", async ({ page, baseURL }) => {
    await signInWithForm(page, "admin");
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "sign-in services" }).click();
    await page.getByRole("link", { name: "Add a sign-in service" }).click();
    await expectAccessible(page);
    await page.getByLabel("Name on the button").fill(PROVIDER_NAME);
    await page.getByLabel("Short name").fill("test-idp");
    await page.getByLabel("Issuer address").fill(IDENTITY_PROVIDER);
    await page.getByLabel("Client ID").fill("delegated-care-e2e");
    await page.getByLabel("Ashworth North District Nursing Team").check();
    await page.getByLabel("Ashworth South District Nursing Team").check();
    await page.getByRole("button", { name: "Add sign-in service" }).click();
    await expect(page.getByRole("heading", { level: 1, name: PROVIDER_NAME })).toBeVisible();
    await expect(page.getByText(`${baseURL}/organisation-sign-in/test-idp/callback`)).toBeVisible();
    await expect(page.getByText("The client secret is set on this server")).toBeVisible();
    await expectAccessible(page);

    // Someone who has left: their account exists, deactivated.
    const response = await page.request.post("/admin/users/new", {
      form: { name: "Lee Aver", email: "leaver@example.org", role: "facilitator", organisationId: String(idOf("organisations", "name = ?", "Ashworth North District Nursing Team")), professionalRegistration: "", jobTitle: "", password: "a long and unusual passphrase 9", submissionToken: crypto.randomUUID() },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    await page.goto(response.headers()["location"]!);
    await page.getByRole("button", { name: "Deactivate user" }).click();
    await expect(page.getByText("Lee Aver has been deactivated")).toBeVisible();
  });

  test("the nurse signs in through the provider, lands on her home, and is offered the provider's sign-out; the same answer again signs nobody in", async ({ page }) => {
    const callback = await signInThroughProvider(page, ACCOUNTS.nurse.email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${ACCOUNTS.nurse.name}` })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out of Delegated Care" })).toBeVisible();
    await expectAccessible(page);
    const signOut = page.getByRole("link", { name: `Sign out of ${PROVIDER_NAME} too` });
    expect(await signOut.getAttribute("href")).toMatch(new RegExp(`^${IDENTITY_PROVIDER}/.*client_id=delegated-care-e2e.*post_logout_redirect_uri=`));

    // The provider's answer brought back a second time (a replayed state).
    await page.goto(callback);
    await expectRefused(page, "has timed out or has already been used");

    // The provider's own sign-out returns to the sign-in page.
    await page.goto("/signed-out?from=test-idp");
    await page.getByRole("link", { name: `Sign out of ${PROVIDER_NAME} too` }).click();
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Delegated Care" })).toBeVisible();
  });

  const failures = [
    ["an ID token for another service (wrong audience)", "facilitator@example.org", "sent an answer we could not check"],
    ["an expired ID token", "nurse.south@example.org", "sent an answer we could not check"],
    ["an email with no account here", "nobody@example.org", "There is no Delegated Care account with the email address of your organisation's account"],
    ["a deactivated account", "leaver@example.org", "Your Delegated Care account has been deactivated"],
  ] as const;
  for (const [what, email, message] of failures) {
    test(`${what} signs nobody in and says why`, async ({ page }) => {
      await signInThroughProvider(page, email);
      await expectRefused(page, message);
    });
  }
});
