import { first } from "./transaction.server";
/**
 * Training sessions scheduled ahead (docs/domain.md rules 8 and 14): listed as upcoming, changed
 * or cancelled only before they happen, a cancelled one kept and never given a register; and the
 * register filtered by provider.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, trainingAttendances, trainingSessions } from "~db/tables";
import { demoDatabase, problemsOf } from "./test-helpers";
import { cancelTrainingSession, changeScheduledSession, getTrainingSession, listTrainingSessions, recordAttendance, registerChoices, scheduleTrainingSession } from "./training.server";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";

describe("scheduled training sessions", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });
  const facilitator = async () => await d.actorFor(d.ids.users.facilitator);
  const input = (heldOn: string) => ({ taskId: d.ids.tasks.EYE!, heldOn, mode: "face_to_face" as const, location: "Room 3", notes: "" });
  const actions = async (id: number) => (await d.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, String(id)))).map((a) => a.action).filter((a) => a.startsWith("training."));

  it("is scheduled from today up to a year ahead, never in the past, and listed first as upcoming", async () => {
    expect((await problemsOf(async () => await scheduleTrainingSession(d.db, { actor: await facilitator(), input: input("2026-11-21"), today: TODAY, at: d.at })))[0]).toMatch(
      /^Date of the session must be on or after 22 November 2026 \(today\)/,
    );
    expect(await problemsOf(async () => await scheduleTrainingSession(d.db, { actor: await d.actorFor(d.ids.users.manager), input: input("2026-11-29"), today: TODAY, at: d.at }))).toEqual([
      "Only a nurse or a facilitator can arrange training",
    ]);
    const later = await scheduleTrainingSession(d.db, { actor: await facilitator(), input: input("2026-12-20"), today: TODAY, at: d.at });
    const sooner = await scheduleTrainingSession(d.db, { actor: await facilitator(), input: input("2026-11-29"), today: TODAY, at: d.at });
    const list = await listTrainingSessions(d.db, { actor: await facilitator(), today: TODAY });
    // The demo's own session a week ahead is on 29 November too; the soonest come first.
    expect(list.upcoming.map((s) => s.heldOn)).toEqual(["2026-11-29", "2026-11-29", "2026-12-20"]);
    expect(list.upcoming.map((s) => s.id)).toEqual(expect.arrayContaining([sooner, later]));
    expect(list.upcoming.every((s) => s.status === "scheduled")).toBe(true);
    expect(list.past[0]!.heldOn < TODAY).toBe(true);
    // Past sessions are held, except the demo's session of yesterday whose register is still to record.
    expect(list.past.filter((s) => s.status !== "held").map((s) => [s.heldOn, s.status])).toEqual([["2026-11-21", "register_open"]]);
    expect(await actions(later)).toEqual(["training.schedule"]);
  });

  it("is changed before it happens, with what it was in the audit; not after its day", async () => {
    const id = await scheduleTrainingSession(d.db, { actor: await facilitator(), input: input("2026-11-29"), today: TODAY, at: d.at });
    expect(await changeScheduledSession(d.db, { actor: await facilitator(), id, input: { ...input("2026-12-03"), location: "Room 5" }, today: TODAY, at: d.at })).toEqual({ id });
    expect((await getTrainingSession(d.db, { actor: await facilitator(), id }))?.session).toMatchObject({ heldOn: "2026-12-03", location: "Room 5" });
    expect(await actions(id)).toEqual(["training.schedule", "training.change"]);
    expect(await problemsOf(async () => await changeScheduledSession(d.db, { actor: await facilitator(), id, input: input("2026-12-10"), today: "2026-12-04", at: d.at }))).toEqual([
      "This session's date has passed, so it can no longer be changed or cancelled. Record who attended instead",
    ]);
    // Another team's nurse does not find it.
    expect(await changeScheduledSession(d.db, { actor: await d.actorFor(d.ids.users.nurseSouth), id, input: input("2026-12-10"), today: TODAY, at: d.at })).toBeNull();
  });

  it("is cancelled with a reason and stays in the history; no register is taken for it (rule 14)", async () => {
    const id = await scheduleTrainingSession(d.db, { actor: await facilitator(), input: input("2026-11-29"), today: TODAY, at: d.at });
    expect(await problemsOf(async () => await cancelTrainingSession(d.db, { actor: await facilitator(), id, reason: "  ", today: TODAY, at: d.at }))).toEqual(["Say why the session is cancelled"]);
    expect(await cancelTrainingSession(d.db, { actor: await facilitator(), id, reason: "Trainer unwell", today: TODAY, at: d.at })).toEqual({ id });
    const row = (await first(d.db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).limit(1)))!;
    expect(row).toMatchObject({ cancelReason: "Trainer unwell", cancelledBy: d.ids.users.facilitator });
    expect(row.cancelledAt).not.toBeNull();
    const list = await listTrainingSessions(d.db, { actor: await facilitator(), today: TODAY });
    expect(list.upcoming.map((s) => s.id)).not.toContain(id);
    expect(list.past.find((s) => s.id === id)?.status).toBe("cancelled");
    expect((await problemsOf(async () => await cancelTrainingSession(d.db, { actor: await facilitator(), id, reason: "Again", today: TODAY, at: d.at })))[0]).toMatch(/has been cancelled/);
    expect(await problemsOf(async () => await recordAttendance(d.db, { actor: await facilitator(), sessionId: id, attendees: [{ workerId: d.ids.workers.ben, outcome: "completed" }], today: "2026-11-29", at: d.at }))).toEqual([
      "This session was cancelled: no attendance can be recorded for it",
    ]);
    expect(await d.db.select().from(trainingAttendances).where(eq(trainingAttendances.sessionId, id))).toEqual([]);
    expect(await actions(id)).toEqual(["training.schedule", "training.cancel"]);
  });

  it("a session with its register recorded can no longer be changed or cancelled", async () => {
    const id = await scheduleTrainingSession(d.db, { actor: await facilitator(), input: input(TODAY), today: TODAY, at: d.at });
    expect(await recordAttendance(d.db, { actor: await facilitator(), sessionId: id, attendees: [{ workerId: d.ids.workers.ben, outcome: "completed" }], today: TODAY, at: d.at })).toEqual({ id });
    expect((await problemsOf(async () => await cancelTrainingSession(d.db, { actor: await facilitator(), id, reason: "Too late", today: TODAY, at: d.at })))[0]).toMatch(/Attendance at this session has been recorded/);
    expect((await listTrainingSessions(d.db, { actor: await facilitator(), today: TODAY })).past.find((s) => s.id === id)?.status).toBe("held");
  });
});

describe("the register, filtered by provider", () => {
  it("shows only the chosen provider's care workers, and keeps those already marked from other providers", async () => {
    const d = await demoDatabase();
    const facilitator = await d.actorFor(d.ids.users.facilitator);
    const all = await registerChoices(d.db, { actor: facilitator, ticked: [] });
    expect(all.providers.map((p) => p.name)).toEqual(["Brightside Home Care", "Harbour Lights Home Care", "Meadowbank Support Services", "Oakfield Care Home"]);
    expect(all.workers.length).toBe(all.total);
    const oakfield = all.providers.find((p) => p.name === "Oakfield Care Home")!.id;
    const filtered = await registerChoices(d.db, { actor: facilitator, providerId: oakfield, ticked: [d.ids.workers.maria, d.ids.workers.ben] });
    expect(filtered.workers.map((w) => w.providerName)).toEqual(Array(filtered.workers.length).fill("Oakfield Care Home"));
    expect(filtered.workers.map((w) => w.name)).toContain("Ben Ashworth");
    expect(filtered.kept.map((w) => w.name)).toEqual(["Maria Santos"]);
    // A provider outside the actor's reach is no filter at all, never a way to see its workers.
    const manager = await d.actorFor(d.ids.users.manager);
    const own = await registerChoices(d.db, { actor: manager, providerId: oakfield, ticked: [] });
    expect(own.providerId).toBeUndefined();
    expect(own.workers.map((w) => w.providerName)).toEqual(Array(own.workers.length).fill("Brightside Home Care"));
  });
});
