import { PassThrough } from 'node:stream';
import { freshTestDatabase } from '@kg/neo4j/testing';
import type { Connection } from '@kg/neo4j';
import { addBatch, createGraph, parseSerializedGraph } from '@kg/graph-schema';
import { nodeColor } from '@kg/graph-schema/palette';
import { ingest } from '../../extractor/src/ingest';
import { cypherLiteral, readGexf, readGraphml, selectSubgraph, toCsv, toGexf, toGraphJson, toGraphml, writeGraphJson, type Subgraph } from '../src';
import { canonical, HOSTILE_CONTROL, HOSTILE_NAME, HOSTILE_TEXT, makeHostile, SEEDS } from './helpers';

let conn: Connection;
let source: Subgraph;
let hostileKey: string;
beforeAll(async () => {
  conn = await freshTestDatabase();
  expect((await ingest([SEEDS], conn)).written).toBe(3);
  hostileKey = `Actor:${await makeHostile(conn)}`;
  source = (await selectSubgraph(conn, { kind: 'all' })).graph;
});
afterAll(() => conn?.close());

describe('the source subgraph (the whole seed graph)', () => {
  test('holds the seed articles and the hostile values, in graph-schema form', () => {
    expect(source.order).toBeGreaterThan(20);
    expect(source.size).toBeGreaterThan(100);
    expect(source.getNodeAttribute(hostileKey, 'name')).toBe(HOSTILE_NAME);
    expect(source.getNodeAttribute(hostileKey, 'aliases')).toEqual(expect.arrayContaining([HOSTILE_NAME, HOSTILE_TEXT, HOSTILE_CONTROL]));
    expect(source.filterNodes((_, a) => a.label === 'Article')).toHaveLength(3);
    // Neo4j keeps no nulls: a meeting without a date gets graph-schema's null back.
    source.forEachNode((_, a) => {
      if (a.label === 'Meeting') expect(a.date === null || typeof a.date === 'string').toBe(true);
    });
  });
});

describe('every format read back with a real reader equals the source, node for node and edge for edge', () => {
  test('GEXF (graphology-gexf parser): keys, labels, properties; with positions, colours and sizes for Gephi', () => {
    const text = toGexf(source);
    const { graph, positions } = readGexf(text);
    expect(canonical(graph)).toEqual(canonical(source));
    expect(Object.keys(positions)).toHaveLength(source.order);
    for (const [key, p] of Object.entries(positions)) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      // the viewer's colour, read back by graphology's parser (Gephi Lite's) from r, g, b
      expect({ key, color: p.color }).toEqual({ key, color: nodeColor(source.getNodeAttributes(key)) });
      expect(p.size).toBeGreaterThan(0);
    }
    // Colours as r, g, b, a, which networkx requires (a hex-only colour fails its reader).
    expect(text).toMatch(/<viz:color r="\d+" g="\d+" b="\d+" a="1"\/>/);
    expect(text).not.toMatch(/<viz:color[^>]*hex=/);
    // Gephi shows the `label` attribute: names, not "Actor".
    expect(text).toContain('label="Vladimir');
    // The layout is seeded: the same subgraph gives the same file; another seed another layout.
    expect(toGexf(source)).toBe(text);
    expect(toGexf(source, { seed: 7 })).not.toBe(text);
    // Not all at one point.
    expect(new Set(Object.values(positions).map((p) => `${p.x},${p.y}`)).size).toBe(source.order);
  });

  test('GraphML (graphology-graphml parser): keys, labels, properties', () => {
    const xml = toGraphml(source);
    expect(canonical(readGraphml(xml))).toEqual(canonical(source));
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="start" attr.type="long"\/>/);
  });

  test('graphology JSON: parseSerializedGraph accepts it, and the graph rebuilt from its records is the source', async () => {
    const text = toGraphJson(source);
    const data = JSON.parse(text);
    const batch = parseSerializedGraph(data);
    expect(batch.nodes).toHaveLength(source.order);
    expect(batch.rels).toHaveLength(source.size);
    const rebuilt = createGraph();
    addBatch(rebuilt, batch);
    expect(canonical(rebuilt)).toEqual(canonical(source));
    // The streamed writer gives the same document.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeGraphJson(source, out);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(data);
  });

  test('CSV: headers follow neo4j-admin conventions (the import itself is tested in neo4j-roundtrip.test.ts)', () => {
    const csv = toCsv(source);
    expect(csv.files['nodes_Actor.csv']!.split('\n')[0]).toMatch(/^id:ID\(Actor\),.*aliases:string\[\].*roles:string\[\].*,:LABEL$/);
    expect(csv.files['nodes_Meeting.csv']!.split('\n')[0]).toMatch(/^id:ID\(Meeting\),.*:LABEL$/);
    expect(csv.files['rels_ATTENDED.csv']!.split('\n')[0]).toMatch(/^:START_ID\(Actor\),:END_ID\(Meeting\),.*:TYPE$/);
    expect(csv.files['rels_MENTIONED_IN_Actor_Article.csv']!.split('\n')[0]).toBe(':START_ID(Actor),:END_ID(Article),sentence,origin,start:long,end:long,:TYPE');
    // The hostile aliases hold ';' and '|': the next free delimiter is used and named in the command.
    expect(csv.arrayDelimiter).toBe('¦');
    expect(csv.args).toContain('--array-delimiter=U+00A6');
    expect(csv.files['README.md']).toContain('neo4j-admin database import full');
  });
});

describe('Cypher literals', () => {
  test.each([
    [HOSTILE_NAME, "'\\'}) DETACH DELETE n //'"],
    ['a\\b', "'a\\\\b'"],
    ['line\nbreak\r\ttab', "'line\\nbreak\\r\\ttab'"],
    ['bell\u0007', "'bell\\u0007'"],
    [['x', "y'"], "['x', 'y\\'']"],
    [{ 'odd key`': 1, ok: 2.5, big: 1e21, t: true }, '{`odd key```: 1, ok: 2.5, big: 1e21, t: true}'],
  ])('%j', (value, literal) => {
    expect(cypherLiteral(value)).toBe(literal);
  });
});
