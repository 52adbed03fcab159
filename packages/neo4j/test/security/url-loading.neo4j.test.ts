/**
 * Issue 10, attack 3, refused: a "read-only" query that makes Neo4j fetch a
 * URL. The target is a service on loopback that this test runs and whose
 * requests it counts. kg's query path (runReadQuery: kg query, kg export
 * --query, the console) refuses the query before sending it; and a query
 * that does reach the local Neo4j, sent straight through the driver in a
 * read transaction as the console used to send it, is refused by the
 * server's own IP blocklist. Either way the service receives nothing.
 * (old-home.test.ts shows the same query fetching the secret from a Neo4j
 * run as kg ran it before.)
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { QueryError, REPO_ROOT, runReadQuery, type Connection } from '../../src';
import { ingest } from '../../../extractor/src/ingest';
import { startLoopbackService, type LoopbackService } from '../helpers/loopback-service';

const run = promisify(execFile);
const KG = path.join(REPO_ROOT, 'packages/extractor/bin/kg.cjs');
const local = process.env.NEO4J_PASSWORD_FILE !== undefined;

let conn: Connection;
let service: LoopbackService;
beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([path.join(REPO_ROOT, 'data/seeds')], conn)).written).toBe(3);
  service = await startLoopbackService();
});
afterAll(async () => {
  await service?.close();
  await conn?.close();
});

async function kg(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [KG, ...args], { cwd: REPO_ROOT, env: process.env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

test('the loopback service answers: the test would see a fetch', async () => {
  const res = await fetch(service.url);
  expect(await res.text()).toContain(service.secret);
  expect(service.requests).toHaveLength(1);
  service.requests.length = 0;
});

test('runReadQuery refuses LOAD CSV and apoc.load.* however they are written; nothing is fetched', async () => {
  const queries = [
    `LOAD CSV FROM '${service.url}' AS row RETURN row`,
    `load /* hidden */ csv from '${service.url}' as row return row`,
    `MATCH (a:Actor) WITH a LIMIT 1\nLOAD\n CSV WITH HEADERS FROM $u AS row RETURN a.name, row`,
    `CALL \`apoc\`.\`load\`.json('${service.url}') YIELD value RETURN value`,
  ];
  for (const q of queries) {
    const err = await runReadQuery(conn, q, { u: service.url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).reason).toBe('loads-url');
    expect((err as QueryError).message).toMatch(/^kg's read-only queries do not load from URLs or files, and this one would \((LOAD CSV|apoc\.load\.json)\); nothing was run/);
  }
  expect(service.requests).toEqual([]);
});

test('kg query refuses it with a clear message and exit code 1; nothing is fetched', async () => {
  const r = await kg(['query', `LOAD CSV FROM '${service.url}' AS row RETURN row`, '--format', 'csv']);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain("kg query: kg's read-only queries do not load from URLs or files, and this one would (LOAD CSV)");
  expect(r.stderr).not.toContain(service.secret);
  expect(service.requests).toEqual([]);
});

test('kg export --query refuses it the same way; nothing is fetched', async () => {
  const r = await kg(['export', '--format', 'json', '--query', `LOAD CSV FROM '${service.url}' AS row MATCH (a:Actor {name: row[0]}) RETURN a`]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("kg export: kg's read-only queries do not load from URLs or files, and this one would (LOAD CSV)");
  expect(service.requests).toEqual([]);
});

(local ? test : test.skip)('past kg, straight through the driver in a read transaction, the local Neo4j itself refuses to fetch: its IP blocklist covers every address', async () => {
  const before = await graphCounts(conn);
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    for (const url of [service.url, service.url.replace('127.0.0.1', 'localhost'), service.url.replace('127.0.0.1', '[::1]')]) {
      const err = (await session.executeRead((tx) => tx.run(`LOAD CSV FROM $url AS row RETURN row`, { url })).catch((e: unknown) => e)) as { code: string; message: string };
      expect(err.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
      expect(err.message).toMatch(/blocked via the configuration property internal\.dbms\.cypher_ip_blocklist/);
      expect(err.message).not.toContain(service.secret);
    }
  } finally {
    await session.close();
  }
  expect(service.requests).toEqual([]);
  expect(await graphCounts(conn)).toEqual(before);
});
