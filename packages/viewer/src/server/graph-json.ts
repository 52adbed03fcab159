import type { SerializedGraph } from '@kg/graph-schema';
import { ignoredForLayout, initialPositions } from '../shared/initial-layout';

/**
 * Graph JSON as sent. Edges whose key is the one graph-schema would give them
 * (`TYPE:source->target`) travel without it (the web app restores it), which
 * takes about a quarter off a large graph.
 *
 * `placed`: every node also carries x and y, the initial placement
 * (shared/initial-layout.ts), computed here rather than in the browser: the
 * server does it while the browser is still parsing the app, and a file
 * source does it once for every page load. The graph fragments of expansions
 * and chains go without: the web app places them next to what is shown.
 *
 * Memoised per graph object: a file source answers every page load with the same export.
 */
const memo = { plain: new WeakMap<SerializedGraph, string>(), placed: new WeakMap<SerializedGraph, string>() };

export function graphJson(graph: SerializedGraph, placed = false): string {
  const cache = placed ? memo.placed : memo.plain;
  let json = cache.get(graph);
  if (json === undefined) {
    const edges = graph.edges.map((e) => {
      if (e.key !== `${e.attributes.type}:${e.source}->${e.target}`) return e;
      const { key: _key, ...rest } = e;
      return rest;
    });
    json = JSON.stringify({ ...graph, nodes: placed ? placedNodes(graph) : graph.nodes, edges });
    cache.set(graph, json);
  }
  return json;
}

function placedNodes(graph: SerializedGraph): SerializedGraph['nodes'] {
  const index = new Map<string, number>();
  for (const n of graph.nodes) index.set(n.key, index.size);
  const { x, y } = initialPositions(index.size, (add) => {
    for (const e of graph.edges) {
      if (ignoredForLayout(e.attributes.type)) continue;
      const i = index.get(e.source), j = index.get(e.target);
      if (i !== undefined && j !== undefined) add(i, j);
    }
  });
  // Rounded: a hundredth of a graph unit is far below a pixel, and the JSON is shorter.
  const round = (v: number) => Math.round(v * 100) / 100;
  return graph.nodes.map((n, i) => ({ ...n, attributes: { ...n.attributes, x: round(x[i]!), y: round(y[i]!) } }) as SerializedGraph['nodes'][number]);
}
