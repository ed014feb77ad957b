import crypto from "node:crypto";

/** A fresh nonce for each page's scripts. */
export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/** Content-Security-Policy: only this site's scripts (and Remix's inline ones, by nonce). */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request refusal: a request that could change something must come from a page of
 * this site, as its Origin (or, failing that, Referer) header shows. Neither header: refused.
 */
export function isCrossSite(
  { method, origin, referer, host }: { method: string; origin?: string; referer?: string; host?: string },
  publicUrl: string,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const source = origin && origin !== "null" ? origin : referer;
  if (!source) return true;
  let sourceUrl: URL;
  try {
    sourceUrl = new URL(source);
  } catch {
    return true;
  }
  if (host && sourceUrl.host === host) return false;
  return sourceUrl.origin !== new URL(publicUrl).origin;
}
