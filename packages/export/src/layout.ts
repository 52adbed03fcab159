import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Subgraph } from './subgraph';

export type Positions = Record<string, { x: number; y: number }>;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same numbers on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: each node's start position depends on its key only, not on the order nodes were read in. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Node positions for files that carry them (GEXF): the nodes' own x/y when
 * every node has them, otherwise a ForceAtlas2 layout run synchronously for
 * a few iterations from seeded start positions, so the same subgraph always
 * gets the same picture.
 */
export function layoutPositions(g: Subgraph, opts: { iterations?: number; seed?: number } = {}): Positions {
  const out: Positions = {};
  if (g.order && g.everyNode((_, a) => typeof a.x === 'number' && typeof a.y === 'number')) {
    g.forEachNode((k, a) => (out[k] = { x: a.x as number, y: a.y as number }));
    return out;
  }
  const h = g.emptyCopy();
  h.clear();
  const seed = opts.seed ?? 42;
  g.forEachNode((k) => {
    const rnd = mulberry32(hash(k) ^ seed);
    h.addNode(k, { x: (rnd() - 0.5) * 100, y: (rnd() - 0.5) * 100 });
  });
  g.forEachEdge((e, _a, s, t) => h.addEdgeWithKey(e, s, t));
  const settings = forceAtlas2.inferSettings(h);
  const pos = g.size ? forceAtlas2(h, { iterations: opts.iterations ?? (g.order > 5000 ? 30 : 100), settings: { ...settings, barnesHutOptimize: g.order > 1000 } }) : {};
  h.forEachNode((k, a) => {
    const p = pos[k] ?? { x: a.x as number, y: a.y as number };
    out[k] = { x: round(p.x), y: round(p.y) };
  });
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;
