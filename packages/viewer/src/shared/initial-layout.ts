/**
 * A cheap, deterministic first placement, so the first picture needs no
 * ForceAtlas2 and already has short edges: PivotMDS (Brandes & Pich 2006) —
 * breadth-first distances from up to 40 well-spread pivot nodes, classical
 * MDS on those distances — for each connected component, then the components
 * packed in rows, largest first. O(pivots × edges). ForceAtlas2 then only
 * refines it.
 *
 * Shared by the server (which sends the first graph already placed, so the
 * browser's first frame waits for none of this) and the web app (expansions,
 * the who-met-whom view, dropped files).
 *
 * `n` nodes numbered 0…n-1; `forEachLink` calls back once per undirected link.
 * Returns the positions in graph units (y up, as sigma expects).
 */
export function initialPositions(n: number, forEachLink: (add: (i: number, j: number) => void) => void): { x: Float64Array; y: Float64Array } {
  if (n === 0) return { x: new Float64Array(0), y: new Float64Array(0) };
  // Undirected adjacency in compressed rows.
  const deg = new Int32Array(n + 1);
  const pairs: number[] = [];
  forEachLink((i, j) => {
    if (i === j) return;
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
  for (let i = 0; i < n; i++) {
    x[i] = x[i]! * 10;
    y[i] = -y[i]! * 10;
  }
  return { x, y };
}

/** Edges that carry no layout weight (provenance: an article mentions everything in it). */
export const ignoredForLayout = (type: unknown): boolean => type === 'MENTIONED_IN';
