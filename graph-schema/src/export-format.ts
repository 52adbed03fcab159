import Graph from 'graphology';
import { z } from 'zod';
import { NODE_SCHEMAS, NodeLabelSchema, type NodeLabel } from './nodes';
import { RELATIONSHIPS, RelTypeSchema, type RelType } from './relationships';
import { nodeKey, parseNodeKey, relKey, type GraphBatch, type NodeRecord, type RelRecord } from './records';
import { mergeProps } from './merge';

/**
 * The graph file is graphology's own serialization (`graph.export()`): node
 * attribute `label` holds the Neo4j label, edge attribute `type` the
 * relationship type, and the other attributes are the properties.
 */
export const SerializedNode = z.object({
  key: z.string(),
  attributes: z.object({ label: NodeLabelSchema }).loose(),
});
export const SerializedEdge = z.object({
  key: z.string().optional(),
  source: z.string(),
  target: z.string(),
  attributes: z.object({ type: RelTypeSchema }).loose(),
});
export const SerializedGraph = z.object({
  options: z.object({ type: z.enum(['directed', 'undirected', 'mixed']), multi: z.boolean(), allowSelfLoops: z.boolean() }).partial().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  nodes: z.array(SerializedNode),
  edges: z.array(SerializedEdge),
});
export type SerializedGraph = z.infer<typeof SerializedGraph>;

export const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: false } as const;

export function createGraph(): Graph {
  return new Graph(GRAPH_OPTIONS);
}

/** Adds (or merges into) a graphology graph the nodes and relationships of one batch. */
export function addBatch(graph: Graph, batch: GraphBatch): void {
  for (const n of batch.nodes) addNode(graph, n);
  for (const r of batch.rels) addRel(graph, r);
}

export function addNode(graph: Graph, n: NodeRecord): string {
  const key = nodeKey(n.label, n.props.id);
  if (graph.hasNode(key)) {
    const { label, ...old } = graph.getNodeAttributes(key);
    graph.replaceNodeAttributes(key, { label, ...mergeProps(n.label, old as never, n.props as never) });
  } else graph.addNode(key, { label: n.label, ...n.props });
  return key;
}

export function addRel(graph: Graph, r: RelRecord): string {
  const key = relKey(r);
  const source = nodeKey(r.from.label, r.from.id);
  const target = nodeKey(r.to.label, r.to.id);
  if (!graph.hasNode(source) || !graph.hasNode(target)) throw new Error(`${key}: endpoint missing`);
  if (graph.hasEdge(key)) graph.mergeEdgeAttributes(key, fillMissing(graph.getEdgeAttributes(key), r.props));
  else graph.addEdgeWithKey(key, source, target, { type: r.type, ...r.props });
  return key;
}

const fillMissing = (old: Record<string, unknown>, next: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(next).filter(([k]) => old[k] === undefined));

/**
 * Reads a graph file back into records, checking every node against its
 * label's schema and every edge against its type: a file that does not follow
 * graph-schema is refused with the offending key.
 */
export function parseSerializedGraph(data: unknown): GraphBatch {
  const g = SerializedGraph.parse(data);
  const nodes: NodeRecord[] = g.nodes.map((n) => {
    const { label, ...props } = n.attributes;
    const parsed = NODE_SCHEMAS[label as NodeLabel].safeParse(props);
    if (!parsed.success) throw new Error(`node ${n.key}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { label, props: parsed.data } as NodeRecord;
  });
  const rels: RelRecord[] = g.edges.map((e) => {
    const { type, ...props } = e.attributes;
    const parsed = RELATIONSHIPS[type as RelType].props.safeParse(props);
    if (!parsed.success) throw new Error(`edge ${e.key ?? `${e.source}->${e.target}`}: ${parsed.error.message}`);
    return { type, from: parseNodeKey(e.source), to: parseNodeKey(e.target), props: parsed.data } as RelRecord;
  });
  return { nodes, rels };
}
