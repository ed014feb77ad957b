import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { careWorkers } from "~db/tables";
import { demoDatabase } from "./test-helpers";
import { derivedUntilChange, inTransaction } from "./transaction.server";

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

});
