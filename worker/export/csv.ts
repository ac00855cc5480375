/** RFC 4180 CSV that spreadsheets open safely. */

/**
 * What a spreadsheet may take for the start of a formula: = + - @ tab CR, their full-width
 * (＝＋－＠) and small (﹦﹢﹣﹫) forms, which IMEs type and spreadsheets fold into ASCII, and the
 * minus sign; possibly behind spaces and invisible characters (zero-width, soft hyphen,
 * direction marks and isolates, BOM) that a reader cannot see in the cell.
 */
const FORMULA_START =
  /^[\s\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/;

/**
 * One cell: quoted when it holds a comma, quote or line break; and a cell that
 * a spreadsheet would read as a formula gets a leading apostrophe, as OWASP's
 * CSV-injection guidance recommends.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",");
}

/** A whole document: header, rows, CRLF line ends, a trailing CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map(csvRow).join("\r\n") + "\r\n";
}
