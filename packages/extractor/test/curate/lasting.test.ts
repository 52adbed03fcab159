import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase, resetDatabase } from '@kg/neo4j/testing';
import { applyCorrection, exportCorrections, importCorrections, undo } from '@kg/curation';
import { ingest } from '../../src/ingest';
import { BLINKEN, correctionCount, cypher, DATA_DEV, dumpDiff, graphDump, SEEDS } from './helpers';

// Corrections last: whatever is ingested after them, in whatever order, the graph stays corrected.
let conn: Connection;
beforeAll(async () => {
  conn = await freshTestDatabase();
});
afterAll(() => conn?.close());

const by = 'analyst';
const ROME = [path.join(DATA_DEV, 'a035.txt'), path.join(DATA_DEV, 'a036.txt')];
const CORPUS = [SEEDS, BLINKEN.misspelt, BLINKEN.right[0]!];
const one = async (q: string, params = {}) => (await cypher(conn, q, params))[0];
const expectSame = async (reference: string[]) => expect(dumpDiff(await graphDump(conn), reference)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
/** Empties the graph and keeps the correction records, as a rebuild from the articles would. */
const dropGraphKeepCorrections = () => cypher(conn, 'MATCH (n) WHERE NOT n:Correction DETACH DELETE n');

/** A curated graph: the seeds and two Blinken articles, with one of each kind of correction (and one undone). */
async function curate(): Promise<void> {
  const r = await ingest(CORPUS, conn, { workers: 0 });
  expect(r.error).toBeUndefined();
  const kremlin = (await one(`MATCH (m:Meeting {date: '2025-12-02', place: 'Moscow'}) RETURN m.id AS id`))!.id as string;
  const position = (await one(`MATCH (:Actor {id: 'vladimir-putin'})-[:HOLDS]->(p:Position) RETURN p.id AS id ORDER BY p.id LIMIT 1`))!.id as string;
  const article = (await one(`MATCH (:Meeting {id: $id})-[:MENTIONED_IN]->(a:Article) RETURN a.id AS id ORDER BY a.id LIMIT 1`, { id: kremlin }))!.id as string;
  const planned = (await one(`MATCH (m:Meeting {place: 'Miami'}) RETURN m.id AS id`))!.id as string;
  const apply = (req: Parameters<typeof applyCorrection>[1]) => applyCorrection(conn, req);
  // the misspelt node is kept, its name corrected: later articles saying "Antony Blinken" must find it
  await apply({ by, op: 'merge', target: { label: 'Actor', id: 'anthony-blinken' }, payload: { drop: 'antony-blinken' } });
  await apply({ by, op: 'edit', target: { label: 'Actor', id: 'anthony-blinken' }, payload: { set: { name: 'Antony Blinken' } } });
  await apply({ by, op: 'edit', target: { label: 'Actor', id: 'kirill-dmitriev' }, payload: { set: { roles: ['Russian envoy'], affiliation: 'Russia' } } });
  await apply({ by, op: 'reject', target: { type: 'ATTENDED', from: { label: 'Actor', id: 'jared-kushner' }, to: { label: 'Meeting', id: kremlin } }, payload: {} });
  await apply({ by, op: 'reject', target: { label: 'Position', id: position }, payload: {} });
  await apply({ by, op: 'reject', target: { label: 'Meeting', id: planned }, scope: (await one(`MATCH (:Meeting {id: $id})-[:MENTIONED_IN]->(a:Article) RETURN a.id AS id LIMIT 1`, { id: planned }))!.id as string, payload: {} });
  await apply({ by, op: 'reject', target: { type: 'AFFILIATED_WITH', from: { label: 'Actor', id: 'yuri-ushakov' }, to: { label: 'Actor', id: 'russia' } }, payload: {} });
  await apply({ by, op: 'confirm', target: { label: 'Meeting', id: kremlin }, payload: {} });
  await apply({ by, op: 'add', target: { type: 'ATTENDED', from: { label: 'Actor', id: 'emmanuel-macron' }, to: { label: 'Meeting', id: kremlin } }, payload: { props: {}, note: 'on the phone' } });
  await apply({ by, op: 'add', target: { label: 'Meeting', id: 'added-geneva' }, payload: { props: { date: '2025-12-05', dateText: '5 December', status: 'planned', mode: 'in_person', place: 'Geneva' }, participants: ['rustem-umerov', 'steve-witkoff'] } });
  await apply({ by, op: 'split', target: { label: 'Meeting', id: kremlin }, payload: { participants: ['kirill-dmitriev'], into: `${kremlin}-side` } });
  const wrong = await apply({ by, op: 'reject', target: { label: 'Meeting', id: kremlin }, scope: article, payload: {} });
  await undo(conn, wrong.id, by, 'rejected by mistake');
}

describe('a curated graph', () => {
  let original: string[];
  let jsonl: string;
  beforeAll(async () => {
    await resetDatabase(conn);
    await curate();
    original = await graphDump(conn);
    jsonl = await exportCorrections(conn);
    expect(jsonl.trimEnd().split('\n')).toHaveLength(13);
  });

  test('re-ingesting the same articles after a rebuild brings back nothing that was corrected', async () => {
    await dropGraphKeepCorrections();
    await ingest(CORPUS, conn, { workers: 0 });
    await expectSame(original);
    expect(await one(`MATCH (a:Actor {id: 'antony-blinken'}) RETURN count(a) AS n`)).toEqual({ n: 0 });
    expect(await one(`MATCH (:Actor {id: 'jared-kushner'})-[r:ATTENDED]->(:Meeting {date: '2025-12-02', place: 'Moscow'}) RETURN r.rejected AS r`)).toEqual({ r: true });
  });

  test('empty database, ingest, then import the corrections: the curated graph, node for node and property for property', async () => {
    await resetDatabase(conn);
    await ingest(CORPUS, conn, { workers: 0 });
    expect(await importCorrections(conn, jsonl)).toEqual({ read: 13, imported: 13 });
    await expectSame(original);
  });

  test('empty database, import the corrections first, then ingest: the same curated graph', async () => {
    await resetDatabase(conn);
    expect(await importCorrections(conn, jsonl)).toEqual({ read: 13, imported: 13 });
    await ingest(CORPUS, conn, { workers: 0 });
    await expectSame(original);
  });

  test('importing the same file again changes nothing and duplicates no correction', async () => {
    const before = await graphDump(conn);
    expect(await importCorrections(conn, jsonl)).toEqual({ read: 13, imported: 0 });
    expect(await correctionCount(conn)).toBe(13);
    await expectSame(before);
  });

  test('a new article naming the merged alias attaches to the kept node', async () => {
    await ingest([BLINKEN.right[1]!], conn, { workers: 0 });
    expect(await one(`MATCH (a:Actor) WHERE a.name CONTAINS 'Blinken' RETURN collect(a.id) AS ids`)).toEqual({ ids: ['anthony-blinken'] });
    const newArticle = (await one(`MATCH (a:Article) WHERE a.source ENDS WITH 'b207.txt' RETURN a.id AS id`))!.id;
    expect(Number((await one(`MATCH (:Actor {id: 'anthony-blinken'})-[:MENTIONED_IN]->(:Article {id: $a}) RETURN count(*) AS n`, { a: newArticle }))!.n)).toBeGreaterThan(0);
  });
});

test('a meeting rejected from one article stays rejected when another article reports it', async () => {
  await resetDatabase(conn);
  await ingest([ROME[0]!], conn, { workers: 0 });
  const rome = (await one(`MATCH (:Actor {id: 'steve-witkoff'})-[:ATTENDED]->(m:Meeting {place: 'Rome'}) RETURN m.id AS id`))!.id as string;
  await applyCorrection(conn, { by, op: 'reject', target: { label: 'Meeting', id: rome }, payload: {}, reason: 'test' });
  await ingest([ROME[1]!], conn, { workers: 0 });
  const visible = await cypher(conn, `MATCH (:Actor {id: 'steve-witkoff'})-[:ATTENDED]->(m:Meeting) WHERE m.place = 'Rome' AND m.rejected IS NULL RETURN m.id AS id`);
  expect(visible).toEqual([]);
  expect(Number((await one(`MATCH (:Meeting {id: $id})-[:MENTIONED_IN]->(a:Article) RETURN count(DISTINCT a) AS n`, { id: rome }))!.n)).toBe(2);
});
