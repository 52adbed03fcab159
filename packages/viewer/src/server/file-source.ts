import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Graph from 'graphology';
import { addBatch, createGraph, parseSerializedGraph, type SerializedGraph } from '@kg/graph-schema';
import type { ActorHit, ChainResponse, GraphResponse } from '../shared/api-types';
import { normalize, scoreActor } from '../shared/actor-match';
import { meetingChain } from '../shared/chain';
import { NotFoundError, type GraphSource } from './source';

/** Reads and validates a graph file (graph-schema export format): a bad file fails here, with the offending key. */
export async function loadGraphFile(file: string): Promise<Graph> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  const graph = createGraph();
  addBatch(graph, parseSerializedGraph(data));
  return graph;
}

/** Serves a graph held in memory: file mode, for `kg view graph.json` with no database. */
export async function fileSource(file: string): Promise<GraphSource> {
  return memorySource(await loadGraphFile(file), path.basename(file));
}

export function memorySource(graph: Graph, name: string): GraphSource {
  // The full export is computed once: it is what almost every page load asks for.
  let fullExport: SerializedGraph | undefined;
  const exportAll = () => (fullExport ??= graph.export() as SerializedGraph);
  let truncated: { limit: number; graph: SerializedGraph } | undefined;

  return {
    kind: 'file',
    name,
    async graph(limit) {
      if (graph.order <= limit) return { graph: exportAll(), truncated: false, total: graph.order };
      // The same object for the same limit, so the JSON made of it is memoised too (api.ts).
      if (truncated?.limit !== limit) {
        const keep = new Set(
          graph
            .nodes()
            .sort((a, b) => graph.degree(b) - graph.degree(a))
            .slice(0, limit),
        );
        truncated = { limit, graph: subgraph(graph, keep) };
      }
      return { graph: truncated.graph, truncated: true, total: graph.order };
    },
    async neighbours(key, limit) {
      if (!graph.hasNode(key)) throw new NotFoundError(`no node ${key}`);
      const keep = new Set([key, ...graph.neighbors(key).slice(0, limit)]);
      return { graph: subgraph(graph, keep, key), truncated: graph.neighbors(key).length > limit, total: graph.order };
    },
    async chain(fromKey, toKey, maxMeetings) {
      for (const k of [fromKey, toKey])
        if (!graph.hasNode(k) || graph.getNodeAttribute(k, 'label') !== 'Actor') throw new NotFoundError(`no actor ${k}`);
      const path = meetingChain(graph, fromKey, toKey, maxMeetings);
      return { path, graph: subgraph(graph, new Set(path), undefined, path) };
    },
    async search(query, limit) {
      const q = normalize(query);
      if (!q) return [];
      const hits: ActorHit[] = [];
      graph.forEachNode((key, a) => {
        if (a.label !== 'Actor') return;
        const score = scoreActor({ name: a.name, aliases: a.aliases }, q);
        if (score > 0) hits.push({ key, name: a.name, kind: a.kind, aliases: a.aliases ?? [], score });
      });
      return hits.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name)).slice(0, limit);
    },
    async close() {},
  };
}

/**
 * The nodes in `keep` and the edges between them. With `centre`, only edges
 * touching it (an expansion); with `path`, only edges between consecutive
 * path nodes (a chain).
 */
function subgraph(graph: Graph, keep: Set<string>, centre?: string, path?: string[]): SerializedGraph {
  const nodes = [...keep].map((key) => ({ key, attributes: graph.getNodeAttributes(key) }));
  const edges: SerializedGraph['edges'] = [];
  const consecutive = path && new Set(path.slice(1).map((k, i) => `${path[i]}|${k}`));
  graph.forEachEdge((key, attributes, source, target) => {
    if (!keep.has(source) || !keep.has(target)) return;
    if (centre && source !== centre && target !== centre) return;
    if (consecutive && !consecutive.has(`${source}|${target}`) && !consecutive.has(`${target}|${source}`)) return;
    edges.push({ key, source, target, attributes: attributes as SerializedGraph['edges'][number]['attributes'] });
  });
  return { nodes: nodes as SerializedGraph['nodes'], edges };
}
