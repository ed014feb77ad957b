/**
 * CSV that opens cleanly in Excel and LibreOffice: UTF-8 with a byte order mark, CRLF line
 * ends, every field quoted, and cells that a spreadsheet would run as a formula
 * (=, +, -, @, tab, carriage return) made inert with a leading apostrophe (OWASP CSV injection).
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
