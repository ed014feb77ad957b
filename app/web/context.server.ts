import type { Db } from "~db/client";
import type { Clock } from "~/services/clock.server";
import type { Config } from "~/services/config.server";
import type { Logger } from "~/services/log.server";
import type { PdfRenderer } from "~/services/pdf-pool.server";

/** What the server hands every loader and action. */
export type AppContext = {
  db: Db;
  clock: Clock;
  config: Config;
  /** Renders PDFs off the request thread. */
  pdf: PdfRenderer;
  /**
   * The client's address as the server decided it: the connection's, or X-Forwarded-For from a
   * proxy named in TRUSTED_PROXIES. Never read from a request header in the app.
   */
  clientAddress: string;
  /** The server's log (JSON lines), a child carrying this request's id. */
  log: Logger;
  /** This request's id, also sent as X-Request-Id and on every log line about it. */
  requestId?: string;
  /** "Needs your action" for the signed-in actor, worked out once per request (app/web/needs-action.server.ts). */
  needsActionLookup?: ReturnType<typeof import("~/models/home.server").needsAction>;
  /** The signed-in actor, looked up once per request (root and route loaders share it). */
  actorLookup?: Promise<import("~/domain/actor").Actor | null>;
  /** This request's Content-Security-Policy nonce. */
  cspNonce?: string;
  /** Set by an action that rejected its form, so the page title can say "Error:" without JavaScript. */
  formRejected?: boolean;
};
