import { describe, expect, it } from "vitest";
import type { PassportPdfData, PdfJob } from "~/pdf/types";
import { createPdfPool } from "./pdf-pool.server";

const passport: PassportPdfData = {
  workerName: "Maria Santos",
  jobTitle: "Senior care worker",
  providerName: "Brightside Home Care",
  careCertificate: "22 July 2023",
  printedOn: "22 November 2026",
  verificationCode: "ABCD-2345",
  verifyUrl: "https://dc.example.nhs.uk/verify/ABCD-2345",
  competencies: [{ taskName: "Stoma care", personName: null, status: "Competent", signedOff: "1 November 2026 by Grace Liu", expiresOn: "1 November 2027" }],
};

describe("the PDF render pool", () => {
  it("renders in worker threads and recycles a worker after its quota of renders", async () => {
    const pool = createPdfPool({ workerUrl: new URL("../pdf/render-worker.mjs", import.meta.url), size: 1, recycleAfter: 2 });
    try {
      const results = await Promise.all([1, 2, 3].map(() => pool.render({ kind: "passport", data: passport })));
      for (const bytes of results) expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
      expect(pool.stats()).toMatchObject({ renders: 3, workers: 1, recycled: 1, queued: 0 });
    } finally {
      await pool.close();
    }
  });

  it("reports a failed render as an error, and keeps working", async () => {
    const pool = createPdfPool({ workerUrl: new URL("../pdf/render-worker.mjs", import.meta.url), size: 1 });
    try {
      await expect(pool.render({ kind: "passport", data: null as unknown as PassportPdfData })).rejects.toThrow();
      const ok = await pool.render({ kind: "passport", data: passport });
      expect(ok.length).toBeGreaterThan(1000);
    } finally {
      await pool.close();
    }
  });

  const standIn = new URL("./pdf-pool.test-worker.mjs", import.meta.url);
  const job = (kind: string) => ({ kind }) as unknown as PdfJob;

  it("rejects the caller's promise with a clear error when a worker exits, and keeps working", async () => {
    const pool = createPdfPool({ workerUrl: standIn, size: 1 });
    try {
      await expect(pool.render(job("exit"))).rejects.toThrow("The PDF render worker stopped before this PDF was finished (worker exited with code: 0)");
      expect(Buffer.from(await pool.render(job("passport"))).toString()).toBe("%PDF-stand-in");
    } finally {
      await pool.close();
    }
  });

  it("settles every call, rendering or waiting, when it closes", async () => {
    const pool = createPdfPool({ workerUrl: standIn, size: 1 });
    const rendering = pool.render(job("never"));
    const waiting = pool.render(job("passport"));
    await expect.poll(() => pool.stats().queued).toBe(1);
    const settled = [rendering, waiting].map((call) => expect(call).rejects.toThrow("The PDF render pool was closed before this PDF was finished"));
    await pool.close();
    await Promise.all(settled);
    await expect(pool.render(job("passport"))).rejects.toThrow("The PDF render pool is closed");
  });

  it("settles the calls a retired generation still holds when it closes", async () => {
    const pool = createPdfPool({ workerUrl: standIn, size: 1, recycleAfter: 1 });
    const first = pool.render(job("never"));
    const second = pool.render(job("never"));
    expect(pool.stats().recycled).toBe(2);
    const settled = [first, second].map((call) => expect(call).rejects.toThrow("closed before this PDF was finished"));
    await pool.close();
    await Promise.all(settled);
  });
});
