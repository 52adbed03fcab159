/**
 * Curation from the viewer's side panel, in real Chromium on the real Neo4j
 * (the seeds plus two articles that spell Antony Blinken two ways: a042,
 * b107), through the one write endpoint POST /api/corrections.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { openViewer, screenshot } from './helpers/browser';
import { postJson } from './helpers/console';
import { ingestWithCli, seedViewer } from './helpers/neo4j';

jest.setTimeout(240_000);
const REPO = path.resolve(__dirname, '../../..');
let conn: Connection;
let viewer: Awaited<ReturnType<typeof seedViewer>>;
let page: Page;

const cypher = async (q: string, params = {}) => {
  const s = conn.driver.session({ database: conn.database });
  try {
    return (await s.run(q, params)).records.map((r) => r.toObject());
  } finally {
    await s.close();
  }
};
const onPage = (key: string) => page.evaluate((k) => (window as unknown as { __kg: { model: { graph: { hasNode(k: string): boolean } } } }).__kg.model.graph.hasNode(k), key);
const select = async (key: string) => {
  await page.evaluate((k) => (window as unknown as { __kg: { select(k: string): Promise<void> } }).__kg.select(k), key);
  await page.waitForSelector('#panel section.curation');
  // the Curate section ends the panel: bring it into view, as the reader would scroll to it
  await page.$eval('#panel section.curation', (e) => e.scrollIntoView({ block: 'end' }));
};
/** Clicks a Curate button, answers its "why?" prompt, and waits for the page to reload with the corrected graph. */
const correct = async (button: string, why = 'checked against the sources') => {
  page.once('dialog', (d) => void d.accept(why));
  await Promise.all([page.waitForEvent('load'), page.click(`#panel section.curation button:text-is("${button}")`)]);
  await page.waitForSelector('body[data-rendered="true"]', { timeout: 30_000 });
};

beforeAll(async () => {
  conn = await freshTestDatabase();
  viewer = await seedViewer(conn);
  for (const f of ['a042.txt', 'b107.txt']) await ingestWithCli(conn.uri, path.join(REPO, 'data/dev', f));
  ({ page } = await openViewer(viewer.browser, viewer.server.url));
});
afterAll(async () => {
  await viewer?.close();
  await conn?.close();
});

test('merge: "Anthony Blinken" chosen in the panel of Antony Blinken becomes him, in Neo4j and on the page', async () => {
  expect(await onPage('Actor:anthony-blinken')).toBe(true);
  await select('Actor:antony-blinken');
  expect(await page.textContent('#panel section.curation')).toContain('Provenance: extracted');
  await page.selectOption('#panel select.merge-with', 'anthony-blinken');
  await screenshot(page, 'curation-before-merge');
  await correct('Merge', 'the same Secretary of State');
  const [kept] = await cypher(`MATCH (a:Actor {id: 'antony-blinken'}) RETURN a.aliases AS aliases, a.origin AS origin`);
  expect(kept!.aliases).toEqual(expect.arrayContaining(['Anthony Blinken', 'Antony Blinken']));
  expect(await cypher(`MATCH (a:Actor {id: 'anthony-blinken'}) RETURN a`)).toHaveLength(0);
  const [c] = await cypher(`MATCH (c:Correction {op: 'merge'}) RETURN c.reason AS reason`);
  expect(c!.reason).toBe('the same Secretary of State');
  expect(await onPage('Actor:anthony-blinken')).toBe(false);
  await select('Actor:antony-blinken');
  await screenshot(page, 'curation-after-merge');
});

test('reject a meeting in the panel: flagged in Neo4j, gone from the page; "Undo last" brings it back', async () => {
  const [m] = await cypher(`MATCH (m:Meeting {place: 'Miami'}) RETURN m.id AS id`);
  const key = `Meeting:${String(m!.id)}`;
  expect(await onPage(key)).toBe(true);
  await select(key);
  await screenshot(page, 'curation-before-reject');
  await correct('Reject', 'a planned meeting reported as held');
  expect((await cypher(`MATCH (m:Meeting {id: $id}) RETURN m.rejected AS r`, { id: m!.id }))[0]!.r).toBe(true);
  expect(await onPage(key)).toBe(false);
  expect(await page.$('.toast.error, [role="alert"].error')).toBeNull();
  await screenshot(page, 'curation-after-reject');
  await select('Actor:antony-blinken');
  await correct('Undo last');
  expect((await cypher(`MATCH (m:Meeting {id: $id}) RETURN m.rejected AS r`, { id: m!.id }))[0]!.r ?? null).toBeNull();
  expect(await onPage(key)).toBe(true);
});

describe('the write endpoint refuses', () => {
  const url = () => `${viewer.server.url.replace(/\/$/, '')}/api/corrections`;
  const body = () => ({ op: 'confirm', target: { label: 'Actor', id: 'vladimir-putin' }, payload: {} });
  const token = async () => ((await (await fetch(url())).json()) as { writeToken: string }).writeToken;
  const reviewed = async () => (await cypher(`MATCH (a:Actor {id: 'vladimir-putin'}) RETURN a.reviewed AS r`))[0]!.r ?? null;

  test('the session token works: the same request with it confirms Putin (what the refusals below are refused)', async () => {
    const origin = new URL(viewer.server.url).origin;
    const r = await postJson(url(), body(), { 'x-kg-write-token': await token(), origin });
    expect(r.status).toBe(200);
    expect(await reviewed()).toBe(true);
    await cypher(`MATCH (a:Actor {id: 'vladimir-putin'}) REMOVE a.reviewed`);
  });
  test('no token, a wrong token: 403, nothing changes', async () => {
    expect((await postJson(url(), body())).status).toBe(403);
    expect((await postJson(url(), body(), { 'x-kg-write-token': 'x'.repeat(32) })).status).toBe(403);
    expect(await reviewed()).toBeNull();
  });
  test('a foreign Origin or a foreign Host: 403 before the token is looked at', async () => {
    const t = await token();
    expect((await postJson(url(), body(), { 'x-kg-write-token': t, origin: 'http://evil.example' })).status).toBe(403);
    const port = new URL(viewer.server.url).port;
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/corrections', method: 'POST', headers: { host: `evil.example:${port}`, 'content-type': 'application/json', 'x-kg-write-token': t } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end(JSON.stringify(body()));
    });
    expect(status).toBe(403);
    expect(await reviewed()).toBeNull();
  });
  test('a body that is no correction, and an unknown id: 400 with the reason', async () => {
    const t = await token();
    const bad = await postJson(url(), { op: 'explode', target: {} }, { 'x-kg-write-token': t });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not a correction: op/);
    const unknown = await postJson(url(), { op: 'reject', target: { label: 'Actor', id: 'nobody-at-all' }, payload: {} }, { 'x-kg-write-token': t });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/nobody-at-all/);
  });
});
