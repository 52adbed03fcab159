/**
 * Issue 10, attacks 1 and 3, as they worked, then refused on the same data.
 * A Neo4j of this file's own (temporary home, free port) is first run as kg
 * ran it before issue 10: no auth, no URL blocklist. Then:
 *  - a page of another origin in Chromium reads the whole graph over
 *    ws://127.0.0.1 with no credentials, and wipes it;
 *  - a read-only query makes the server fetch a loopback URL and hand back
 *    what it got.
 * The same home is then started by this version, as a user's existing
 * .kg/neo4j would be after the upgrade: the data are all there, the page
 * gets nothing and wipes nothing, and the server fetches nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { graphCounts } from '@kg/neo4j/testing';
import { applySchema, connect, localConfig, QueryError, REPO_ROOT, runReadQuery, startLocalNeo4j, type Connection, type StartedNeo4j } from '../../src';
import { ingest } from '../../../extractor/src/ingest';
import { launchBrowser } from '../../../viewer/test/helpers/browser';
import { startEvilSite, visitEvilPage, type EvilSite } from '../helpers/evil-page';
import { startLoopbackService, type LoopbackService } from '../helpers/loopback-service';

jest.setTimeout(240_000);
const SEEDS = path.join(REPO_ROOT, 'data/seeds');

let home: string;
let port: number;
let neo: StartedNeo4j | undefined;
let conn: Connection | undefined;
let browser: Browser;
let site: EvilSite;
let service: LoopbackService;
let seeded: Awaited<ReturnType<typeof graphCounts>>;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as net.AddressInfo;
      s.close(() => resolve(p));
    });
  });

async function stop() {
  await conn?.close();
  conn = undefined;
  await neo?.stop();
  neo = undefined;
}

/** A read transaction straight through the driver, as the console sent queries before kg checked them. */
async function readDirect(c: Connection, cypher: string, params: Record<string, unknown>) {
  const session = c.driver.session({ database: c.database, defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.executeRead((tx) => tx.run(cypher, params))).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'kg-old-home-'));
  port = await freePort();
  [browser, site, service] = await Promise.all([launchBrowser(), startEvilSite(), startLoopbackService()]);
  neo = await startLocalNeo4j({ home, port, fresh: true, unsafeOpenForTests: true, log: () => {} });
  expect(neo.passwordFile).toBeUndefined();
  conn = await connect({ uri: neo.uri, user: 'neo4j', password: '', database: undefined });
  await applySchema(conn);
  expect((await ingest([SEEDS], conn)).written).toBe(3);
  seeded = await graphCounts(conn);
});

afterAll(async () => {
  await stop();
  await browser?.close();
  await site?.close();
  await service?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('as kg ran Neo4j before (no auth, no URL blocklist)', () => {
  test('attack 1: a page of another origin reads the whole graph over ws://127.0.0.1 with no credentials', async () => {
    const r = await visitEvilPage(browser, site, { bolt: neo!.uri });
    expect(r).toEqual({ origin: site.origin, read: seeded.nodes });
  });

  test('attack 3: a read-only query makes the server fetch a loopback URL and returns what came back', async () => {
    const rows = await readDirect(conn!, 'LOAD CSV FROM $url AS row RETURN row', { url: service.url });
    expect(rows).toEqual([{ row: [service.secret, '42'] }]);
    expect(service.requests).toEqual(['GET /internal/data.csv']);
    service.requests.length = 0;
    // kg's own check does not depend on the server: it refused this query even here.
    const err = await runReadQuery(conn!, 'LOAD CSV FROM $url AS row RETURN row', { url: service.url }).catch((e: unknown) => e);
    expect((err as QueryError).reason).toBe('loads-url');
    expect(service.requests).toEqual([]);
  });

  test('attack 1: the same page wipes the graph', async () => {
    const r = await visitEvilPage(browser, site, { bolt: neo!.uri, wipe: true });
    expect(r).toEqual({ origin: site.origin, read: seeded.nodes, wiped: true });
    expect((await graphCounts(conn!)).nodes).toBe(0);
    // The seeds again, for the upgrade below.
    expect((await ingest([SEEDS], conn!)).written).toBe(3);
    expect(await graphCounts(conn!)).toEqual(seeded);
  });
});

describe('the same home started by this version (an existing .kg/neo4j after the upgrade)', () => {
  beforeAll(async () => {
    await stop();
    neo = await startLocalNeo4j({ home, port, log: () => {} });
    conn = await connect(localConfig(neo));
  });

  test('it now has a password file of its own, and the graph is all there', async () => {
    expect(neo!.passwordFile).toBe(path.join(home, 'password'));
    expect(await graphCounts(conn!)).toEqual(seeded);
  });

  test('attack 1 refused: the page reads nothing and wipes nothing, with no credentials or the default ones', async () => {
    expect(await visitEvilPage(browser, site, { bolt: neo!.uri, wipe: true })).toEqual({ origin: site.origin, error: 'Neo.ClientError.Security.Unauthorized' });
    expect(await visitEvilPage(browser, site, { bolt: neo!.uri, user: 'neo4j', password: 'neo4j', wipe: true })).toEqual({
      origin: site.origin,
      error: 'Neo.ClientError.Security.Unauthorized',
    });
    expect(await graphCounts(conn!)).toEqual(seeded);
  });

  test('attack 3 refused: the same read-only query, straight through the driver, fetches nothing', async () => {
    const err = (await readDirect(conn!, 'LOAD CSV FROM $url AS row RETURN row', { url: service.url }).catch((e: unknown) => e)) as { code: string; message: string };
    expect(err.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
    expect(err.message).not.toContain(service.secret);
    expect(service.requests).toEqual([]);
  });
});
