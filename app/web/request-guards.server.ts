import crypto from "node:crypto";

/** A fresh nonce for each page's scripts. */
export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/** Content-Security-Policy: only this site's scripts (and Remix's inline ones, by nonce). */
/**
 * `formTargets`: other origins a form on this page may lead to. Only the sign-in page has any:
 * its "Sign in with …" buttons post here and are redirected on to the organisation's sign-in
 * service, which Chromium checks against form-action.
 */
export function contentSecurityPolicy(nonce: string, formTargets: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request refusal: a request that could change something must come from a page of
 * this site, as its Origin (or, failing that, Referer) header shows: the same host as the one
 * the request was sent to (Host, or X-Forwarded-Host from a trusted proxy). That is also what
 * Remix itself insists on before an action runs, so a request this lets through never reaches
 * Remix's own check and its 500 (issue 12, finding 9: an Origin equal to PUBLIC_URL with another
 * Host used to pass here). Returns why it is refused, or null.
 */
export function crossSiteRefusal({ method, origin, referer, host }: { method: string; origin?: string; referer?: string; host?: string }): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  // An Origin, when sent, decides (Remix reads only Origin; "null" is a page that will not say).
  const source = origin ?? referer;
  let sourceHost: string | null = null;
  try {
    sourceHost = source && source !== "null" ? new URL(source).host : null;
  } catch {
    sourceHost = null;
  }
  if (!sourceHost) return "Refused: this request did not come from a page of this service.";
  // Compared exactly as Remix compares them.
  if (!host || sourceHost !== host) {
    return "Refused: the page this request came from is not on the address it was sent to. Open the service at its own address and try again.";
  }
  return null;
}
