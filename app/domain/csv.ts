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
