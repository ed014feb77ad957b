import { first, rawRows } from "~/models/transaction.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { engineOf } from "~db/client";

/**
 * For load balancers and monitoring: answers only when the database answers, and says which
 * database this server runs on (sqlite or postgres).
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const database = engineOf(context.db).name;
  try {
    await first(rawRows(context.db, sql`SELECT 1`));
    return Response.json({ status: "ok", database }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database, problem: "The database did not answer" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
