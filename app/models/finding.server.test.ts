import { first } from "./transaction.server";
import { describe, expect, it } from "vitest";
import { readSearch } from "~/domain/search";
import { careWorkers } from "~db/tables";
import { eq } from "drizzle-orm";
import { listNameableWorkers } from "./agreement-cover.server";
import { listAgreements, listWorkerAgreements } from "./agreements.server";
import { trainingMatrix } from "./matrix.server";
import { listPeople } from "./people.server";
import { syncNameKeys } from "~db/name-keys";
import { demoDatabase, problemsOf } from "./test-helpers";
import { listTrainableWorkers } from "./training.server";
import { createWorker, listWorkers, updateWorker } from "./workers.server";

const TODAY = "2026-11-22";

describe("finding people and agreements (issue 13, item 9)", async () => {
  const d = await demoDatabase();
  const nurse = await d.actorFor(d.ids.users.nurse);
  const nurseSouth = await d.actorFor(d.ids.users.nurseSouth);
  const edith = (await d.db.query.people.findFirst({ where: (p, { eq }) => eq(p.name, "Edith Clarke") }))!;
  const agreementsFor = async (actor: typeof nurse, q: string) =>
    await listAgreements(d.db, { actor, filters: { search: readSearch(q) }, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: 90 });

  it("finds a person by their whole NHS number however it is typed, or part of their name, within scope only", async () => {
    const spaced = `${edith.nhsNumber.slice(0, 3)} ${edith.nhsNumber.slice(3, 6)} ${edith.nhsNumber.slice(6)}`;
    expect((await listPeople(d.db, { actor: nurse, search: readSearch(spaced) })).map((p) => p.name)).toEqual(["Edith Clarke"]);
    expect((await listPeople(d.db, { actor: nurse, search: readSearch(edith.nhsNumber) })).map((p) => p.name)).toEqual(["Edith Clarke"]);
    expect((await listPeople(d.db, { actor: nurse, search: readSearch("CLARK") })).map((p) => p.name)).toEqual(["Edith Clarke"]);
    // Some digits only find nobody; another team's nurse never finds Edith.
    expect(await listPeople(d.db, { actor: nurse, search: readSearch(edith.nhsNumber.slice(-4)) })).toEqual([]);
    expect(await listPeople(d.db, { actor: nurseSouth, search: readSearch(edith.nhsNumber) })).toEqual([]);
    expect(await listPeople(d.db, { actor: nurseSouth, search: readSearch("Edith") })).toEqual([]);
    // LIKE's wildcards are taken as typed.
    expect(await listPeople(d.db, { actor: nurse, search: readSearch("%") })).toEqual([]);
  });

  it("finds agreements by part of the reference in any case, by the person's name or NHS number, within scope only", async () => {
    const edithsAgreement = d.ids.agreements.edith;
    const reference = (await agreementsFor(nurse, "Edith")).find((a) => a.id === edithsAgreement)!.reference;
    expect((await agreementsFor(nurse, reference.toLowerCase())).map((a) => a.id)).toEqual([edithsAgreement]);
    // "2026-000003" is ten digits, read as a possible NHS number, and still finds the reference.
    expect((await agreementsFor(nurse, reference.slice(3))).map((a) => a.id)).toEqual([edithsAgreement]);
    expect((await agreementsFor(nurse, reference.slice(-6))).map((a) => a.id)).toEqual([edithsAgreement]);
    expect((await agreementsFor(nurse, edith.nhsNumber)).every((a) => a.personName === "Edith Clarke")).toBe(true);
    expect((await agreementsFor(nurse, "edith clarke")).map((a) => a.id)).toContain(edithsAgreement);
    expect(await agreementsFor(nurseSouth, "Edith")).toEqual([]);
    expect(await agreementsFor(nurseSouth, reference)).toEqual([]);
  });

  it("lists the agreements naming a worker, scoped to the reader, with tasks and whether in force", async () => {
    const maria = d.ids.workers.maria!;
    const rows = await listWorkerAgreements(d.db, { actor: await d.actorFor(d.ids.users.manager), workerId: maria, today: TODAY, reviewDueDays: 30 });
    const edithRow = rows.find((r) => r.id === d.ids.agreements.edith)!;
    expect(edithRow.personName).toBe("Edith Clarke");
    expect(edithRow.tasks).toContain("Insulin administration by pen");
    expect(edithRow.inForce).toBe(true);
    // Arthur's agreement names Maria but is a draft: listed, not in force.
    expect(rows.find((r) => r.id === d.ids.agreements.arthur)?.inForce).toBe(false);
    // Maria's own view lists the same; another team's nurse sees none of the North team's agreements.
    expect((await listWorkerAgreements(d.db, { actor: await d.actorFor(d.ids.users.workerUser), workerId: maria, today: TODAY, reviewDueDays: 30 })).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await listWorkerAgreements(d.db, { actor: nurseSouth, workerId: maria, today: TODAY, reviewDueDays: 30 })).toEqual([]);
  });
});

describe("care workers with the same name at one provider", async () => {
  const d = await demoDatabase();
  const manager = await d.actorFor(d.ids.users.manager);
  const brightside = d.ids.orgs.brightside!;
  const input = { providerId: brightside, name: "Aisha Begum", jobTitle: "Care worker", careCertificateOn: null, joinedOn: "2025-01-06", status: "active" as const, leftOn: null };

  it("refuses a second worker of the same name without a staff number, naming the first, and writes nothing", async () => {
    const before = (await d.db.select().from(careWorkers)).length;
    expect(await problemsOf(async () => await createWorker(d.db, { actor: manager, input: { ...input, name: " aisha  begum ".trim(), staffNumber: null }, at: d.at }))).toEqual([
      "Aisha Begum (no staff number recorded) already works at Brightside Home Care. Enter a staff number so the two can be told apart",
    ]);
    expect(await d.db.select().from(careWorkers)).toHaveLength(before);
  });

  it("accepts one with its own staff number, refuses a staff number already used, and labels both everywhere", async () => {
    const second = await createWorker(d.db, { actor: manager, input: { ...input, staffNumber: "BHC-5001" }, at: d.at });
    expect(await problemsOf(async () => await createWorker(d.db, { actor: manager, input: { ...input, name: "Someone Else", staffNumber: "bhc-5001" }, at: d.at }))).toEqual([
      "Staff number bhc-5001 is already Aisha Begum's at Brightside Home Care. Enter this care worker's own staff number",
    ]);
    const first = d.ids.workers.aisha!;
    const labels = (rows: { id: number; name: string }[]) => rows.filter((r) => r.id === first || r.id === second).map((r) => r.name).sort();
    const expected = ["Aisha Begum (no staff number recorded)", "Aisha Begum (staff number BHC-5001)"];
    expect(labels(await listNameableWorkers(d.db, brightside))).toEqual(expected);
    expect(labels(await listTrainableWorkers(d.db, { actor: manager }))).toEqual(expected);
    expect(labels((await trainingMatrix(d.db, { actor: manager, today: TODAY, warningDays: 90 })).workers)).toEqual(expected);
    const listed = (await listWorkers(d.db, { actor: manager })).filter((w) => w.name === "Aisha Begum");
    expect(listed.map((w) => w.namesakes)).toEqual([2, 2]);
    // Maria shares her name with nobody: her name alone.
    expect((await listNameableWorkers(d.db, brightside)).find((w) => w.id === d.ids.workers.maria)?.name).toBe("Maria Santos");
  });

  it("names that differ only in case (in any alphabet) or spacing are namesakes in the lists too, as in the rule", async () => {
    const sian = await createWorker(d.db, { actor: manager, input: { ...input, name: "Siân Jones", staffNumber: null }, at: d.at });
    // Typed in capitals with two spaces: the rule needs a staff number (app/domain/worker-labels.ts)...
    expect((await problemsOf(async () => await createWorker(d.db, { actor: manager, input: { ...input, name: "SIÂN  JONES", staffNumber: null }, at: d.at })))[0]).toMatch(/^Siân Jones \(no staff number recorded\) already works/);
    const capitals = await createWorker(d.db, { actor: manager, input: { ...input, name: "SIÂN  JONES", staffNumber: "BHC-6001" }, at: d.at });
    // ...and every list shows the two apart: SQL's lower() alone would have made them two different names.
    const labels = (await listNameableWorkers(d.db, brightside)).filter((w) => w.id === sian || w.id === capitals).map((w) => w.name).sort();
    expect(labels).toEqual(["SIÂN  JONES (staff number BHC-6001)", "Siân Jones (no staff number recorded)"]);
    expect((await listWorkers(d.db, { actor: manager })).filter((w) => w.id === sian || w.id === capitals).map((w) => w.namesakes)).toEqual([2, 2]);
  });

  it("a name key written other than by the app is put right when the database is brought up to date", async () => {
    const chloe = d.ids.workers.chloe!;
    await d.db.update(careWorkers).set({ nameKey: "not her key" }).where(eq(careWorkers.id, chloe));
    expect(await syncNameKeys(d)).toBe(1);
    expect((await first(d.db.select({ nameKey: careWorkers.nameKey }).from(careWorkers).where(eq(careWorkers.id, chloe)).limit(1)))?.nameKey).toBe("chloe barker");
    expect(await syncNameKeys(d)).toBe(0);
  });

  it("refuses renaming a worker to a name already used at the provider unless they have a staff number", async () => {
    const chloe = d.ids.workers.chloe!;
    const row = (await first(d.db.select().from(careWorkers).where(eq(careWorkers.id, chloe)).limit(1)))!;
    const change = { ...input, name: "Maria Santos", jobTitle: row.jobTitle, joinedOn: row.joinedOn };
    expect((await problemsOf(async () => await updateWorker(d.db, { actor: manager, id: chloe, input: { ...change, staffNumber: null }, at: d.at })))[0]).toMatch(/^Maria Santos \(no staff number recorded\) already works at Brightside Home Care/);
    expect(await updateWorker(d.db, { actor: manager, id: chloe, input: { ...change, staffNumber: "BHC-7000" }, at: d.at })).toEqual({ id: chloe });
  });
});
