/**
 * PDF rendering off the request thread: piscina runs a small pool of worker threads
 * (docs/decisions/009-pdf-render-pool.md, 027). react-pdf keeps memory per render, so after a
 * number of renders the whole pool is replaced: a fresh generation takes new work while the old
 * one finishes what it was given, then stops. Pages stay responsive while PDFs render.
 *
 * Every call settles: a render that fails, a worker that exits, or close() rejects the caller's
 * promise with an error that says which.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { PdfJob } from "~/pdf/types";

export type PdfRenderer = {
  render(job: PdfJob): Promise<Uint8Array>;
  stats(): { renders: number; workers: number; recycled: number; queued: number };
  close(): Promise<void>;
};

type Generation = { pool: Piscina<PdfJob, Uint8Array>; given: number; pending: number; retired: boolean };

export function defaultPoolSize(): number {
  // Leave a core for the web server itself.
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export function createPdfPool({
  workerUrl,
  size = defaultPoolSize(),
  recycleAfter = 100,
}: {
  workerUrl: URL;
  size?: number;
  recycleAfter?: number;
}): PdfRenderer {
  const generations = new Set<Generation>();
  let renders = 0;
  let recycled = 0;
  let closed = false;

  const open = (): Generation => {
    // The worker entry (render-worker.mjs) registers tsx in its own thread, then loads the renderer.
    const pool = new Piscina<PdfJob, Uint8Array>({ filename: fileURLToPath(workerUrl), minThreads: size, maxThreads: size });
    // A worker's failure reaches the caller of render(); one outside any render must not stop the server.
    pool.on("error", () => {});
    const generation: Generation = { pool, given: 0, pending: 0, retired: false };
    generations.add(generation);
    return generation;
  };

  const stopIfDone = (generation: Generation) => {
    if (!generation.retired || generation.pending > 0 || !generations.delete(generation)) return;
    void generation.pool.destroy();
  };

  const explain = (error: unknown): Error => {
    if (closed) return new Error("The PDF render pool was closed before this PDF was finished", { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    if (/^worker exited/.test(message)) return new Error(`The PDF render worker stopped before this PDF was finished (${message})`, { cause: error });
    return error instanceof Error ? error : new Error(message);
  };

  let current = open();

  return {
    render(job) {
      if (closed) return Promise.reject(new Error("The PDF render pool is closed"));
      const generation = current;
      generation.given++;
      generation.pending++;
      if (generation.given >= recycleAfter) {
        generation.retired = true;
        recycled += size;
        current = open();
      }
      return generation.pool.run(job).then(
        (bytes) => {
          renders++;
          return bytes;
        },
        (error: unknown) => {
          throw explain(error);
        },
      ).finally(() => {
        generation.pending--;
        stopIfDone(generation);
      });
    },
    stats: () => {
      let queued = 0;
      for (const g of generations) queued += g.pool.queueSize;
      return { renders, workers: current.pool.threads.length, recycled, queued };
    },
    async close() {
      closed = true;
      const all = [...generations];
      generations.clear();
      // destroy() rejects every call still queued or rendering.
      await Promise.all(all.map((g) => g.pool.destroy()));
    },
  };
}
