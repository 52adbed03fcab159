/**
 * Issue 10, attack 1, in the browser: a page of another origin, in real
 * headless Chromium, tries to read and wipe the graph through
 * ws://127.0.0.1:PORT with neo4j-driver's browser bundle. The local Neo4j
 * (jest's, started as the user's is) refuses it without the password, and
 * the graph is unchanged. With the password the same page gets in, which
 * shows that the channel works and that only the password stops it.
 * (old-home.test.ts shows the page wiping the graph of a Neo4j run as kg
 * ran it before, with no password.)
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { readPasswordFile, type Connection } from '../../src';
import { ingest } from '../../../extractor/src/ingest';
import { launchBrowser } from '../../../viewer/test/helpers/browser';
import { startEvilSite, visitEvilPage, type EvilSite } from '../helpers/evil-page';

const SEEDS = path.resolve(__dirname, '../../../../data/seeds');
const BOLT = process.env.NEO4J_URI!;
const PASSWORD_FILE = process.env.NEO4J_PASSWORD_FILE;
const describeLocal = PASSWORD_FILE !== undefined ? describe : describe.skip;

let conn: Connection;
let browser: Browser;
let site: EvilSite;
let before: Awaited<ReturnType<typeof graphCounts>>;
beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([SEEDS], conn)).written).toBe(3);
  before = await graphCounts(conn);
  [browser, site] = await Promise.all([launchBrowser(), startEvilSite()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await conn?.close();
});

describeLocal('a page of another origin, in Chromium, against the local Neo4j', () => {
  test('with no credentials it can neither read nor wipe the graph', async () => {
    const r = await visitEvilPage(browser, site, { bolt: BOLT, wipe: true });
    expect(r.origin).toMatch(/^http:\/\/evil\.localhost:\d+$/);
    expect(r).toEqual({ origin: r.origin, error: 'Neo.ClientError.Security.Unauthorized' });
    expect(await graphCounts(conn)).toEqual(before);
  });

  test('with the default neo4j/neo4j or a wrong password it can neither read nor wipe the graph', async () => {
    for (const password of ['neo4j', 'wrong-password']) {
      const r = await visitEvilPage(browser, site, { bolt: BOLT, user: 'neo4j', password, wipe: true });
      expect(r).toEqual({ origin: r.origin, error: 'Neo.ClientError.Security.Unauthorized' });
    }
    expect(await graphCounts(conn)).toEqual(before);
  });

  test('the same page given the password reads the graph: the WebSocket channel is open, the password is what closes it', async () => {
    const r = await visitEvilPage(browser, site, { bolt: BOLT, user: 'neo4j', password: readPasswordFile(PASSWORD_FILE!) });
    expect(r).toEqual({ origin: r.origin, read: before.nodes });
    expect(await graphCounts(conn)).toEqual(before);
  });
});
