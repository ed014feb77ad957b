/** Which engine a DATABASE_URL names: a postgres:// (or postgresql://) URL, else an SQLite file. */
export function databaseEngine(url: string | undefined): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//i.test(url ?? "") ? "postgres" : "sqlite";
}
