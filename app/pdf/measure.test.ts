import { it } from "vitest";
import { agreementPdfData, getStoredPdf, printKey, storePdf } from "~/models/agreement-pdf.server";
import { demoDatabase, TEST_NOW } from "~/models/test-helpers";
import { renderPdf } from "~/pdf/render";

it("measure", async () => {
  const d = await demoDatabase();
  const build = () => agreementPdfData(d.db, { actor: d.actorFor(d.ids.users.admin), id: d.ids.agreements.edith, today: "2026-11-22", at: new Date(TEST_NOW), publicUrl: "https://x", reviewDueDays: 30, warningDays: 90 })!;
  await renderPdf({ kind: "agreement", data: build().data }); // warm
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const N = 15;
  const fresh: number[] = [];
  for (let i = 0; i < N; i++) { const t = performance.now(); const b = build(); await renderPdf({ kind: "agreement", data: b.data }); fresh.push(performance.now() - t); }
  const b = build();
  storePdf(d.db, { versionId: b.versionId, printKey: b.printKey, printedOn: "2026-11-22", bytes: await renderPdf({ kind: "agreement", data: b.data }) });
  const stored: number[] = [];
  for (let i = 0; i < N; i++) { const t = performance.now(); const x = build(); if (!getStoredPdf(d.db, x)) throw new Error("miss"); stored.push(performance.now() - t); }
  const key: number[] = [];
  for (let i = 0; i < 200; i++) { const t = performance.now(); printKey(b.data); key.push(performance.now() - t); }
  console.log(`fresh median ${med(fresh).toFixed(1)} ms; stored median ${med(stored).toFixed(2)} ms; printKey median ${med(key).toFixed(3)} ms; ratio ${(med(fresh)/med(stored)).toFixed(0)}`);
}, 180000);
