import type { Browser } from 'playwright-core';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import type { ViewerServer } from '../src/server/index';
import { neo4jSource } from '../src/server/neo4j-source';
import type { GraphSource } from '../src/server/source';
import { diplomacyFixture } from './fixtures/diplomacy';
import { drawnPixels, openViewer, screenshot } from './helpers/browser';
import { loadGraph, seedViewer } from './helpers/neo4j';
import { kremlinScenario, waitForLayout } from './helpers/scenario';

// One Neo4j (jest's global setup, NEO4J_URI), so this file runs its parts in order:
// first the API on the hand-made graph, then the browser on the ingested seed articles.
jest.setTimeout(180_000);
let conn: Connection;
beforeAll(async () => {
  conn = await freshTestDatabase();
});
afterAll(async () => conn?.close());

describe('Neo4j source on the hand-made graph', () => {
  let source: GraphSource;
  beforeAll(async () => {
    await loadGraph(conn, diplomacyFixture());
    source = neo4jSource(conn);
  });

  test('graph: everything, keyed like the graph file', async () => {
    const r = await source.graph(1000);
    const fx = diplomacyFixture();
    expect(r.truncated).toBe(false);
    expect(r.graph.nodes.map((n) => n.key).sort()).toEqual(fx.nodes.map((n) => n.key).sort());
    expect(r.graph.edges.map((e) => e.key).sort()).toEqual(fx.edges.map((e) => e.key).sort());
    const putin = r.graph.nodes.find((n) => n.key === 'Actor:vladimir-putin')!;
    expect(putin.attributes).toMatchObject({ label: 'Actor', name: 'Vladimir Putin', aliases: ['Putin'] });
  });

  test('graph: a bounded subset keeps the best-connected nodes', async () => {
    const r = await source.graph(3);
    expect(r).toMatchObject({ truncated: true, total: diplomacyFixture().nodes.length });
    expect(r.graph.nodes).toHaveLength(3);
    expect(r.graph.nodes.map((n) => n.key)).toContain('Actor:steve-witkoff');
    for (const e of r.graph.edges) expect(r.graph.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  test('search uses the full-text index: prefixes, aliases, odd characters', async () => {
    expect((await source.search('witk', 5))[0]?.key).toBe('Actor:steve-witkoff');
    expect((await source.search('Zelensky', 5))[0]?.key).toBe('Actor:volodymyr-zelenskyy');
    expect((await source.search('vladimir put', 5))[0]?.key).toBe('Actor:vladimir-putin');
    await expect(source.search('Al-Sisi (Egypt) "', 5)).resolves.toEqual([]);
    await expect(source.search("') RETURN 1 //", 5)).resolves.toEqual([]);
  });

  test('neighbours and chain', async () => {
    const n = await source.neighbours('Meeting:kremlin-2025-12-02', 100);
    expect(n.graph.nodes.map((x) => x.key)).toEqual(expect.arrayContaining(['Actor:vladimir-putin', 'Actor:jared-kushner', 'Place:moscow', 'Article:a1']));
    expect(n.graph.edges.every((e) => e.source === 'Meeting:kremlin-2025-12-02' || e.target === 'Meeting:kremlin-2025-12-02')).toBe(true);
    const c = await source.chain('Actor:vladimir-putin', 'Actor:volodymyr-zelenskyy', 6);
    expect(c.path).toHaveLength(7);
    expect(c.path[0]).toBe('Actor:vladimir-putin');
    expect(c.path[6]).toBe('Actor:volodymyr-zelenskyy');
    expect((await source.chain('Actor:vladimir-putin', 'Actor:russia', 6)).path).toEqual([]);
    await expect(source.neighbours('Actor:nobody', 10)).rejects.toThrow(/no node/);
    await expect(source.neighbours('Spaceship:x', 10)).rejects.toThrow(/not a node key/);
  });
});

describe('browser on Neo4j with the seed articles (kg ingest data/seeds)', () => {
  let viewer: Awaited<ReturnType<typeof seedViewer>>;
  let server: ViewerServer;
  let browser: Browser;
  beforeAll(async () => {
    await freshTestDatabase().then((c) => c.close());
    viewer = await seedViewer(conn);
    ({ server, browser } = viewer);
  });
  afterAll(async () => {
    await viewer?.close();
  });

  test('loads with no console errors and the canvas draws nodes', async () => {
    const { page, errors } = await openViewer(browser, server.url);
    await waitForLayout(page);
    const px = await drawnPixels(page);
    await screenshot(page, 'seeds-neo4j-loaded');
    expect(px.coloured).toBeGreaterThan(300);
    expect(await page.textContent('#source-name')).toMatch(/^Neo4j: bolt:/);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Depends on extraction quality: the Kremlin meeting of 2 Dec 2025 with Putin, Witkoff and Kushner.
  test('the reader walk: Putin, the Kremlin meeting, who met whom, date filter, deep link', async () => {
    await kremlinScenario(browser, server.url, 'seeds-neo4j');
  });
});
