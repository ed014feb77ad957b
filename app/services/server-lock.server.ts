import fs from "node:fs";

/**
 * One server per SQLite file: a running server writes its process id (and, where the system
 * shows it, when that process started) beside the database. A second server on the same file is
 * refused; a restore refuses while the server lives. The processes of one server (WEB_CONCURRENCY)
 * share the lock its first process took.
 */
export function lockFile(databaseUrl: string) {
  return `${databaseUrl}.server-pid`;
}

export class ServerLockHeld extends Error {
  constructor(readonly pid: number, databaseUrl: string) {
    super(`Another Delegated Care server (process ${pid}) is using ${databaseUrl}. Stop it first, or set DATABASE_URL to another file.`);
  }
}

/** Takes the lock for this process, or throws ServerLockHeld when a live server holds it. A lock left by a stopped server is taken over. */
export function takeServerLock(databaseUrl: string) {
  const file = lockFile(databaseUrl);
  const mine = `${process.pid} ${startedAt(process.pid) ?? ""}`.trim();
  for (;;) {
    try {
      fs.writeFileSync(file, mine, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = serverLockHolder(databaseUrl);
    if (holder !== null && holder !== process.pid) throw new ServerLockHeld(holder, databaseUrl);
    // Left by a server that stopped without removing it (killed, or the machine restarted).
    fs.rmSync(file, { force: true });
  }
  const release = () => {
    if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.on("exit", release);
  return release;
}

/** The pid of a live server on this database, or null. */
export function serverLockHolder(databaseUrl: string): number | null {
  const lock = readLock(lockFile(databaseUrl));
  if (!lock) return null;
  try {
    process.kill(lock.pid, 0);
  } catch (error) {
    // EPERM: alive, run by another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  // The same pid can belong to another process after a restart: it is the server only if it started when the server did.
  if (lock.started && startedAt(lock.pid) !== lock.started) return null;
  return lock.pid;
}

function readLock(file: string): { pid: number; started: string | null } | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
  const [pidText, started] = text.split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, started: started || null };
}

/** When the process started, in clock ticks since boot (Linux /proc), or null where the system does not say. */
function startedAt(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
