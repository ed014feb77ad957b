/**
 * The data model for PostgreSQL, made from db/schema.ts at load time: db/schema.ts is the one
 * place the model is written (docs/decisions/031-one-schema-two-engines.md). Each SQLite table is
 * mirrored with the same name, columns, keys, indexes and CHECKs; only what the engines spell
 * differently is translated (below), and anything not known here stops the load, so a new kind of
 * column or a new SQLite-only function is noticed rather than mistranslated. drizzle-kit reads
 * this file to generate drizzle-pg/ (npm run db:generate); db/schema-engines.test.ts migrates
 * both engines and compares what each database holds.
 */
import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from "drizzle-orm/pg-core";
import { getTableConfig, SQLiteSyncDialect, SQLiteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import * as sqlite from "./schema";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** SQLite spellings and their PostgreSQL equivalents, in defaults, CHECKs and partial indexes. */
const TRANSLATIONS: { sqlite: RegExp; pg: string }[] = [
  // An instant as UTC ISO text with milliseconds, as the app writes them.
  { sqlite: /\(strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\)\)/g, pg: `(to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))` },
  // "Nothing but digits".
  { sqlite: /(\w+) NOT GLOB '\*\[\^0-9\]\*'/g, pg: "$1 ~ '^[0-9]*$$'" },
];
/** Functions and words only SQLite knows: met in an expression not translated above, they stop the load. */
const SQLITE_ONLY = /\b(strftime|julianday|GLOB|ifnull|printf|json_extract|datetime|date)\s*\(|\bGLOB\b/i;

const dialect = new SQLiteSyncDialect();

/** An SQLite expression as PostgreSQL writes it. */
export function translate(expression: SQL, where: string): SQL {
  let text = dialect.sqlToQuery(expression).sql;
  for (const t of TRANSLATIONS) text = text.replace(t.sqlite, t.pg);
  if (SQLITE_ONLY.test(text)) throw new Error(`${where}: "${text}" is SQLite-only; add its PostgreSQL form to TRANSLATIONS in db/schema.pg.ts`);
  return sql.raw(text);
}

/** The PostgreSQL column for each kind of SQLite column the schema uses. */
const COLUMNS: Record<string, (name: string) => ReturnType<typeof integer> | ReturnType<typeof boolean> | ReturnType<typeof text> | ReturnType<typeof jsonb> | ReturnType<typeof bytea>> = {
  SQLiteInteger: integer,
  SQLiteBoolean: boolean,
  SQLiteText: text,
  SQLiteTextJson: jsonb,
  SQLiteBlobBuffer: bytea,
};

/** The PostgreSQL column for an SQLite one. */
function column(table: string, c: SQLiteColumn): PgColumnBuilderBase {
  const where = `${table}.${c.name}`;
  const autoIncrement = (c as unknown as { autoIncrement?: boolean }).autoIncrement === true;
  const make = COLUMNS[c.columnType];
  if (!make) throw new Error(`${where}: no PostgreSQL column for ${c.columnType}; add one to db/schema.pg.ts`);
  let b = make(c.name);
  if (c.primary) b = b.primaryKey();
  if (autoIncrement) b = (b as ReturnType<typeof integer>).generatedByDefaultAsIdentity();
  if (c.notNull && !c.primary) b = b.notNull();
  if (c.hasDefault && c.default !== undefined) {
    const value = is(c.default, SQL) ? translate(c.default, where) : c.default;
    b = b.default(value as never);
  }
  return b as PgColumnBuilderBase;
}

const mirrors = new Map<SQLiteTable, PgTableWithColumns<never>>();

/** The PostgreSQL table for an SQLite one: same name, columns, keys, indexes and CHECKs. */
function mirror(source: SQLiteTable): PgTableWithColumns<never> {
  const config = getTableConfig(source);
  // Keyed as in db/schema.ts (personId, not person_id), so the models' queries run on either table.
  const keys = new Map(Object.entries(getTableColumns(source)).map(([key, c]) => [c as SQLiteColumn, key]));
  const columns = Object.fromEntries(config.columns.map((c) => [keys.get(c)!, column(config.name, c)]));
  const table = pgTable(config.name, columns, (t) => {
    const col = (c: SQLiteColumn) => (t as Record<string, never>)[keys.get(c)!]!;
    return [
      ...config.primaryKeys.map((pk) => primaryKey({ columns: pk.columns.map(col) as [never, ...never[]] })),
      ...config.foreignKeys.map((fk) => {
        const r = fk.reference();
        const target = mirrors.get(r.foreignTable);
        if (!target) throw new Error(`${config.name}: refers to ${getTableConfig(r.foreignTable).name}, which db/schema.pg.ts does not mirror`);
        const targetKeys = new Map(Object.entries(getTableColumns(r.foreignTable)).map(([key, c]) => [c as SQLiteColumn, key]));
        return foreignKey({ name: fk.getName(), columns: r.columns.map(col) as [never, ...never[]], foreignColumns: r.foreignColumns.map((c) => (target as unknown as Record<string, never>)[targetKeys.get(c)!]!) as [never, ...never[]] });
      }),
      ...config.indexes.map((i) => {
        const [first, ...rest] = (i.config.columns as SQLiteColumn[]).map(col);
        const on = (i.config.unique ? uniqueIndex : index)(i.config.name).on(first!, ...rest);
        return i.config.where ? on.where(translate(i.config.where, `${config.name} index ${i.config.name}`)) : on;
      }),
      ...config.checks.map((c) => check(c.name, translate(c.value, `${config.name} check ${c.name}`))),
    ];
  });
  mirrors.set(source, table as unknown as PgTableWithColumns<never>);
  return table as unknown as PgTableWithColumns<never>;
}

/** Every table of db/schema.ts, by its export name (checked by db/schema-engines.test.ts). */
export const sqliteTables = Object.fromEntries(Object.entries(sqlite).filter(([, v]) => is(v, SQLiteTable))) as Record<string, SQLiteTable>;

// drizzle-kit finds tables among a module's exports: one line a table.
export const agreementTasks = mirror(sqlite.agreementTasks);
export const agreementVersions = mirror(sqlite.agreementVersions);
export const agreementWorkers = mirror(sqlite.agreementWorkers);
export const agreements = mirror(sqlite.agreements);
export const auditEvents = mirror(sqlite.auditEvents);
export const careWorkers = mirror(sqlite.careWorkers);
export const competencies = mirror(sqlite.competencies);
export const competencyChanges = mirror(sqlite.competencyChanges);
export const competencySignOffs = mirror(sqlite.competencySignOffs);
export const concernFollowUps = mirror(sqlite.concernFollowUps);
export const concerns = mirror(sqlite.concerns);
export const consents = mirror(sqlite.consents);
export const facilitatorTeams = mirror(sqlite.facilitatorTeams);
export const formSubmissions = mirror(sqlite.formSubmissions);
export const identityLinks = mirror(sqlite.identityLinks);
export const identityProviderOrganisations = mirror(sqlite.identityProviderOrganisations);
export const identityProviders = mirror(sqlite.identityProviders);
export const invitations = mirror(sqlite.invitations);
export const notifications = mirror(sqlite.notifications);
export const organisationSignIns = mirror(sqlite.organisationSignIns);
export const organisations = mirror(sqlite.organisations);
export const outbox = mirror(sqlite.outbox);
export const passportPrints = mirror(sqlite.passportPrints);
export const passwordResets = mirror(sqlite.passwordResets);
export const pendingSignIns = mirror(sqlite.pendingSignIns);
export const people = mirror(sqlite.people);
export const rateLimitHits = mirror(sqlite.rateLimitHits);
export const reviews = mirror(sqlite.reviews);
export const sessions = mirror(sqlite.sessions);
export const settings = mirror(sqlite.settings);
export const signInAttempts = mirror(sqlite.signInAttempts);
export const signatures = mirror(sqlite.signatures);
export const storedPdfs = mirror(sqlite.storedPdfs);
export const supervisedObservations = mirror(sqlite.supervisedObservations);
export const taskPrerequisites = mirror(sqlite.taskPrerequisites);
export const tasks = mirror(sqlite.tasks);
export const teamProviders = mirror(sqlite.teamProviders);
export const trainingAttendances = mirror(sqlite.trainingAttendances);
export const trainingSessions = mirror(sqlite.trainingSessions);
export const twoFactorAttempts = mirror(sqlite.twoFactorAttempts);
export const twoFactorCredentials = mirror(sqlite.twoFactorCredentials);
export const twoFactorRecoveryCodes = mirror(sqlite.twoFactorRecoveryCodes);
export const users = mirror(sqlite.users);
export const workerPrerequisites = mirror(sqlite.workerPrerequisites);
