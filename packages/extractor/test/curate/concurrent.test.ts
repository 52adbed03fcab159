import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { applyCorrection, listCorrections, type CorrectionRequest } from '@kg/curation';
import { ingest } from '../../src/ingest';
import { startKg, waitForArticles } from '../faults/kg-process';
import { cypher, DATA_DEV, SEEDS } from './helpers';

jest.setTimeout(600_000);

let conn: Connection;
beforeAll(async () => {
  conn = await freshTestDatabase();
});
afterAll(() => conn?.close());

const by = 'analyst';

// The dev articles name the seeds' actors again and again (Putin, Trump, Russia, Ukraine…): while
// `kg ingest` writes them in small transactions, an analyst corrects those very actors.
test('an ingest running while an analyst curates: no correction lost, none doubled, every one in force at the end', async () => {
  expect((await ingest([SEEDS], conn, { workers: 0 })).error).toBeUndefined();
  const run = startKg(['ingest', DATA_DEV, '--batch', '2', '--workers', '1'], { NEO4J_URI: process.env.NEO4J_URI!, KG_RETRIES: '10', KG_RETRY_DELAY_MS: '100' });
  await waitForArticles(conn, 6, run);
  const requests: CorrectionRequest[] = [
    { by, op: 'edit', target: { label: 'Actor', id: 'donald-trump' }, payload: { set: { roles: ['US president'] } } },
    { by, op: 'edit', target: { label: 'Actor', id: 'vladimir-putin' }, payload: { set: { roles: ['Russian president'] } } },
    ...['russia', 'ukraine', 'united-states', 'china', 'france'].map((id): CorrectionRequest => ({ by, op: 'confirm', target: { label: 'Actor', id }, payload: {} })),
    { by, op: 'reject', target: { type: 'AFFILIATED_WITH', from: { label: 'Actor', id: 'steve-witkoff' }, to: { label: 'Actor', id: 'united-states' } }, payload: {} },
    { by, op: 'edit', target: { label: 'Actor', id: 'volodymyr-zelensky' }, payload: { set: { roles: ['Ukrainian president'] } } },
  ];
  const made = [];
  for (const r of requests) made.push(await applyCorrection(conn, r));
  const done = await run.done;
  expect({ code: done.code, stderr: done.stderr }).toMatchObject({ code: 0 });

  const stored = await listCorrections(conn);
  expect(stored.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
  const roles = await cypher(conn, `MATCH (a:Actor) WHERE a.id IN ['donald-trump', 'vladimir-putin', 'volodymyr-zelensky'] RETURN a.id AS id, a.roles AS roles ORDER BY id`);
  expect(roles).toEqual([
    { id: 'donald-trump', roles: ['US president'] },
    { id: 'vladimir-putin', roles: ['Russian president'] },
    { id: 'volodymyr-zelensky', roles: ['Ukrainian president'] },
  ]);
  expect(await cypher(conn, `MATCH (a:Actor) WHERE a.reviewed = true RETURN a.id AS id ORDER BY id`)).toEqual(['china', 'france', 'russia', 'ukraine', 'united-states'].map((id) => ({ id })));
  expect(await cypher(conn, `MATCH (:Actor {id: 'steve-witkoff'})-[r:AFFILIATED_WITH]->(:Actor {id: 'united-states'}) RETURN r.rejected AS r`)).toEqual([{ r: true }]);
  // the dev articles did name them again: the ingest was writing to these very actors
  expect(Number((await cypher(conn, `MATCH (:Actor {id: 'donald-trump'})-[:MENTIONED_IN]->(a:Article) RETURN count(DISTINCT a) AS n`))[0]!.n)).toBeGreaterThan(3);
});
