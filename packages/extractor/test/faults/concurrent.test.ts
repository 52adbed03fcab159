/**
 * Two `kg ingest` processes on overlapping inputs at the same time: the
 * uniqueness constraints and MERGE keep every node and relationship single;
 * deadlocks and MERGE races between them are retried, and both succeed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase } from '@kg/neo4j/testing';
import { buildCorpus } from '../../bench/corpus';
import { cypher, startKg } from './kg-process';

jest.setTimeout(600_000);

let conn: Connection;
let dir: string;

beforeAll(async () => {
  conn = await freshTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-concurrent-'));
}, 120_000);

afterAll(async () => {
  await conn?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test('two concurrent ingests of overlapping inputs leave no duplicate node or relationship', async () => {
  const all = path.join(dir, 'all.jsonl');
  await buildCorpus(240, all, 23);
  const lines = (await fs.readFile(all, 'utf8')).trim().split('\n');
  // A: articles 0–159, B: 80–239 (in reverse order, to meet A head on); 80 articles in both
  await fs.writeFile(path.join(dir, 'a.jsonl'), `${lines.slice(0, 160).join('\n')}\n`);
  await fs.writeFile(path.join(dir, 'b.jsonl'), `${lines.slice(80).reverse().join('\n')}\n`);
  const env = { NEO4J_URI: process.env.NEO4J_URI!, KG_RETRIES: '10', KG_RETRY_DELAY_MS: '100' };
  const a = startKg(['ingest', path.join(dir, 'a.jsonl'), '--batch', '5', '--workers', '1'], env);
  const b = startKg(['ingest', path.join(dir, 'b.jsonl'), '--batch', '5', '--workers', '1'], env);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  expect({ code: ra.code, stderr: ra.stderr }).toMatchObject({ code: 0 });
  expect({ code: rb.code, stderr: rb.stderr }).toMatchObject({ code: 0 });

  const articles = await cypher(conn, 'MATCH (a:Article) RETURN count(a) AS n, count(DISTINCT a.id) AS ids');
  expect(articles[0]).toEqual({ n: 240, ids: 240 });
  const perLabel = await cypher(conn, 'MATCH (n) UNWIND labels(n) AS l RETURN l, count(n) AS n, count(DISTINCT n.id) AS ids ORDER BY l');
  expect(perLabel.length).toBeGreaterThanOrEqual(4);
  for (const row of perLabel) expect(row.n).toBe(row.ids);
  // relationships: one per pair and type (MENTIONED_IN: one per pair and start offset)
  const dupes = await cypher(
    conn,
    `MATCH (a)-[r]->(b) WITH type(r) AS t, a, b, CASE type(r) WHEN 'MENTIONED_IN' THEN r.start ELSE null END AS k, count(r) AS c
     WHERE c > 1 RETURN t, a.id AS from, b.id AS to, k, c LIMIT 10`,
  );
  expect(dupes).toEqual([]);
  // the articles both processes read were written once, by one of them
  const counts = [ra, rb].map((r) => /(\d+) articles? written, (\d+) already in the database/.exec(r.stderr)!.slice(1).map(Number));
  expect(counts[0]![0]! + counts[1]![0]!).toBe(240);
});
