import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseSerializedGraph } from '@kg/graph-schema';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { readGexf } from '@kg/export';
import { ensureBuilt } from '../src/cli';
import { startViewerServer, type ViewerServer } from '../src/server/index';
import { drawnPixels, launchBrowser, openViewer, screenshot } from './helpers/browser';
import { extractSeeds, seedViewer } from './helpers/neo4j';
import { searchAndPick, waitForLayout } from './helpers/scenario';
import { openConsole, postJson, realErrors, runInConsole, tableRows, typeQuery } from './helpers/console';

// The query console and export, in headless Chromium, on the real seed articles in a real Neo4j.
jest.setTimeout(240_000);

type KgWindow = Window & {
  __kg: {
    model: { graph: import('graphology').default };
    render: { hiddenNodes: Set<string>; focus: Set<string> | null };
  };
};

const graphOrder = (page: Page) => page.evaluate(() => (window as unknown as KgWindow).__kg.model.graph.order);

describe('query console and export on Neo4j (kg ingest data/seeds)', () => {
  let conn: Connection;
  let viewer: Awaited<ReturnType<typeof seedViewer>>;
  let server: ViewerServer;
  let browser: Browser;
  beforeAll(async () => {
    conn = await freshTestDatabase();
    viewer = await seedViewer(conn);
    ({ server, browser } = viewer);
  });
  afterAll(async () => {
    await viewer?.close();
    await conn?.close();
  });

  test('the server listens on 127.0.0.1 unless told otherwise', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('an example query with parameters is drawn as a graph; Back returns to the full graph', async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await waitForLayout(page);
    const fullOrder = await graphOrder(page);
    await openConsole(page);
    // The saved examples are listed; loading one fills in its parameters.
    const names = await page.$$eval('#console [data-example]', (bs) => bs.map((b) => (b as HTMLElement).dataset.example));
    expect(names).toEqual(expect.arrayContaining(['who-met-whom', 'met-in-range', 'positions-on-issue', 'meeting-chain']));
    await page.click('#console [data-example="meeting-chain"]');
    expect(await page.inputValue('#console input[data-param="a"]')).toBe('Putin');
    expect(await page.inputValue('#console input[data-param="b"]')).toBe('Witkoff');
    await runInConsole(page);

    expect(await page.isVisible('#query-banner')).toBe(true);
    expect(await page.isHidden('#console .console-message')).toBe(true);
    const drawn = await page.evaluate(() => {
      const g = (window as unknown as KgWindow).__kg.model.graph;
      return { order: g.order, size: g.size, names: g.filterNodes((_, a) => a.label === 'Actor').map((k) => String(g.getNodeAttribute(k, 'name'))) };
    });
    expect(drawn.order).toBeGreaterThanOrEqual(3);
    expect(drawn.order).toBeLessThan(fullOrder);
    expect(drawn.size).toBe(drawn.order - 1); // a path
    expect(drawn.names.join(' ')).toMatch(/Putin/);
    expect(drawn.names.join(' ')).toMatch(/Witkoff/);
    const { columns, rows } = await tableRows(page);
    expect(columns).toEqual(['#', 'chain', 'meetings', 'path']);
    expect(rows).toHaveLength(1);
    expect(rows[0]![3]).toMatch(/^\(:Actor .*\)-\[:ATTENDED\]->\(:Meeting/);
    await page.waitForSelector('body[data-rendered="true"]');
    await waitForLayout(page);
    expect((await drawnPixels(page)).coloured).toBeGreaterThan(50);
    await screenshot(page, 'console-1-example-graph');

    await page.click('#query-back');
    expect(await page.isHidden('#query-banner')).toBe(true);
    expect(await graphOrder(page)).toBe(fullOrder);
    expect(realErrors(errors)).toEqual([]);
    await page.close();
  });

  test('a scalar query gives a table, as text only', async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await waitForLayout(page);
    const fullOrder = await graphOrder(page);
    await openConsole(page);
    await page.click('#console [data-example="who-met-whom"]');
    await runInConsole(page);
    const { columns, rows } = await tableRows(page);
    expect(columns).toEqual(['#', 'actor', 'other', 'meetings', 'dates', 'statuses']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => /Putin/.test(r.join(' ')) && /Witkoff/.test(r.join(' ')))).toBe(true);
    expect(await page.isHidden('#query-banner')).toBe(true);
    expect(await graphOrder(page)).toBe(fullOrder);
    expect(await page.textContent('#console .console-status')).toMatch(/^\d+ rows? · \d+ ms$/);
    await screenshot(page, 'console-2-table');

    // Markup in a result is shown as text, never parsed.
    await typeQuery(page, `RETURN '<img src=x onerror="window.__xss=1">' AS html, 6 * 7 AS answer, null AS nothing`);
    await runInConsole(page);
    const t = await tableRows(page);
    expect(t.rows).toEqual([['1', '<img src=x onerror="window.__xss=1">', '42', 'null']]);
    expect(await page.$('#console img')).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // Parameters the reader types: found in the query, read as JSON (whole numbers are Cypher integers).
    await typeQuery(page, 'UNWIND range(1, $n) AS x RETURN x * $k AS y, $who AS who');
    await page.fill('#console input[data-param="n"]', '3');
    await page.fill('#console input[data-param="k"]', '2');
    await page.fill('#console input[data-param="who"]', 'Putin');
    await page.click('#console .cm-content');
    await runInConsole(page);
    expect((await tableRows(page)).rows).toEqual([
      ['1', '2', 'Putin'],
      ['2', '4', 'Putin'],
      ['3', '6', 'Putin'],
    ]);

    // A graph result shows every node it returned, even kinds the default filters hide (articles).
    await typeQuery(page, 'MATCH (a:Article) RETURN a');
    await runInConsole(page);
    expect(await page.isVisible('#query-banner')).toBe(true);
    const articles = await page.evaluate(() => {
      const kg = (window as unknown as KgWindow).__kg;
      const g = kg.model.graph;
      return { order: g.order, labels: [...new Set(g.mapNodes((_, a) => a.label))], hidden: kg.render.hiddenNodes.size };
    });
    expect(articles).toEqual({ order: 3, labels: ['Article'], hidden: 0 });
    await page.click('#query-back');
    expect(await graphOrder(page)).toBe(fullOrder);
    expect(realErrors(errors)).toEqual([]);
    await page.close();
  });

  test('writes typed in the console are refused with the reason shown, and nothing changes', async () => {
    const before = await graphCounts(conn);
    expect(before.nodes).toBeGreaterThan(10);
    const { page, errors } = await openViewer(browser, server.url);
    await openConsole(page);
    const attempts = [
      "CREATE (:Actor {id: 'intruder', name: 'Intruder'})",
      "MERGE (a:Actor {id: 'intruder'}) RETURN a",
      'MATCH (n) DETACH DELETE n',
      "MATCH (a:Actor) SET a.name = 'hacked' RETURN count(a)",
      "CALL db.createLabel('X')",
    ];
    for (const cypher of attempts) {
      await typeQuery(page, cypher);
      await runInConsole(page);
      const msg = await page.$eval('#console .console-message', (m) => ({
        hidden: (m as HTMLElement).hidden,
        reason: (m as HTMLElement).dataset.reason,
        text: m.textContent ?? '',
      }));
      expect({ cypher, ...msg, text: undefined }).toEqual({ cypher, hidden: false, reason: 'write', text: undefined });
      expect(msg.text).toMatch(/^Refused: the console runs queries read-only/);
      expect(msg.text).toMatch(/kg runs queries read-only: this query would write/);
      if (cypher.startsWith('MATCH (n) DETACH')) await screenshot(page, 'console-3-write-refused');
    }
    expect(await graphCounts(conn)).toEqual(before);
    const labels = await conn.driver.executeQuery('CALL db.labels() YIELD label RETURN collect(label) AS l', {}, { database: conn.database });
    expect(labels.records[0]!.get('l')).not.toContain('X');
    expect(realErrors(errors)).toEqual([]);
    await page.close();
  });

  test('the API: read-only, row limit and time-out from the environment, JSON from this origin only', async () => {
    const url = `${server.url}api/query`;
    expect(await (await fetch(url)).json()).toEqual({ available: true, limit: 10_000, timeoutMs: 30_000 });
    const saved = { ...process.env };
    try {
      process.env.KG_QUERY_ROW_LIMIT = '5';
      const limited = await postJson(url, { cypher: 'UNWIND range(1, 100) AS x RETURN x' });
      expect(limited.status).toBe(200);
      expect(await limited.json()).toMatchObject({ columns: ['x'], truncated: true, limit: 5, rows: [1, 2, 3, 4, 5].map((x) => ({ x })), graph: null });
      process.env.KG_QUERY_TIMEOUT_MS = '300';
      const slow = await postJson(url, { cypher: 'UNWIND range(1, 300000000) AS x WITH x WHERE x % 1000003 = 7 RETURN count(x) AS n' });
      expect(slow.status).toBe(408);
      expect(await slow.json()).toMatchObject({ reason: 'timeout', error: expect.stringMatching(/300 ms/) });
    } finally {
      process.env.KG_QUERY_ROW_LIMIT = saved.KG_QUERY_ROW_LIMIT;
      process.env.KG_QUERY_TIMEOUT_MS = saved.KG_QUERY_TIMEOUT_MS;
      if (saved.KG_QUERY_ROW_LIMIT === undefined) delete process.env.KG_QUERY_ROW_LIMIT;
      if (saved.KG_QUERY_TIMEOUT_MS === undefined) delete process.env.KG_QUERY_TIMEOUT_MS;
    }
    const write = await postJson(url, { cypher: "CREATE (:Actor {id: 'x'})" });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ reason: 'write' });
    const syntax = await postJson(url, { cypher: 'MATCH (n RETURN n' });
    expect(syntax.status).toBe(400);
    expect(await syntax.json()).toMatchObject({ reason: 'syntax' });
    // A page on another site cannot run queries here: no JSON without a preflight, and a foreign Origin is refused.
    const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ cypher: 'RETURN 1' }) });
    expect(form.status).toBe(415);
    expect((await postJson(url, { cypher: 'RETURN 1' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await postJson(url, { cypher: '' })).status).toBe(400);
    expect((await postJson(url, { cypher: 'RETURN $x', params: { 'x}': 1 } })).status).toBe(400);
    // A graph result comes keyed like the graph file, relationships with their end nodes.
    const rel = await (await postJson(url, { cypher: 'MATCH (:Actor)-[r:ATTENDED]->(:Meeting) RETURN r LIMIT 1' })).json();
    expect(rel.graph.nodes.map((n: { key: string }) => n.key.split(':')[0]).sort()).toEqual(['Actor', 'Meeting']);
    expect(rel.graph.edges[0].key).toMatch(/^ATTENDED:Actor:.+->Meeting:/);
  });

  test('export: the current view as GEXF and the selection as JSON download files that parse back', async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await waitForLayout(page);
    const visible = Number(await page.getAttribute('#status', 'data-nodes'));
    await page.click('#export-toggle');
    await page.waitForSelector('#export-dialog:not([hidden])');
    expect(await page.textContent('#export-dialog')).toContain(`Current view (${visible} nodes)`);
    await page.selectOption('#export-dialog select', 'gexf');
    const [gexfDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-dialog button.primary')]);
    expect(gexfDownload.suggestedFilename()).toMatch(/^kg-view-\d{4}-\d\d-\d\d\.gexf$/);
    const gexf = readGexf(await readFile((await gexfDownload.path())!, 'utf8'));
    expect(gexf.graph.order).toBe(visible);
    expect(gexf.graph.size).toBeGreaterThan(0);
    expect(gexf.graph.someNode((_, a) => a.label === 'Actor' && /Putin/.test(String(a.name)))).toBe(true);
    await page.waitForSelector('#export-dialog .download-link');
    await screenshot(page, 'console-4-export');

    // The selection (Putin and his neighbours) as the kg graph file.
    await page.click('#export-dialog .close');
    await searchAndPick(page, 'Putin');
    const focus = await page.evaluate(() => (window as unknown as KgWindow).__kg.render.focus!.size);
    await page.click('#export-toggle');
    await page.check('#export-dialog input[value="selection"]');
    await page.selectOption('#export-dialog select', 'json');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-dialog button.primary')]);
    const batch = parseSerializedGraph(JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')));
    expect(batch.nodes).toHaveLength(focus);
    expect(batch.nodes.some((n) => n.label === 'Actor' && /Putin/.test(String((n.props as { name: string }).name)))).toBe(true);
    expect(batch.rels.length).toBeGreaterThan(0);

    // CSV comes as a zip of neo4j-admin files, Cypher as a script.
    await page.selectOption('#export-dialog select', 'csv');
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-dialog button.primary')]);
    const zip = await readFile((await zipDownload.path())!);
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(zip.toString('latin1')).toContain('kg-csv/nodes_Actor.csv');
    await page.selectOption('#export-dialog select', 'cypher');
    const [cypherDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-dialog button.primary')]);
    expect(await readFile((await cypherDownload.path())!, 'utf8')).toMatch(/MERGE \(n:Actor \{id: row\.id\}\)/);
    expect(realErrors(errors)).toEqual([]);
    await page.close();
  });
});

describe('query console and export on a graph file (no database)', () => {
  let server: ViewerServer;
  let browser: Browser;
  const file = path.join(tmpdir(), `kg-console-seeds-${process.pid}.json`);
  beforeAll(async () => {
    await extractSeeds(file);
    await ensureBuilt();
    server = await startViewerServer({ source: { kind: 'file', path: file } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(file, { force: true });
  });

  test('the console says queries need Neo4j; export still works', async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await waitForLayout(page);
    await openConsole(page);
    await page.waitForSelector('#console .console-message[data-reason="no-database"]:not([hidden])');
    expect(await page.textContent('#console .console-message')).toMatch(/Queries need Neo4j/);
    expect(await page.isDisabled('#console button.run')).toBe(true);
    await screenshot(page, 'console-5-file-mode');
    const res = await postJson(`${server.url}api/query`, { cypher: 'RETURN 1' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ reason: 'no-database' });

    const visible = Number(await page.getAttribute('#status', 'data-nodes'));
    await page.click('#export-toggle');
    await page.selectOption('#export-dialog select', 'graphml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-dialog button.primary')]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text.match(/<node /g)).toHaveLength(visible);
    expect(realErrors(errors)).toEqual([]);
    await page.close();
  });
});
