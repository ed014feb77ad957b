import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { AgreementBatchDocument } from "./AgreementBatchDocument";
import { AgreementDocument } from "./AgreementDocument";
import { registerFonts } from "./fonts";
import { PassportDocument } from "./PassportDocument";
import type { PdfJob } from "./types";

function qrModules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const rows: boolean[][] = [];
  for (let y = 0; y < size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < size; x++) row.push(qr.modules.get(x, y) === 1);
    rows.push(row);
  }
  return rows;
}

/** Renders one PDF to bytes. Runs inside a render worker (app/services/pdf-pool.server.ts). */
export async function renderPdf(job: PdfJob): Promise<Uint8Array> {
  registerFonts();
  const element =
    job.kind === "agreement" ? (
      <AgreementDocument data={job.data} qr={job.data.verifyUrl ? qrModules(job.data.verifyUrl) : null} />
    ) : job.kind === "agreements" ? (
      <AgreementBatchDocument data={job.data} qrs={job.data.agreements.map(({ printout }) => (printout.verifyUrl ? qrModules(printout.verifyUrl) : null))} />
    ) : (
      <PassportDocument data={job.data} qr={qrModules(job.data.verifyUrl)} />
    );
  const buffer = await renderToBuffer(element);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
