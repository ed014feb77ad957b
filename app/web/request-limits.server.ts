/**
 * Limits on what one request may send, checked by the server before any form is parsed
 * (docs/decisions/011-security-posture.md). Without them, one anonymous request with 80,000
 * fields held the server for every user (issue 12, finding 1).
 */
export type BodyLimit = { bytes: number; fields: number };

export const DEFAULT_BODY_LIMIT: BodyLimit = { bytes: 1_000_000, fields: 1_000 };

/**
 * Forms that need more: the training register sends one field per care worker the actor can
 * train (a facilitator serving many providers may see thousands).
 */
const LARGER_LIMITS: Record<string, BodyLimit> = {
  "/training/new": { bytes: 1_000_000, fields: 20_000 },
};

export function bodyLimitFor(pathname: string): BodyLimit {
  return LARGER_LIMITS[pathname.replace(/\/+$/, "")] ?? DEFAULT_BODY_LIMIT;
}

/**
 * How many fields a body holds, counted without parsing it: `&`-separated pairs for a
 * urlencoded form, parts for multipart; any other body counts as one.
 */
export function countFields(body: Buffer, contentType: string | undefined): number {
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
    const marker = boundary ? Buffer.from(`--${boundary[1] ?? boundary[2]}`) : null;
    if (!marker) return 1;
    return Math.max(0, occurrences(body, marker) - 1);
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type === "") {
    if (body.length === 0) return 0;
    return occurrences(body, Buffer.from("&")) + 1;
  }
  return 1;
}

function occurrences(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

export type BodyCheck = { ok: true } | { ok: false; status: 413; message: string };

export const TOO_LARGE: Exclude<BodyCheck, { ok: true }> = {
  ok: false,
  status: 413,
  message: "Refused: this request is larger than any form of this service sends.",
};

/** The declared size, before reading anything. */
export function checkDeclaredLength(contentLength: string | undefined, limit: BodyLimit): BodyCheck {
  if (contentLength === undefined) return { ok: true };
  const n = Number(contentLength);
  return Number.isFinite(n) && n > limit.bytes ? TOO_LARGE : { ok: true };
}

/** The body as read (at most limit.bytes + 1 bytes are ever held). */
export function checkBody(body: Buffer, contentType: string | undefined, limit: BodyLimit): BodyCheck {
  if (body.length > limit.bytes) return TOO_LARGE;
  if (countFields(body, contentType) > limit.fields) {
    return { ok: false, status: 413, message: `Refused: this request has more than ${limit.fields.toLocaleString("en-GB")} fields, more than any form of this service sends.` };
  }
  return { ok: true };
}
