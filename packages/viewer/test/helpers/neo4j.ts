import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { applySchema, connect, REPO_ROOT, startLocalNeo4j, type Connection } from '@kg/neo4j';
import { parseSerializedGraph, type SerializedGraph } from '@kg/graph-schema';

const run = promisify(execFile);

/**
 * A Neo4j of the viewer tests' own, on its own port and home, so wiping it
 * between suites never touches the database other packages' tests use.
 */
export async function startTestNeo4j(): Promise<{ uri: string; conn: Connection }> {
  const port = Number(process.env.KG_VIEWER_TEST_NEO4J_PORT ?? 7699);
  const started = await startLocalNeo4j({ home: `/tmp/kg-viewer-test-neo4j-${port}`, port, log: () => {} });
  const conn = await connect({ uri: started.uri, user: 'neo4j', password: '', database: undefined });
  return { uri: started.uri, conn };
}

export async function wipe(conn: Connection): Promise<void> {
  await conn.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: conn.database });
  await applySchema(conn);
}

/**
 * Loads a graph file with UNWIND/MERGE: a stand-in for `kg ingest` until
 * that command exists (see ingestWithCli). Labels and types come from the
 * validated file (graph-schema enums), never from free text.
 */
export async function loadGraph(conn: Connection, data: SerializedGraph): Promise<void> {
  await wipe(conn);
  const batch = parseSerializedGraph(data);
  const byLabel = new Map<string, Record<string, unknown>[]>();
  for (const n of batch.nodes) byLabel.set(n.label, [...(byLabel.get(n.label) ?? []), n.props as Record<string, unknown>]);
  for (const [label, rows] of byLabel)
    await conn.driver.executeQuery(`UNWIND $rows AS r MERGE (n:${label} {id: r.id}) SET n += r`, { rows }, { database: conn.database });
  const byShape = new Map<string, { from: string; to: string; props: unknown }[]>();
  for (const r of batch.rels) {
    const shape = `${r.from.label}|${r.type}|${r.to.label}`;
    byShape.set(shape, [...(byShape.get(shape) ?? []), { from: r.from.id, to: r.to.id, props: r.props }]);
  }
  for (const [shape, rows] of byShape) {
    const [from, type, to] = shape.split('|');
    await conn.driver.executeQuery(
      `UNWIND $rows AS r MATCH (a:${from} {id: r.from}) MATCH (b:${to} {id: r.to}) CREATE (a)-[x:${type}]->(b) SET x = r.props`,
      { rows },
      { database: conn.database },
    );
  }
  await conn.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: conn.database });
}

/** True once the lead's `kg ingest` exists; the tests then use it instead of loadGraph. */
export async function hasIngestCommand(): Promise<boolean> {
  const { stdout } = await run('npx', ['kg', '--help'], { cwd: REPO_ROOT }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return /kg ingest/.test(stdout);
}

export async function ingestWithCli(uri: string, input: string): Promise<void> {
  await run('npx', ['kg', 'ingest', input], { cwd: REPO_ROOT, env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: '' }, timeout: 120_000 });
}

/** `kg extract data/seeds` into a graph file, returning its path. */
export async function extractSeeds(out: string): Promise<string> {
  await run('npx', ['kg', 'extract', 'data/seeds', '--out', out], { cwd: REPO_ROOT, timeout: 120_000 });
  return out;
}
