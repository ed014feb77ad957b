import crypto from "node:crypto";
import fs from "node:fs";
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
});

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
