import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { containsPattern } from "~/domain/search";

/** `column` contains `text`, case-insensitively (ASCII), with % and _ taken as typed. */
export function contains(column: AnyColumn | SQL, text: string): SQL {
  return sql`lower(${column}) LIKE lower(${containsPattern(text)}) ESCAPE '\\'`;
}
