import { first, rawRows } from "~/models/transaction.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";

/** For load balancers and monitoring: answers only when the database answers. */
export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await first(rawRows(context.db, sql`SELECT 1`));
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503 });
  }
}
