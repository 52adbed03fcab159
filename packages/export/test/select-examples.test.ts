import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { runReadQuery, type Connection, type QueryPath } from '@kg/neo4j';
import { parseSerializedGraph } from '@kg/graph-schema';
import { ingest } from '../../extractor/src/ingest';
import { EXAMPLE_QUERIES, exampleParams, findExample, selectSubgraph } from '../src';
import { REPO, SEEDS } from './helpers';

const run = promisify(execFile);
let conn: Connection;
beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([SEEDS], conn)).written).toBe(3);
});
afterAll(() => conn?.close());

const read = async (cypher: string, params: Record<string, unknown> = {}) => (await runReadQuery(conn, cypher, params, { limit: 0 })).rows;
const ids = (xs: Record<string, unknown>[]) => new Set(xs.map((x) => x.id as string));

describe('subgraph selection', () => {
  test("an actor's neighbourhood: found by alias, walked without provenance, articles added for its facts", async () => {
    const one = await selectSubgraph(conn, { kind: 'actor', name: 'putin', hops: 1 }, { provenance: false });
    expect(one.matched).toEqual([expect.objectContaining({ id: 'vladimir-putin', how: 'name or alias' })]);
    const expected = ids(await read("MATCH (a:Actor {id: 'vladimir-putin'})-[r]-(m) WHERE type(r) <> 'MENTIONED_IN' RETURN DISTINCT m.id AS id"));
    const got = new Set(one.graph.mapNodes((_, a) => a.id as string));
    expect(got).toEqual(new Set([...expected, 'vladimir-putin']));
    expect(one.graph.filterNodes((_, a) => a.label === 'Article')).toHaveLength(0);
    // Induced: every relationship between selected nodes is there.
    const between = await read(
      'MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids AND NOT a:Article AND NOT b:Article RETURN count(r) AS c',
      { ids: [...got] },
    );
    expect(one.graph.size).toBe(between[0]!.c);

    const two = await selectSubgraph(conn, { kind: 'actor', name: 'Vladimir Putin', hops: 2 });
    const twoIds = new Set(two.graph.mapNodes((_, a) => a.id as string));
    for (const id of got) expect(twoIds.has(id)).toBe(true);
    expect(two.graph.filterNodes((_, a) => a.label === 'Article').length).toBeGreaterThan(0);
    two.graph.forEachEdge((_, a, s, t) => {
      if (a.type === 'MENTIONED_IN') expect(two.graph.getNodeAttribute(t, 'label')).toBe('Article');
    });
    expect(() => parseSerializedGraph(two.graph.export())).not.toThrow();
  });

  test('a misspelt name is found through the full-text index; an unknown one is an error', async () => {
    const s = await selectSubgraph(conn, { kind: 'actor', name: 'Witkof', hops: 1 });
    expect(s.matched).toEqual([expect.objectContaining({ id: 'steve-witkoff', how: 'full-text' })]);
    await expect(selectSubgraph(conn, { kind: 'actor', name: 'Nobody Atall', hops: 1 })).rejects.toThrow(/no actor named "Nobody Atall"/);
  });

  test('a date window: its meetings, their participants and places, nothing dated outside', async () => {
    const [from, to] = ['2025-12-01', '2025-12-31'];
    const s = await selectSubgraph(conn, { kind: 'window', from, to });
    const meetings = ids(await read('MATCH (m:Meeting) WHERE m.date >= $from AND m.date <= $to RETURN m.id AS id', { from, to }));
    expect(meetings.size).toBeGreaterThan(0);
    expect(new Set(s.graph.filterNodes((_, a) => a.label === 'Meeting').map((k) => s.graph.getNodeAttribute(k, 'id')))).toEqual(meetings);
    const attendees = ids(await read('MATCH (a:Actor)-[:ATTENDED]->(m:Meeting) WHERE m.id IN $m RETURN DISTINCT a.id AS id', { m: [...meetings] }));
    expect(new Set(s.graph.filterNodes((_, a) => a.label === 'Actor').map((k) => s.graph.getNodeAttribute(k, 'id')))).toEqual(attendees);
    const places = ids(await read('MATCH (m:Meeting)-[:HELD_IN]->(p:Place) WHERE m.id IN $m RETURN DISTINCT p.id AS id', { m: [...meetings] }));
    expect(new Set(s.graph.filterNodes((_, a) => a.label === 'Place').map((k) => s.graph.getNodeAttribute(k, 'id')))).toEqual(places);
    const empty = await selectSubgraph(conn, { kind: 'window', from: '1900-01-01', to: '1900-12-31' });
    expect(empty.graph.order).toBe(0);
  });

  test("a query's result: relationships bring their end nodes; writes are refused", async () => {
    const s = await selectSubgraph(conn, { kind: 'query', cypher: 'MATCH (:Actor)-[r:ATTENDED]->(:Meeting) RETURN r ORDER BY elementId(r) LIMIT 3' });
    expect(s.graph.size).toBe(3);
    s.graph.forEachEdge((_, a, src, tgt) => {
      expect(a.type).toBe('ATTENDED');
      expect(s.graph.getNodeAttribute(src, 'label')).toBe('Actor');
      expect(s.graph.getNodeAttribute(tgt, 'label')).toBe('Meeting');
    });
    const before = await graphCounts(conn);
    await expect(selectSubgraph(conn, { kind: 'query', cypher: 'MATCH (n) DETACH DELETE n RETURN n' })).rejects.toThrow(/read-only/);
    await expect(selectSubgraph(conn, { kind: 'query', cypher: 'RETURN 1 AS one' })).rejects.toThrow(/no nodes or relationships/);
    expect(await graphCounts(conn)).toEqual(before);
  });
});

describe('the saved example queries, on the seed graph', () => {
  test('there are the four, each with parameters documented', () => {
    expect(EXAMPLE_QUERIES.map((q) => q.name)).toEqual(['who-met-whom', 'met-in-range', 'positions-on-issue', 'meeting-chain']);
    for (const q of EXAMPLE_QUERIES) for (const p of Object.keys(q.params)) expect(q.cypher).toContain(`$${p}`);
  });

  test('who-met-whom: counts agree with a direct count, most first', async () => {
    const rows = (await runReadQuery(conn, findExample('who-met-whom')!.cypher)).rows;
    expect(rows.length).toBeGreaterThan(0);
    const counts = rows.map((r) => r.meetings as number);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    for (const r of rows.slice(0, 5)) {
      const [direct] = await read(
        'MATCH (a:Actor {name: $a})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Actor {name: $b}) RETURN count(DISTINCT m) AS c',
        { a: r.actor, b: r.other },
      );
      expect(direct!.c).toBe(r.meetings);
    }
  });

  test('met-in-range: everyone Putin met in December 2025, each checked directly', async () => {
    const q = findExample('met-in-range')!;
    const params = exampleParams(q);
    const rows = (await runReadQuery(conn, q.cypher, params)).rows;
    expect(rows.length).toBeGreaterThan(0);
    const direct = await read(
      `MATCH (a:Actor {id: 'vladimir-putin'})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(o:Actor)
       WHERE m.date >= $from AND m.date <= $to RETURN DISTINCT o.name AS name`,
      params,
    );
    expect(new Set(rows.map((r) => r.met))).toEqual(new Set(direct.map((d) => d.name)));
    expect((await runReadQuery(conn, q.cypher, { ...params, from: '1990-01-01', to: '1990-12-31' })).rows).toEqual([]);
  });

  test('positions-on-issue: rows agree with a direct count for every issue in the graph', async () => {
    const q = findExample('positions-on-issue')!;
    const issues = await read('MATCH (i:Issue) RETURN i.name AS name');
    // The seed graph has no Issue nodes at the moment (the extractor does not produce positions yet): then the example must run and return nothing.
    if (!issues.length) expect((await runReadQuery(conn, q.cypher, exampleParams(q))).rows).toEqual([]);
    for (const { name } of issues) {
      const rows = (await runReadQuery(conn, q.cypher, { issue: name })).rows;
      const [direct] = await read(
        'MATCH (i:Issue) WHERE toLower(i.name) CONTAINS toLower($n) MATCH (:Actor)-[:HOLDS]->(p:Position)-[:ABOUT]->(i) RETURN count(*) AS c',
        { n: name },
      );
      expect(rows.length).toBe(direct!.c);
    }
  });

  test('meeting-chain: a path of meetings from the first actor to the second', async () => {
    const q = findExample('meeting-chain')!;
    const [row] = (await runReadQuery(conn, q.cypher, exampleParams(q))).rows;
    expect(row).toBeDefined();
    const path = row!.path as QueryPath;
    expect(path.nodes[0]!.properties.id).toBe('vladimir-putin');
    expect(path.nodes.at(-1)!.properties.id).toBe('steve-witkoff');
    path.nodes.forEach((n, i) => expect(n.labels).toEqual([i % 2 ? 'Meeting' : 'Actor']));
    expect(row!.meetings).toBe(path.relationships.length / 2);
    expect(row!.chain).toHaveLength(path.nodes.length);
  });
});

describe('the kg query and kg export commands', () => {
  const kg = (args: string[]) =>
    run('node', [path.join(REPO, 'packages/extractor/bin/kg.cjs'), ...args], { cwd: REPO, env: { ...process.env }, timeout: 120_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  test('kg query: a table, JSON with parameters, a summary on stderr; writes refused with exit 1', async () => {
    const table = await kg(['query', 'MATCH (a:Actor {id: $id}) RETURN a, a.aliases AS aliases', '--param', 'id=vladimir-putin']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/\(:Actor \{name: "Vladimir/);
    expect(table.stderr).toMatch(/^1 row in \d+\.\d+ s/m);
    const json = await kg(['query', '--example', 'who-met-whom', '--format', 'json', '--limit', '2']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveLength(2);
    expect(json.stderr).toMatch(/truncated/);
    const before = await graphCounts(conn);
    const refused = await kg(['query', 'MATCH (n) DETACH DELETE n']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/kg runs queries read-only: this query would write/);
    expect(await graphCounts(conn)).toEqual(before);
  });

  test('kg export writes a graph file graph-schema accepts; csv without --out is a usage error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kg-export-'));
    try {
      const out = path.join(dir, 'putin.json');
      const r = await kg(['export', '--format', 'json', '--actor', 'Putin', '--hops', '1', '--out', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/actor: Vladimir/);
      expect(parseSerializedGraph(JSON.parse(await readFile(out, 'utf8'))).nodes.length).toBeGreaterThan(1);
      expect((await kg(['export', '--format', 'csv'])).code).toBe(2);
      expect((await kg(['export', '--format', 'xml', '--out', out])).code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
