/** Writes the demo data into an empty database: `npm run db:seed`. */
import { systemClock } from "~/services/clock.server";
import { databaseName } from "~db/engine-name";
import { openMigrated } from "~db/migrate";
import { isEmpty, seedDemoData } from "~db/seed";
import { seedDemoPrintout } from "~db/seed-agreements";
import { renderPdf } from "~/pdf/render";
import { loadJobConfig } from "~/services/config.server";

const file = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
const connection = await openMigrated(file);
if (!await isEmpty(connection.db)) {
  console.error(`${databaseName(file)} already holds data; the demo seed only writes into an empty database.`);
  process.exit(1);
}
await seedDemoData(connection.db, { clock: systemClock });
await seedDemoPrintout(connection.db, { today: systemClock.today(), at: systemClock.now(), publicUrl: loadJobConfig(process.env).publicUrl, render: renderPdf });
await connection.close();
console.log(`Demo data written to ${databaseName(file)}`);
