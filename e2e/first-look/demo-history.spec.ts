/**
 * The demo's history never runs ahead of the day (docs/domain.md rule 8): every agreement's
 * timeline, as its nurse sees it on the first visit, shows only events on or before today.
 */
import { londonDate } from "../../app/domain/dates";
import { expect, readDb, signIn, test } from "../fixtures";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `22 November 2026 at 2:05pm` -> `2026-11-22`. */
function isoOf(text: string): string {
  const m = /(\d{1,2}) (\w+) (\d{4})/.exec(text);
  if (!m) throw new Error(`No date in "${text}"`);
  return `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

test("no demo agreement's timeline shows an event after today", async ({ page }) => {
  const db = readDb();
  const agreements = db
    .prepare("SELECT a.id, a.reference, u.email FROM agreements a JOIN users u ON u.id = a.delegator_id ORDER BY a.id")
    .all() as { id: number; reference: string; email: string }[];
  db.close();
  const today = londonDate(new Date());
  const nurses = { "nurse@example.org": "nurse", "nurse.south@example.org": "nurseSouth" } as const;
  let checked = 0;
  for (const nurse of Object.keys(nurses) as (keyof typeof nurses)[]) {
    await signIn(page, nurses[nurse]);
    for (const a of agreements.filter((x) => x.email === nurse)) {
      await page.goto(`/agreements/${a.id}`);
      const events = page.getByRole("heading", { name: "Timeline" }).locator("xpath=following-sibling::ul[1]/li");
      const texts = await events.allInnerTexts();
      expect(texts.length, `${a.reference} has a timeline`).toBeGreaterThan(0);
      const later = texts.filter((t) => isoOf(t) > today);
      expect(later, `${a.reference}: events after ${today}`).toEqual([]);
      checked++;
    }
  }
  expect(checked).toBe(agreements.length);
});
