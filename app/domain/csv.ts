/**
 * CSV that opens cleanly in Excel and LibreOffice: UTF-8 with a byte order mark, CRLF line
 * ends, every field quoted, and cells that a spreadsheet would run as a formula
 * made inert with a leading apostrophe (OWASP CSV injection): one starting =, +, -, @ or their
 * fullwidth forms ＝ ＋ － ＠ (spreadsheets fold those to the ASCII ones), also after leading
 * spaces, tabs, carriage returns or new lines, and one starting with a tab, carriage return or
 * new line (issue 12, finding 12).
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/*
 * How every CSV export names people and records (decision record 018). A spreadsheet leaves the
 * service: it is forwarded, printed and kept, so each row must say whom it is about without the
 * screen around it, and carry no more about a person than the reader needs.
 *
 * - A care worker: three columns, always: name as entered, staff number, provider (a name alone
 *   is ambiguous when two workers share it, docs/domain.md rule 19).
 * - A person receiving care: by the reference of each agreement the row concerns; besides it,
 *   their initials only, as on the page and in emails (docs/domain.md rules 15 and 18). The full
 *   name only where no agreement identifies the record and the reader has the person in scope
 *   (a person-specific competency in the training matrix). Never an NHS number or date of birth.
 * - Dates as the page shows them ("21 November 2026"); an empty value is a word, never a blank.
 */

/** The columns that name a care worker. */
export const WORKER_COLUMNS = ["Care worker", "Staff number", "Provider"] as const;

/** A care worker's cells under WORKER_COLUMNS. */
export function workerCells(worker: { name: string; staffNumber: string | null | undefined; providerName: string }): string[] {
  return [worker.name, worker.staffNumber?.trim() || "Not recorded", worker.providerName];
}

/** The column of agreement references a row concerns. */
export const AGREEMENTS_COLUMN = "Agreements";

/** Every agreement a row concerns, by reference: "DA-2026-000003; DA-2026-000007", or "None". */
export function agreementsCell(references: readonly string[] | null | undefined): string {
  const unique = [...new Set(references ?? [])];
  return unique.length ? unique.join("; ") : "None";
}

/** The column that identifies a person receiving care where an agreement reference is not enough. */
export const PERSON_INITIALS_COLUMN = "Person (initials)";

/** A person by initials ("E. C."), or "Not applicable" for a row about no one person. */
export function personInitialsCell(initials: string | null | undefined): string {
  return initials || "Not applicable";
}
