import path from 'node:path';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT_MS, QueryError, queryDefaults, runReadQuery, type Connection, type QueryNode, type QueryPath, type QueryRelationship } from '../src';
import { ingest } from '../../extractor/src/ingest';

const SEEDS = path.resolve(__dirname, '../../../data/seeds');

let conn: Connection;
beforeAll(async () => {
  conn = await freshTestDatabase();
  const r = await ingest([SEEDS], conn);
  expect(r.written).toBe(3);
});
afterAll(() => conn?.close());

const schema = async () => (await runReadQuery(conn, 'SHOW INDEXES YIELD name RETURN name ORDER BY name')).rows.map((r) => r.name);

describe('runReadQuery on the seed graph', () => {
  test('rows are plain JSON: nodes, relationships, paths, temporal values, and the graph of everything seen', async () => {
    const res = await runReadQuery(
      conn,
      `MATCH p = (a:Actor)-[r:ATTENDED]->(m:Meeting) WHERE m.date IS NOT NULL
       RETURN a, r, p, m.date AS date, date($d) AS d, datetime($dt) AS dt, duration('P1DT2H') AS dur, [a.name, 1, true] AS list, {n: a.name} AS map
       ORDER BY a.id LIMIT 3`,
      { d: '2025-12-02', dt: '2025-12-02T10:00:00Z' },
    );
    expect(res.columns).toEqual(['a', 'r', 'p', 'date', 'd', 'dt', 'dur', 'list', 'map']);
    expect(res.rows.length).toBeGreaterThan(0);
    expect(res.truncated).toBe(false);
    const row = res.rows[0]!;
    const a = row.a as QueryNode;
    expect(a).toMatchObject({ kind: 'node', labels: ['Actor'] });
    expect(a.id).toBe(a.properties.id);
    expect(typeof a.elementId).toBe('string');
    const r = row.r as QueryRelationship;
    expect(r).toMatchObject({ kind: 'relationship', type: 'ATTENDED', start: a.elementId });
    const p = row.p as QueryPath;
    expect(p.kind).toBe('path');
    expect(p.nodes.map((n) => n.elementId)).toEqual([a.elementId, r.end]);
    expect(row.d).toBe('2025-12-02');
    expect(row.dt).toBe('2025-12-02T10:00:00Z');
    expect(row.dur).toBe('P0M1DT7200S');
    expect(row.list).toEqual([a.properties.name, 1, true]);
    expect(row.map).toEqual({ n: a.properties.name });
    // JSON-safe all the way down.
    expect(JSON.parse(JSON.stringify(res.rows))).toEqual(res.rows);
    // Every node and relationship once, in the graph.
    const ids = new Set(res.graph.nodes.map((n) => n.elementId));
    for (const e of res.graph.edges) expect(ids.has(e.start) && ids.has(e.end)).toBe(true);
    expect(new Set(res.graph.edges.map((e) => e.elementId)).size).toBe(res.graph.edges.length);
  });

  test.each([
    ['CREATE', "CREATE (:Actor {id: 'x', name: 'X', kind: 'person'})"],
    ['MERGE', "MERGE (a:Actor {id: 'y'}) RETURN a"],
    ['DELETE', 'MATCH (n:Article) DETACH DELETE n'],
    ['SET', "MATCH (a:Actor) SET a.name = 'changed'"],
    ['REMOVE', 'MATCH (a:Actor) REMOVE a.aliases'],
    ['a write procedure', "CALL db.createLabel('Intruder')"],
    ['CREATE INDEX', 'CREATE INDEX intruder IF NOT EXISTS FOR (n:Actor) ON (n.kind, n.name)'],
    ['DROP INDEX (the full-text index)', 'DROP INDEX actor_names'],
    ['DROP CONSTRAINT', 'DROP CONSTRAINT actor_id'],
    ['CALL … IN TRANSACTIONS', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS'],
    ['a write after a read, in one statement', "MATCH (a:Actor) WITH a LIMIT 1 CREATE (a)-[:AFFILIATED_WITH]->(:Actor {id: 'z'})"],
  ])('%s is refused by the server and changes nothing', async (_what, cypher) => {
    const before = await graphCounts(conn);
    const indexes = await schema();
    const err = await runReadQuery(conn, cypher).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).reason).toBe('write');
    expect((err as QueryError).code).toBe('Neo.ClientError.Statement.AccessMode');
    expect((err as Error).message).toMatch(/^kg runs queries read-only: this query would write \(/);
    expect(await graphCounts(conn)).toEqual(before);
    expect(await schema()).toEqual(indexes);
  });

  test('a write procedure that does not exist is reported as such, not as a write', async () => {
    const err = (await runReadQuery(conn, "CALL db.index.fulltext.drop('actor_names')").catch((e: unknown) => e)) as QueryError;
    expect(err.code).toBe('Neo.ClientError.Procedure.ProcedureNotFound');
    expect(await schema()).toContain('actor_names');
  });

  test('the row limit stops streaming: a huge result comes back quickly, cut and flagged', async () => {
    const t0 = Date.now();
    const res = await runReadQuery(conn, 'UNWIND range(1, 50000000) AS i RETURN i', {}, { limit: 250 });
    expect(res.rows).toHaveLength(250);
    expect(res.rows.at(-1)).toEqual({ i: 250 });
    expect(res.truncated).toBe(true);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const exact = await runReadQuery(conn, 'UNWIND range(1, 250) AS i RETURN i', {}, { limit: 250 });
    expect(exact.truncated).toBe(false);
    const unlimited = await runReadQuery(conn, 'UNWIND range(1, 20001) AS i RETURN i', {}, { limit: 0 });
    expect(unlimited.rows).toHaveLength(20001);
  });

  test('the time-out stops a long query on the server', async () => {
    const t0 = Date.now();
    const err = (await runReadQuery(conn, 'UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 3 RETURN count(*)', {}, { timeoutMs: 500 }).catch((e: unknown) => e)) as QueryError;
    expect(err).toBeInstanceOf(QueryError);
    expect(err.reason).toBe('timeout');
    expect(err.code).toBe('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
    expect(err.message).toMatch(/ran longer than 500 ms/);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  test('syntax errors keep the server message', async () => {
    const err = (await runReadQuery(conn, 'MATC (n) RETURN n').catch((e: unknown) => e)) as QueryError;
    expect(err.reason).toBe('syntax');
    expect(err.message).toMatch(/Invalid input 'MATC'/);
  });

  test('defaults come from KG_QUERY_ROW_LIMIT and KG_QUERY_TIMEOUT_MS', async () => {
    expect(queryDefaults({})).toEqual({ limit: DEFAULT_ROW_LIMIT, timeoutMs: DEFAULT_TIMEOUT_MS });
    expect(queryDefaults({ KG_QUERY_ROW_LIMIT: '5', KG_QUERY_TIMEOUT_MS: '1000' })).toEqual({ limit: 5, timeoutMs: 1000 });
    expect(() => queryDefaults({ KG_QUERY_ROW_LIMIT: 'lots' })).toThrow(/KG_QUERY_ROW_LIMIT/);
    const old = process.env.KG_QUERY_ROW_LIMIT;
    process.env.KG_QUERY_ROW_LIMIT = '3';
    try {
      const res = await runReadQuery(conn, 'UNWIND range(1, 10) AS i RETURN i');
      expect(res.rows).toHaveLength(3);
      expect(res.truncated).toBe(true);
    } finally {
      if (old === undefined) delete process.env.KG_QUERY_ROW_LIMIT;
      else process.env.KG_QUERY_ROW_LIMIT = old;
    }
  });
});
