/**
 * The database goes away in the middle of `kg ingest`: a dedicated local
 * Neo4j (its own home and port; the shared test database is not touched) is
 * stopped while a child `kg ingest` writes. The command reports the failure,
 * retries with back-off (a short schedule through KG_RETRIES /
 * KG_RETRY_DELAY_MS), gives up with exit code 1; after a restart the next run
 * completes the work, and the graph equals that of an uninterrupted run.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applySchema, connect, localConfig, type Connection } from '@kg/neo4j';
import { resetDatabase } from '@kg/neo4j/testing';
import { buildCorpus } from '../../bench/corpus';
import { REPO } from '../helpers';
import { articleCount, canonicalDump, expectSameGraph, runKg, startKg, waitForArticles } from './kg-process';

jest.setTimeout(600_000);

const HOME = path.join(REPO, '.kg/neo4j-test-fault-stop');
const PORT = Number(process.env.KG_FAULT_NEO4J_PORT ?? 7721);
type Neo = { uri: string; passwordFile: string; stop(): Promise<void> };
let startNeo4j: (o: object) => Promise<Neo>;
let neo: Neo | undefined;
let conn: Connection | undefined;
let dir: string;
let corpus: string;
const ARGS = () => ['ingest', corpus, '--batch', '5', '--workers', '1'];

async function up(fresh: boolean) {
  neo = await startNeo4j({ home: HOME, port: PORT, fresh, log: () => {} });
  conn = await connect(localConfig(neo));
}
async function down() {
  await conn?.close().catch(() => {});
  conn = undefined;
  await neo?.stop();
  neo = undefined;
}

beforeAll(async () => {
  ({ startNeo4j } = await import(pathToFileURL(path.join(REPO, 'tools/neo4j-local/neo4j-local.mjs')).href));
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-neo4j-stop-'));
  corpus = path.join(dir, 'corpus.jsonl');
  await buildCorpus(150, corpus, 11);
  await up(true);
}, 300_000);

afterAll(async () => {
  await down().catch(() => {});
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test('Neo4j stopped mid-ingest: reported, retried, exit 1; after a restart the next run completes the same graph', async () => {
  const env = { NEO4J_URI: neo!.uri, NEO4J_PASSWORD_FILE: neo!.passwordFile, KG_RETRIES: '2', KG_RETRY_DELAY_MS: '300' };
  // the reference: an uninterrupted run
  await applySchema(conn!);
  const ref = await runKg(ARGS(), env);
  expect(ref.code).toBe(0);
  const reference = await canonicalDump(conn!);
  await resetDatabase(conn!);

  const run = startKg(ARGS(), env);
  await waitForArticles(conn!, 20, run);
  await down(); // a clean shutdown, with the ingest mid-way
  const out = await run.done;
  expect(out.code).toBe(1);
  expect(out.stderr).toMatch(/database unavailable \(.+\); retry 1 in/);
  expect(out.stderr).toMatch(/retry 2 in/);
  expect(out.stderr).toMatch(/error: the database failed \(.+\); everything before and including \S+corpus\.jsonl:\d+ is committed\. Run the same command again to resume\./);

  await up(false);
  const written = await articleCount(conn!);
  expect(written).toBeGreaterThanOrEqual(20);
  expect(written).toBeLessThan(150);
  const again = await runKg(ARGS(), { ...env, NEO4J_URI: neo!.uri });
  expect(again.code).toBe(0);
  expect(again.stderr).toContain(`${150 - written} articles written, ${written} already in the database`);
  const dump = await canonicalDump(conn!);
  expectSameGraph(dump, reference);
});

test('Neo4j back within the retry window: the same run completes, exit 0', async () => {
  await resetDatabase(conn!);
  const env = { NEO4J_URI: neo!.uri, NEO4J_PASSWORD_FILE: neo!.passwordFile, KG_RETRIES: '8', KG_RETRY_DELAY_MS: '1000', KG_RETRY_MAX_DELAY_MS: '4000' };
  const run = startKg(ARGS(), env);
  await waitForArticles(conn!, 20, run);
  await down();
  await up(false);
  const out = await run.done;
  expect(out.stderr).toMatch(/database unavailable .*; retry 1 in/);
  expect(out.code).toBe(0);
  expect(await articleCount(conn!)).toBe(150);
});
