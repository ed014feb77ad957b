import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * The server's log: one JSON object a line (pino), so a value a client sent (a newline, a NUL,
 * a fake log line in redirectTo) stays inside its quoted string and cannot forge or corrupt a
 * line (issue 12, finding 10). Every line about a request carries its requestId.
 *
 * Lines go to standard output; warnings and errors to standard error instead.
 *
 * Never logged: passwords, NHS numbers, session cookies. Keys that hold them are redacted
 * wherever they appear, and anything shaped like an NHS number in free text (an error
 * message, a stack) is masked.
 */
const SECRET_KEYS = ["password", "current", "confirm", "nhsNumber", "nhs_number", "cookie", "authorization", "sessionSecret", "set-cookie"];

const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [`["${k}"]`, `*["${k}"]`, `*.*["${k}"]`]);

const NHS_NUMBER_LIKE = /(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)/g;

/** Free text with anything shaped like an NHS number masked. */
export function scrub(text: string): string {
  return text.replace(NHS_NUMBER_LIKE, "[nhs number]");
}

function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  return { type: error.name, message: scrub(error.message), stack: error.stack ? scrub(error.stack) : undefined };
}

/** Information to stdout; warnings and errors to stderr (each line once). Written synchronously, so nothing is lost on exit. */
function standardStreams(): DestinationStream {
  return pino.multistream(
    [
      { level: "info", stream: pino.destination({ dest: 1, sync: true }) },
      { level: "warn", stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true },
  );
}

export function createLogger(destination: DestinationStream = standardStreams()): Logger {
  return pino(
    {
      base: { service: "delegated-care" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}
