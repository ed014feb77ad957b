/**
 * Training sessions scheduled ahead (docs/domain.md rules 8 and 14): listed as upcoming, changed
 * or cancelled only before they happen, a cancelled one kept and never given a register; and the
 * register filtered by provider.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, trainingAttendances, trainingSessions } from "~db/schema";
import { demoDatabase, problemsOf } from "./test-helpers";
import { cancelTrainingSession, changeScheduledSession, getTrainingSession, listTrainingSessions, recordAttendance, registerChoices, scheduleTrainingSession } from "./training.server";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";

describe("scheduled training sessions", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });
  const facilitator = () => d.actorFor(d.ids.users.facilitator);
  const input = (heldOn: string) => ({ taskId: d.ids.tasks.EYE!, heldOn, mode: "face_to_face" as const, location: "Room 3", notes: "" });
  const actions = (id: number) => d.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, String(id))).all().map((a) => a.action).filter((a) => a.startsWith("training."));

  it("is scheduled from today up to a year ahead, never in the past, and listed first as upcoming", () => {
    expect(problemsOf(() => scheduleTrainingSession(d.db, { actor: facilitator(), input: input("2026-11-21"), today: TODAY, at: d.at }))[0]).toMatch(
      /^Date of the session must be on or after 22 November 2026 \(today\)/,
    );
    expect(problemsOf(() => scheduleTrainingSession(d.db, { actor: d.actorFor(d.ids.users.manager), input: input("2026-11-29"), today: TODAY, at: d.at }))).toEqual([
      "Only a nurse or a facilitator can arrange training",
    ]);
    const later = scheduleTrainingSession(d.db, { actor: facilitator(), input: input("2026-12-20"), today: TODAY, at: d.at });
    const sooner = scheduleTrainingSession(d.db, { actor: facilitator(), input: input("2026-11-29"), today: TODAY, at: d.at });
    const list = listTrainingSessions(d.db, { actor: facilitator(), today: TODAY });
    // The demo's own session a week ahead is on 29 November too; the soonest come first.
    expect(list.upcoming.map((s) => s.heldOn)).toEqual(["2026-11-29", "2026-11-29", "2026-12-20"]);
    expect(list.upcoming.map((s) => s.id)).toEqual(expect.arrayContaining([sooner, later]));
    expect(list.upcoming.every((s) => s.status === "scheduled")).toBe(true);
    expect(list.past[0]!.heldOn < TODAY).toBe(true);
    // Past sessions are held, except the demo's session of yesterday whose register is still to record.
    expect(list.past.filter((s) => s.status !== "held").map((s) => [s.heldOn, s.status])).toEqual([["2026-11-21", "register_open"]]);
    expect(actions(later)).toEqual(["training.schedule"]);
  });

  it("is changed before it happens, with what it was in the audit; not after its day", () => {
    const id = scheduleTrainingSession(d.db, { actor: facilitator(), input: input("2026-11-29"), today: TODAY, at: d.at });
    expect(changeScheduledSession(d.db, { actor: facilitator(), id, input: { ...input("2026-12-03"), location: "Room 5" }, today: TODAY, at: d.at })).toEqual({ id });
    expect(getTrainingSession(d.db, { actor: facilitator(), id })?.session).toMatchObject({ heldOn: "2026-12-03", location: "Room 5" });
    expect(actions(id)).toEqual(["training.schedule", "training.change"]);
    expect(problemsOf(() => changeScheduledSession(d.db, { actor: facilitator(), id, input: input("2026-12-10"), today: "2026-12-04", at: d.at }))).toEqual([
      "This session's date has passed, so it can no longer be changed or cancelled. Record who attended instead",
    ]);
    // Another team's nurse does not find it.
    expect(changeScheduledSession(d.db, { actor: d.actorFor(d.ids.users.nurseSouth), id, input: input("2026-12-10"), today: TODAY, at: d.at })).toBeNull();
  });

  it("is cancelled with a reason and stays in the history; no register is taken for it (rule 14)", () => {
    const id = scheduleTrainingSession(d.db, { actor: facilitator(), input: input("2026-11-29"), today: TODAY, at: d.at });
    expect(problemsOf(() => cancelTrainingSession(d.db, { actor: facilitator(), id, reason: "  ", today: TODAY, at: d.at }))).toEqual(["Say why the session is cancelled"]);
    expect(cancelTrainingSession(d.db, { actor: facilitator(), id, reason: "Trainer unwell", today: TODAY, at: d.at })).toEqual({ id });
    const row = d.db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).get()!;
    expect(row).toMatchObject({ cancelReason: "Trainer unwell", cancelledBy: d.ids.users.facilitator });
    expect(row.cancelledAt).not.toBeNull();
    const list = listTrainingSessions(d.db, { actor: facilitator(), today: TODAY });
    expect(list.upcoming.map((s) => s.id)).not.toContain(id);
    expect(list.past.find((s) => s.id === id)?.status).toBe("cancelled");
    expect(problemsOf(() => cancelTrainingSession(d.db, { actor: facilitator(), id, reason: "Again", today: TODAY, at: d.at }))[0]).toMatch(/has been cancelled/);
    expect(problemsOf(() => recordAttendance(d.db, { actor: facilitator(), sessionId: id, attendees: [{ workerId: d.ids.workers.ben, outcome: "completed" }], today: "2026-11-29", at: d.at }))).toEqual([
      "This session was cancelled: no attendance can be recorded for it",
    ]);
    expect(d.db.select().from(trainingAttendances).where(eq(trainingAttendances.sessionId, id)).all()).toEqual([]);
    expect(actions(id)).toEqual(["training.schedule", "training.cancel"]);
  });

  it("a session with its register recorded can no longer be changed or cancelled", () => {
    const id = scheduleTrainingSession(d.db, { actor: facilitator(), input: input(TODAY), today: TODAY, at: d.at });
    expect(recordAttendance(d.db, { actor: facilitator(), sessionId: id, attendees: [{ workerId: d.ids.workers.ben, outcome: "completed" }], today: TODAY, at: d.at })).toEqual({ id });
    expect(problemsOf(() => cancelTrainingSession(d.db, { actor: facilitator(), id, reason: "Too late", today: TODAY, at: d.at }))[0]).toMatch(/Attendance at this session has been recorded/);
    expect(listTrainingSessions(d.db, { actor: facilitator(), today: TODAY }).past.find((s) => s.id === id)?.status).toBe("held");
  });
});

describe("the register, filtered by provider", () => {
  it("shows only the chosen provider's care workers, and keeps those already marked from other providers", async () => {
    const d = await demoDatabase();
    const facilitator = d.actorFor(d.ids.users.facilitator);
    const all = registerChoices(d.db, { actor: facilitator, ticked: [] });
    expect(all.providers.map((p) => p.name)).toEqual(["Brightside Home Care", "Harbour Lights Home Care", "Meadowbank Support Services", "Oakfield Care Home"]);
    expect(all.workers.length).toBe(all.total);
    const oakfield = all.providers.find((p) => p.name === "Oakfield Care Home")!.id;
    const filtered = registerChoices(d.db, { actor: facilitator, providerId: oakfield, ticked: [d.ids.workers.maria, d.ids.workers.ben] });
    expect(filtered.workers.map((w) => w.providerName)).toEqual(Array(filtered.workers.length).fill("Oakfield Care Home"));
    expect(filtered.workers.map((w) => w.name)).toContain("Ben Ashworth");
    expect(filtered.kept.map((w) => w.name)).toEqual(["Maria Santos"]);
    // A provider outside the actor's reach is no filter at all, never a way to see its workers.
    const manager = d.actorFor(d.ids.users.manager);
    const own = registerChoices(d.db, { actor: manager, providerId: oakfield, ticked: [] });
    expect(own.providerId).toBeUndefined();
    expect(own.workers.map((w) => w.providerName)).toEqual(Array(own.workers.length).fill("Brightside Home Care"));
  });
});
