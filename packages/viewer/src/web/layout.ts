import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import NoverlapLayout from 'graphology-layout-noverlap/worker';

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
  private graph: Graph | undefined;
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
    // A few synchronous iterations first, within a small time budget, so the very first
    // picture is already roughly shaped instead of a random cloud.
    const t0 = performance.now();
    for (let i = 0; i < 60 && graph.order > 1 && performance.now() - t0 < 120; i++) {
      forceAtlas2.assign(graph, { iterations: 1, settings, getEdgeWeight });
    }
    this.fa2 = new FA2Layout(graph, { settings, getEdgeWeight });
  }

  isRunning(): boolean {
    return this.fa2?.isRunning() ?? false;
  }

  /** Runs FA2 for `ms` (by default: 2 s plus 1 s per 1,000 nodes, at most 20 s), then noverlap. */
  start(ms?: number): void {
    if (!this.fa2 || !this.graph || this.graph.order < 2) return this.onChange(false);
    this.overlap?.kill();
    this.overlap = undefined;
    this.fa2.start();
    this.onChange(true);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(true), ms ?? Math.min(20_000, 2000 + this.graph.order));
  }

  stop(thenSpread = false): void {
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
    clearTimeout(this.timer);
    this.fa2?.kill();
    this.overlap?.kill();
    this.fa2 = undefined;
    this.overlap = undefined;
  }
}
