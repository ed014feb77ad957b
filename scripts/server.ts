/**
 * Starts Delegated Care: checks configuration, migrates the database, seeds demo data when
 * asked, then serves the Remix build with express.
 *
 *   tsx scripts/server.ts [--demo]
 */
import cluster from "node:cluster";
import { format } from "node:util";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import nodemailer from "nodemailer";
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { fileClock, systemClock } from "~/services/clock.server";
import { ConfigError, loadConfig, type Config } from "~/services/config.server";
import { startMailer } from "~/services/mail.server";
import type { AppContext } from "~/web/context.server";
import { createLogger } from "~/services/log.server";
import { createPdfPool } from "~/services/pdf-pool.server";
import { bodyLimitFor, checkBody, checkDeclaredLength, TOO_LARGE, type BodyCheck } from "~/web/request-limits.server";
import { contentSecurityPolicy, crossSiteRefusal, newNonce } from "~/web/request-guards.server";
import { ServerLockHeld, takeServerLock } from "~/services/server-lock.server";
import { connect, type Connection } from "~db/client";
import { databaseEngine } from "~db/engine-name";
import { openMigrated } from "~db/migrate";
import { isEmpty, seedDemoData } from "~db/seed";
import { seedDemoPrintout } from "~db/seed-agreements";
import { DEMO_PROVIDER, demoAccounts, demoClientSecret, demoIssuer, followDemoAddress } from "~db/seed-identity-providers";
import { signInServiceOrigins } from "~/models/identity-providers.server";
import { readArgs } from "./cli-args";

const log = createLogger();

/**
 * What libraries print with console (the demo's OpenID provider warns that it is a demo) goes to
 * the server's log as JSON lines, like everything else the server says.
 */
console.warn = (...args: unknown[]) => log.warn(format(...args));
console.info = (...args: unknown[]) => log.info(format(...args));

const ArgsSchema = z.object({
  demo: z.boolean(),
  testClockFile: z.string().min(1).optional(),
});
type Args = z.infer<typeof ArgsSchema>;

function parseArgs(argv: string[]) {
  const usage = "tsx scripts/server.ts [--demo] [--test-clock-file=<path>]";
  const report = (message: string) => log.fatal(message);
  const { values } = readArgs(argv, { options: { demo: { type: "boolean", default: false }, "test-clock-file": { type: "string" } }, usage, report });
  const parsed = ArgsSchema.safeParse({ demo: values.demo, testClockFile: values["test-clock-file"] });
  if (!parsed.success) {
    log.fatal(`Usage: ${usage}\n${parsed.error.message}`);
    process.exit(1);
  }
  if (parsed.data.testClockFile && !parsed.data.demo) {
    log.fatal("--test-clock-file is for end-to-end tests and only runs with --demo: it never moves a real deployment's clock.");
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
      log.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }

  // The processes of a server with WEB_CONCURRENCY above 1: the first one has prepared the database.
  if (cluster.isWorker) return serve(args, config, await connect(config.databaseUrl), { seeding: false });

  // PostgreSQL: every host migrates on start, taking turns (db/migrate.ts). An SQLite file belongs
  // to one server, whose lock keeps a second one away.
  const connection = await openMigrated(config.databaseUrl);
  if (databaseEngine(config.databaseUrl) === "sqlite" && config.databaseUrl !== ":memory:") {
    try {
      takeServerLock(config.databaseUrl);
    } catch (error) {
      if (!(error instanceof ServerLockHeld)) throw error;
      log.fatal(error.message);
      process.exit(1);
    }
  }
  const seeding = config.demo && await isEmpty(connection.db);
  if (seeding) {
    const started = Date.now();
    await seedDemoData(connection.db, { clock: systemClock, publicUrl: config.publicUrl });
    log.info(`Demo data written in ${Date.now() - started} ms`);
  }
  if (config.processes === 1) return serve(args, config, connection, { seeding });

  if (seeding) {
    const pdf = createPdfPool({ workerUrl: PDF_WORKER });
    await printDemoAgreement(connection, config, pdf);
    await pdf.close();
  }
  await connection.close();
  // The pretend sign-in service keeps a sign-in's steps in the memory of the process that began it.
  if (config.demo) log.warn("The demo's pretend organisation sign-in service works with one server process (WEB_CONCURRENCY=1): with more, its sign-ins can fail.");
  superviseProcesses(config);
}

/**
 * WEB_CONCURRENCY above 1: this process starts that many server processes sharing the port
 * (node:cluster), starts another in place of one that stops, and stops them all on SIGTERM or
 * SIGINT. Each sends email too: a message is claimed before it is sent, so it goes once.
 */
function superviseProcesses(config: Config) {
  let stopping = false;
  let listening = 0;
  const quickExits: number[] = [];
  const start = () => cluster.fork();
  for (let i = 0; i < config.processes; i++) start();
  cluster.on("listening", () => {
    if (++listening === config.processes) {
      log.info(`Delegated Care listening on http://localhost:${config.port} with ${config.processes} server processes${config.demo ? " (demo data)" : ""}; printouts and emails point to ${config.publicUrl}`);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(process.exitCode ?? 0);
      return;
    }
    // A process that keeps stopping as soon as it starts (a broken build, a database it cannot open) stops the server.
    const now = Date.now();
    quickExits.push(now);
    while (quickExits.length && now - quickExits[0]! > 60_000) quickExits.shift();
    if (quickExits.length > config.processes * 3) {
      log.fatal(`Server processes keep stopping (the last: ${signal ?? `exit code ${code}`}); stopping the server`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exitCode = 1;
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(1);
      return;
    }
    log.error(`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`);
    start();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** The worker thread that renders PDFs (app/services/pdf-pool.server.ts). */
const PDF_WORKER = new URL("../app/pdf/render-worker.mjs", import.meta.url);

/** The demo's stored printout of its suspended agreement, written with the demo data by whichever process wrote them. */
function printDemoAgreement(connection: Connection, config: Config, pdf: ReturnType<typeof createPdfPool>) {
  return seedDemoPrintout(connection.db, { today: systemClock.today(), at: systemClock.now(), publicUrl: config.publicUrl, render: (job) => pdf.render(job) });
}

/** Serves the app from this process: the only one, or one of WEB_CONCURRENCY. */
async function serve(args: Args, config: Config, connection: Connection, { seeding }: { seeding: boolean }) {
  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-* are believed only from the proxies named in TRUSTED_PROXIES (none by default).
  app.set("trust proxy", config.trustedProxies.length ? config.trustedProxies : false);
  const trustedProxy = app.get("trust proxy fn") as (address: string, hop: number) => boolean;
  app.use((req, res, next) => {
    const requestId = crypto.randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (!trustedProxy(req.socket.remoteAddress ?? "", 0)) {
      // From anyone else they are made up: drop them so neither the app nor Remix reads them.
      for (const h of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"]) delete req.headers[h];
    }
    const started = performance.now();
    // The path only: query strings can carry personal data.
    res.on("finish", () =>
      log.info({ requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started), client: req.ip }, "request"),
    );
    next();
  });
  app.use(compression());
  if (config.demo) {
    // Demo mode only: a pretend "NHS Care Identity Service 2" (a real OpenID provider) to try
    // "Sign in with …" at /login. It reads its own requests, so it comes before the app's guards.
    await followDemoAddress(connection.db, config.publicUrl);
    const secret = demoClientSecret(config.databaseUrl);
    // Loaded only here: no deployment loads the pretend provider at all.
    const { identityProviderRouter } = await import("./identity-provider");
    app.use(
      identityProviderRouter({
        issuer: demoIssuer(config.publicUrl),
        title: DEMO_PROVIDER.name,
        client: {
          clientId: DEMO_PROVIDER.clientId,
          clientSecret: secret,
          redirectUris: [`${config.publicUrl}/organisation-sign-in/${DEMO_PROVIDER.key}/callback`],
          postLogoutRedirectUris: [`${config.publicUrl}/login`],
        },
        accounts: async () => await demoAccounts(connection.db),
        cookieSecret: config.sessionSecret,
      }),
    );
  }
  app.use((req, res, next) => {
    // The sign-in page's "Sign in with …" buttons lead on to the organisations' sign-in services.
    const origins = req.path === "/login" ? signInServiceOrigins(connection.db) : Promise.resolve([]);
    origins.then((list) => securityHeaders(req, res, next, list), next);
  });
  const securityHeaders = (req: ExpressRequest, res: ExpressResponse, next: NextFunction, signInOrigins: string[]) => {
    const nonce = newNonce();
    res.locals.nonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, signInOrigins));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    if (config.production && !config.demo) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    const refusal = crossSiteRefusal({ method: req.method, origin: req.get("origin"), referer: req.get("referer"), host: effectiveHost(req) });
    if (refusal) {
      res.status(403).type("text/plain").send(refusal);
      return;
    }
    next();
  };
  app.use(readLimitedBody);
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  const clock = args.testClockFile ? fileClock(args.testClockFile) : systemClock;
  if (args.testClockFile) log.info(`Test clock: reading "now" from ${args.testClockFile}`);
  const pdf = createPdfPool({ workerUrl: PDF_WORKER });
  const context: AppContext = { db: connection.db, clock, config, pdf, clientAddress: "", log };
  if (seeding) await printDemoAgreement(connection, config, pdf);
  const handleRequest = createRequestHandler(build, config.production ? "production" : "development");
  app.all("*", async (req, res, next) => {
    try {
      const requestId = String(res.locals.requestId);
      const response = await handleRequest(remixRequest(req, res), {
        ...context,
        cspNonce: String(res.locals.nonce ?? ""),
        // The client address the app sees is decided here only (with TRUSTED_PROXIES), never read from a header by the app.
        clientAddress: req.ip ?? "",
        requestId,
        log: log.child({ requestId }),
      });
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, _next: NextFunction) => {
    log.error({ requestId: res.locals.requestId, err: error }, "request failed");
    if (res.headersSent) return void res.end();
    res.status(500).type("text/plain").send(`Sorry, there is a problem with the service. Reference: ${String(res.locals.requestId)}`);
  });

  // Email goes out as soon as it is queued when SMTP_URL is set; otherwise it waits in the outbox for the digest job.
  const mailer = config.smtpUrl
    ? startMailer({ db: connection.db, transport: nodemailer.createTransport(config.smtpUrl), from: config.mailFrom, onError: (err) => log.error({ err }, "sending email failed") })
    : null;

  const server = app.listen(config.port, () => {
    if (cluster.isPrimary) log.info(`Delegated Care listening on http://localhost:${config.port}${config.demo ? " (demo data)" : ""}; printouts and emails point to ${config.publicUrl}`);
  });

  const stop = () => {
    server.close(async () => {
      await pdf.close();
      await mailer?.close();
      await connection.close();
      process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** The host the browser addressed: X-Forwarded-Host (kept only from a trusted proxy), else Host. As Remix reads it. */
function effectiveHost(req: ExpressRequest): string | undefined {
  return req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
}

function refuse(res: ExpressResponse, check: Exclude<BodyCheck, { ok: true }>) {
  log.warn({ requestId: res.locals.requestId, status: check.status }, check.message);
  res.status(check.status).set("Connection", "close").type("text/plain").send(check.message);
}

/**
 * Reads a request body up to its route's limit before anything parses it: too large, or too
 * many fields, is a 413 (request-limits.server.ts). The body is kept for the Remix request.
 */
function readLimitedBody(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = bodyLimitFor(req.path);
  const declared = checkDeclaredLength(req.get("content-length"), limit);
  if (!declared.ok) {
    req.resume();
    return refuse(res, declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  req.on("data", (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > limit.bytes) {
      settled = true;
      req.resume();
      return refuse(res, TOO_LARGE);
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (settled) return;
    settled = true;
    const body = Buffer.concat(chunks, size);
    const check = checkBody(body, req.get("content-type"), limit);
    if (!check.ok) return refuse(res, check);
    res.locals.body = body;
    next();
  });
  req.on("error", (error) => {
    if (settled) return;
    settled = true;
    next(error);
  });
}

/** The Fetch Request Remix handles, as @remix-run/express builds it, with the body already read. */
function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const [, portText] = effectiveHost(req)?.split(":") ?? [];
  const port = Number.parseInt(portText ?? "", 10);
  const url = new URL(`${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}${req.originalUrl}`);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value ? [value] : []) headers.append(key, v);
  }
  const body = res.locals.body as Buffer | undefined;
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body ?? []),
  });
}

async function sendRemixResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

main().catch((error) => {
  log.fatal({ err: error }, "the server could not start");
  process.exit(1);
});
