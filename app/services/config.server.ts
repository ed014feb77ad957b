import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, "DATABASE_URL must be a file path, for example data/delegated-care.db")
    .default("data/delegated-care.db")
    .transform((v) => v.replace(/^file:/, "")),
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
  /** The address people reach the service at; printed on PDFs with the verification code. */
  PUBLIC_URL: z.url("PUBLIC_URL must be a full address such as https://delegated-care.example.nhs.uk").optional(),
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
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (production && !options.demo) {
      throw new ConfigError(["SESSION_SECRET: required in production (try: openssl rand -hex 32)"]);
    }
    sessionSecret = localSessionSecret(e.DATABASE_URL);
  }
  return {
    production,
    demo: options.demo,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    sessionSecret,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL?.trim() ? e.SMTP_URL.trim() : null,
    mailFrom: e.MAIL_FROM,
    trustedProxies: e.TRUSTED_PROXIES,
  };
}

function localSessionSecret(databaseUrl: string): string {
  const folder = databaseUrl === ":memory:" ? path.resolve("data") : path.dirname(path.resolve(databaseUrl));
  const file = path.join(folder, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(folder, { recursive: true });
  const secret = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** For command-line jobs (the digest): what they need, without a session secret. */
export function loadJobConfig(env: Record<string, string | undefined>) {
  const parsed = EnvSchema.omit({ SESSION_SECRET: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL?.trim() ? e.SMTP_URL.trim() : null,
    mailFrom: e.MAIL_FROM,
  };
}
