/**
 * The untouched demo gives every role something under "Needs your action" (issue 13, item 3),
 * before any journey changes it: each item a page the role may open, the count in the header.
 */
import { expect, expectAccessible, signIn, test, type Account } from "../fixtures";
import { everyLinkOpens, homeList } from "../needs-action-helpers";

const EXPECTED: [Account, string[]][] = [
  ["nurse", ["Waiting for your signature (1)", "Concerns to look into (1)", "Tasks declined by a named care worker (1)", "Reviews due or overdue (2)", "Agreements missing consent (1)", "Drafts you started (1)", "Competencies ready for sign-off (1)"]],
  ["facilitator", ["Competencies ready for sign-off (1)", "Training attendance to record (1)", "Training sessions coming up (1)"]],
  ["manager", ["Waiting for your signature (3)", "Concerns to look into (1)"]],
  ["worker", ["Waiting for your signature (2)"]],
  ["admin", ["Organisations to update (1)"]],
];

test("the demo as first seen: every role's home lists what waits for them, counted in the header", async ({ page }) => {
  test.setTimeout(180_000);
  for (const [account, groups] of EXPECTED) {
    await signIn(page, account);
    const list = await homeList(page);
    expect(list.groups, account).toEqual(groups);
    await expectAccessible(page);
    await everyLinkOpens(page, account);
  }
});
