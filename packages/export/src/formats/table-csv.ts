import type { QueryValue } from '@kg/neo4j/query-values';

/**
 * Query results as CSV for spreadsheets (kg query --format csv, the
 * console's "CSV" download). A spreadsheet takes a cell that starts with
 * =, +, -, @, a tab or a carriage return for a formula, and such text can
 * come from an article (a title, a name, a quoted statement). As OWASP's
 * "CSV Injection" advises, such a cell is prefixed with a single quote
 * and quoted, so that it shows as the text it is and runs nothing; numbers
 * stay numbers. The neo4j-admin CSV export (csv.ts) stays exact: it feeds
 * a database, not a spreadsheet.
 *
 * Browser-safe (no Node imports): the viewer's bundle uses it too.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet may safely read it: quoted when needed, a leading quote before a formula character. */
export function spreadsheetCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return safe !== text || /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A result value as cell text: null empty, numbers and booleans as they are, nodes, lists and maps as JSON. */
function cellText(v: QueryValue | undefined): { text: string; number: boolean } {
  if (v === null || v === undefined) return { text: '', number: false };
  if (typeof v === 'number') return { text: String(v), number: true };
  if (typeof v === 'object') return { text: JSON.stringify(v), number: false };
  return { text: String(v), number: false };
}

/** The header row and one row per result row, lines ended by \n. */
export function toSpreadsheetCsv(columns: readonly string[], rows: readonly Record<string, QueryValue>[]): string {
  const cell = (v: QueryValue | undefined) => {
    const { text, number } = cellText(v);
    // -5 from the database is a number, not a formula: it stays -5.
    return number ? text : spreadsheetCell(text);
  };
  const lines = [columns.map(spreadsheetCell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\n')}\n`;
}
