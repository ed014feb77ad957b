import { beforeAll, describe, expect, it } from "vitest";
import { agreementInScope, versionOf } from "./agreement-access.server";
import { createAgreement } from "./agreement-create.server";
import { endAgreement, suspendAgreement } from "./agreement-lifecycle.server";
import { actionsOn } from "./agreement-parties.server";
import { updateAgreementDetails } from "./agreement-draft.server";
import { demoDatabase, problemsOf } from "./test-helpers";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";

describe("what the agreement page offers is what the models accept (app/domain/agreement-actions.ts)", () => {
  let d: Demo;
  let id: number;
  beforeAll(async () => {
    d = await demoDatabase();
    id = await createAgreement(d.db, { actor: await d.actorFor(d.ids.users.nurse!), personId: d.ids.people.edith!, taskIds: [d.ids.tasks["INS-PEN"]!], startDate: TODAY, today: TODAY, at: d.at, confirmDuplicate: true });
  });
  const offered = async (userId: number) => {
    const actor = await d.actorFor(userId);
    const agreement = (await agreementInScope(d.db, actor, id))!;
    const may = await actionsOn(d.db, { actor, agreement, version: (await versionOf(d.db, id, agreement.currentVersion))! });
    return Object.entries(may).filter(([, v]) => v === true).map(([k]) => k);
  };

  it("a new draft, read from its rows: its nurse may change, record consent, end or delete it; a manager of its provider none of these; an administrator only delete it", async () => {
    expect(await offered(d.ids.users.nurse!)).toEqual(["edit", "consent", "end", "delete", "seePeople"]);
    expect(await offered(d.ids.users.manager!)).toEqual(["seePeople"]);
    expect(await offered(d.ids.users.admin!)).toEqual(["delete", "seePeople"]);
  });

  it("the models refuse what is not offered, in the same words: the role at the form, the state at its field", async () => {
    const manager = await d.actorFor(d.ids.users.manager!);
    const nurse = await d.actorFor(d.ids.users.nurse!);
    expect(await problemsOf(async () => await suspendAgreement(d.db, { actor: manager, agreementId: id, reason: "Because", at: d.at }))).toEqual(["Only a nurse on the agreement's team can suspend it"]);
    expect(await problemsOf(async () => await suspendAgreement(d.db, { actor: nurse, agreementId: id, reason: "Because", at: d.at }))).toEqual(["Only an active agreement can be suspended"]);
    expect(await problemsOf(async () => await updateAgreementDetails(d.db, { actor: manager, agreementId: id, details: { startDate: TODAY, reviewDate: "2027-02-22", supervisionArrangements: "", earlyReviewTriggers: "" }, today: TODAY, at: d.at }))).toEqual([
      "Only a nurse on the agreement's team can change it",
    ]);
  });

  it("once ended, nothing is offered and nothing is accepted (docs/domain.md rule 14)", async () => {
    const nurse = await d.actorFor(d.ids.users.nurse!);
    expect(await endAgreement(d.db, { actor: nurse, agreementId: id, reason: "Not needed", at: d.at })).toBe(true);
    expect(await offered(d.ids.users.nurse!)).toEqual(["seePeople"]);
    expect(await problemsOf(async () => await endAgreement(d.db, { actor: nurse, agreementId: id, reason: "Again", at: d.at }))).toEqual(["This agreement has already ended"]);
  });
});
