import fs from "node:fs";

/** A running server writes its process id beside the database; restore refuses while it lives. */
export function lockFile(databaseUrl: string) {
  return `${databaseUrl}.server-pid`;
}

export function takeServerLock(databaseUrl: string) {
  fs.writeFileSync(lockFile(databaseUrl), String(process.pid));
  const release = () => fs.rmSync(lockFile(databaseUrl), { force: true });
  process.on("exit", release);
  return release;
}

/** The pid of a live server on this database, or null. */
export function serverLockHolder(databaseUrl: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile(databaseUrl), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
