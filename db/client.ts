import { AsyncLocalStorage } from "node:async_hooks";
import Database from "better-sqlite3";
import { Mutex } from "async-mutex";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { drizzle as drizzlePostgres, type NodePgDatabase } from "drizzle-orm/node-postgres";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import * as schema from "./schema";
import * as pgSchema from "./schema.pg";
import { databaseEngine } from "./engine-name";

export type Schema = typeof schema;
/**
 * The database or a transaction on it: models accept either, so callers compose them. Queries are
 * written once, against the tables of ./schema, and awaited (never `.all()`, `.get()` or `.run()`,
 * which only SQLite has): see docs/decisions/032-one-model-layer-two-engines.md.
 */
export type Db = BaseSQLiteDatabase<"sync", Database.RunResult, Schema>;
export type SqliteConnection = { engine: "sqlite"; db: Db; sqlite: Database.Database; close(): void };
export type PostgresConnection = { engine: "postgres"; db: Db; pool: pg.Pool; close(): Promise<void> };
/** An SQLite file (or memory), or a PostgreSQL database (db/engine-name.ts tells which a URL names). */
export type Connection = SqliteConnection | PostgresConnection;

/** What differs between engines, behind the models' few primitives (app/models/transaction.server.ts). */
export interface Engine {
  readonly name: "sqlite" | "postgres";
  /** Runs `fn` in one write transaction; inside one already (same async context), in a savepoint. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** The rows of a raw SQL statement, on `db` (the database or a transaction on it). */
  all<T>(db: Db, query: SQL): Promise<T[]>;
  /** Changes whenever anything is written to the database, by this process or another. */
  version(db: Db): Promise<string>;
  /** Runs `fn` once the caller's transaction has committed (never if it rolls back); outside one, at once. */
  afterCommit(fn: () => void): void;
  /** Whether the caller is inside a transaction on this database (its reads may see what is not committed). */
  inTransaction(): boolean;
  /** How many write transactions this connection has had to run again (on PostgreSQL, after a serialization failure or a deadlock). */
  retries(): number;
}

/**
 * Runs `fn` once the transaction the caller is in has committed (not at all if it rolls back), or at
 * once outside a transaction. Reached through the engine (`engineOf(db).afterCommit`), as the app's
 * build has its own copy of this module and so its own record of which transaction a call is in.
 */
function afterCommit(fn: () => void): void {
  const held = heldTransactions.getStore();
  if (held?.open) held.afterCommit.push(fn);
  else fn();
}

function isHeldBy(engine: Engine): boolean {
  const held = heldTransactions.getStore();
  return held?.engine === engine && held.open;
}

function runAfterCommit(hooks: (() => void)[]) {
  for (const hook of hooks.splice(0)) hook();
}

/**
 * Where a database handle keeps its engine: a registered symbol, so the app's build (which bundles
 * its own copy of this module) finds the engine of a database the server opened.
 */
const ENGINE = Symbol.for("delegated-care.engine");

/** The engine behind `db` (a database opened here, or a transaction on one). */
export function engineOf(db: Db): Engine {
  const engine = (db as unknown as { [ENGINE]?: Engine })[ENGINE];
  if (!engine) throw new Error("This database was not opened by db/client.ts");
  return engine;
}

function setEngine(db: object, engine: Engine) {
  Object.defineProperty(db, ENGINE, { value: engine });
}

/** Which transactions the current async context is inside, and how deep. */
const heldTransactions = new AsyncLocalStorage<{ engine: Engine; depth: number; open: boolean; afterCommit: (() => void)[]; tx?: NodePgDatabase<typeof pgSchema> }>();

/**
 * Opens the SQLite file with the pragmas these governance records need:
 * WAL (readers never block the writer), foreign keys enforced, a busy timeout so a second
 * process (a CLI, a backup) waits instead of failing, and synchronous=FULL so an
 * acknowledged write survives power loss (docs/decisions/003-sqlite-durability.md).
 *
 * A file gets two connections: reads outside a transaction use one, and write transactions the
 * other, one at a time (BEGIN IMMEDIATE, behind a lock in this process), so a page being read never
 * sees a change that is still being made.
 */
export function openDatabase(file: string): SqliteConnection {
  if (file === ":memory:") return withEngine(withPragmas(new Database(file)));
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const reader = new Database(file);
  reader.pragma("journal_mode = WAL");
  return withEngine(withPragmas(reader), withPragmas(new Database(file)), fileLock(file));
}

/**
 * One write lock per file in a process, shared by every connection this process opens on it: a
 * second connection's BEGIN IMMEDIATE while the first holds a transaction would block the whole
 * thread in SQLite's busy wait (the first could not go on to commit), so it waits its turn here.
 */
const fileLocks = new Map<string, Mutex>();
function fileLock(file: string): Mutex {
  const key = path.resolve(file);
  let lock = fileLocks.get(key);
  if (!lock) fileLocks.set(key, (lock = new Mutex()));
  return lock;
}

/**
 * An in-memory database holding a copy of `image` (bytes from `sqlite.serialize()`): tests seed the
 * demo once and give each test its own copy, instead of seeding it again for every test.
 */
export function openDatabaseCopy(image: Buffer): SqliteConnection {
  return withEngine(withPragmas(new Database(image)));
}

function withPragmas(sqlite: Database.Database): Database.Database {
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  return sqlite;
}

/** An in-memory database has one connection: reads outside a transaction then see it as it goes. */
function withEngine(sqlite: Database.Database, writer: Database.Database = sqlite, lock = new Mutex()): SqliteConnection {
  const db = drizzle(sqlite, { schema }) as BetterSQLite3Database<Schema>;
  const tx = drizzle(writer, { schema }) as BetterSQLite3Database<Schema>;
  let committed = 0;
  const engine: Engine = {
    name: "sqlite",
    afterCommit,
    inTransaction: () => isHeldBy(engine),
    retries: () => 0,
    async transaction(fn) {
      const held = heldTransactions.getStore();
      if (held?.engine === engine && held.open) return savepoint(writer, held, () => fn(tx), engine);
      return lock.runExclusive(async () => {
        const context = { engine, depth: 1, open: true, afterCommit: [] as (() => void)[] };
        writer.exec("BEGIN IMMEDIATE");
        try {
          const result = await heldTransactions.run(context, () => fn(tx));
          writer.exec("COMMIT");
          committed++;
          runAfterCommit(context.afterCommit);
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec("ROLLBACK");
          throw error;
        } finally {
          context.open = false;
        }
      });
    },
    async all<T>(on: Db, query: SQL) {
      return on.all<T>(query);
    },
    async version(on: Db) {
      const dataVersion = on.get<{ data_version: number }>(sql`PRAGMA data_version`)?.data_version ?? 0;
      return `${committed}|${dataVersion}`;
    },
  };
  setEngine(db, engine);
  setEngine(tx, engine);
  const close = () => {
    if (writer !== sqlite && writer.open) writer.close();
    if (sqlite.open) sqlite.close();
  };
  return { engine: "sqlite", db, sqlite, close };
}

async function savepoint<T>(writer: Database.Database, held: { depth: number; afterCommit: (() => void)[] }, fn: () => Promise<T>, engine: Engine): Promise<T> {
  const name = `savepoint_${held.depth}`;
  // What the savepoint asks to run after commit is kept only if the savepoint is released.
  const context = { engine, depth: held.depth + 1, open: true, afterCommit: [] as (() => void)[] };
  writer.exec(`SAVEPOINT ${name}`);
  try {
    const result = await heldTransactions.run(context, fn);
    writer.exec(`RELEASE ${name}`);
    held.afterCommit.push(...context.afterCommit);
    return result;
  } catch (error) {
    writer.exec(`ROLLBACK TO ${name}`);
    writer.exec(`RELEASE ${name}`);
    throw error;
  } finally {
    context.open = false;
  }
}

/** How the app's connections name themselves to PostgreSQL: a restore refuses while any is open (scripts/db-restore.ts). */
export const APPLICATION_NAME = "delegated-care";

/** PostgreSQL's codes for "try the transaction again": a serialization failure, a deadlock. */
const RETRY_CODES = new Set(["40001", "40P01"]);
/**
 * How often a transaction is tried before its failure is reported. Writers take turns
 * (WRITERS_LOCK), so two write transactions never overlap; what is left is a deadlock against a
 * write made outside a transaction (a session's last-seen time, say). Waits grow (full jitter,
 * doubling to at most half a second).
 */
const ATTEMPTS = 30;
/**
 * The advisory lock every write transaction takes first, before it reads anything, and holds until
 * it commits or rolls back (docs/decisions/036-postgres-writers-take-turns.md). Held per
 * transaction, so it is let go whatever happens to the connection, also behind PgBouncer in
 * transaction mode.
 */
const WRITERS_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('delegated-care writers'))`;
/** The channel every write transaction notifies, so each process's caches know to read again. */
const CHANGES_CHANNEL = "delegated_care_changes";

function postgresCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/**
 * Connects to PostgreSQL (a pool of connections). Write transactions take turns, as SQLite's one
 * writer does: one at a time in a process (waiting without holding a connection), and across
 * processes and hosts by an advisory lock each takes before it reads anything (WRITERS_LOCK). So
 * each sees the database as if it ran alone, and an invariant that spans rows (activation,
 * signatures, the interlock, a create that must not happen twice, the audit chain) holds without a
 * lock written for each (docs/decisions/036-postgres-writers-take-turns.md). Each commit notifies
 * the other processes (LISTEN/NOTIFY), whose caches then read again.
 */
export async function openPostgres(url: string, { max = 10 }: { max?: number } = {}): Promise<PostgresConnection> {
  // Counts and sums arrive as text (int8, numeric): as numbers, like SQLite's. Set for the whole
  // process, as drizzle gives each query type parsers of its own that fall back to pg's global ones.
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
  // No JIT compilation: these are short queries on indexed rows, and PostgreSQL's estimate for a
  // cover query with correlated subqueries crossed its threshold, compiling for half a second a query
  // that runs in a millisecond.
  const pool = new pg.Pool({ connectionString: url, max, options: "-c jit=off", application_name: APPLICATION_NAME });
  pool.on("error", () => {
    // An idle connection that broke is dropped by the pool; the next query opens another.
  });
  const db = drizzlePostgres(pool, { schema: pgSchema });
  /** This process's writers, one at a time: a writer waiting for its turn holds no connection, which readers need. */
  const writeTurn = new Mutex();
  let committed = 0;
  let retried = 0;
  let heard = 0;
  let listening = false;
  const listener = new pg.Client({ connectionString: url, application_name: APPLICATION_NAME });
  listener.on("notification", () => heard++);
  listener.on("error", () => {
    listening = false;
  });
  await listener.connect();
  await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
  listening = true;

  const engine: Engine = {
    name: "postgres",
    afterCommit,
    inTransaction: () => isHeldBy(engine),
    async transaction(fn) {
      const held = heldTransactions.getStore();
      if (held?.engine === engine && held.open && held.tx) {
        return held.tx.transaction(async (sp) => {
          setEngine(sp, engine);
          const context = { engine, depth: held.depth + 1, open: true, afterCommit: [] as (() => void)[], tx: sp };
          try {
            const result = await heldTransactions.run(context, () => fn(sp as unknown as Db));
            held.afterCommit.push(...context.afterCommit);
            return result;
          } finally {
            context.open = false;
          }
        });
      }
      for (let attempt = 1; ; attempt++) {
        // Only the attempt that commits runs what was asked for after commit.
        const hooks: (() => void)[] = [];
        try {
          const result = await writeTurn.runExclusive(() => db.transaction(
            async (tx) => {
              // First, before anything is read: the turn among every process's writers.
              await tx.execute(WRITERS_LOCK);
              setEngine(tx, engine);
              const context = { engine, depth: 1, open: true, afterCommit: hooks, tx };
              try {
                const value = await heldTransactions.run(context, () => fn(tx as unknown as Db));
                await tx.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, '')`);
                return value;
              } finally {
                context.open = false;
              }
            },
            // Each statement sees what the writers before this one committed: the lock keeps every other writer out.
            { isolationLevel: "read committed" },
          ));
          committed++;
          runAfterCommit(hooks);
          return result;
        } catch (error) {
          if (attempt >= ATTEMPTS || !RETRY_CODES.has(postgresCode(error) ?? "")) throw error;
          retried++;
          await sleep(Math.random() * Math.min(500, 5 * 2 ** attempt));
        }
      }
    },
    async all<T>(on: Db, query: SQL) {
      return (await (on as unknown as NodePgDatabase).execute(query)).rows as T[];
    },
    retries: () => retried,
    async version() {
      // Without the listener (its connection broke), nothing cached can be trusted: always changed.
      return listening ? `${committed}|${heard}` : `unheard|${Math.random()}`;
    },
  };
  setEngine(db, engine);
  const close = async () => {
    listening = false;
    await listener.end().catch(() => undefined);
    await pool.end();
  };
  return { engine: "postgres", db: db as unknown as Db, pool, close };
}

/** The database a DATABASE_URL names: PostgreSQL for a postgres:// URL, else an SQLite file. */
export async function connect(url: string): Promise<Connection> {
  return databaseEngine(url) === "postgres" ? openPostgres(url) : openDatabase(url);
}
