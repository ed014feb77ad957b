// npm run db:generate [-- --name <what changed>]: drizzle-kit generates the migrations for both
// engines from db/schema.ts, SQLite's into drizzle/ and PostgreSQL's into drizzle-pg/ (decision
// 031), each with the arguments given (npm would pass them to the last of two chained commands only).
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
for (const config of ["drizzle.config.ts", "drizzle-pg.config.ts"]) {
  execFileSync("node_modules/.bin/drizzle-kit", ["generate", "--config", config, ...args], { stdio: "inherit" });
}
