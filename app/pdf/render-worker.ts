/** A PDF render worker thread: receives jobs, answers with bytes (transferred, not copied). */
import { parentPort } from "node:worker_threads";
import { renderPdf } from "./render";
import type { PdfJob } from "./types";

if (!parentPort) throw new Error("render-worker must run as a worker thread");
const port = parentPort;

port.on("message", async ({ id, job }: { id: number; job: PdfJob }) => {
  try {
    const bytes = await renderPdf(job);
    const copy = bytes.slice();
    port.postMessage({ id, ok: true, bytes: copy }, [copy.buffer]);
  } catch (error) {
    port.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
