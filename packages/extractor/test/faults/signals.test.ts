/**
 * `kg ingest` killed with SIGTERM or SIGINT in the middle of a run: it
 * finishes the transaction in flight, says where it stopped, exits 1; the
 * graph then holds only whole articles, and the next run resumes and ends
 * with the same graph as an uninterrupted run.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@kg/neo4j';
import { freshTestDatabase, resetDatabase } from '@kg/neo4j/testing';
import { buildCorpus } from '../../bench/corpus';
import { articleCount, canonicalDump, cypher, expectSameGraph, runKg, startKg, waitForArticles } from './kg-process';

jest.setTimeout(600_000);

let conn: Connection;
let dir: string;
let corpus: string;
let reference: string[];
let referenceMentions: Map<string, number>;
const env = () => ({ NEO4J_URI: process.env.NEO4J_URI!, KG_RETRIES: '3', KG_RETRY_DELAY_MS: '200' });
const ARGS = () => ['ingest', corpus, '--batch', '5', '--workers', '1'];

const mentionsPerArticle = async () =>
  new Map((await cypher(conn, 'MATCH (a:Article) RETURN a.id AS id, COUNT { (a)<-[:MENTIONED_IN]-() } AS m')).map((r) => [r.id as string, Number(r.m)]));

beforeAll(async () => {
  conn = await freshTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-signals-'));
  corpus = path.join(dir, 'corpus.jsonl');
  await buildCorpus(200, corpus, 7);
  const r = await runKg(ARGS(), env());
  expect(r.code).toBe(0);
  reference = await canonicalDump(conn);
  referenceMentions = await mentionsPerArticle();
}, 600_000);

afterAll(async () => {
  await conn?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.each(['SIGTERM', 'SIGINT'] as const)('kg ingest stopped with %s', (signal) => {
  test('stops after the transaction in flight, says where, and the next run completes the same graph', async () => {
    await resetDatabase(conn);
    const run = startKg(ARGS(), env());
    await waitForArticles(conn, 30, run);
    run.child.kill(signal);
    const out = await run.done;
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`${signal}: finishing the transaction in flight, then stopping`);
    const where = /interrupted: stopped after (\S+); run the same command again to resume/.exec(out.stderr);
    expect(where).not.toBeNull();
    expect(where![1]).toMatch(new RegExp(`^${corpus.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+$`));

    // only whole articles: each one present has all the mentions it has after an uninterrupted run
    const partial = await mentionsPerArticle();
    const written = partial.size;
    expect(written).toBeGreaterThanOrEqual(30);
    expect(written).toBeLessThan(200);
    for (const [id, m] of partial) expect(m).toBe(referenceMentions.get(id));
    // it stopped where it said: the articles up to that line are in, none after
    const stoppedLine = Number(where![1]!.split(':').at(-1));
    expect(written).toBe(stoppedLine);

    const again = await runKg(ARGS(), env());
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`${200 - written} articles written, ${written} already in the database`);
    expect(await articleCount(conn)).toBe(200);
    const dump = await canonicalDump(conn);
    expectSameGraph(dump, reference);
  });
});
