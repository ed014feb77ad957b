import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { databaseEngine, localFilesFolder } from "~db/engine-name";

const PUBLIC_URL_EXAMPLE = "https://delegated-care.your-trust.nhs.uk";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, "DATABASE_URL must be a file path, for example data/delegated-care.db, or a postgres:// address")
    .default("data/delegated-care.db")
    .transform((v) => v.replace(/^file:/, ""))
    .refine((v) => databaseEngine(v) === "sqlite" || URL.canParse(v), "DATABASE_URL must be a file path, for example data/delegated-care.db, or a postgres:// address such as postgres://user@db.example:5432/delegated_care"),
  PORT: z.coerce
    .number({ message: "PORT must be a whole number from 1 to 65535" })
    .int("PORT must be a whole number from 1 to 65535")
    .min(1, "PORT must be a whole number from 1 to 65535")
    .max(65535, "PORT must be a whole number from 1 to 65535")
    .default(3000),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET must be at least 32 characters (try: openssl rand -hex 32)")
    .optional(),
  /** The address people reach the service at; printed on PDFs with the verification code, and in email links. */
  PUBLIC_URL: z.url(`PUBLIC_URL must be a full address such as ${PUBLIC_URL_EXAMPLE}`).optional(),
  /** Server processes sharing the port (node:cluster): 1 by default; more use more cores. */
  WEB_CONCURRENCY: z.coerce
    .number({ message: "WEB_CONCURRENCY must be a whole number from 1 to 64" })
    .int("WEB_CONCURRENCY must be a whole number from 1 to 64")
    .min(1, "WEB_CONCURRENCY must be a whole number from 1 to 64")
    .max(64, "WEB_CONCURRENCY must be a whole number from 1 to 64")
    .default(1),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Delegated Care <no-reply@delegated-care.local>"),
  /**
   * The reverse proxies whose X-Forwarded-For is believed: comma-separated IP addresses or
   * CIDR ranges (or loopback, linklocal, uniquelocal). Unset: none, and the client address is
   * the connection's own.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const entries = (v ?? "").split(",").map((e) => e.trim()).filter(Boolean);
      for (const e of entries) {
        if (!isProxyEntry(e)) {
          ctx.addIssue({ code: "custom", message: `"${e}" is not an IP address or CIDR range (for example 10.0.0.5 or 10.0.0.0/24)` });
          return z.NEVER;
        }
      }
      return entries;
    }),
});

/** Host names that never reach a real deployment: this machine, and names kept for examples and tests (RFC 2606, RFC 6761). */
const LOCAL_HOSTS = /^(localhost|.*\.localhost|0\.0\.0\.0|127(\.\d{1,3}){3}|\[::1?\]|(.*\.)?example\.(com|org|net)|.*\.(example|test|invalid|local))$/i;

/**
 * Why a PUBLIC_URL cannot be the address of a real deployment, or null when it can. Printouts
 * carry it with their verification code (and a QR code of it), and emails link to it: an address
 * on this machine, an example one or plain http would send everyone holding a printout nowhere,
 * or somewhere unsafe.
 */
export function publicUrlProblem(value: string | undefined): string | null {
  const set = `(set PUBLIC_URL to the https address people reach Delegated Care at, for example PUBLIC_URL=${PUBLIC_URL_EXAMPLE})`;
  if (!value?.trim()) return `PUBLIC_URL: required in production: it is printed on every PDF for checking the printout, and starts every link in an email ${set}`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `PUBLIC_URL: "${value}" is not a full address ${set}`;
  }
  if (url.protocol !== "https:") return `PUBLIC_URL: "${value}" must start with https:// in production ${set}`;
  if (LOCAL_HOSTS.test(url.hostname)) return `PUBLIC_URL: "${value}" is an address on this machine or an example one, which nobody holding a printout can reach ${set}`;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") return `PUBLIC_URL: "${value}" must be the service's address alone, with no path, query or sign-in details ${set}`;
  return null;
}

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const family = net.isIP(address ?? "");
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export type Config = {
  production: boolean;
  /** Demo mode: seeds an empty database and keeps a generated session secret in the data folder. */
  demo: boolean;
  databaseUrl: string;
  port: number;
  /** Server processes sharing the port (WEB_CONCURRENCY). */
  processes: number;
  sessionSecret: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); empty: none. */
  trustedProxies: string[];
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * Reads and checks the environment once, at start. Throws ConfigError listing every problem.
 * Outside production (or in demo mode) a missing SESSION_SECRET is generated once and kept
 * beside the database, so sessions survive a restart.
 */
export function loadConfig(env: Record<string, string | undefined>, options: { demo: boolean }): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  // A real deployment (production, not the demo on this machine) needs its own secret and address.
  if (production && !options.demo) {
    const problems = [e.SESSION_SECRET ? null : "SESSION_SECRET: required in production (try: openssl rand -hex 32)", publicUrlProblem(e.PUBLIC_URL)].filter((p) => p !== null);
    if (problems.length) throw new ConfigError(problems);
  }
  if (e.WEB_CONCURRENCY > 1 && e.DATABASE_URL === ":memory:") {
    throw new ConfigError(["WEB_CONCURRENCY: several server processes need a database file they share, not :memory:"]);
  }
  const sessionSecret = e.SESSION_SECRET ?? localSessionSecret(e.DATABASE_URL);
  return {
    production,
    demo: options.demo,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    processes: e.WEB_CONCURRENCY,
    sessionSecret,
    // The demo and development answer on this machine, so their printouts point here.
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).trim().replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL?.trim() ? e.SMTP_URL.trim() : null,
    mailFrom: e.MAIL_FROM,
    trustedProxies: e.TRUSTED_PROXIES,
  };
}

function localSessionSecret(databaseUrl: string): string {
  const folder = localFilesFolder(databaseUrl);
  const file = path.join(folder, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(folder, { recursive: true });
  const secret = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * For command-line jobs (the digest): what they need, without a session secret. A job that sends
 * links (`sendsLinks`) in production needs a real PUBLIC_URL, as the server does.
 */
export function loadJobConfig(env: Record<string, string | undefined>, { sendsLinks = false }: { sendsLinks?: boolean } = {}) {
  const parsed = EnvSchema.omit({ SESSION_SECRET: true, WEB_CONCURRENCY: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = parsed.data;
  const problem = sendsLinks && e.NODE_ENV === "production" ? publicUrlProblem(e.PUBLIC_URL) : null;
  if (problem) throw new ConfigError([problem]);
  return {
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL?.trim() ? e.SMTP_URL.trim() : null,
    mailFrom: e.MAIL_FROM,
  };
}
