import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { applyCorrection } from '@kg/curation';
import { selectSubgraph } from '@kg/export';
import { findExample } from '@kg/export/examples';
import { runReadQuery } from '@kg/neo4j';
import { neo4jSource } from '../../../viewer/src/server/neo4j-source';
import { ingest } from '../../src/ingest';
import { cypher, SEEDS } from './helpers';

let conn: Connection;
let kremlin: string;
let miami: string;
beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([SEEDS], conn, { workers: 0 })).error).toBeUndefined();
  kremlin = (await cypher(conn, `MATCH (m:Meeting {date: '2025-12-02', place: 'Moscow'}) RETURN m.id AS id`))[0]!.id as string;
  miami = (await cypher(conn, `MATCH (m:Meeting {place: 'Miami'}) RETURN m.id AS id`))[0]!.id as string;
  await applyCorrection(conn, { by: 'analyst', op: 'reject', target: { label: 'Meeting', id: miami }, payload: {} });
  await applyCorrection(conn, { by: 'analyst', op: 'reject', target: { type: 'ATTENDED', from: { label: 'Actor', id: 'jared-kushner' }, to: { label: 'Meeting', id: kremlin } }, payload: {} });
});
afterAll(() => conn?.close());

const kushnerAtKremlin = (g: Awaited<ReturnType<typeof selectSubgraph>>['graph']) =>
  g.filterEdges((_e, a, s, t) => a.type === 'ATTENDED' && s === 'Actor:jared-kushner' && t === `Meeting:${kremlin}`);

test('exports leave out rejected facts and the correction records; --include-rejected keeps the facts, flagged', async () => {
  const { graph } = await selectSubgraph(conn, { kind: 'all' });
  expect(graph.hasNode(`Meeting:${miami}`)).toBe(false);
  expect(graph.hasNode(`Meeting:${kremlin}`)).toBe(true);
  expect(kushnerAtKremlin(graph)).toEqual([]);
  expect(graph.filterNodes((_k, a) => a.label === 'Correction')).toEqual([]);
  const window = await selectSubgraph(conn, { kind: 'window', from: '2025-12-01', to: '2025-12-31' });
  expect(window.graph.hasNode(`Meeting:${miami}`)).toBe(false);
  expect(kushnerAtKremlin(window.graph)).toEqual([]);
  const all = await selectSubgraph(conn, { kind: 'all' }, { includeRejected: true });
  expect(all.graph.getNodeAttribute(`Meeting:${miami}`, 'rejected')).toBe(true);
  expect(kushnerAtKremlin(all.graph)).toHaveLength(1);
});

test('the viewer graph and neighbour queries leave out rejected facts', async () => {
  const source = neo4jSource(conn);
  const { graph } = await source.graph(10_000);
  expect(graph.nodes.map((n) => n.key)).not.toContain(`Meeting:${miami}`);
  expect(graph.nodes.map((n) => n.key)).toContain(`Meeting:${kremlin}`);
  expect(graph.edges.filter((e) => e.source === 'Actor:jared-kushner' && e.target === `Meeting:${kremlin}`)).toEqual([]);
  const around = await source.neighbours(`Meeting:${kremlin}`, 1000);
  expect(around.graph.nodes.map((n) => n.key)).not.toContain('Actor:jared-kushner');
  expect(around.graph.nodes.map((n) => n.key)).toContain('Actor:vladimir-putin');
});

test('the saved example queries of kg query leave out rejected meetings and participants', async () => {
  const res = await runReadQuery(conn, findExample('who-met-whom')!.cypher, {});
  const pairs = res.rows.map((r) => `${r.actor} + ${r.other}`);
  expect(pairs).toContain('Steve Witkoff + Vladimir Putin');
  // Kushner met Witkoff at the Kremlin (his attendance rejected) and in Miami (the meeting rejected)
  expect(pairs.filter((p) => p.includes('Kushner'))).toEqual([]);
});
