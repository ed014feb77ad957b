import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { recordObservation } from "~/models/observations.server";
import { createWorker } from "~/models/workers.server";
import { demoDatabase, problemsOf } from "~/models/test-helpers";
import { careWorkers, formSubmissions, supervisedObservations } from "~db/schema";
import { newSubmissionToken, oncePerSubmission, submissionToken, submittedBefore } from "~/web/submission.server";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";

describe("one write per form submission", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });

  const observe = (token: string, actorId = d.ids.users.nurse, outcome: "satisfactory" | "not_yet" = "satisfactory") => {
    const actor = d.actorFor(actorId);
    return oncePerSubmission(d.db, { actor, token, form: "observation" }, (tx) =>
      recordObservation(tx, { actor, input: { workerId: d.ids.workers.chloe!, taskId: d.ids.tasks.BGM!, personId: null, observedOn: TODAY, outcome, notes: "" }, today: TODAY, at: d.at }),
    );
  };
  const observations = () => d.db.select().from(supervisedObservations).where(eq(supervisedObservations.workerId, d.ids.workers.chloe!)).all().length;

  it("a repeated submission writes nothing and returns the first result", () => {
    const before = observations();
    const token = newSubmissionToken();
    const first = observe(token);
    const again = observe(token);
    expect(again).toEqual(first);
    expect(observations()).toBe(before + 1);
    // A new rendering of the form is a new submission.
    observe(newSubmissionToken());
    expect(observations()).toBe(before + 2);
  });

  it("a refused write leaves the token unused, so the corrected form can be sent", () => {
    const actor = d.actorFor(d.ids.users.manager);
    const token = newSubmissionToken();
    const input = { providerId: d.ids.orgs.oakfield!, name: "New Worker", jobTitle: "Care worker", careCertificateOn: null, joinedOn: null, status: "active" as const, leftOn: null };
    expect(() => oncePerSubmission(d.db, { actor, token, form: "worker" }, (tx) => createWorker(tx, { actor, input, at: d.at }))).toThrow();
    expect(submittedBefore(d.db, { actor, token, form: "worker" })).toBe(false);
    const id = oncePerSubmission(d.db, { actor, token, form: "worker" }, (tx) => createWorker(tx, { actor, input: { ...input, providerId: d.ids.orgs.brightside! }, at: d.at }));
    expect(oncePerSubmission(d.db, { actor, token, form: "worker" }, (tx) => createWorker(tx, { actor, input: { ...input, providerId: d.ids.orgs.brightside! }, at: d.at }))).toBe(id);
    expect(d.db.select().from(careWorkers).where(eq(careWorkers.name, "New Worker")).all()).toHaveLength(1);
  });

  it("another user's token is never honoured", () => {
    const token = newSubmissionToken();
    observe(token);
    expect(() => observe(token, d.ids.users.facilitator)).toThrow(Response);
    expect(d.db.select().from(formSubmissions).all()).toHaveLength(1);
    expect(problemsOf(() => observe(newSubmissionToken(), d.ids.users.facilitator))).toEqual([]);
  });

  it("reads only well-formed tokens from the form", () => {
    expect(submissionToken({ submissionToken: newSubmissionToken() })).not.toBeNull();
    expect(submissionToken({})).toBeNull();
    expect(submissionToken({ submissionToken: "<script>" })).toBeNull();
    expect(submissionToken({ submissionToken: ["a", "b"] })).toBeNull();
  });
});
