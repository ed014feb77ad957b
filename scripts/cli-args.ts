import { z } from "zod";
import { isIsoDate } from "~/domain/dates";

const Today = z.string().refine(isIsoDate, "--today must be a real date written YYYY-MM-DD");

/** `--today YYYY-MM-DD` or `--today=YYYY-MM-DD`, checked; exits 1 with a message when wrong. */
export function parseToday(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === "--today" || a.startsWith("--today="));
  if (i === -1) return undefined;
  const value = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  const parsed = Today.safeParse(value ?? "");
  if (!parsed.success) {
    console.error(parsed.error.issues[0]?.message);
    process.exit(1);
  }
  return parsed.data;
}
