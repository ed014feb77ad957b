import { first, inTransaction } from "~/models/transaction.server";
import { createCookie, redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { sessionEnd, type SessionEnd } from "~/domain/accounts";
import type { Actor } from "~/domain/actor";
import { can, type Action, type Entity } from "~/domain/roles";
import { getSettings } from "~/models/settings.server";
import { loadActor } from "~/models/users.server";
import { sessions, users } from "~db/tables";
import type { AppContext } from "~/web/context.server";
import { hashSecretToken as hashToken, newSecretToken } from "~/services/tokens.server";

/** The session cookie (named on /cookies with the sign-in cookies). */
export const COOKIE_NAME = "dc_session";

/**
 * A cookie of the service's: HttpOnly, SameSite=Lax, signed, Secure in production (`maxAge` in
 * seconds, or until the browser closes; `path` where the browser sends it, the whole site unless given).
 */
export function serviceCookie(context: AppContext, name: string, maxAge?: number, path = "/") {
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    secure: context.config.production && !context.config.demo,
    path,
    ...(maxAge ? { maxAge } : {}),
    secrets: [context.config.sessionSecret],
  });
}

function sessionCookie(context: AppContext) {
  return serviceCookie(context, COOKIE_NAME);
}

/**
 * Starts a new session (a new id every sign-in) and returns the Set-Cookie header.
 * `identityProviderId`: signed in with that organisation's account (its sign-out is offered after ours).
 */
export async function startSession(context: AppContext, request: Request, userId: number, { identityProviderId = null }: { identityProviderId?: number | null } = {}): Promise<string> {
  const { db, clock } = context;
  const now = clock.now();
  const settings = await getSettings(db);
  const token = newSecretToken();
  await inTransaction(db, async (tx) => {
    await tx.insert(sessions)
      .values({
        id: hashToken(token),
        userId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + settings.sessionAbsoluteHours * 3_600_000).toISOString(),
        ipAddress: context.clientAddress,
        userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
        identityProviderId,
      });
    await tx.update(users).set({ lastSignedInAt: now.toISOString() }).where(eq(users.id, userId));
  });
  return sessionCookie(context).serialize(token);
}

async function readToken(context: AppContext, request: Request): Promise<string | null> {
  const value = await sessionCookie(context).parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in actor, or null when there is no live session. Looked up once per request. */
export function getActor(context: AppContext, request: Request): Promise<Actor | null> {
  context.actorLookup ??= lookupActor(context, request);
  return context.actorLookup;
}

/** Why this request's session ended without the user signing out (idle or too long), when it did. */
const endedSessions = new WeakMap<AppContext, SessionEnd>();

async function lookupActor(context: AppContext, request: Request): Promise<Actor | null> {
  const token = await readToken(context, request);
  if (!token) return null;
  const { db, clock } = context;
  const id = hashToken(token);
  const session = await first(db.select().from(sessions).where(eq(sessions.id, id)).limit(1));
  if (!session) return null;
  if (session.endedAt) {
    // Ended earlier by a limit (not by signing out, which also clears the cookie): say why again.
    if (session.endReason === "idle" || session.endReason === "expired") endedSessions.set(context, session.endReason);
    return null;
  }
  const now = clock.now();
  const settings = await getSettings(db);
  const ended = sessionEnd(session, now, { idleMinutes: settings.sessionIdleMinutes });
  if (ended) {
    await inTransaction(db, async (tx) => {
      await tx.update(sessions).set({ endedAt: now.toISOString(), endReason: ended }).where(eq(sessions.id, id));
    });
    endedSessions.set(context, ended);
    return null;
  }
  const actor = await loadActor(db, session.userId);
  if (!actor) return null;
  // Touch at most once a minute: enough for the idle timeout, cheap on every request.
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    await inTransaction(db, async (tx) => {
      await tx.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
    });
  }
  return actor;
}

/**
 * The signed-in actor; otherwise a redirect to sign in that comes back here. When a limit ended
 * the session (idle, or signed in too long), the sign-in page is told why (`reason`), so the
 * user learns what happened to the form they were sending and returns to the same page.
 */
export async function requireActor(context: AppContext, request: Request): Promise<Actor> {
  const actor = await getActor(context, request);
  if (actor) return actor;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const reason = endedSessions.get(context);
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}${reason ? `&reason=${reason}` : ""}`);
}

/** Requires a permission; a user without it gets a 403 page, never the data. */
export async function requirePermission(
  context: AppContext,
  request: Request,
  action: Action,
  entity: Entity,
): Promise<Actor> {
  const actor = await requireActor(context, request);
  if (!can(actor.role, action, entity)) {
    throw new Response("You do not have permission to do this", { status: 403, statusText: "Forbidden" });
  }
  return actor;
}

export async function endSession(context: AppContext, request: Request): Promise<string> {
  const token = await readToken(context, request);
  if (token) {
    await inTransaction(context.db, async (tx) => {
      await tx
        .update(sessions)
        .set({ endedAt: context.clock.now().toISOString() })
        .where(eq(sessions.id, hashToken(token)));
    });
  }
  return sessionCookie(context).serialize("", { maxAge: 0 });
}

/** Any control character, including the Unicode line and paragraph separators. */
const CONTROL_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Stands in for this service's own origin: only where a target resolves, not where the service is. */
const OWN_ORIGIN = "https://this-service.invalid";

/**
 * Where to go after signing in: a path on this site, or `fallback`. The value is resolved
 * against the service's own origin, as a browser would, and kept only when the origin is
 * still ours; any control character refuses it outright (a browser drops a tab or newline:
 * `/\t/evil.example` would have gone to evil.example). What is returned is the resolved path,
 * so it is always a valid Location header (issue 12, findings 3 and 9).
 */
export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || CONTROL_CHARACTER.test(value)) return fallback;
  let target: URL;
  try {
    target = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (target.origin !== OWN_ORIGIN) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}

/** The stored id (hash) of this request's session, to keep it when others are ended. */
export async function currentSessionId(context: AppContext, request: Request): Promise<string | null> {
  const token = await readToken(context, request);
  return token ? hashToken(token) : null;
}
