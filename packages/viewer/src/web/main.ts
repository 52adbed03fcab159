import type Graph from 'graphology';
import type Sigma from 'sigma';
import { addBatch, createGraph, NODE_LABELS, parseSerializedGraph, type SerializedGraph } from '@kg/graph-schema';
import type { ActorHit } from '../shared/api-types';
import { meetingChain } from '../shared/chain';
import { api } from './api';
import { mountConsole } from './console/console';
import { mountExport } from './console/export';
import { renderDateRange, renderFilters } from './controls';
import { byId, el, toast } from './dom';
import { hasDateRange, nodePasses, projectionEdgePasses, type Filters } from './filters';
import { formatDate } from './graph-style';
import { LayoutController, markPlaced, placeInitially } from './layout';
import { GraphModel } from './model';
import { curationSection } from './curation';
import { renderChainPanel, renderNodePanel, type PanelActions } from './panel';
import type { SharedMeeting } from './projection';
import { createRenderer, type RenderState } from './renderer';
import { mountSearch, searchLocal } from './search';
import { decodeState, defaultState, encodeState, type View, type ViewState } from './url-state';

interface Expansion {
  /** Nodes the expansion brought from the server; collapse removes them. */
  added: string[];
  /** Neighbours shown even if a filter hides them (e.g. the articles of a node); collapse un-forces them. */
  shown: string[];
}

/** The running viewer: one per loaded graph (a dropped file replaces it). */
class Viewer {
  state: ViewState = decodeState(location.hash);
  readonly sigma: Sigma;
  readonly layout: LayoutController;
  readonly render: RenderState;
  private readonly expansions = new Map<string, Expansion>();
  private readonly forced = new Map<string, number>();
  private chainPath: string[] | null = null;
  private chainRequest = 0;
  firstRenderMs: number | undefined;

  constructor(readonly model: GraphModel, t0: number) {
    performance.mark('kg:model');
    this.render = { style: model.style, hiddenNodes: new Set(), hiddenEdges: new Set(), focus: null, focusEdges: null, primary: new Set(), projection: false };
    this.layout = new LayoutController((running) => {
      byId('layout-toggle').textContent = running ? 'Pause layout' : 'Run layout';
      byId('layout-toggle').classList.toggle('running', running);
    });
    // An empty renderer: applyState hands it the graph once filters and focus are applied (one processing).
    this.sigma = createRenderer(byId('graph'), this.render);
    this.sigma.once('afterRender', () => {
      this.firstRenderMs = performance.now() - t0;
      // Milliseconds since navigation start: what the benchmark reports as time to first render.
      document.body.dataset.renderedAt = String(Math.round(performance.now()));
      document.body.dataset.rendered = 'true';
    });
    this.bindGraphEvents();
    this.applyState(this.state);
    byId('source-name').textContent =
      model.info.source === 'dropped' ? `file: ${model.info.name}` : model.info.source === 'file' ? `file: ${model.info.name}` : `Neo4j: ${model.info.name}`;
    const notice = byId('notice');
    notice.hidden = !model.info.truncated;
    notice.textContent = model.info.truncated
      ? `Showing the ${model.graph.order.toLocaleString('en')} best-connected of ${model.info.total.toLocaleString('en')} nodes. Search or double-click to bring in more.`
      : '';
  }

  private viewGraph(): Graph {
    return (this.state.view === 'projection' ? this.model.projection : this.model.graph) as Graph;
  }

  /** `start`: run ForceAtlas2 once the current picture is on screen (the first paint does not wait for it). */
  private attachLayout(start: boolean): void {
    const graph = this.viewGraph();
    const style = () => this.render.style;
    this.layout.attach(graph, (k) => style().get(k)?.size ?? 4, () => Math.min(byId('graph').clientWidth, byId('graph').clientHeight));
    if (start) this.layout.startAfterPaint();
  }

  // ---- state ---------------------------------------------------------------

  /** Writes the state into the URL so the address bar is always a shareable link. */
  private commit(): void {
    const hash = encodeState(this.state);
    history.replaceState(null, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
  }

  applyState(next: ViewState): void {
    const viewChanged = next.view !== this.state.view || this.sigma.getGraph() !== this.viewGraph();
    this.state = next;
    this.renderControls();
    // With a graph switch, sigma draws once, after the filters are applied.
    this.updateVisibility(!viewChanged);
    if (viewChanged) this.switchGraph();
    if (next.chain) void this.showChain(next.chain[0], next.chain[1], false);
    else if (next.selected) void this.select(next.selected, { animate: false, commit: false });
    else this.clearSelection(false);
    this.commit();
  }

  private renderControls(): void {
    const onFilter = () => {
      this.updateVisibility();
      this.commit();
    };
    renderFilters(byId('filters'), this.model.graph, this.state.filters, onFilter);
    renderDateRange(byId('dates'), this.model.meetingDateExtent(), this.state.filters, onFilter);
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-view]')) b.classList.toggle('active', b.dataset.view === this.state.view);
    byId('filters').classList.toggle('projection', this.state.view === 'projection');
  }

  setView(view: View): void {
    if (view === this.state.view) return;
    this.state.view = view;
    this.renderControls();
    this.updateVisibility(false);
    this.switchGraph();
    // Keep the selection in frame: the other view places its nodes elsewhere.
    if (this.render.focus) this.centreOn([...this.render.focus], 0.5, 0);
    this.commit();
  }

  private switchGraph(): void {
    const projection = this.state.view === 'projection';
    const graph = this.viewGraph();
    this.render.projection = projection;
    this.render.style = projection ? this.model.projectionStyle : this.model.style;
    // Edge hover (the meetings behind a who-met-whom link) costs a picking pass; only that view needs it.
    // Set before setGraph: a setting schedules a refresh, which setGraph's own (synchronous) one absorbs.
    if (this.sigma.getSetting('enableEdgeEvents') !== projection) this.sigma.setSetting('enableEdgeEvents', projection);
    // The first picture comes from the cheap deterministic placement, never from a random cloud.
    placeInitially(graph);
    performance.mark('kg:placed');
    this.sigma.setGraph(graph);
    this.attachLayout(true);
  }

  // ---- visibility and focus -------------------------------------------------

  /**
   * Recomputes which nodes and edges the filters hide: once per change, so the reducers only look up.
   * `redraw: false` when the caller hands sigma a graph right after (setGraph draws).
   */
  updateVisibility(redraw = true): void {
    const f: Filters = this.state.filters;
    const hiddenNodes = new Set<string>();
    const hiddenEdges = new Set<string>();
    if (this.state.view === 'projection') {
      const p = this.model.projection;
      p.forEachNode((k, a) => {
        if (!f.kinds.has(a.kind as never)) hiddenNodes.add(k);
      });
      p.forEachEdge((k, a) => {
        if (!projectionEdgePasses(a.meetings, f)) hiddenEdges.add(k);
      });
      // Actors left with no visible link (their meetings filtered out) go too.
      if (hasDateRange(f) || f.statuses.size < 4)
        p.forEachNode((k) => {
          if (!p.someEdge(k, (e) => !hiddenEdges.has(e))) hiddenNodes.add(k);
        });
    } else {
      this.model.graph.forEachNode((k, a) => {
        if (!nodePasses(a, f) && !this.forced.has(k)) hiddenNodes.add(k);
      });
    }
    this.render.hiddenNodes = hiddenNodes;
    this.render.hiddenEdges = hiddenEdges;
    this.updateFocus(redraw);
  }

  private updateFocus(redraw = true): void {
    const g = this.viewGraph();
    const r = this.render;
    r.focus = r.focusEdges = null;
    r.primary = new Set();
    const visible = (k: string) => g.hasNode(k) && !r.hiddenNodes.has(k);
    if (this.chainPath && this.state.chain) {
      const path = this.chainPath.filter((k) => g.hasNode(k));
      r.focus = new Set(path);
      r.focusEdges = new Set();
      for (let i = 1; i < path.length; i++) for (const e of g.edges(path[i - 1] as string, path[i] as string)) r.focusEdges.add(e);
      for (let i = 1; i < path.length; i++) for (const e of g.edges(path[i] as string, path[i - 1] as string)) r.focusEdges.add(e);
      r.primary = new Set(this.state.chain.filter((k) => g.hasNode(k)));
    } else if (this.state.selected && g.hasNode(this.state.selected)) {
      const sel = this.state.selected;
      r.focus = new Set([sel, ...g.neighbors(sel).filter(visible)]);
      r.focusEdges = new Set(g.edges(sel));
      r.primary = new Set([sel]);
    }
    if (redraw) this.sigma.refresh();
    this.updateStatus();
  }

  private updateStatus(): void {
    const g = this.viewGraph();
    const nodes = g.order - [...this.render.hiddenNodes].filter((k) => g.hasNode(k)).length;
    // Counted down from the total: what the filters hide is usually far less than 50,000 edges.
    const { hiddenNodes, hiddenEdges } = this.render;
    const gone = new Set<string>();
    for (const k of hiddenNodes) if (g.hasNode(k)) g.forEachEdge(k, (e) => void gone.add(e));
    for (const e of hiddenEdges) if (g.hasEdge(e)) gone.add(e);
    const edges = g.size - gone.size;
    const what = this.state.view === 'projection' ? 'actors' : 'nodes';
    const status = byId('status');
    status.textContent = `${nodes.toLocaleString('en')} ${what} · ${edges.toLocaleString('en')} ${this.state.view === 'projection' ? 'links' : 'edges'} shown`;
    status.dataset.nodes = String(nodes);
    status.dataset.edges = String(edges);
  }

  // ---- selection, chain, expansion -------------------------------------------

  readonly panelActions: PanelActions = {
    select: (key) => void this.select(key),
    expand: (key) => void this.toggleExpand(key),
    close: () => this.clearSelection(),
    curate: (key) => curationSection(this.model.graph, key, this.model.remote),
  };

  async select(key: string, opts: { animate?: boolean; move?: boolean; commit?: boolean } = {}): Promise<void> {
    if (!this.model.graph.hasNode(key) && this.model.remote) {
      try {
        this.model.merge((await api.neighbours(key)).graph);
        this.modelChanged();
      } catch (e) {
        toast(`Cannot open ${key}: ${(e as Error).message}`, 'error');
        return;
      }
    }
    if (!this.model.graph.hasNode(key)) {
      toast(`${key} is not in this graph`, 'error');
      return this.clearSelection();
    }
    this.state.selected = key;
    this.state.chain = undefined;
    this.chainPath = null;
    renderNodePanel(byId('panel'), this.model.graph, key, this.panelActions);
    this.updateFocus();
    // Frame the node and its neighbours, but never closer than half the graph: the reader keeps context.
    if (opts.move !== false) this.centreOn([key, ...(this.render.focus ?? [])], 0.5, opts.animate === false ? 0 : 500);
    if (opts.commit !== false) this.commit();
  }

  clearSelection(commit = true): void {
    // Nothing was focused (e.g. at load): nothing to redraw.
    const focused = this.render.focus !== null || this.render.primary.size > 0;
    this.state.selected = undefined;
    this.state.chain = undefined;
    this.chainPath = null;
    byId('panel').hidden = true;
    this.updateFocus(focused);
    if (commit) this.commit();
  }

  async showChain(from: string, to: string, commit = true): Promise<void> {
    const request = ++this.chainRequest;
    this.state.chain = [from, to];
    this.state.selected = undefined;
    let path: string[];
    try {
      if (this.model.remote) {
        const res = await api.chain(from, to);
        if (this.model.merge(res.graph).length) this.modelChanged();
        path = res.path;
      } else path = meetingChain(this.model.graph, from, to, 8);
    } catch (e) {
      toast(`No chain: ${(e as Error).message}`, 'error');
      return;
    }
    if (request !== this.chainRequest) return;
    this.chainPath = path;
    renderChainPanel(byId('panel'), this.model.graph, path, [from, to], this.panelActions);
    this.updateFocus();
    this.centreOn(path.length ? path : [from, to], 0.3);
    if (commit) this.commit();
  }

  async toggleExpand(key: string): Promise<void> {
    const open = this.expansions.get(key);
    if (open) {
      this.expansions.delete(key);
      for (const k of open.shown) {
        const n = (this.forced.get(k) ?? 1) - 1;
        if (n > 0) this.forced.set(k, n);
        else this.forced.delete(k);
      }
      const stillUsed = new Set([...this.expansions.values()].flatMap((x) => x.added));
      const removable = open.added.filter((k) => !stillUsed.has(k) && !this.model.base.has(k) && k !== this.state.selected);
      if (removable.length) {
        this.model.remove(removable);
        this.modelChanged();
      }
      this.updateVisibility();
      toast('Collapsed');
      return;
    }
    let added: string[] = [];
    if (this.model.remote) {
      try {
        added = this.model.merge((await api.neighbours(key)).graph, key);
      } catch (e) {
        toast(`Cannot expand: ${(e as Error).message}`, 'error');
        return;
      }
    }
    const g = this.model.graph;
    if (!g.hasNode(key)) return;
    const shown = g.neighbors(key);
    const newlyVisible = shown.filter((k) => this.render.hiddenNodes.has(k) || added.includes(k));
    this.expansions.set(key, { added, shown });
    for (const k of shown) this.forced.set(k, (this.forced.get(k) ?? 0) + 1);
    if (added.length) this.modelChanged();
    this.updateVisibility();
    toast(newlyVisible.length ? `Expanded: ${newlyVisible.length} more node${newlyVisible.length === 1 ? '' : 's'} (double-click again to collapse)` : 'All neighbours are already shown');
    if (added.length) this.layout.start(1500);
  }

  /** After nodes were added or removed: controls show new counts, the projection is rebuilt if shown. */
  private modelChanged(): void {
    if (this.state.view === 'projection') {
      this.sigma.setGraph(this.model.projection as Graph);
      this.render.style = this.model.projectionStyle;
      this.attachLayout(false);
    } else this.attachLayout(false);
    this.renderControls();
  }

  /** Moves the camera to frame these nodes (in sigma's normalised coordinates). */
  centreOn(keys: string[], minRatio: number, duration = 500): void {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const k of keys) {
      const d = this.sigma.getNodeDisplayData(k);
      if (!d) continue;
      minX = Math.min(minX, d.x); maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y); maxY = Math.max(maxY, d.y);
    }
    if (minX === Infinity) return;
    const ratio = Math.min(1.2, Math.max(minRatio, Math.max(maxX - minX, maxY - minY) * 1.4));
    const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
    if (duration) void this.sigma.getCamera().animate(target, { duration });
    else this.sigma.getCamera().setState(target);
  }

  // ---- events --------------------------------------------------------------

  private bindGraphEvents(): void {
    const s = this.sigma;
    const container = byId('graph');
    s.on('clickNode', ({ node, event }) => {
      const shift = (event.original as MouseEvent).shiftKey;
      const g = this.model.graph;
      const from = this.state.selected ?? this.state.chain?.[0];
      if (shift && from && from !== node && g.getNodeAttribute(from, 'label') === 'Actor' && g.getNodeAttribute(node, 'label') === 'Actor')
        void this.showChain(from, node);
      // The node is under the pointer already: no camera move, which would also break a double-click.
      else void this.select(node, { move: false });
    });
    s.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      void this.toggleExpand(node);
    });
    s.on('clickStage', () => {
      if (this.state.selected || this.state.chain) this.clearSelection();
    });
    s.on('enterNode', () => container.classList.add('pointer'));
    s.on('leaveNode', () => container.classList.remove('pointer'));
    const tip = byId('tooltip');
    s.on('enterEdge', ({ edge, event }) => {
      if (!this.render.projection) return;
      const g = this.model.projection;
      if (!g.hasEdge(edge)) return;
      const [a, b] = g.extremities(edge);
      const meetings: SharedMeeting[] = g.getEdgeAttribute(edge, 'meetings');
      const name = (k: string) => String(g.getNodeAttribute(k, 'name'));
      const parts = [
        el('strong', { text: `${name(a)} & ${name(b)}` }),
        el('div', { class: 'muted', text: `${meetings.length} meeting${meetings.length === 1 ? '' : 's'} together` }),
        el(
          'ul',
          {},
          meetings.slice(0, 12).map((m) => el('li', { text: [formatDate(m.date) ?? (m.dateText || 'undated'), m.place, m.status !== 'held' ? m.status : ''].filter(Boolean).join(' · ') })),
        ),
        meetings.length > 12 ? el('div', { class: 'muted', text: `and ${meetings.length - 12} more` }) : null,
      ];
      tip.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
      tip.style.left = `${event.x + 14}px`;
      tip.style.top = `${event.y + 14}px`;
      tip.hidden = false;
      container.classList.add('pointer');
    });
    s.on('leaveEdge', () => {
      tip.hidden = true;
      container.classList.remove('pointer');
    });
  }

  kill(): void {
    this.layout.kill();
    this.sigma.kill();
  }
}

// ---- page wiring -------------------------------------------------------------

let viewer: Viewer | undefined;

function open(model: GraphModel, t0: number): Viewer {
  viewer?.kill();
  viewer = new Viewer(model, t0);
  byId('loading').hidden = true;
  (window as unknown as { __kg: unknown }).__kg = viewer; // for tests and the curious, in the console
  return viewer;
}

async function loadFromServer(): Promise<void> {
  const t0 = performance.now();
  const [info, data] = await Promise.all([api.info(), api.graph()]);
  performance.mark('kg:data');
  const model = new GraphModel(data.graph, { truncated: data.truncated, total: data.total, source: info.source, name: info.name });
  if (data.placed) markPlaced(model.graph);
  open(model, t0);
}

/** A dropped file is validated against graph-schema before anything is drawn. */
async function openFile(file: File): Promise<void> {
  const t0 = performance.now();
  try {
    const graph = createGraph();
    addBatch(graph, parseSerializedGraph(JSON.parse(await file.text())));
    history.replaceState(null, '', location.pathname + location.search);
    kept = undefined; // a query result's way back leads to the graph the file replaced: gone
    queryConsole.reset();
    open(new GraphModel(graph.export() as SerializedGraph, { truncated: false, total: graph.order, source: 'dropped', name: file.name }), t0);
    toast(`Opened ${file.name}: ${graph.order.toLocaleString('en')} nodes`);
  } catch (e) {
    toast(`${file.name} is not a kg graph file: ${(e as Error).message.slice(0, 200)}`, 'error');
  }
}

function wirePage(): void {
  const input = byId<HTMLInputElement>('search');
  const search = mountSearch(input, byId('search-results'), {
    local: (q) => (viewer ? searchLocal(viewer.model.graph, q) : []),
    remote: async (q, signal): Promise<ActorHit[]> => (viewer?.model.remote ? (await api.search(q, signal)).hits : []),
    onChoose: (hit) => {
      input.blur();
      void viewer?.select(hit.key);
    },
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-view]')) b.addEventListener('click', () => viewer?.setView(b.dataset.view as View));
  byId('layout-toggle').addEventListener('click', () => viewer?.layout.toggle());
  byId('fit').addEventListener('click', () => void viewer?.sigma.getCamera().animatedReset({ duration: 400 }));
  window.addEventListener('hashchange', () => viewer?.applyState(decodeState(location.hash)));

  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing) {
      e.preventDefault();
      input.focus();
      input.select();
    } else if (e.key === 'Escape') {
      const hadText = input.value !== '';
      search.clear();
      input.blur();
      if (!hadText || !typing) viewer?.clearSelection();
    }
  });

  // Drag and drop a graph file anywhere on the page.
  const overlay = byId('drop-overlay');
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    if (--depth <= 0) overlay.hidden = true;
  });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = e.dataTransfer?.files[0];
    if (file) void openFile(file);
  });
  const picker = byId<HTMLInputElement>('file-input');
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) void openFile(file);
    picker.value = '';
  });
}

// ---- query console and export (console/) ------------------------------------

/** The graph shown before the first query result, with its URL state: where "Back to the graph" returns. */
let kept: { model: GraphModel; hash: string } | undefined;
const queryConsole = mountConsole(byId('console'), {
  showGraph: (data) => {
    if (!viewer) return;
    kept ??= { model: viewer.model, hash: location.hash };
    const { source, name } = viewer.model.info;
    // A result shows every node it returned: no filter carried over, articles included.
    const state = defaultState();
    state.filters.labels = new Set(NODE_LABELS);
    history.replaceState(null, '', `${location.pathname}${location.search}#${encodeState(state)}`);
    open(new GraphModel(data, { truncated: false, total: data.nodes.length, source, name }), performance.now());
  },
  restore: () => {
    if (!kept) return;
    const { model, hash } = kept;
    kept = undefined;
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    open(model, performance.now());
  },
  resized: () => {
    viewer?.sigma.resize();
    viewer?.sigma.refresh();
  },
});
byId('console-toggle').addEventListener('click', () => queryConsole.toggle());
mountExport(byId('export-dialog'), byId('export-toggle'), () => viewer);

wirePage();
loadFromServer().catch((e: unknown) => {
  const loading = byId('loading');
  loading.replaceChildren(
    el('p', { class: 'error', text: `Could not load the graph from the server: ${(e as Error).message}` }),
    el('p', { text: 'Drop a graph JSON file (kg extract --out graph.json) on this page to open it without a database.' }),
  );
});
