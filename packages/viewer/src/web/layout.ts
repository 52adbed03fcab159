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

/** Edges that carry no layout weight (provenance: an article mentions everything in it). */
const ignoredForLayout = (a: Record<string, unknown>) => a.type === 'MENTIONED_IN';

/**
 * A cheap, deterministic first placement, so the first picture needs no
 * ForceAtlas2 and already has short edges: PivotMDS (Brandes & Pich 2006) —
 * breadth-first distances from up to 40 well-spread pivot nodes, classical
 * MDS on those distances — for each connected component, then the components
 * packed in rows, largest first. O(pivots × edges): ~50 ms at 10,000 nodes and
 * 50,000 edges. ForceAtlas2 then only refines it. Runs once per graph;
 * returns whether it placed anything.
 */
export function placeInitially(graph: Graph): boolean {
  if (placed.has(graph)) return false;
  placed.add(graph);
  const n = graph.order;
  if (n === 0) return false;
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  // Undirected adjacency in compressed rows.
  const deg = new Int32Array(n + 1);
  const pairs: number[] = [];
  graph.forEachEdge((_, a, s, t) => {
    if (ignoredForLayout(a) || s === t) return;
    const i = index.get(s) as number, j = index.get(t) as number;
    pairs.push(i, j);
    deg[i]!++;
    deg[j]!++;
  });
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + deg[i]!;
  const adj = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let p = 0; p < pairs.length; p += 2) {
    const i = pairs[p]!, j = pairs[p + 1]!;
    adj[fill[i]!++] = j;
    adj[fill[j]!++] = i;
  }

  // Connected components (list of node indices each).
  const comp = new Int32Array(n).fill(-1);
  const comps: Int32Array[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    let head = 0, tail = 0;
    queue[tail++] = s;
    comp[s] = comps.length;
    while (head < tail) {
      const v = queue[head++]!;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const w = adj[e]!;
        if (comp[w] === -1) {
          comp[w] = comps.length;
          queue[tail++] = w;
        }
      }
    }
    comps.push(queue.slice(0, tail));
  }

  const x = new Float64Array(n), y = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  /** A node's row within its component. */
  const local = new Int32Array(n);
  /** Breadth-first distances from `src` into column `col` of `out` (rows: positions within the component). */
  const bfs = (src: number, out: Float64Array, col: number, stride: number) => {
    let head = 0, tail = 0;
    queue[tail++] = src;
    dist[src] = 0;
    while (head < tail) {
      const v = queue[head++]!;
      out[local[v]! * stride + col] = dist[v]!;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const w = adj[e]!;
        if (dist[w] === -1) {
          dist[w] = dist[v]! + 1;
          queue[tail++] = w;
        }
      }
    }
    for (let i = 0; i < tail; i++) dist[queue[i]!] = -1;
  };
  // Deterministic jitter: nodes with the same distances to every pivot would coincide.
  const jitter = (i: number, salt: number) => {
    let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ salt;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32 - 0.5;
  };
  const radius = new Float64Array(comps.length);
  comps.forEach((members, c) => {
    const m = members.length;
    members.forEach((v, i) => (local[v] = i));
    if (m <= 6) {
      // Small components: a ring of unit spacing.
      const r = m === 1 ? 0 : 0.5 / Math.sin(Math.PI / m);
      members.forEach((v, i) => {
        x[v] = r * Math.cos((2 * Math.PI * i) / m);
        y[v] = r * Math.sin((2 * Math.PI * i) / m);
      });
      radius[c] = r + 0.5;
      return;
    }
    const k = Math.min(40, m);
    const D = new Float64Array(m * k);
    const minDist = new Float64Array(m).fill(Infinity);
    // First pivot: the best-connected node; then each next one as far as possible from those chosen.
    let pivot = members[0]!;
    for (const v of members) if (deg[v]! > deg[pivot]!) pivot = v;
    for (let p = 0; p < k; p++) {
      bfs(pivot, D, p, k);
      let best = -1, far = -1;
      for (let i = 0; i < m; i++) {
        const d = D[i * k + p]!;
        if (d < minDist[i]!) minDist[i] = d;
        if (minDist[i]! > far) {
          far = minDist[i]!;
          best = i;
        }
      }
      pivot = members[best]!;
    }
    // Double centring of the squared distances.
    const colMean = new Float64Array(k);
    let grand = 0;
    for (let i = 0; i < m; i++) {
      let row = 0;
      for (let p = 0; p < k; p++) {
        const d2 = D[i * k + p]! ** 2;
        D[i * k + p] = d2;
        row += d2;
        colMean[p]! += d2 / m;
      }
      row /= k;
      grand += row / m;
      for (let p = 0; p < k; p++) D[i * k + p]! -= row;
    }
    for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) D[i * k + p] = -0.5 * (D[i * k + p]! - colMean[p]! + grand);
    // Top two eigenvectors of CᵀC (k × k) by power iteration with deflation.
    const B = new Float64Array(k * k);
    for (let i = 0; i < m; i++)
      for (let p = 0; p < k; p++) {
        const a = D[i * k + p]!;
        if (a) for (let q = 0; q < k; q++) B[p * k + q]! += a * D[i * k + q]!;
      }
    const vecs: Float64Array[] = [];
    for (let e = 0; e < 2; e++) {
      let v = new Float64Array(k).map((_, p) => 1 + jitter(p, e + 1));
      for (let it = 0; it < 100; it++) {
        const w = new Float64Array(k);
        for (let p = 0; p < k; p++) {
          let s = 0;
          for (let q = 0; q < k; q++) s += B[p * k + q]! * v[q]!;
          w[p] = s;
        }
        for (const u of vecs) {
          let dot = 0;
          for (let p = 0; p < k; p++) dot += w[p]! * u[p]!;
          for (let p = 0; p < k; p++) w[p]! -= dot * u[p]!;
        }
        const norm = Math.hypot(...w) || 1;
        v = w.map((a) => a / norm);
      }
      vecs.push(v);
    }
    const [v1, v2] = vecs as [Float64Array, Float64Array];
    for (let i = 0; i < m; i++) {
      let a = 0, b = 0;
      for (let p = 0; p < k; p++) {
        a += D[i * k + p]! * v1[p]!;
        b += D[i * k + p]! * v2[p]!;
      }
      x[members[i]!] = a;
      y[members[i]!] = b;
    }
    // Scale to about one unit of area per node (graph distances alone would crowd a
    // small-world component into a few edge lengths), then jitter by a fraction of a unit.
    let cx = 0, cy = 0, spread = 0;
    for (const v of members) {
      cx += x[v]! / m;
      cy += y[v]! / m;
    }
    for (const v of members) spread += ((x[v]! - cx) ** 2 + (y[v]! - cy) ** 2) / m;
    const scale = spread > 0 ? (0.6 * Math.sqrt(m)) / Math.sqrt(spread) : 1;
    for (const v of members) {
      x[v] = (x[v]! - cx) * scale + 0.8 * jitter(v, 7);
      y[v] = (y[v]! - cy) * scale + 0.8 * jitter(v, 11);
    }
    cx = cy = 0;
    for (const v of members) {
      cx += x[v]! / m;
      cy += y[v]! / m;
    }
    let r = 0;
    for (const v of members) {
      x[v]! -= cx;
      y[v]! -= cy;
      r = Math.max(r, Math.hypot(x[v]!, y[v]!));
    }
    radius[c] = r + 1;
  });

  // Lone nodes go together in one square block of unit spacing, as if one component.
  const lone = comps.filter((c) => c.length === 1);
  if (lone.length > 1) {
    const side = Math.ceil(Math.sqrt(lone.length));
    const block = new Int32Array(lone.length);
    lone.forEach((c, i) => {
      const v = c[0]!;
      block[i] = v;
      x[v] = (i % side) - (side - 1) / 2;
      y[v] = Math.floor(i / side) - (side - 1) / 2;
    });
    const kept = comps.filter((c) => c.length > 1);
    const keptRadius = comps.map((_, c) => radius[c]!).filter((_, c) => comps[c]!.length > 1);
    comps.length = 0;
    comps.push(...kept, block);
    radius.set([...keptRadius, (side / 2) * Math.SQRT2 + 0.5]);
  }
  // Pack the components in rows, largest first (components come out in discovery order).
  const order = comps.map((_, c) => c).sort((a, b) => radius[b]! - radius[a]!);
  const area = order.reduce((s, c) => s + (2 * radius[c]!) ** 2, 0);
  const width = Math.max(2 * radius[order[0]!]!, Math.sqrt(area) * 1.1);
  let cursorX = 0, cursorY = 0, rowHeight = 0;
  for (const c of order) {
    const d = 2 * radius[c]!;
    if (cursorX > 0 && cursorX + d > width) {
      cursorX = 0;
      cursorY += rowHeight;
      rowHeight = 0;
    }
    const ox = cursorX + d / 2, oy = cursorY + d / 2;
    for (const v of comps[c]!) {
      x[v]! += ox;
      y[v]! += oy;
    }
    cursorX += d;
    rowHeight = Math.max(rowHeight, d);
  }
  // Ten graph units per unit: about the spacing ForceAtlas2 settles at with the inferred settings.
  graph.updateEachNodeAttributes(
    (key, a) => {
      const i = index.get(key) as number;
      a.x = x[i]! * 10;
      a.y = -y[i]! * 10;
      return a;
    },
    { attributes: ['x', 'y'] },
  );
  return true;
}
