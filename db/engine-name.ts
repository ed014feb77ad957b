import path from "node:path";

/** Which engine a DATABASE_URL names: a postgres:// (or postgresql://) URL, else an SQLite file. */
export function databaseEngine(url: string | undefined): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//i.test(url ?? "") ? "postgres" : "sqlite";
}

/**
 * The folder for this machine's own files that go with the database (the demo's secrets): next
 * to an SQLite file, else data/ (an in-memory database, or PostgreSQL, which is elsewhere).
 */
export function localFilesFolder(url: string): string {
  return url === ":memory:" || databaseEngine(url) === "postgres" ? path.resolve("data") : path.dirname(path.resolve(url));
}

/** How to name a database in a message: an SQLite file's path, or a PostgreSQL URL without its password. */
export function databaseName(url: string): string {
  if (databaseEngine(url) === "sqlite" || !URL.canParse(url)) return url;
  const u = new URL(url);
  if (u.password) u.password = "hidden";
  return u.toString();
}
