import { describe, expect, it } from "vitest";
import { AUTOMATIC_ACTOR, phraseText } from "~/content/audit-events";
import { auditEventBatches, findAgreementIdByReference, listAuditActors, listAuditEvents, listRecordHistory } from "./audit.server";
import { demoDatabase } from "./test-helpers";

async function everything(d: Awaited<ReturnType<typeof demoDatabase>>, q = {}, size?: number) {
  const events = [];
  for await (const batch of auditEventBatches(d.db, q, size)) events.push(...batch);
  return events;
}

describe("the audit trail, read", () => {
  it("describes every event of the demo in words, with no code, JSON or developer word", async () => {
    const d = await demoDatabase();
    const events = await everything(d);
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) {
      const words = [phraseText(e.description), e.record ? e.record.label : "", ...e.details.map((l) => `${l.label}: ${phraseText(l.value)}`)].join(" | ");
      // Email addresses are data, not codes.
      expect(words.replace(/\S+@\S+/g, "")).not.toMatch(/\b[a-z_]+\.[a-z_]+\b|undefined|\bnull\b|NaN|[{}]|\[object/);
      expect(phraseText(e.description).startsWith(e.who.name)).toBe(true);
    }
    // A competency and an agreement link to their pages; the interlock is the service itself.
    const interlock = events.find((e) => phraseText(e.description).includes("because no named care worker could carry out a task"))!;
    expect(interlock.who.name).toBe(AUTOMATIC_ACTOR);
    expect(interlock.record?.href).toMatch(/^\/agreements\/\d+$/);
    const followUp = events.find((e) => /linked a follow-up to concern \d+: competency suspended/.test(phraseText(e.description)))!;
    expect(followUp.details.find((l) => l.label === "Competency")?.value.some((p) => typeof p !== "string" && p.href?.startsWith("/competencies/"))).toBe(true);
  });

  it("filters by who did it, the service itself, a record and a range of instants", async () => {
    const d = await demoDatabase();
    const nurse = await everything(d, { actor: d.ids.users.nurse });
    expect(nurse.length).toBeGreaterThan(0);
    expect(new Set(nurse.map((e) => e.who.name))).toEqual(new Set(["Priya Shah"]));
    expect(new Set((await everything(d, { actor: "automatic" })).map((e) => e.who.name))).toEqual(new Set([AUTOMATIC_ACTOR]));
    const id = (await findAgreementIdByReference(d.db, " da-2026-000003 "))!;
    expect(id).toBeGreaterThan(0);
    expect(await findAgreementIdByReference(d.db, "DA-1999-000001")).toBeNull();
    const one = await everything(d, { type: "agreement", recordId: String(id) });
    expect(one.length).toBeGreaterThan(3);
    expect(new Set(one.map((e) => e.record?.label))).toEqual(new Set(["agreement DA-2026-000003"]));
    expect((await everything(d, { type: "concern" })).every((e) => e.recordType === "Concern")).toBe(true);
    const all = await everything(d);
    const middle = all[Math.floor(all.length / 2)]!.at;
    const after = await everything(d, { from: middle });
    const before = await everything(d, { before: middle });
    expect(after.length + before.length).toBe(all.length);
    expect(after.every((e) => e.at >= middle) && before.every((e) => e.at < middle)).toBe(true);
    expect((await listAuditActors(d.db)).map((a) => a.label)).toContain("Priya Shah (registered nurse, Ashworth North District Nursing Team)");
  });

  it("streams the whole trail in batches: every event once, newest first, the same as the pages", async () => {
    const d = await demoDatabase();
    const streamed = await everything(d, {}, 7);
    const { total, events } = await listAuditEvents(d.db, { page: 1 });
    expect(streamed).toHaveLength(total);
    expect(new Set(streamed.map((e) => e.id)).size).toBe(total);
    // Newest first by when it happened, even where the demo's history was written out of order.
    expect(streamed.every((e, i) => i === 0 || streamed[i - 1]!.at >= e.at)).toBe(true);
    expect(streamed.some((e) => phraseText(e.description).includes("signed off") && e.record?.href?.startsWith("/competencies/"))).toBe(true);
    expect(streamed.slice(0, events.length).map((e) => e.id)).toEqual(events.map((e) => e.id));
    // A page past the end shows the last one.
    expect((await listAuditEvents(d.db, { page: 100_000 })).page).toBe(Math.ceil(total / 50));
  });

  it("a record's own history carries what its timeline needs to say who did what once", async () => {
    const d = await demoDatabase();
    const history = await listRecordHistory(d.db, { entityType: "worker", entityId: d.ids.workers.aisha! });
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]).toMatchObject({ entityType: "worker", actorName: expect.any(String) });
  });
});
