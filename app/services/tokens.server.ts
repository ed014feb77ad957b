import crypto from "node:crypto";

/**
 * Secret tokens for sessions and one-time links (invitations, password resets): 256 random bits
 * given to the browser or put in an email; the database keeps only the SHA-256, so a copy of it
 * cannot be replayed as a session or a link (docs/decisions/005-sessions-and-passwords.md).
 */
export function newSecretToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashSecretToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
