import Graph from 'graphology';
import graphml from 'graphology-graphml';
import { createGraph } from '@kg/graph-schema';
import type { Subgraph } from '../subgraph';
import { decodeAttributes, jsonText, nodeFromFile, splitNames, xmlEncoding } from './encoding';

/**
 * GraphML. graphology-graphml (every published version, 0.5.2 included)
 * only parses, so the writer is here: one <key> per property, typed
 * (string, long, double, boolean), node data `label` = kg's label, edge
 * data `type` = the relationship type; properties holding lists are JSON
 * text, named in the graph data `kgJson`. Read back with graphology-graphml.
 */
export function toGraphml(g: Subgraph): string {
  const enc = xmlEncoding(g);
  const type = (k: string | undefined) => (k === 'integer' ? 'long' : k === 'double' ? 'double' : k === 'boolean' ? 'boolean' : 'string');
  const nodeKeys = new Map<string, string>([['label', 'n0']]);
  const edgeKeys = new Map<string, string>([['type', 'e0']]);
  for (const name of enc.nodeKinds.keys()) nodeKeys.set(name, `n${nodeKeys.size}`);
  for (const name of enc.edgeKinds.keys()) edgeKeys.set(name, `e${edgeKeys.size}`);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g0" for="graph" attr.name="kgJson" attr.type="string"/>',
  ];
  for (const [name, id] of nodeKeys) out.push(`  <key id="${id}" for="node" attr.name="${attr(name)}" attr.type="${name === 'label' ? 'string' : type(enc.nodeKinds.get(name))}"/>`);
  for (const [name, id] of edgeKeys) out.push(`  <key id="${id}" for="edge" attr.name="${attr(name)}" attr.type="${name === 'type' ? 'string' : type(enc.edgeKinds.get(name))}"/>`);
  out.push('  <graph id="kg" edgedefault="directed">');
  out.push(`    <data key="g0">${text(JSON.stringify({ node: [...enc.nodeJson], edge: [...enc.edgeJson] }))}</data>`);
  const data = (keys: Map<string, string>, json: Set<string>, a: Record<string, unknown>) =>
    Object.entries(a)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<data key="${keys.get(k)}">${text(json.has(k) ? jsonText(v) : String(v))}</data>`)
      .join('');
  g.forEachNode((key, a) => out.push(`    <node id="${attr(key)}">${data(nodeKeys, enc.nodeJson, a)}</node>`));
  g.forEachEdge((key, a, s, t) => out.push(`    <edge id="${attr(key)}" source="${attr(s)}" target="${attr(t)}">${data(edgeKeys, enc.edgeJson, a)}</edge>`));
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** Reads a GraphML file written by toGraphml back into a subgraph, with graphology-graphml's parser. */
export function readGraphml(xml: string): Subgraph {
  const parsed = graphml.parse(Graph, xml);
  const json = JSON.parse(String(parsed.getAttribute('kgJson') ?? '{}')) as { node?: string[]; edge?: string[] };
  const nodeJson = splitNames(JSON.stringify(json.node ?? []));
  const edgeJson = splitNames(JSON.stringify(json.edge ?? []));
  const graph = createGraph();
  parsed.forEachNode((key, a) => {
    const { label, ...props } = a;
    graph.addNode(key, nodeFromFile(String(label), decodeAttributes(props, nodeJson)));
  });
  parsed.forEachEdge((key, a, s, t) => {
    const { type, ...props } = a;
    graph.addEdgeWithKey(key, s, t, { type, ...decodeAttributes(props, edgeJson) });
  });
  return graph;
}

// Strings here never hold XML-illegal characters (encoding.ts writes those as JSON).
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const attr = (s: string) => text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
