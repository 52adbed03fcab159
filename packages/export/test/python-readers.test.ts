/**
 * The exports open in the Python readers analysts script with: `kg export`
 * writes the seed graph as GEXF and GraphML, and networkx and python-igraph
 * (pinned, in .kg/venv, made by `npm run python:env`) read them through
 * test/python/read_exports.py. What they read is compared with the graph in
 * Neo4j: counts, kg's labels, names, colours, relationship types.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freshTestDatabase } from '@kg/neo4j/testing';
import type { Connection } from '@kg/neo4j';
import { nodeColor } from '@kg/graph-schema/palette';
import { ingest } from '../../extractor/src/ingest';
import { selectSubgraph, type Subgraph } from '../src';
import { REPO, SEEDS } from './helpers';

const run = promisify(execFile);
const PYTHON = path.join(REPO, '.kg/venv/bin/python');
const SCRIPT = path.join(__dirname, 'python/read_exports.py');
const KG = path.join(REPO, 'packages/extractor/bin/kg.cjs');

interface ReadNode { id: string; kg_label: string | null; name: string | null; color?: number[] | null }
interface Read { error?: string; nodes: number; edges: number; directed: boolean; node: ReadNode[]; edge_types: string[] }
type Report = { versions: Record<string, string>; networkx_gexf: Read; networkx_graphml: Read; igraph_graphml: Read };

let conn: Connection;
let source: Subgraph;
let report: Report;
let dir: string;

beforeAll(async () => {
  // A missing venv is a failure, not a skip: the check would silently vanish from the run.
  if (!existsSync(PYTHON)) throw new Error(`no Python readers at ${PYTHON}: run \`npm run python:env\` (creates .kg/venv with networkx and igraph)`);
  conn = await freshTestDatabase();
  expect((await ingest([SEEDS], conn)).written).toBe(3);
  source = (await selectSubgraph(conn, { kind: 'all' })).graph;
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-python-readers-'));
  const gexf = path.join(dir, 'seeds.gexf');
  const graphml = path.join(dir, 'seeds.graphml');
  // The user's command, as a child process, against the test database (jest's env names it).
  for (const [format, out] of [['gexf', gexf], ['graphml', graphml]] as const) await run(process.execPath, [KG, 'export', '--format', format, '--out', out], { cwd: REPO });
  const { stdout } = await run(PYTHON, [SCRIPT, gexf, graphml], { maxBuffer: 64 << 20 });
  report = JSON.parse(stdout) as Report;
});
afterAll(async () => {
  await conn?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const sourceTypes = () => [...new Set(source.mapEdges((_, a) => String(a.type)))].sort();

/** Every node the reader saw has kg's label and name of the node with that key in Neo4j. */
function expectNodesOfSource(read: Read) {
  expect(read.node.map((n) => n.id).sort()).toEqual(source.nodes().sort());
  for (const n of read.node) {
    const a = source.getNodeAttributes(n.id);
    expect({ id: n.id, label: n.kg_label, name: n.name ?? undefined }).toEqual({ id: n.id, label: a.label, name: (a as { name?: string }).name });
  }
}

describe('the seed graph exported by kg export, read by the Python readers', () => {
  test('networkx read_gexf opens the GEXF: same nodes and relationships, labels, names, and the palette colours', () => {
    const read = report.networkx_gexf;
    expect(read.error).toBeUndefined();
    expect([read.nodes, read.edges, read.directed]).toEqual([source.order, source.size, true]);
    expectNodesOfSource(read);
    for (const n of read.node) expect({ id: n.id, color: n.color }).toEqual({ id: n.id, color: rgb(nodeColor(source.getNodeAttributes(n.id))) });
    // actors of every kind in the seeds keep their kind's colour, so the colours are not all one
    expect(new Set(read.node.map((n) => String(n.color))).size).toBeGreaterThan(3);
    expect(read.edge_types).toEqual(sourceTypes());
  });

  test('networkx read_graphml opens the GraphML: same nodes and relationships, labels, names, types', () => {
    const read = report.networkx_graphml;
    expect(read.error).toBeUndefined();
    expect([read.nodes, read.edges, read.directed]).toEqual([source.order, source.size, true]);
    expectNodesOfSource(read);
    expect(read.edge_types).toEqual(sourceTypes());
  });

  test('python-igraph Read_GraphML opens the GraphML: same nodes and relationships, labels, names, types', () => {
    const read = report.igraph_graphml;
    expect(read.error).toBeUndefined();
    expect([read.nodes, read.edges, read.directed]).toEqual([source.order, source.size, true]);
    expectNodesOfSource(read);
    expect(read.edge_types).toEqual(sourceTypes());
  });

  test('the seed graph is the real one: the Kremlin talks are there, with Putin and Witkoff', () => {
    const names = source.mapNodes((_, a) => (a as { name?: string }).name ?? '');
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/Putin/), expect.stringMatching(/Witkoff/)]));
    expect(report.versions).toEqual({ networkx: '3.6.1', igraph: '0.11.8' });
  });
});
