import crypto from "node:crypto";

/**
 * Authenticator secrets are sealed before they are stored: AES-256-GCM under a key derived (HKDF)
 * from SESSION_SECRET, with the user's id as associated data, so a copy of the database alone
 * does not give anyone a user's codes, and a sealed secret copied to another user's row does not
 * open (docs/decisions/023). The same seal carries a set-up's new secret in its form between
 * showing the QR code and confirming it, so nothing is written before the user confirms.
 */
export type SecretKey = Buffer;

export function twoFactorKey(sessionSecret: string): SecretKey {
  return Buffer.from(crypto.hkdfSync("sha256", sessionSecret, "delegated-care", "two-factor secret v1", 32));
}

/** A new random secret for an authenticator app: 160 bits (RFC 4226's recommendation), in base32. */
export function newTotpSecret(): string {
  const bytes = crypto.randomBytes(20);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const b of bytes) bits += b.toString(2).padStart(8, "0");
  let out = "";
  for (let i = 0; i + 5 <= bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to `purpose` and the user. */
export function sealSecret(key: SecretKey, secret: string, binding: { userId: number; purpose: string; expiresAt?: string }): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad(binding)));
  const body = Buffer.concat([cipher.update(JSON.stringify({ s: secret, e: binding.expiresAt ?? null }), "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The secret, or null when the seal is not ours, was made for another user or purpose, was changed, or has expired. */
export function openSecret(key: SecretKey, sealed: unknown, binding: { userId: number; purpose: string }, now?: Date): string | null {
  if (typeof sealed !== "string" || sealed.length > 500) return null;
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad(binding)));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    const parsed = JSON.parse(plain) as { s?: unknown; e?: unknown };
    if (typeof parsed.s !== "string") return null;
    if (typeof parsed.e === "string" && now && new Date(parsed.e).getTime() <= now.getTime()) return null;
    return parsed.s;
  } catch {
    return null;
  }
}

function aad({ userId, purpose }: { userId: number; purpose: string }): string {
  return `${purpose}:${userId}`;
}

export function hashRecoveryCode(normalised: string): string {
  return crypto.createHash("sha256").update(`recovery:${normalised}`).digest("hex");
}
