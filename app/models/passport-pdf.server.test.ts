import { first } from "./transaction.server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, passportPrints } from "~db/tables";
import { changeCompetencyState } from "./competency-state.server";
import { listWorkerCompetencies } from "./competencies.server";
import { printPassport, verifyPassportCode } from "./passport-pdf.server";
import { DEMO_PASSPORT_CODE } from "~db/seed-passports";
import { demoDatabase } from "./test-helpers";
import { normaliseCode } from "./verify.server";

const TODAY = "2026-11-22";

describe("a printed skills passport and its verification code (docs/domain.md rule 11)", async () => {
  const d = await demoDatabase();
  const print = async (userId: number, workerId: number) =>
    await printPassport(d.db, { actor: await d.actorFor(userId), workerId, today: TODAY, at: d.at, warningDays: 90, publicUrl: "https://dc.example.nhs.uk" });

  it("gives every printout its own code, keeps what it showed and audits who printed it", async () => {
    const firstPrint = (await print(d.ids.users.manager, d.ids.workers.maria!))!;
    const second = (await print(d.ids.users.workerUser, d.ids.workers.maria!))!;
    expect(normaliseCode(firstPrint.verificationCode)).toBe(firstPrint.verificationCode);
    expect(second.verificationCode).not.toBe(firstPrint.verificationCode);
    expect(firstPrint.verifyUrl).toBe(`https://dc.example.nhs.uk/verify/${firstPrint.verificationCode}`);
    expect(firstPrint.competencies.length).toBeGreaterThan(0);
    const row = (await first(d.db.select().from(passportPrints).where(eq(passportPrints.verificationCode, firstPrint.verificationCode)).limit(1)))!;
    expect(row).toMatchObject({ workerId: d.ids.workers.maria, printedBy: d.ids.users.manager, printedOn: TODAY });
    const audit = await d.db.select().from(auditEvents).where(eq(auditEvents.action, "passport.print"));
    expect(audit.filter((a) => a.entityId === String(d.ids.workers.maria)).map((a) => JSON.parse(a.details).verificationCode)).toEqual([firstPrint.verificationCode, second.verificationCode]);
  });

  it("prints nothing, and records nothing, for a worker out of the user's scope", async () => {
    const before = (await d.db.select().from(passportPrints)).length;
    expect(await print(d.ids.users.manager2, d.ids.workers.maria!)).toBeNull();
    expect(await d.db.select().from(passportPrints)).toHaveLength(before);
  });

  it("says what the printout showed and whether each competency holds today; a later suspension shows, the person only by initials", async () => {
    const printed = (await print(d.ids.users.manager, d.ids.workers.maria!))!;
    const competencies = await listWorkerCompetencies(d.db, { actor: await d.actorFor(d.ids.users.admin), workerId: d.ids.workers.maria!, today: TODAY, warningDays: 90 });
    const current = competencies.find((c) => c.status === "competent" || c.status === "expiring")!;
    await changeCompetencyState(d.db, { actor: await d.actorFor(d.ids.users.nurse), id: current.id, action: "suspend", reason: "Concern about technique", at: d.at });

    const answer = (await verifyPassportCode(d.db, { code: printed.verificationCode, today: TODAY, warningDays: 90 }))!;
    expect(answer).toMatchObject({ kind: "passport", workerName: printed.workerName, providerName: "Brightside Home Care", printedOn: "22 November 2026", workerLeft: false });
    expect(answer.competencies.map((c) => c.taskName)).toEqual(printed.competencies.map((c) => c.taskName));
    const suspended = answer.competencies.find((c) => c.taskName === current.taskName && (c.personInitials === null) === (current.personName === null))!;
    expect(suspended.printed.status).toMatch(/Competent|Expiring/);
    expect(suspended).toMatchObject({ heldWhenPrinted: true, today: "suspended", holds: false });
    for (const c of answer.competencies) if (c.personInitials) expect(c.personInitials).toMatch(/^([A-Z]\. ?)+$/);
    // Nothing on the answer that the printout did not show: no who-printed, no reason for the suspension.
    expect(JSON.stringify(answer)).not.toMatch(/Concern about technique|Sam Patel|printedBy/);
  });

  it("the demo's passport, printed 30 days ago, shows a competency that has expired since", async () => {
    const answer = (await verifyPassportCode(d.db, { code: DEMO_PASSPORT_CODE, today: TODAY, warningDays: 90 }))!;
    expect(answer.workerName).toBe("James Whitfield");
    expect(answer.printedOn).toBe("23 October 2026");
    expect(answer.competencies.find((c) => c.taskName === "Blood glucose monitoring")).toMatchObject({ printed: { status: "Expiring" }, heldWhenPrinted: true, today: "expired", holds: false });
  });

  it("knows no code it never gave", async () => {
    expect(await verifyPassportCode(d.db, { code: "ABCD-2345", today: TODAY, warningDays: 90 })).toBeNull();
  });
});
