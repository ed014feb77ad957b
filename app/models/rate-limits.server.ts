import { inTransaction, inserted } from "./transaction.server";
/**
 * Limits on what anyone may ask without signing in, counted in the database so that every server
 * process and host counts together (docs/decisions/030-several-server-processes.md). A fixed
 * window: up to `limit` requests per key from the start of each `windowMs`.
 */
import { lt, sql } from "drizzle-orm";
import type { Db } from "~db/client";
import { rateLimitHits } from "~db/tables";

/** Counts this request against the key's current window; false when it goes over the limit. */
export async function allowRequest(db: Db, key: string, { limit, windowMs, now }: { limit: number; windowMs: number; now: Date }): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return await inTransaction(db, async (tx) => {
    // Windows that have ended count for nothing: deleted as new ones are counted.
    await tx.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, windowStart.toISOString()));
    const row = await inserted(tx
      .insert(rateLimitHits)
      .values({ key, windowStart: windowStart.toISOString(), count: 1 })
      .onConflictDoUpdate({ target: [rateLimitHits.key, rateLimitHits.windowStart], set: { count: sql`${rateLimitHits.count} + 1` } })
      .returning({ count: rateLimitHits.count }));
    return (row?.count ?? 1) <= limit;
  });
}
