import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect, localConfig, startLocalNeo4j, type Connection } from '@kg/neo4j';
import { freshTestDatabase, graphCounts } from '@kg/neo4j/testing';
import { ingest } from '../../extractor/src/ingest';
import { runCypherScript, selectSubgraph, splitCypherStatements, subgraphCounts, toCsv, toCypherScript, type Subgraph } from '../src';
import { canonical, HOSTILE_NAME, HOSTILE_TEXT, makeHostile, REPO, SEEDS, write } from './helpers';

/**
 * The exports that recreate a graph in Neo4j, checked against a second,
 * empty Neo4j of this file's own (its own home and port, started with the
 * launcher), never the database the source came from:
 *  - the Cypher script is run into it while it is empty;
 *  - the CSV files go through the real `neo4j-admin database import full`
 *    (org.neo4j.cli.AdminTool from the launcher's Maven classpath) into a
 *    fresh store, which the launcher then opens.
 * Both are read back with selectSubgraph and compared with the source.
 */
const run = promisify(execFile);
const PORT = Number(process.env.KG_EXPORT_TEST_NEO4J_PORT ?? 7698);
const HOME = path.join(REPO, '.kg/neo4j-export-test');
const LIB = path.join(REPO, 'tools/neo4j-local/target/lib');

let conn: Connection;
let source: Subgraph;
let hostileKey: string;
let target: Connection | undefined;
let stopTarget: (() => Promise<unknown>) | undefined;

async function closeTarget() {
  await target?.close();
  target = undefined;
  await stopTarget?.();
  stopTarget = undefined;
}

beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([SEEDS], conn)).written).toBe(3);
  hostileKey = `Actor:${await makeHostile(conn)}`;
  source = (await selectSubgraph(conn, { kind: 'all' })).graph;
}, 120_000);

afterAll(async () => {
  await closeTarget();
  await conn?.close();
}, 60_000);

/** Starts the second Neo4j on HOME as it is (an empty home gives an empty database). */
async function openTarget(): Promise<Connection> {
  await closeTarget();
  const started = await startLocalNeo4j({ home: HOME, port: PORT, log: () => {} });
  stopTarget = started.stop;
  target = await connect(localConfig(started));
  return target;
}

test('the Cypher script recreates the subgraph in an empty Neo4j, hostile text included, and running it again changes nothing', async () => {
  const script = toCypherScript(source, { batch: 50 });
  // One statement per line: the hostile name cannot have ended a string or a statement.
  expect(splitCypherStatements(script).length).toBe(script.split('\n').filter((l) => l && !l.startsWith('//')).length);
  await closeTarget();
  await rm(HOME, { recursive: true, force: true });
  const db = await openTarget();
  expect((await graphCounts(db)).nodes).toBe(0);
  await runCypherScript(db, script);
  const back = (await selectSubgraph(db, { kind: 'all' })).graph;
  expect(subgraphCounts(back)).toEqual(subgraphCounts(source));
  expect(canonical(back)).toEqual(canonical(source));
  expect(back.getNodeAttribute(hostileKey, 'name')).toBe(HOSTILE_NAME);
  // Constraints came first and are in place, with the full-text index.
  const constraints = await write(db, 'SHOW CONSTRAINTS YIELD name RETURN name');
  expect(constraints.map((c) => c.name)).toEqual(expect.arrayContaining(['actor_id', 'meeting_id', 'article_id']));
  const hits = await write(db, 'CALL db.index.fulltext.queryNodes("actor_names", "semi") YIELD node RETURN node.id AS id');
  expect(hits.map((h) => h.id)).toContain(hostileKey.slice('Actor:'.length));
  // Idempotent: MERGE all the way.
  const before = await graphCounts(db);
  await runCypherScript(db, script);
  expect(await graphCounts(db)).toEqual(before);
}, 180_000);

test('the CSV files go through the real neo4j-admin import into a fresh store and read back equal', async () => {
  const csv = toCsv(source);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kg-csv-'));
  try {
    for (const [name, content] of Object.entries(csv.files)) await writeFile(path.join(dir, name), content);
    expect(csv.args).toContain('--array-delimiter=U+00A6');
    await closeTarget();
    await rm(HOME, { recursive: true, force: true });
    await mkdir(HOME, { recursive: true });
    const conf = path.join(dir, 'conf');
    await mkdir(conf);
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java';
    const { stdout } = await run(java, ['-XX:TieredStopAtLevel=1', '-cp', `${LIB}/*`, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', ...csv.args], {
      cwd: dir,
      env: { ...process.env, NEO4J_HOME: HOME, NEO4J_CONF: conf },
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stdout).toMatch(/IMPORT DONE/);
    expect(stdout).toContain(`${source.order} nodes`);
    expect(stdout).toContain(`${source.size} relationships`);
    const db = await openTarget();
    const back = (await selectSubgraph(db, { kind: 'all' })).graph;
    expect(subgraphCounts(back)).toEqual(subgraphCounts(source));
    expect(canonical(back)).toEqual(canonical(source));
    expect(back.getNodeAttribute(hostileKey, 'aliases')).toContain(HOSTILE_TEXT);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 300_000);
