import { describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { DEMO_SERVICE_DETAILS } from "~db/seed";
import { settings } from "~db/tables";
import { createSharedTestDatabase, testEngine } from "~db/test-db";
import { inTransaction } from "./transaction.server";
import { getServiceDetails } from "./service-details.server";
import { getSettings } from "./settings.server";

/**
 * Settings and the service's details are read on every request and kept in memory. With several
 * server processes on one database, a change saved through one must show in the others: here a
 * second connection writes as another process would. On SQLite the next read sees it (the file's
 * change counter); on PostgreSQL, once the writer's notice of its commit arrives, moments later.
 */
async function seen<T>(read: () => Promise<T>, expected: T) {
  if (testEngine() === "sqlite") expect(await read()).toEqual(expected);
  else await expect.poll(read, { timeout: 10_000 }).toEqual(expected);
}

const save = async (db: Db, key: string, value: string) =>
  await inTransaction(db, async (tx) => {
    await tx.insert(settings).values({ key, value, updatedAt: "2026-12-02T09:00:00.000Z" });
  });

describe("settings kept in memory, with another process writing", () => {
  it("a setting another process saves is read, not the copy kept from before", async () => {
    const shared = await createSharedTestDatabase();
    const here = shared.first;
    const elsewhere = await shared.open();
    expect((await getSettings(here.db)).competencyWarningDays).toBe(90);
    expect((await getSettings(here.db)).competencyWarningDays).toBe(90);
    await save(elsewhere.db, "competencyWarningDays", "45");
    await seen(async () => (await getSettings(here.db)).competencyWarningDays, 45);

    expect(await getServiceDetails(here.db)).toBeNull();
    await save(elsewhere.db, "service_details", JSON.stringify(DEMO_SERVICE_DETAILS));
    await seen(async () => (await getServiceDetails(here.db))?.operatorName, "Ashworth Community Health NHS Trust");
  });
});
