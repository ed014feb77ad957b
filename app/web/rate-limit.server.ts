/**
 * A fixed-window rate limit held in memory (one server process). Used where an anonymous
 * caller could otherwise try codes at will: /verify.
 */
const windows = new Map<string, { start: number; count: number }>();

export function allow(key: string, { limit, windowMs, now = Date.now() }: { limit: number; windowMs: number; now?: number }): boolean {
  if (windows.size > 10_000) {
    for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
  }
  const w = windows.get(key);
  if (!w || now - w.start >= windowMs) {
    windows.set(key, { start: now, count: 1 });
    return true;
  }
  w.count++;
  return w.count <= limit;
}
