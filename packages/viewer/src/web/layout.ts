import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import NoverlapLayout from 'graphology-layout-noverlap/worker';
import { ignoredForLayout, initialPositions } from '../shared/initial-layout';

type Sizer = (key: string) => number;

/**
 * ForceAtlas2 in a web worker (the page stays responsive while it runs),
 * stopped after a time that grows with the graph, then noverlap to pull
 * overlapping nodes apart. One controller per displayed graph.
 */
export class LayoutController {
  private fa2: FA2Layout | undefined;
  private overlap: NoverlapLayout | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A start waiting for the current picture to be painted (startAfterPaint). */
  private pending: number | undefined;
  private graph: Graph | undefined;
  private makeFa2: (() => FA2Layout) | undefined;
  private sizer: Sizer = () => 5;
  /** Pixels of the container, to turn node sizes (screen units) into graph units for noverlap. */
  private viewport = () => 800;

  constructor(private readonly onChange: (running: boolean) => void) {}

  attach(graph: Graph, sizer: Sizer, viewport: () => number): void {
    this.kill();
    this.graph = graph;
    this.sizer = sizer;
    this.viewport = viewport;
    // Provenance edges (to hidden articles) carry no weight: they would pull everything an
    // article mentions into one star.
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 400, adjustSizes: false, slowDown: 3 };
    const getEdgeWeight = (_: string, a: Record<string, unknown>) =>
      a.type === 'MENTIONED_IN' ? 0 : typeof a.weight === 'number' ? Math.log2(1 + a.weight) : 1;
    // The first picture comes from a cheap deterministic placement, not from ForceAtlas2:
    // FA2 then refines it in the worker, after the first render. The worker (which copies
    // the whole graph) is made on the first start.
    placeInitially(graph);
    this.makeFa2 = () => new FA2Layout(graph, { settings, getEdgeWeight });
  }

  /**
   * start(), once the frame being drawn now is on screen: two animation frames
   * later, so the worker's set-up and its first position updates never delay
   * the first picture. stop() and kill() cancel it.
   */
  startAfterPaint(ms?: number): void {
    this.cancelPending();
    this.pending = requestAnimationFrame(() => {
      this.pending = requestAnimationFrame(() => {
        this.pending = undefined;
        this.start(ms);
      });
    });
  }

  private cancelPending(): void {
    if (this.pending !== undefined) cancelAnimationFrame(this.pending);
    this.pending = undefined;
  }

  isRunning(): boolean {
    return this.fa2?.isRunning() ?? false;
  }

  /** Runs FA2 for `ms` (by default: 2 s plus 1 s per 1,000 nodes, at most 20 s), then noverlap. */
  start(ms?: number): void {
    this.cancelPending();
    if (!this.graph || this.graph.order < 2) return this.onChange(false);
    this.fa2 ??= this.makeFa2?.();
    if (!this.fa2) return this.onChange(false);
    this.overlap?.kill();
    this.overlap = undefined;
    this.fa2.start();
    this.onChange(true);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(true), ms ?? Math.min(20_000, 2000 + this.graph.order));
  }

  stop(thenSpread = false): void {
    this.cancelPending();
    clearTimeout(this.timer);
    if (this.fa2?.isRunning()) this.fa2.stop();
    this.onChange(false);
    if (thenSpread) this.spread();
  }

  toggle(): void {
    if (this.isRunning()) this.stop(true);
    else this.start();
  }

  /** noverlap with node sizes converted from screen pixels to graph coordinates. */
  private spread(): void {
    const graph = this.graph;
    if (!graph || graph.order < 2) return;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    graph.forEachNode((_, a) => {
      minX = Math.min(minX, a.x as number); maxX = Math.max(maxX, a.x as number);
      minY = Math.min(minY, a.y as number); maxY = Math.max(maxY, a.y as number);
    });
    const scale = Math.max(maxX - minX, maxY - minY, 1) / Math.max(200, this.viewport());
    const params = {
      inputReducer: (key: string, a: { x: number; y: number }) => ({ x: a.x, y: a.y, size: this.sizer(key) * scale * 1.3 }),
      outputReducer: (_: string, a: { x: number; y: number }) => ({ x: a.x, y: a.y }),
      settings: { margin: 2 * scale, ratio: 1 },
    };
    // Small graphs: synchronously (a few ms). Large ones: in a worker, so the page does not freeze.
    if (graph.order <= 3000) noverlap.assign(graph, { maxIterations: 60, ...params });
    else {
      this.overlap = new NoverlapLayout(graph, { ...params, onConverged: () => this.overlap?.stop() });
      this.overlap.start();
      setTimeout(() => this.overlap?.stop(), 4000);
    }
  }

  kill(): void {
    this.cancelPending();
    clearTimeout(this.timer);
    this.fa2?.kill();
    this.overlap?.kill();
    this.fa2 = undefined;
    this.overlap = undefined;
  }
}

// ---- initial placement --------------------------------------------------------

/** Graphs already given their initial placement (a view switch back must not undo the layout). */
const placed = new WeakSet<Graph>();

/** The graph's nodes already have their initial placement (the server computed it): placeInitially leaves them. */
export function markPlaced(graph: Graph): void {
  placed.add(graph);
}

/**
 * Gives the graph its initial placement (shared/initial-layout.ts), once per
 * graph; returns whether it placed anything.
 */
export function placeInitially(graph: Graph): boolean {
  if (placed.has(graph)) return false;
  placed.add(graph);
  const n = graph.order;
  if (n === 0) return false;
  const index = new Map<string, number>();
  graph.forEachNode((k) => index.set(k, index.size));
  const { x, y } = initialPositions(n, (add) =>
    graph.forEachEdge((_, a, s, t) => {
      if (!ignoredForLayout(a.type)) add(index.get(s) as number, index.get(t) as number);
    }),
  );
  graph.updateEachNodeAttributes(
    (key, a) => {
      const i = index.get(key) as number;
      a.x = x[i];
      a.y = y[i];
      return a;
    },
    { attributes: ['x', 'y'] },
  );
  return true;
}
