import { describe, expect, it } from "vitest";
import { DEMO_SERVICE_DETAILS } from "~db/seed";
import { createSharedTestDatabase } from "~db/test-db";
import { getServiceDetails } from "./service-details.server";
import { getSettings } from "./settings.server";

/**
 * Settings and the service's details are read on every request and kept in memory. With several
 * server processes on one database, a change saved through one must show in the others at once:
 * here a second connection writes as another process would, outside this process's transactions.
 */
describe("settings kept in memory, with another process writing", () => {
  it("a setting another process saves is read at once, not the copy kept from before", async () => {
    const shared = createSharedTestDatabase();
    const here = shared.first;
    const elsewhere = shared.open();
    expect((await getSettings(here.db)).competencyWarningDays).toBe(90);
    expect((await getSettings(here.db)).competencyWarningDays).toBe(90);
    elsewhere.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('competencyWarningDays', '45', '2026-12-02T09:00:00.000Z')").run();
    expect((await getSettings(here.db)).competencyWarningDays).toBe(45);

    expect(await getServiceDetails(here.db)).toBeNull();
    elsewhere.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('service_details', ?, '2026-12-02T09:00:00.000Z')").run(JSON.stringify(DEMO_SERVICE_DETAILS));
    expect((await getServiceDetails(here.db))?.operatorName).toBe("Ashworth Community Health NHS Trust");
    shared.remove();
  });
});
