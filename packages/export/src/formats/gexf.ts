import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import { createGraph } from '@kg/graph-schema';
import type { Subgraph } from '../subgraph';
import { layoutPositions } from '../layout';
import { displayLabel, edgeColor, nodeColor } from '../style';
import { decodeAttributes, encodeValue, nodeFromFile, splitNames, xmlEncoding } from './encoding';

/** Attribute names that carry kg's label and type in GEXF, where `label` is the text Gephi shows. */
const LABEL_ATTR = 'kg_label';
const TYPE_ATTR = 'kg_type';

/**
 * Colours go out as r, g, b and a, never as hex: graphology-gexf writes hex
 * alone for GEXF 1.3, and networkx (`read_gexf`) reads only r, g, b, a,
 * failing on a colour without them; Gephi's importer reads r, g, b (older
 * ones nothing else), and graphology's parser (Gephi Lite) both forms. `a`
 * is there because older networkx required it.
 */
function vizColor(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},1)`;
}

/** Back to the palette's `#rrggbb` from the `rgba(…)` graphology's parser gives for r, g, b, a. */
function paletteColor(color: unknown): string | undefined {
  if (typeof color !== 'string') return undefined;
  const m = /^rgba?\((\d+),(\d+),(\d+)(?:,[\d.]+)?\)$/.exec(color.replace(/\s+/g, ''));
  if (!m) return color;
  return `#${m.slice(1, 4).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * GEXF 1.3 for Gephi, written by graphology-gexf: the node label is what a
 * person reads (name, meeting date and place…), colour by actor kind /
 * meeting status / label, size by degree, positions from the nodes or a
 * seeded ForceAtlas2 layout. kg's label and relationship type are the
 * attributes kg_label and kg_type; list properties are JSON text (listed in
 * the meta element `kgjson`).
 */
export function toGexf(g: Subgraph, opts: { iterations?: number; seed?: number } = {}): string {
  const enc = xmlEncoding(g);
  const pos = layoutPositions(g, opts);
  const maxDegree = Math.max(1, ...g.mapNodes((k) => g.degree(k)));
  const out = g.copy();
  out.replaceAttributes({
    creator: 'kg',
    description: `kg subgraph: ${g.order} nodes, ${g.size} relationships`,
    kgjson: JSON.stringify({ node: [...enc.nodeJson], edge: [...enc.edgeJson] }),
  });
  return gexf.write(out, {
    version: '1.3',
    formatNode: (key, a) => {
      const { label, ...props } = a;
      const attributes: Record<string, unknown> = { [LABEL_ATTR]: label };
      for (const [k, v] of Object.entries(props)) attributes[k] = encodeValue(k, v, enc.nodeJson);
      return {
        label: displayLabel(a),
        attributes,
        viz: { color: vizColor(nodeColor(a)), size: Math.round((4 + 16 * Math.sqrt(g.degree(key) / maxDegree)) * 10) / 10, x: pos[key]!.x, y: pos[key]!.y },
      };
    },
    formatEdge: (_key, a) => {
      const { type, ...props } = a;
      const attributes: Record<string, unknown> = { [TYPE_ATTR]: type };
      for (const [k, v] of Object.entries(props)) attributes[k] = encodeValue(k, v, enc.edgeJson);
      return { label: String(type), attributes, viz: { color: vizColor(edgeColor(String(type))) } };
    },
  });
}

/** Reads a GEXF file written by toGexf back into a subgraph, with graphology-gexf's parser. */
export function readGexf(text: string): { graph: Subgraph; positions: Record<string, { x: number; y: number; color?: string; size?: number }> } {
  const parsed = gexf.parse(MultiDirectedGraph, text, { respectInputGraphType: true });
  const json = JSON.parse(String(parsed.getAttribute('kgjson') ?? '{}')) as { node?: string[]; edge?: string[] };
  const nodeJson = splitNames(JSON.stringify(json.node ?? []));
  const edgeJson = splitNames(JSON.stringify(json.edge ?? []));
  const graph = createGraph();
  const positions: Record<string, { x: number; y: number; color?: string; size?: number }> = {};
  parsed.forEachNode((key, a) => {
    const { label: _shown, x, y, color, size, [LABEL_ATTR]: label, ...props } = a;
    positions[key] = { x: x as number, y: y as number, color: paletteColor(color), size: size as number };
    graph.addNode(key, nodeFromFile(String(label), decodeAttributes(props, nodeJson)));
  });
  parsed.forEachEdge((key, a, s, t) => {
    const { label: _shown, color: _c, [TYPE_ATTR]: type, ...props } = a;
    graph.addEdgeWithKey(key, s, t, { type, ...decodeAttributes(props, edgeJson) });
  });
  return { graph, positions };
}
