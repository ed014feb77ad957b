import { describe, expect, it } from "vitest";
import type { PassportPdfData } from "~/pdf/types";
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
  }, 60_000);

  it("reports a failed render as an error, and keeps working", async () => {
    const pool = createPdfPool({ workerUrl: new URL("../pdf/render-worker.mjs", import.meta.url), size: 1 });
    try {
      await expect(pool.render({ kind: "passport", data: null as unknown as PassportPdfData })).rejects.toThrow();
      const ok = await pool.render({ kind: "passport", data: passport });
      expect(ok.length).toBeGreaterThan(1000);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
