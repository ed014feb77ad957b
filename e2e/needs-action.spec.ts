/**
 * Issue 13, items 3 and 4: every home page opens with what needs the user's action (each item a
 * page they may open, the count in the header), and people are told, in the app and by email,
 * when an agreement waits for their signature, becomes active, is suspended or ends, and when a
 * named worker declines a task.
 */
import type { Page } from "@playwright/test";
import { addDays, formatDate, londonDate } from "../app/domain/dates";
import { ACCOUNTS, completeAndSend, countRows, expect, expectAccessible, idOf, linkIn, signIn, test, waitForMail, type Account } from "./fixtures";
import { homeList, needsAction } from "./needs-action-helpers";

const today = () => londonDate(new Date());

async function fillDate(page: Page, group: string, iso: string) {
  const [y, m, d] = iso.split("-");
  const fields = page.getByRole("group", { name: group });
  await fields.getByLabel("Day").fill(String(Number(d)));
  await fields.getByLabel("Month").fill(String(Number(m)));
  await fields.getByLabel("Year").fill(y!);
}

test("every role's home opens with what needs their action, each item a page they may open, counted in the header", async ({ page }) => {
  test.setTimeout(180_000);
  // A session coming up: the facilitator schedules one a week ahead.
  await signIn(page, "facilitator");
  await page.goto("/training/new");
  await page.getByLabel("Task").selectOption({ label: "Compression hosiery" });
  await fillDate(page, "Date of the session", addDays(today(), 7));
  await page.getByLabel("Face to face").check();
  await page.getByRole("button", { name: "Record training session" }).click();
  await expect(page.getByText("Training session recorded.")).toBeVisible();

  const expected: Record<Exclude<Account, "nurseSouth" | "manager2">, RegExp[]> = {
    // What other journeys leave alone (the untouched demo's full lists are checked in e2e/first-look/needs-action.spec.ts).
    nurse: [/^Waiting for your signature/, /^Agreements missing consent/, /^Drafts you started/],
    facilitator: [/^Training sessions coming up/],
    manager: [/^Waiting for your signature/],
    worker: [/^Waiting for your signature/],
    admin: [/^Organisations to update/],
  };
  for (const account of Object.keys(expected) as (keyof typeof expected)[]) {
    await signIn(page, account);
    const { section, items, groups } = await homeList(page);
    for (const group of expected[account]) expect(groups, `${account} sees ${group}`).toContainEqual(expect.stringMatching(group));
    expect(items, account).toBeGreaterThan(0);
    // axe on each role's home and every link on it opening: e2e/first-look/needs-action.spec.ts, on the untouched demo.
    // What each item says, for the one who acts on it.
    if (account === "nurse") {
      await expect(section).toContainText("Record consent: it is part of what every party signs");
      await expect(section).toContainText("Before sending: name at least one care worker");
      await expect(section).toContainText("Read and sign it as delegating nurse");
    }
    if (account === "facilitator") await expect(section).toContainText(`Compression hosiery, ${formatDate(addDays(today(), 7))}`);
    if (account === "admin") await expect(section).toContainText("Harbour Lights Home Care");
    if (account === "worker") {
      await expect(section).toContainText("Read and sign it as named care worker");
      // The care worker's home never sends her to the alerts page, which her role may not open.
      await expect(page.locator("main a[href^='/alerts']")).toHaveCount(0);
      expect((await page.request.get("/alerts", { maxRedirects: 0 })).status()).toBe(403);
    }
  }

  // At 375 px the list still reads as a list of links.
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "nurse");
  await expect(needsAction(page).getByRole("link").first()).toBeVisible();
  await expectAccessible(page);
});

test.describe.serial("an agreement sent for signature: everyone who signs is told, then told it is active; a decline is told too", () => {
  let id = 0;
  let reference = "";

  test("the nurse sends; the manager and Maria are emailed and notified; the manager follows the link and signs; everyone is told it is active", async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, "nurse");
    await page.goto("/agreements/new");
    await page.getByLabel("Person receiving care").selectOption({ label: "Edith Clarke (Brightside Home Care)" });
    await page.getByLabel("Urinary catheter care").check();
    await page.getByRole("button", { name: "Start agreement" }).click();
    // The guided agreement: each section by its own page, then check and send.
    await expect(page).toHaveURL(/\/agreements\/\d+\/draft/);
    id = Number(new URL(page.url()).pathname.split("/")[2]);
    // The address changes a moment before the new page is drawn: wait for its heading, then read it.
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(/DA-\d{4}-\d{6}/);
    reference = (await heading.innerText()).match(/DA-\d{4}-\d{6}/)![0];
    await completeAndSend(page, id, { taskCode: "CATH", instructions: "Empty the leg bag when two-thirds full.", mustNotDo: "Do not remove the catheter.", worker: /Maria Santos/ });
    await expect(page.getByText("Sent for signatures.")).toBeVisible();

    // The provider's manager and Maria (who signs in) are emailed: reference, initials only, what to do, a link.
    const subject = new RegExp(`^Agreement ${reference} \\(E\\. C\\.\\) is waiting for your signature$`);
    const toManager = await waitForMail(ACCOUNTS.manager.email, subject);
    const toMaria = await waitForMail(ACCOUNTS.worker.email, subject);
    for (const mail of [toManager, toMaria]) {
      expect(mail.text).toContain(`version 1 of agreement ${reference} (E. C.: Urinary catheter care)`);
      expect(mail.text).toContain("Read it and sign it.");
      expect(mail.text).not.toContain("Edith");
    }
    expect(countRows("outbox", "dedupe_key LIKE ?", `sent:${id}:v1:%`)).toBe(3); // the nurse, the manager, Maria: once each

    // In the app too: the header counts the unread notification; the page marks it unread.
    await signIn(page, "manager");
    await expect(page.getByRole("navigation").getByRole("link", { name: /^Notifications \(\d+ unread notifications?\)$/ })).toBeVisible();
    await page.getByRole("navigation").getByRole("link", { name: /^Notifications/ }).click();
    const notice = page.getByRole("listitem").filter({ hasText: `Agreement ${reference} (E. C.) is waiting for your signature` });
    await expect(notice).toContainText("Unread");
    await expectAccessible(page);
    // Waiting for the manager's signature on the home page as well.
    await page.goto("/");
    await expect(needsAction(page).getByRole("link", { name: `${reference} (E. C.), version 1` })).toHaveAttribute("href", `/agreements/${id}/sign`);

    // The manager follows the email's link and signs.
    const link = linkIn(toManager, `/agreements/${id}/sign`);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign version 1");
    await page.getByLabel(/I have read version 1/).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByText("Signature recorded.")).toBeVisible();
    // Coming back to the link says what happened, not "not allowed".
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("You have already signed version 1");
    await expect(page.locator("main")).toContainText(/You signed it on \d{1,2} \w+ \d{4} at \d{1,2}(:\d{2})?(am|pm), as care provider\./);
    await expect(page.locator("main")).toContainText("It is still waiting for other parties' signatures.");
    await expectAccessible(page);
    await page.goto("/");
    await expect(needsAction(page).getByRole("link", { name: `${reference} (E. C.), version 1` })).toHaveCount(0);

    // Maria signs from her email, the nurse from her home page, and records Edith's paper signature.
    await signIn(page, "worker");
    await page.goto(linkIn(toMaria, `/agreements/${id}/sign`));
    await page.getByLabel(/I have read version 1/).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByText("Signature recorded.")).toBeVisible();
    await signIn(page, "nurse");
    await needsAction(page).getByRole("link", { name: `${reference} (E. C.), version 1` }).click();
    await page.getByLabel(/I have read version 1/).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByText("Signature recorded.")).toBeVisible();
    await page.goto(`/agreements/${id}/paper`);
    await page.getByLabel(/Edith Clarke/).check();
    await page.getByLabel("Name as signed").fill("Edith Clarke");
    await page.getByLabel(/I hold the signed paper copy/).check();
    await page.getByRole("button", { name: "Record signature" }).click();
    await expect(page.locator(".nhsuk-tag").first()).toHaveText("Active");

    // The last signature: everyone it binds is told it is active.
    const active = new RegExp(`^Agreement ${reference} \\(E\\. C\\.\\) is active$`);
    for (const account of ["nurse", "manager", "worker"] as const) {
      const mail = await waitForMail(ACCOUNTS[account].email, active);
      expect(mail.text).toContain(`Every party has signed version 1 of agreement ${reference} (E. C.)`);
      expect(linkIn(mail, `/agreements/${id}`)).toBe(`/agreements/${id}`);
    }
    await signIn(page, "worker");
    await page.getByRole("navigation").getByRole("link", { name: /^Notifications/ }).click();
    await expect(page.getByRole("listitem").filter({ hasText: `Agreement ${reference} (E. C.) is active` })).toContainText("Unread");
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByText("Every notification is marked as read.")).toBeVisible();
    await expect(page.getByRole("navigation").getByRole("link", { name: /^Notifications/ })).toHaveAccessibleName("Notifications");
    await expect(page.getByText("Unread", { exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("Maria declines a task she is named for: the nurse and manager are told in the app and by email; the suspension and the ending are told with their cause", async ({ page }) => {
    test.setTimeout(180_000);
    expect(id).toBeGreaterThan(0);
    const maria = idOf("care_workers", "name = ?", "Maria Santos");
    const catheter = idOf("competencies", "worker_id = ? AND task_id = (SELECT id FROM tasks WHERE code = 'CATH') AND person_id IS NULL", maria);
    await signIn(page, "worker");
    await page.goto(`/competencies/${catheter}`);
    await page.getByRole("link", { name: "Decline task" }).click();
    await page.getByLabel("Reason").fill("My back injury means I cannot kneel to change the bag.");
    await page.getByLabel("I am declining Urinary catheter care. I will not carry it out").check();
    await page.getByRole("button", { name: "Decline task" }).click();
    await expect(page.getByText("You have declined this task.")).toBeVisible();

    const declined = new RegExp(`^Maria Santos declined Urinary catheter care on agreement ${reference}$`);
    for (const account of ["nurse", "manager"] as const) {
      const mail = await waitForMail(ACCOUNTS[account].email, declined);
      expect(mail.text).toContain("My back injury means I cannot kneel to change the bag.");
      expect(mail.text).toContain("(E. C.)");
      expect(mail.text).not.toContain("Edith");
    }
    // She was the only named worker: the interlock suspends the agreement, and says why.
    const suspended = new RegExp(`^Agreement ${reference} suspended: no competent care worker$`);
    for (const account of ["nurse", "manager", "worker"] as const) {
      const mail = await waitForMail(ACCOUNTS[account].email, suspended);
      expect(mail.text).toContain("No named care worker is competent for Urinary catheter care");
    }

    for (const account of ["manager", "nurse"] as const) {
      await signIn(page, account);
      await page.getByRole("navigation").getByRole("link", { name: /^Notifications/ }).click();
      await expect(page.getByRole("listitem").filter({ hasText: `Maria Santos declined Urinary catheter care on agreement ${reference}` })).toContainText("Unread");
      await expect(page.getByRole("listitem").filter({ hasText: `Agreement ${reference} suspended: no competent care worker` })).toBeVisible();
      await page.goto("/");
      await expect(needsAction(page)).toContainText("Maria Santos declined Urinary catheter care");
    }

    // The nurse ends it: everyone it bound is told.
    await page.goto(`/agreements/${id}/end`);
    await page.getByLabel(/Reason/).fill("Catheter care returns to the district nursing team.");
    await page.getByRole("button", { name: /End agreement/ }).click();
    await expect(page.getByText("Agreement ended. Its history is kept.")).toBeVisible();
    const ended = await waitForMail(ACCOUNTS.worker.email, new RegExp(`^Agreement ${reference} \\(E\\. C\\.\\) has ended$`));
    expect(ended.text).toContain("Catheter care returns to the district nursing team.");
    // Ended: the decline no longer waits for anyone's action.
    await page.goto("/");
    await expect(needsAction(page)).not.toContainText("Maria Santos declined Urinary catheter care");
  });
});
