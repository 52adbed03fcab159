import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { applySchema, REPO_ROOT, type Connection } from '@kg/neo4j';
import { ensureBuilt } from '../../src/cli';
import { startViewerServer, type ViewerServer } from '../../src/server/index';
import { launchBrowser } from './browser';
import { parseSerializedGraph, type SerializedGraph } from '@kg/graph-schema';

const run = promisify(execFile);

/**
 * Loads a graph file as it is (no extraction, no resolution) with
 * UNWIND/MERGE, for fixtures that must hold exact shapes. Labels and types
 * come from the validated file (graph-schema enums), never from free text.
 */
export async function loadGraph(conn: Connection, data: SerializedGraph): Promise<void> {
  await conn.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: conn.database });
  await applySchema(conn);
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

export async function ingestWithCli(uri: string, input: string): Promise<void> {
  await run('npx', ['kg', 'ingest', input], { cwd: REPO_ROOT, env: { ...process.env, NEO4J_URI: uri }, timeout: 120_000 });
}

/** `kg extract data/seeds` into a graph file, returning its path. */
export async function extractSeeds(out: string): Promise<string> {
  await run('npx', ['kg', 'extract', 'data/seeds', '--out', out], { cwd: REPO_ROOT, timeout: 120_000 });
  return out;
}

/**
 * The viewer as `npm start` leaves it: the seed articles ingested by the real
 * `kg ingest` into this (already emptied) database, the real server reading
 * it, and a real Chromium.
 */
export async function seedViewer(conn: Connection): Promise<{ server: ViewerServer; browser: Browser; close(): Promise<void> }> {
  await ingestWithCli(conn.uri, path.join(REPO_ROOT, 'data/seeds'));
  await ensureBuilt();
  const server = await startViewerServer({ source: { kind: 'neo4j', connection: conn } });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
