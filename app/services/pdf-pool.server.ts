/**
 * PDF rendering off the request thread: a small pool of worker threads, each recycled after a
 * number of renders because react-pdf keeps memory per render. Pages stay responsive while
 * PDFs render (docs/decisions/009-pdf-render-pool.md).
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { PdfJob } from "~/pdf/types";

export type PdfRenderer = {
  render(job: PdfJob): Promise<Uint8Array>;
  stats(): { renders: number; workers: number; recycled: number; queued: number };
  close(): Promise<void>;
};

type Pending = { id: number; job: PdfJob; resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; busy: Pending | null; renders: number };

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
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let renders = 0;
  let recycled = 0;
  let closed = false;

  const spawn = (): Slot => {
    // The worker entry (render-worker.mjs) registers tsx in its own thread, then loads the renderer.
    const worker = new Worker(workerUrl);
    const slot: Slot = { worker, busy: null, renders: 0 };
    worker.on("message", (message: { id: number; ok: boolean; bytes?: Uint8Array; error?: string }) => {
      const job = slot.busy;
      slot.busy = null;
      if (job && job.id === message.id) {
        if (message.ok && message.bytes) {
          renders++;
          job.resolve(message.bytes);
        } else job.reject(new Error(message.error ?? "PDF render failed"));
      }
      slot.renders++;
      if (slot.renders >= recycleAfter) replace(slot);
      pump();
    });
    worker.on("error", (error) => {
      slot.busy?.reject(error);
      slot.busy = null;
      replace(slot);
      pump();
    });
    return slot;
  };

  const replace = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i === -1) return;
    void slot.worker.terminate();
    recycled++;
    if (!closed) slots[i] = spawn();
    else slots.splice(i, 1);
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy || !queue.length) continue;
      const job = queue.shift()!;
      slot.busy = job;
      slot.worker.postMessage({ id: job.id, job: job.job });
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    render(job) {
      if (closed) return Promise.reject(new Error("PDF pool is closed"));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        pump();
      });
    },
    stats: () => ({ renders, workers: slots.length, recycled, queued: queue.length }),
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
    },
  };
}
