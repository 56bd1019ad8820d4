/**
 * Spreadsheet cells that are safe to open (DESIGN.md §7): text starting
 * with = + - @ (or a tab / carriage return) would run as a formula in
 * Excel; it is prefixed with an apostrophe so it shows as typed.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function safeCellText(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One CSV field, quoted when needed (RFC 4180), formula-safe. */
export function csvField(value: unknown): string {
  const text = safeCellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
