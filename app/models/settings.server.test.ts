import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "~db/client";
import { applyMigrations } from "~db/migrate";
import { DEMO_SERVICE_DETAILS } from "~db/seed";
import { getServiceDetails } from "./service-details.server";
import { getSettings } from "./settings.server";

/**
 * Settings and the service's details are read on every request and kept in memory. With several
 * server processes on one database, a change saved through one must show in the others at once:
 * here a second connection writes as another process would, outside this process's transactions.
 */
describe("settings kept in memory, with another process writing", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dc-settings-"));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("a setting another process saves is read at once, not the copy kept from before", () => {
    const file = path.join(folder, "settings.db");
    const here = openDatabase(file);
    applyMigrations(here);
    const elsewhere = openDatabase(file);
    expect(getSettings(here.db).competencyWarningDays).toBe(90);
    expect(getSettings(here.db).competencyWarningDays).toBe(90);
    elsewhere.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('competencyWarningDays', '45', '2026-12-02T09:00:00.000Z')").run();
    expect(getSettings(here.db).competencyWarningDays).toBe(45);

    expect(getServiceDetails(here.db)).toBeNull();
    elsewhere.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('service_details', ?, '2026-12-02T09:00:00.000Z')").run(JSON.stringify(DEMO_SERVICE_DETAILS));
    expect(getServiceDetails(here.db)?.operatorName).toBe("Ashworth Community Health NHS Trust");
    here.sqlite.close();
    elsewhere.sqlite.close();
  });
});
