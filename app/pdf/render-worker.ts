/** A PDF render task in a pool worker thread: a job in, bytes out (transferred, not copied). */
import { move } from "piscina";
import { renderPdf } from "./render";
import type { PdfJob } from "./types";

export default async function render(job: PdfJob) {
  const bytes = await renderPdf(job);
  return move(bytes.slice());
}
