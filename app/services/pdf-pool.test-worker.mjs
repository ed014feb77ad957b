// A stand-in render worker for app/services/pdf-pool.server.test.ts: exits, never answers, or
// answers at once, as the job asks.
export default async function render(job) {
  if (job.kind === "exit") process.exit(0);
  if (job.kind === "never") return new Promise(() => {});
  return new Uint8Array(Buffer.from("%PDF-stand-in"));
}
