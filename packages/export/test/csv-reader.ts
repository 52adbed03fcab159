/**
 * RFC 4180 CSV as a spreadsheet reads a file's cells, before it decides
 * what they mean: quoted fields (with "" for a quote, and line breaks
 * inside), commas between fields, CRLF or LF between records.
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** What a spreadsheet makes of a cell's text: a formula when it starts with one of these, else text (a leading ' is hidden). */
export const spreadsheetReads = (cell: string): 'formula' | 'text' => (/^[=+\-@\t\r]/.test(cell) ? 'formula' : 'text');
