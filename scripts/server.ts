/**
 * Starts Delegated Care: checks configuration, migrates the database, seeds demo data when
 * asked, then serves the Remix build with express.
 *
 *   tsx scripts/server.ts [--demo]
 */
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { fileClock, systemClock } from "~/services/clock.server";
import { ConfigError, loadConfig } from "~/services/config.server";
import type { AppContext } from "~/services/context.server";
import { createPdfPool } from "~/services/pdf-pool.server";
import { contentSecurityPolicy, isCrossSite, newNonce } from "~/services/request-guards.server";
import { takeServerLock } from "~/services/server-lock.server";
import { openDatabase } from "~db/client";
import { applyMigrations } from "~db/migrate";
import { isEmpty, seedDemoData } from "~db/seed";
import { seedDemoPrintout } from "~db/seed-agreements";

const ArgsSchema = z.object({
  demo: z.boolean(),
  testClockFile: z.string().min(1).optional(),
});

function parseArgs(argv: string[]) {
  const clockArg = argv.find((a) => a.startsWith("--test-clock-file="));
  const parsed = ArgsSchema.safeParse({ demo: argv.includes("--demo"), testClockFile: clockArg?.slice("--test-clock-file=".length) });
  if (!parsed.success) {
    console.error(`Usage: tsx scripts/server.ts [--demo] [--test-clock-file=<path>]\n${parsed.error.message}`);
    process.exit(1);
  }
  if (parsed.data.testClockFile && !parsed.data.demo) {
    console.error("--test-clock-file is for end-to-end tests and only runs with --demo: it never moves a real deployment's clock.");
    process.exit(1);
  }
  return parsed.data;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let config;
  try {
    config = loadConfig(process.env, { demo: args.demo });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const connection = openDatabase(config.databaseUrl);
  applyMigrations(connection);
  if (config.databaseUrl !== ":memory:") takeServerLock(config.databaseUrl);
  const seeding = config.demo && isEmpty(connection.db);
  if (seeding) {
    const started = Date.now();
    await seedDemoData(connection.db, { clock: systemClock });
    console.log(`Demo data written in ${Date.now() - started} ms`);
  }

  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(compression());
  app.use((req, res, next) => {
    // Only the server decides the client address the app sees; a client cannot supply it.
    req.headers["x-client-address"] = req.ip ?? "";
    const nonce = newNonce();
    res.locals.nonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    if (config.production && !config.demo) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (isCrossSite({ method: req.method, origin: req.get("origin"), referer: req.get("referer"), host: req.get("host") }, config.publicUrl)) {
      res.status(403).type("text/plain").send("Refused: this request did not come from a page of this service.");
      return;
    }
    next();
  });
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  const clock = args.testClockFile ? fileClock(args.testClockFile) : systemClock;
  if (args.testClockFile) console.log(`Test clock: reading "now" from ${args.testClockFile}`);
  const pdf = createPdfPool({ workerUrl: new URL("../app/pdf/render-worker.mjs", import.meta.url) });
  const context: AppContext = { db: connection.db, clock, config, pdf };
  if (seeding) await seedDemoPrintout(connection.db, { today: systemClock.today(), at: systemClock.now(), publicUrl: config.publicUrl, render: (job) => pdf.render(job) });
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.production ? "production" : "development",
      getLoadContext: (_req, res) => ({ ...context, cspNonce: String(res.locals.nonce ?? "") }),
    }),
  );

  const server = app.listen(config.port, () => {
    console.log(`Delegated Care listening on http://localhost:${config.port}${config.demo ? " (demo data)" : ""}`);
  });

  const stop = () => {
    server.close(async () => {
      await pdf.close();
      connection.sqlite.close();
      process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
