import Graph from 'graphology';
import { GRAPH_OPTIONS, type NodeLabel, type SerializedGraph } from '@kg/graph-schema';
import { dateExtent } from './filters';
import { LABEL_SHAPE, dim, nodeColor, nodeText, sizeForDegree, type Shape } from './graph-style';
import { buildProjection, type ProjectionEdge } from './projection';

/** What the renderer draws for a node, computed once per node (not per frame). */
export interface NodeStyle {
  color: string;
  dimColor: string;
  size: number;
  text: string;
  shape: Shape;
}

export type ProjectionGraph = Graph<Record<string, unknown>, ProjectionEdge>;

/** Cheap stable hash → [0,1): new nodes get the same start position on every load. */
function hash01(s: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/**
 * The graph in the browser: the full graph as loaded (plus expansions), the
 * derived who-met-whom projection, and each node's precomputed style.
 */
export class GraphModel {
  readonly graph = new Graph(GRAPH_OPTIONS);
  readonly style = new Map<string, NodeStyle>();
  readonly projectionStyle = new Map<string, NodeStyle>();
  private projectionGraph: ProjectionGraph | undefined;
  /** Keys of the nodes the first load brought; expansions add to them and collapse removes only the others. */
  readonly base = new Set<string>();

  constructor(data: SerializedGraph, readonly info: { truncated: boolean; total: number; source: 'neo4j' | 'file' | 'dropped'; name: string }) {
    this.merge(data);
    this.graph.forEachNode((k) => this.base.add(k));
  }

  /** Whether the server may know more than the browser (expansion and chains then ask it). */
  get remote(): boolean {
    return this.info.source === 'neo4j' || this.info.truncated;
  }

  /**
   * Adds nodes and edges not yet present; returns the keys of the new nodes.
   * New nodes start near `anchor` (the expanded node) or at a hashed spot.
   */
  merge(data: SerializedGraph, anchor?: string): string[] {
    const g = this.graph;
    const first = g.order === 0;
    const added: string[] = [];
    const spread = Math.sqrt(g.order + data.nodes.length) * 12 + 10;
    const ax = anchor && g.hasNode(anchor) ? (g.getNodeAttribute(anchor, 'x') as number) : 0;
    const ay = anchor && g.hasNode(anchor) ? (g.getNodeAttribute(anchor, 'y') as number) : 0;
    for (const n of data.nodes) {
      if (!first && g.hasNode(n.key)) continue;
      const attrs = n.attributes as Record<string, unknown>;
      let { x, y } = attrs;
      if (typeof x !== 'number' || typeof y !== 'number') {
        const r = anchor ? 4 + 8 * hash01(n.key, 3) : spread * Math.sqrt(hash01(n.key, 1));
        const t = 2 * Math.PI * hash01(n.key, 2);
        x = ax + r * Math.cos(t);
        y = ay + r * Math.sin(t);
      }
      g.addNode(n.key, { ...attrs, x, y });
      added.push(n.key);
    }
    if (first) this.loadEdges(data.edges);
    else this.mergeEdges(data.edges, added);
    return added;
  }

  /** Edges without a key (the compact API payload) get the one graph-schema gives them. */
  private static edgeKey(e: SerializedGraph['edges'][number]): string {
    return e.key ?? `${e.attributes.type}:${e.source}->${e.target}`;
  }

  /**
   * Into a graph that had no nodes (the first load, 50,000 edges and more): no
   * lookups of ours per edge, only graphology's own, and degrees from its
   * counters, minus the provenance edges.
   */
  private loadEdges(edges: SerializedGraph['edges']): void {
    const g = this.graph;
    const provenance = new Map<string, number>();
    for (const e of edges) {
      try {
        g.addEdgeWithKey(GraphModel.edgeKey(e), e.source, e.target, { ...e.attributes });
      } catch {
        continue; // an edge to a node that was not sent (a truncated graph), or sent twice
      }
      if (e.attributes.type === 'MENTIONED_IN') for (const k of [e.source, e.target]) provenance.set(k, (provenance.get(k) ?? 0) + 1);
    }
    g.forEachNode((k) => this.restyle(k, g.degree(k) - (provenance.get(k) ?? 0)));
    this.projectionGraph = undefined;
  }

  private mergeEdges(edges: SerializedGraph['edges'], added: string[]): void {
    const g = this.graph;
    const touched = new Set(added);
    for (const e of edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
      const key = GraphModel.edgeKey(e);
      if (g.hasEdge(key)) continue;
      g.addEdgeWithKey(key, e.source, e.target, { ...e.attributes });
      touched.add(e.source).add(e.target);
    }
    for (const k of touched) this.restyle(k);
    if (touched.size) this.projectionGraph = undefined;
  }

  remove(keys: Iterable<string>): void {
    const touched = new Set<string>();
    for (const k of keys) {
      if (!this.graph.hasNode(k)) continue;
      this.graph.forEachNeighbor(k, (n) => touched.add(n));
      this.graph.dropNode(k);
      this.style.delete(k);
      touched.delete(k);
    }
    for (const k of touched) if (this.graph.hasNode(k)) this.restyle(k);
    this.projectionGraph = undefined;
  }

  /** `degree` when the caller counted it (provenance edges excluded). */
  private restyle(key: string, degree?: number): void {
    const a = this.graph.getNodeAttributes(key);
    // Provenance edges do not count: an actor is not "bigger" for being quoted often.
    if (degree === undefined) {
      degree = 0;
      this.graph.forEachEdge(key, (_, e) => {
        if (e.type !== 'MENTIONED_IN') degree!++;
      });
    }
    const color = nodeColor(a);
    this.style.set(key, { color, dimColor: dim(color), size: sizeForDegree(degree), text: nodeText(a), shape: LABEL_SHAPE[a.label as NodeLabel] ?? 'circle' });
  }

  /** The who-met-whom graph, built on first use after each change. */
  get projection(): ProjectionGraph {
    if (!this.projectionGraph) {
      const p = buildProjection(this.graph);
      this.projectionStyle.clear();
      p.forEachNode((k) => {
        const s = this.style.get(k);
        if (s) this.projectionStyle.set(k, { ...s, size: sizeForDegree(p.degree(k) * 1.5) });
      });
      this.projectionGraph = p;
    }
    return this.projectionGraph;
  }

  meetingDateExtent(): { min: string; max: string } | undefined {
    const dates: (string | null)[] = [];
    this.graph.forEachNode((_, a) => {
      if (a.label === 'Meeting') dates.push(a.date as string | null);
    });
    return dateExtent(dates);
  }
}
