/** RFC 4180 CSV that spreadsheets open safely. */

/**
 * One cell: quoted when it holds a comma, quote or line break; and a cell that
 * a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe, as OWASP's CSV-injection guidance recommends.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",");
}

/** A whole document: header, rows, CRLF line ends, a trailing CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map(csvRow).join("\r\n") + "\r\n";
}
