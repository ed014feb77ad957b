import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreements, careWorkers, competencies } from "~db/tables";
import { listAgreementsPage } from "./agreements.server";
import { demoDatabase } from "./test-helpers";
import { derivedUntilChange, first, inTransaction } from "./transaction.server";

describe("what every page reads is kept until anything is written (derivedUntilChange)", () => {
  it("works a value out once between writes, again after any write, and never hands one database's value to another", async () => {
    const demo = await demoDatabase();
    const other = await demoDatabase();
    const kept = derivedUntilChange<number>();
    let computed = 0;
    const read = () => kept(demo.db, "nurse|2026-12-03", async () => ++computed);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    await inTransaction(demo.db, async (tx) => {
      await tx.update(careWorkers).set({ jobTitle: "Senior care worker" }).where(eq(careWorkers.id, demo.ids.workers.maria!));
    });
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
    expect(await kept(other.db, "nurse|2026-12-03", async () => 100)).toBe(100);
    expect(await kept(demo.db, "manager|2026-12-03", async () => 7)).toBe(7);
  });


  it("the interlock, asked on every list, still acts on the first read after a write that takes cover away, and inside the writing transaction", async () => {
    const demo = await demoDatabase();
    const nurse = await demo.actorFor(demo.ids.users.nurse);
    const list = () => listAgreementsPage(demo.db, { actor: nurse, filters: {}, today: demo.ids.today, at: demo.at, reviewDueDays: 30, warningDays: 90, page: 1, size: 50 });
    const stateOf = async (id: number) => (await first(demo.db.select({ state: agreements.state }).from(agreements).where(eq(agreements.id, id)).limit(1)))?.state;
    await list();
    await list();
    expect(await stateOf(demo.ids.agreements.edith!)).toBe("active");
    // No one is competent for anything any more: Edith's agreement has lost its cover.
    await inTransaction(demo.db, async (tx) => {
      await tx.update(competencies).set({ state: "suspended" }).where(eq(competencies.state, "competent"));
    });
    await list();
    expect(await stateOf(demo.ids.agreements.edith!)).toBe("suspended");

    // Inside one transaction: asked, then a write, then asked again: the second answer sees the write.
    const other = await demoDatabase();
    const otherNurse = await other.actorFor(other.ids.users.nurse);
    const otherList = (db: typeof other.db) => listAgreementsPage(db, { actor: otherNurse, filters: {}, today: other.ids.today, at: other.at, reviewDueDays: 30, warningDays: 90, page: 1, size: 50 });
    await otherList(other.db);
    await inTransaction(other.db, async (tx) => {
      expect((await otherList(tx)).rows.find((a) => a.id === other.ids.agreements.edith)?.state).toBe("active");
      await tx.update(competencies).set({ state: "suspended" }).where(eq(competencies.state, "competent"));
      const page = await otherList(tx);
      expect(page.rows.find((a) => a.id === other.ids.agreements.edith)?.state).toBe("suspended");
    });
  });
});
