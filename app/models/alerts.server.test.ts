import { first } from "./transaction.server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreements } from "~db/tables";
import { ALERT_KINDS, sortByUrgency } from "~/domain/alerts";
import { alertsCsvRows } from "~/domain/alerts-csv";
import { DEFAULT_SETTINGS } from "~/domain/settings";
import { expiryByMonth, listAlerts, regionAlertBatches } from "./alerts.server";
import { demoDatabase } from "./test-helpers";

describe("alerts from the database", async () => {
  const d = await demoDatabase();
  const TODAY = "2026-11-22";
  const alertsFor = async (userId: number | null) => await listAlerts(d.db, { actor: userId ? await d.actorFor(userId) : null, today: TODAY, settings: DEFAULT_SETTINGS });

  // Issue 14, item 8: the CSV left "Agreement" empty for an alert whose words said "Still named on DA-2026-000003".
  it("every alert carries each agreement its words mention, and its worker's staff number", async () => {
    const all = await alertsFor(null);
    for (const a of all) {
      for (const reference of `${a.title} ${a.detail}`.match(/DA-\d{4}-\d{6}/g) ?? []) expect(a.subject.agreementReferences, a.title).toContain(reference);
    }
    expect(all.find((a) => a.kind === "competency_expired")?.subject.agreementReferences.length).toBeGreaterThan(0);
    const rows = alertsCsvRows(all);
    const staff = rows[0]!.indexOf("Staff number");
    expect(all.filter((a) => a.subject.staffNumber).length).toBeGreaterThan(0);
    all.forEach((a, i) => {
      if (a.subject.workerName) expect(rows[i + 1]![staff]).toBe(a.subject.staffNumber ?? "Not recorded");
    });
  });

  it("the demo raises every alert kind", async () => {
    expect(new Set((await alertsFor(null)).map((a) => a.kind))).toEqual(new Set(ALERT_KINDS));
  });

  it("the region's alerts a batch of organisations at a time are exactly the region's alerts, each batch most urgent first", async () => {
    const whole = await alertsFor(null);
    const key = (a: (typeof whole)[number]) => JSON.stringify(a);
    for (const organisationsPerBatch of [1, 2, 1000]) {
      const batches: typeof whole[] = [];
      for await (const batch of regionAlertBatches(d.db, { today: TODAY, settings: DEFAULT_SETTINGS, organisationsPerBatch })) batches.push(batch);
      expect(batches.flat().map(key).sort(), `${organisationsPerBatch} at a time`).toEqual(whole.map(key).sort());
      for (const batch of batches) expect(batch.map(key)).toEqual(sortByUrgency([...batch]).map(key));
    }
    expect(whole.length).toBeGreaterThan(10);
  });

  it("each user sees only their own scope's alerts", async () => {
    const all = await alertsFor(null);
    const manager = await alertsFor(d.ids.users.manager);
    expect(manager.length).toBeGreaterThan(0);
    expect(manager.every((a) => a.providerId === d.ids.orgs.brightside)).toBe(true);
    const manager2 = await alertsFor(d.ids.users.manager2);
    expect(manager2.every((a) => a.providerId === d.ids.orgs.oakfield)).toBe(true);
    expect(manager2.map((a) => a.kind)).toContain("agreement_no_competent_worker");
    const southNurse = await alertsFor(d.ids.users.nurseSouth);
    expect(southNurse.some((a) => a.subject.agreementReference && all.find((x) => x.subject.agreementReference === a.subject.agreementReference)?.teamIds.includes(d.ids.orgs.north))).toBe(false);
    const worker = await alertsFor(d.ids.users.workerUser);
    expect(worker.every((a) => a.subject.workerId === d.ids.workers.maria || a.subject.agreementId !== undefined)).toBe(true);
  });

  it("alerts never name another team's person or agreement (rule 15)", async () => {
    const south = await alertsFor(d.ids.users.nurseSouth);
    const ivyReference = (await first(d.db.select({ reference: agreements.reference }).from(agreements).where(eq(agreements.id, d.ids.agreements.ivy!)).limit(1)))!.reference;
    // Everyone's alerts mention Ivy's agreement (her PEG workers are named on it); the South nurse's do not.
    expect(JSON.stringify(await alertsFor(null))).toContain(ivyReference);
    expect(JSON.stringify(south)).not.toContain(ivyReference);
    expect(south.some((a) => a.subject.personInitials === "IT")).toBe(false);
  });

  it("James's expired blood glucose competency is critical because he is still named on Edith's agreement", async () => {
    const expired = (await alertsFor(d.ids.users.nurse)).filter((a) => a.kind === "competency_expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ severity: "critical", subject: { workerName: "James Whitfield", taskName: "Blood glucose monitoring" } });
  });

  it("the expiry chart counts competencies expiring in each of the next 12 months", async () => {
    const months = await expiryByMonth(d.db, { actor: await d.actorFor(d.ids.users.admin), today: TODAY });
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({ month: "2026-11", label: "November 2026" });
    expect(months.reduce((n, m) => n + m.count, 0)).toBeGreaterThan(5);
    const manager = await expiryByMonth(d.db, { actor: await d.actorFor(d.ids.users.manager), today: TODAY });
    expect(manager.reduce((n, m) => n + m.count, 0)).toBeLessThan(months.reduce((n, m) => n + m.count, 0));
  });
});
