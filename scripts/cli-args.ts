/**
 * Command-line arguments for the scripts, read by node's own `parseArgs` (decision 027). A wrong
 * argument stops the script with exit code 1 and a plain message: what is wrong, then how to use it.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { isIsoDate } from "~/domain/dates";

type Config = Pick<ParseArgsConfig, "options" | "allowPositionals">;

export function readArgs<const T extends Config>(
  argv: string[],
  config: T & { usage: string; report?: (message: string) => void },
): ReturnType<typeof parseArgs<T & { args: string[]; strict: true }>> {
  const { usage, report = console.error, ...parse } = config;
  try {
    return parseArgs({ ...(parse as unknown as T), args: argv, strict: true });
  } catch (error) {
    return stop(`${plainProblem(error)}\nUsage: ${usage}`, report);
  }
}

/** `--today YYYY-MM-DD` as read by readArgs: checked, or stop with a message. */
export function checkToday(value: string | undefined, usage: string): string | undefined {
  if (value === undefined || isIsoDate(value)) return value;
  return stop(`--today must be a real date written YYYY-MM-DD\nUsage: ${usage}`);
}

export function stop(message: string, report: (message: string) => void = console.error): never {
  report(message);
  process.exit(1);
}

function plainProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? /'([^']+)'/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Unknown argument: ${option}`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `Unexpected argument: ${option}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take an argument/.test(message) ? `${option} takes no value` : `${option} needs a value`;
  }
  throw error;
}

/** The one file a script works on (`npm run db:backup -- <file>`), or stop with a message. */
export function oneFile(argv: string[], usage: string): string {
  const { positionals } = readArgs(argv, { allowPositionals: true, usage });
  if (positionals.length === 1) return positionals[0]!;
  return stop(`${positionals.length ? `Give one file, not ${positionals.length}` : "Name the backup file"}\nUsage: ${usage}`);
}
