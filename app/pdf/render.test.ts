import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agreementPdfData } from "~/models/agreement-pdf.server";
import { demoDatabase, TEST_NOW } from "~/models/test-helpers";
import { lastBodyLine, pdfPages, wordsOffThePage } from "./pdf-words.testing";
import { renderPdf } from "./render";

function pdfText(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-pdf-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** pdftotext separates pages with a form feed; the last is empty. */
function pages(text: string): string[] {
  return text.split("\f").filter((p) => p.trim());
}

describe("the printed agreement", async () => {
  const d = await demoDatabase();
  const build = async (id: number) =>
    (await agreementPdfData(d.db, { actor: await d.actorFor(d.ids.users.admin), id, today: "2026-11-22", at: new Date(TEST_NOW), publicUrl: "https://dc.example.nhs.uk", reviewDueDays: 30, warningDays: 90 }))!;

  it("holds every section, the NHS number, the workers, signatures, the code and page numbers", async () => {
    const pdf = await build(d.ids.agreements.edith);
    const text = pdfText(await renderPdf({ kind: "agreement", data: pdf.data }));
    for (const expected of [
      "Edith Clarke",
      pdf.data.person.nhsNumber,
      "Insulin administration by pen",
      "Blood glucose monitoring",
      "Maria Santos",
      "James Whitfield",
      "1. Parties and contacts",
      "10. Signatures",
      "Version 1",
      `Verification code: ${pdf.data.verificationCode}`,
      "Page 1 of",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(pdf.data.person.nhsNumber).toMatch(/^\d{3} \d{3} \d{4}$/);
    expect(text).not.toContain("Draft: not valid for use");
    for (const page of pages(text)) expect(page).toContain("Status on 22 November 2026, the day this was printed: In force.");
    expect(pdf.storable).toBe(true);
  });

  it("a suspended agreement says so on every page, since when and why, and nowhere that it is in force (rule 11)", async () => {
    const pdf = await build(d.ids.agreements.margaret);
    const text = pdfText(await renderPdf({ kind: "agreement", data: pdf.data }));
    const all = pages(text);
    expect(all.length).toBeGreaterThan(1);
    for (const page of all) {
      expect(page.replace(/\s+/g, " ")).toContain("Status on 22 November 2026, the day this was printed: Suspended. The agreement has been suspended since 14 October 2026");
    }
    expect(text.replace(/\s+/g, " ")).toContain("This agreement is suspended. Nobody may carry out its tasks while it is suspended. Do not use this printout.");
    expect(text).not.toMatch(/in force from|has been in force/);
  });

  it("never leaves the verification box alone on a page, nor a heading at the foot of one, however long the agreement", async () => {
    const pdf = await build(d.ids.agreements.edith);
    const last = pdf.data.signatures.at(-1)!;
    const headings = new Set(pdf.data.tasks.map((t) => t.name));
    // Longer and longer supervision text moves the box down the page, past a page break.
    const seen = new Set<number>();
    for (let extra = 0; extra <= 40; extra += 2) {
      const supervision = [pdf.data.supervision, ...Array.from({ length: extra }, (_, i) => `Supervision note ${i + 1}.`)].join("\n");
      const bytes = await renderPdf({ kind: "agreement", data: { ...pdf.data, supervision } });
      for (const [i, page] of pdfPages(bytes).entries()) {
        const lastLine = lastBodyLine(page);
        expect(/^\d{1,2}\. [A-Z]/.test(lastLine) || headings.has(lastLine), `with ${extra} extra lines, page ${i + 1} ends with the heading "${lastLine}"`).toBe(false);
      }
      const all = pages(pdfText(bytes));
      const boxPage = all.findIndex((p) => p.includes("Check whether this printout may be used today at"));
      expect(boxPage, `with ${extra} extra lines`).toBeGreaterThan(0);
      seen.add(boxPage);
      expect(all[boxPage], `with ${extra} extra lines`).toContain(`${last.role}: ${last.name}`);
    }
    // The box did move from one page to the next along the way.
    expect(seen.size).toBeGreaterThan(1);
  });

  it("marks a version awaiting signatures 'Not signed: for discussion' on every page, with no verification code and blank lines for wet signatures", async () => {
    const pdf = await build(d.ids.agreements.winifred);
    const text = pdfText(await renderPdf({ kind: "agreement", data: pdf.data }));
    for (const page of pages(text)) expect(page).toContain("Not signed: for discussion");
    expect(text).not.toMatch(/Verification code: [A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(text).toContain("Verification code: none: not signed by every party");
    expect(text).toContain("Signature, name and date");
    expect(pdf.storable).toBe(false);
  });
});

describe("every active agreement as one PDF (decision 015)", async () => {
  const d = await demoDatabase();
  const build = async (id: number) =>
    (await agreementPdfData(d.db, { actor: await d.actorFor(d.ids.users.admin), id, today: "2026-11-22", at: new Date(TEST_NOW), publicUrl: "https://dc.example.nhs.uk", reviewDueDays: 30, warningDays: 90 }))!.data;

  it("has a contents page, then each agreement from a new page with its own page numbers and status on every page", async () => {
    const edith = await build(d.ids.agreements.edith);
    const margaret = await build(d.ids.agreements.margaret);
    const single = (data: typeof edith) => renderPdf({ kind: "agreement", data }).then((b) => pages(pdfText(b)).length);
    const [edithPages, margaretPages] = [await single(edith), await single(margaret)];
    const bytes = await renderPdf({
      kind: "agreements",
      data: {
        providerName: "Brightside Home Care",
        printedOn: "22 November 2026",
        order: "in order of the person's name, then the agreement's reference",
        agreements: [
          { printout: edith, statusOnTheDay: "Active" },
          { printout: margaret, statusOnTheDay: "Suspended" },
        ],
      },
    });
    const all = pages(pdfText(bytes));
    // One contents page, then exactly the pages each agreement has when printed on its own.
    expect(all).toHaveLength(1 + edithPages + margaretPages);
    expect(all[0]).toContain("Active delegation agreements");
    expect(all[0]).toContain(`${edith.reference}, version 1`);
    expect(all[0]!.replace(/\s+/g, " ")).toContain("in order of the person's name, then the agreement's reference");
    const edithSheets = all.slice(1, 1 + edithPages);
    const margaretSheets = all.slice(1 + edithPages);
    expect(edithSheets[0]).toContain(`Delegation agreement ${edith.reference}`);
    expect(margaretSheets[0]).toContain(`Delegation agreement ${margaret.reference}`);
    edithSheets.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${edithPages}`);
      expect(p).toContain("the day this was printed: In force.");
    });
    margaretSheets.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${margaretPages}`);
      expect(p.replace(/\s+/g, " ")).toContain("the day this was printed: Suspended.");
    });
  });
});

describe("long unbroken text in every printout", async () => {
  const d = await demoDatabase();
  const edith = (await agreementPdfData(d.db, { actor: await d.actorFor(d.ids.users.admin), id: d.ids.agreements.edith, today: "2026-11-22", at: new Date(TEST_NOW), publicUrl: "https://dc.example.nhs.uk", reviewDueDays: 30, warningDays: 90 }))!.data;
  const url = `https://www.example.org/care-plans/${"averyveryverylongpathsegment".repeat(6)}?patient=1`;
  const email = `${"a".repeat(120)}@${"b".repeat(60)}.example.org`;
  const name = "N".repeat(150);
  const long: typeof edith = {
    ...edith,
    verifyUrl: `https://${"verify".repeat(8)}.example.nhs.uk/verify/${edith.verificationCode}`,
    team: { ...edith.team, name, address: `${url}\nAshworth\nAS1 2MN`, phone: email, escalationInHours: url, escalationOutOfHours: email },
    provider: { ...edith.provider, name, address: email, insurance: url, regulatedActivities: name },
    delegator: { name, nmcPin: name },
    person: { ...edith.person, name, address: url, consent: email, capacity: url },
    tasks: edith.tasks.map((t) => ({ ...t, name, inScope: url, excluded: email, instructions: `Read ${url} first.`, carePlanReference: url, deviceOrProduct: name, parameters: email, mustNotDo: url, escalationPlan: email })),
    workers: edith.workers.map((w) => ({ ...w, name, jobTitle: email, competencies: w.competencies.map((c) => ({ ...c, taskName: name })) })),
    supervision: url,
    earlyReviewTriggers: email,
    signatures: edith.signatures.map((s) => ({ ...s, name, signed: s.signed ? `${s.signed} ${email}` : null })),
    history: edith.history.map((h) => ({ ...h, reason: url })),
    concerns: [`Concern about ${url}`],
  };

  it("wraps in the agreement, the batch and the passport: no word runs into the margin or off the page", async () => {
    expect(wordsOffThePage(pdfPages(await renderPdf({ kind: "agreement", data: long })))).toEqual([]);
    expect(
      wordsOffThePage(pdfPages(await renderPdf({ kind: "agreements", data: { providerName: name, printedOn: "22 November 2026", order: url, agreements: [{ printout: long, statusOnTheDay: email }] } }))),
    ).toEqual([]);
    const passport = {
      workerName: name,
      jobTitle: email,
      providerName: name,
      careCertificate: url,
      printedOn: "22 November 2026",
      verificationCode: "ABCD-2345",
      verifyUrl: long.verifyUrl!,
      competencies: [{ taskName: name, personName: name, status: "Competent", signedOff: email, expiresOn: url }],
    };
    expect(wordsOffThePage(pdfPages(await renderPdf({ kind: "passport", data: passport })))).toEqual([]);
  });

  it("keeps an address's line breaks", async () => {
    const text = pdfText(await renderPdf({ kind: "agreement", data: { ...edith, team: { ...edith.team, address: "Ashworth Health Centre\n12 Mill Lane\nAshworth\nAS1 2MN" } } }));
    expect(text).toMatch(/Team address +Ashworth Health Centre\n+ +12 Mill Lane\n+ +Ashworth\n+ +AS1 2MN\n/);
  });
});
