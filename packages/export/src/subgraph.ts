import type Graph from 'graphology';
import { createGraph, NODE_LABELS, NODE_SCHEMAS, nodeKey, REL_DISCRIMINATOR, type NodeLabel, type RelType } from '@kg/graph-schema';
import type { QueryNode, QueryRelationship, QueryValue } from '@kg/neo4j';

/**
 * A subgraph is a graphology graph that follows graph-schema's export
 * conventions: node key `Label:id`, node attribute `label` (the Neo4j label),
 * edge attribute `type` (the relationship type), every other attribute a
 * property. Every export format is written from one of these, and every
 * reader gives one back, so round trips compare like with like.
 */
export type Subgraph = Graph;

/** A Neo4j node as graph-schema attributes: the kg label and the properties, with graph-schema's nullable fields filled in. */
export function nodeAttributes(n: QueryNode): { key: string; attributes: Record<string, unknown> } {
  const label = kgLabel(n.labels);
  const props = { ...(n.properties as Record<string, unknown>) };
  if (typeof props.id !== 'string' || !props.id) props.id = n.elementId;
  return { key: nodeKey(label as NodeLabel, String(props.id)), attributes: { label, ...schemaDefaults(label, props) } };
}

/** The first of the node's labels that graph-schema knows, else its first label. */
export function kgLabel(labels: readonly string[]): string {
  return labels.find((l) => (NODE_LABELS as readonly string[]).includes(l)) ?? labels[0] ?? 'Node';
}

/**
 * Neo4j stores no nulls, so a field graph-schema requires but allows to be
 * null (a meeting's unknown date) comes back missing: it is put back as null,
 * a list with a default as that default ([]: neo4j-admin imports an empty
 * list as no property), and a required plain string that is missing as ""
 * (GEXF drops empty values). Properties stay in Neo4j's order.
 */
export function schemaDefaults(label: string, props: Record<string, unknown>): Record<string, unknown> {
  const schema = NODE_SCHEMAS[label as NodeLabel];
  if (!schema) return props;
  const out = { ...props };
  for (const [k, t] of Object.entries(schema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>)) {
    if (out[k] !== undefined) continue;
    const missing = t.safeParse(undefined);
    if (missing.success) {
      // A default (aliases and roles: []) is what graph-schema reads a missing list as.
      if (missing.data !== undefined) out[k] = missing.data;
      continue;
    }
    if (t.safeParse(null).success) out[k] = null;
    else if (t.safeParse('').success) out[k] = '';
  }
  return out;
}

/** The graph-schema key of a relationship: `TYPE:from->to`, with the discriminator (`#start`) for types that repeat. */
export function edgeKey(type: string, source: string, target: string, props: Record<string, unknown>): string {
  const disc = REL_DISCRIMINATOR[type as RelType];
  return `${type}:${source}->${target}${disc ? `#${String(props[disc])}` : ''}`;
}

/** Builds a subgraph from Neo4j nodes and relationships; relationships whose ends are missing are left out and reported. */
export class SubgraphBuilder {
  readonly graph: Subgraph = createGraph();
  readonly warnings: string[] = [];
  private readonly keyOf = new Map<string, string>();

  addNode(n: QueryNode): string {
    const known = this.keyOf.get(n.elementId);
    if (known) return known;
    const { key, attributes } = nodeAttributes(n);
    if (this.graph.hasNode(key)) this.warnings.push(`two nodes share the key ${key}; the second was left out`);
    else this.graph.addNode(key, attributes);
    if (!(NODE_LABELS as readonly string[]).includes(attributes.label as string))
      this.warnings.push(`node ${key} has no kg label (${n.labels.join(':') || 'none'}): exported as is, graph-schema readers will refuse it`);
    this.keyOf.set(n.elementId, key);
    return key;
  }

  hasNode(elementId: string): boolean {
    return this.keyOf.has(elementId);
  }

  addEdge(r: QueryRelationship): string | undefined {
    const source = this.keyOf.get(r.start);
    const target = this.keyOf.get(r.end);
    if (!source || !target) {
      this.warnings.push(`relationship ${r.type} ${r.elementId}: an end node is not in the subgraph, left out`);
      return undefined;
    }
    if (source === target) {
      this.warnings.push(`relationship ${r.type} from ${source} to itself left out (graph-schema allows no self-loops)`);
      return undefined;
    }
    const props = r.properties as Record<string, unknown>;
    let key = edgeKey(r.type, source, target, props);
    if (this.graph.hasEdge(key)) {
      // The same relationship met twice (paths overlap), or true parallels without a discriminator.
      if (this.seenEdge.has(r.elementId)) return key;
      let i = 2;
      while (this.graph.hasEdge(`${key}~${i}`)) i++;
      key = `${key}~${i}`;
    }
    this.seenEdge.add(r.elementId);
    this.graph.addEdgeWithKey(key, source, target, { type: r.type, ...props });
    return key;
  }
  private readonly seenEdge = new Set<string>();
}

/** Counts per label and per type, for summaries and tests. */
export function subgraphCounts(g: Subgraph): { nodes: number; relationships: number; byLabel: Record<string, number>; byType: Record<string, number> } {
  const byLabel: Record<string, number> = {};
  const byType: Record<string, number> = {};
  g.forEachNode((_, a) => void (byLabel[a.label as string] = (byLabel[a.label as string] ?? 0) + 1));
  g.forEachEdge((_, a) => void (byType[a.type as string] = (byType[a.type as string] ?? 0) + 1));
  return { nodes: g.order, relationships: g.size, byLabel, byType };
}

export type { QueryValue };
