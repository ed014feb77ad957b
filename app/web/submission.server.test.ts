import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { recordObservation } from "~/models/observations.server";
import { createWorker } from "~/models/workers.server";
import { demoDatabase, problemsOf } from "~/models/test-helpers";
import { careWorkers, formSubmissions, supervisedObservations } from "~db/tables";
import { newSubmissionToken, oncePerSubmission, submissionToken, submittedBefore } from "~/web/submission.server";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";

describe("one write per form submission", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });

  const observe = async (token: string, actorId = d.ids.users.nurse, outcome: "satisfactory" | "not_yet" = "satisfactory") => {
    const actor = await d.actorFor(actorId);
    return await oncePerSubmission(d.db, { actor, token, form: "observation" }, async (tx) =>
      await recordObservation(tx, { actor, input: { workerId: d.ids.workers.chloe!, taskId: d.ids.tasks.BGM!, personId: null, observedOn: TODAY, outcome, notes: "" }, today: TODAY, at: d.at }),
    );
  };
  const observations = async () => (await d.db.select().from(supervisedObservations).where(eq(supervisedObservations.workerId, d.ids.workers.chloe!))).length;

  it("a repeated submission writes nothing and returns the first result", async () => {
    const before = await observations();
    const token = newSubmissionToken();
    const first = await observe(token);
    const again = await observe(token);
    expect(again).toEqual(first);
    expect(await observations()).toBe(before + 1);
    // A new rendering of the form is a new submission.
    await observe(newSubmissionToken());
    expect(await observations()).toBe(before + 2);
  });

  it("a refused write leaves the token unused, so the corrected form can be sent", async () => {
    const actor = await d.actorFor(d.ids.users.manager);
    const token = newSubmissionToken();
    const input = { providerId: d.ids.orgs.oakfield!, name: "New Worker", jobTitle: "Care worker", careCertificateOn: null, joinedOn: null, status: "active" as const, leftOn: null };
    await expect((async () => await oncePerSubmission(d.db, { actor, token, form: "worker" }, async (tx) => await createWorker(tx, { actor, input, at: d.at })))()).rejects.toThrow();
    expect(await submittedBefore(d.db, { actor, token, form: "worker" })).toBe(false);
    const id = await oncePerSubmission(d.db, { actor, token, form: "worker" }, async (tx) => await createWorker(tx, { actor, input: { ...input, providerId: d.ids.orgs.brightside! }, at: d.at }));
    expect(await oncePerSubmission(d.db, { actor, token, form: "worker" }, async (tx) => await createWorker(tx, { actor, input: { ...input, providerId: d.ids.orgs.brightside! }, at: d.at }))).toBe(id);
    expect(await d.db.select().from(careWorkers).where(eq(careWorkers.name, "New Worker"))).toHaveLength(1);
  });

  it("another user's token is never honoured", async () => {
    const token = newSubmissionToken();
    await observe(token);
    await expect((async () => await observe(token, d.ids.users.facilitator))()).rejects.toThrow(Response);
    expect(await d.db.select().from(formSubmissions)).toHaveLength(1);
    expect(await problemsOf(async () => await observe(newSubmissionToken(), d.ids.users.facilitator))).toEqual([]);
  });

  it("reads only well-formed tokens from the form", () => {
    expect(submissionToken({ submissionToken: newSubmissionToken() })).not.toBeNull();
    expect(submissionToken({})).toBeNull();
    expect(submissionToken({ submissionToken: "<script>" })).toBeNull();
    expect(submissionToken({ submissionToken: ["a", "b"] })).toBeNull();
  });
});
