import type Graph from 'graphology';
import type { Actor, Article, Evidence, Meeting, NodeLabel, Position } from '@kg/graph-schema';
import { el, safeUrl } from './dom';
import { formatDate, LABEL_SHAPE, nodeColor, nodeText } from './graph-style';
import { compareMeetings } from './projection';

type Attrs = Record<string, unknown>;
export interface PanelActions {
  select(key: string): void;
  expand(key: string): void;
  close(): void;
  /** the Curate section for a node, when the graph can be corrected (curation.ts) */
  curate?(key: string): HTMLElement | null;
}

const swatch = (a: Attrs) =>
  el('span', { class: `swatch shape-${LABEL_SHAPE[a.label as NodeLabel] ?? 'circle'}`, attrs: { style: `--c:${nodeColor(a)}` } });

const pill = (text: string, cls: string) => el('span', { class: `pill ${cls}`, text });

/** A clickable name that selects that node. */
function nodeLink(graph: Graph, key: string, actions: PanelActions): HTMLElement {
  const a = graph.getNodeAttributes(key);
  const link = el('button', { class: 'node-link', title: key }, [swatch(a), nodeText(a)]);
  link.addEventListener('click', () => actions.select(key));
  return link;
}

function section(title: string, body: (HTMLElement | null)[], count?: number): HTMLElement | null {
  const items = body.filter((b): b is HTMLElement => b !== null);
  if (!items.length) return null;
  return el('section', {}, [el('h3', { text: count === undefined ? title : `${title} (${count})` }), ...items]);
}

function properties(a: Attrs): HTMLElement {
  const rows: [string, string][] = [];
  const skip = new Set(['label', 'x', 'y', 'name', 'title', 'statement']);
  for (const [k, v] of Object.entries(a)) {
    if (skip.has(k) || v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && !v.length) continue;
    const text = k === 'date' || k === 'published' ? (formatDate(String(v)) ?? String(v)) : Array.isArray(v) ? v.join(', ') : String(v);
    rows.push([k === 'dateText' ? 'date as written' : k, text]);
  }
  return el('dl', { class: 'props' }, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
}

function meetingsOf(graph: Graph, actor: string): string[] {
  const keys = new Set<string>();
  graph.forEachOutEdge(actor, (_, e, __, target) => {
    if (e.type === 'ATTENDED') keys.add(target);
  });
  return [...keys].sort((x, y) => compareMeetings(graph.getNodeAttributes(x) as Meeting, graph.getNodeAttributes(y) as Meeting));
}

function attendees(graph: Graph, meeting: string): string[] {
  const keys = new Set<string>();
  graph.forEachInEdge(meeting, (_, e, source) => {
    if (e.type === 'ATTENDED') keys.add(source);
  });
  return [...keys];
}

function meetingCard(graph: Graph, key: string, except: string | undefined, actions: PanelActions): HTMLElement {
  const m = graph.getNodeAttributes(key) as Meeting & Attrs;
  const when = formatDate(m.date) ?? (m.dateText || 'date unknown');
  const head = el('div', { class: 'meeting-head' }, [
    el('button', { class: 'node-link strong', text: when }),
    m.place ? el('span', { class: 'place', text: m.place }) : null,
    pill(m.status, `status-${m.status}`),
    m.mode !== 'unknown' ? pill(m.mode.replace('_', ' '), 'mode') : null,
  ]);
  head.querySelector('button')?.addEventListener('click', () => actions.select(key));
  const others = attendees(graph, key).filter((k) => k !== except);
  return el('li', { class: 'meeting' }, [
    head,
    m.summary ? el('p', { class: 'summary', text: m.summary }) : null,
    others.length ? el('div', { class: 'with' }, [el('span', { class: 'muted', text: except ? 'with ' : 'attended by ' }), ...others.map((o) => nodeLink(graph, o, actions))]) : null,
  ]);
}

function positionsOf(graph: Graph, actor: string, actions: PanelActions): HTMLElement[] {
  const out: HTMLElement[] = [];
  graph.forEachOutEdge(actor, (_, e, __, target) => {
    if (e.type !== 'HOLDS') return;
    const p = graph.getNodeAttributes(target) as Position & Attrs;
    const issues: string[] = [];
    graph.forEachOutEdge(target, (_, r, __, issue) => {
      if (r.type === 'ABOUT') issues.push(issue);
    });
    out.push(
      el('li', { class: 'position' }, [
        pill(p.stance, `stance-${p.stance}`),
        ...issues.map((i) => nodeLink(graph, i, actions)),
        el('blockquote', { text: p.statement }),
        p.date ? el('span', { class: 'muted', text: formatDate(p.date) ?? p.date }) : null,
      ]),
    );
  });
  return out;
}

/** Source sentences: each MENTIONED_IN edge is one quoted sentence of one article. */
function sources(graph: Graph, key: string): HTMLElement[] {
  const quotes: HTMLElement[] = [];
  graph.forEachOutEdge(key, (_, e, __, target) => {
    if (e.type !== 'MENTIONED_IN') return;
    const ev = e as Evidence & Attrs;
    const art = graph.getNodeAttributes(target) as Article & Attrs;
    const url = safeUrl(art.url);
    const title = art.title || art.source || 'article';
    const cite = el('cite', {}, [
      url ? el('a', { text: title, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }) : el('span', { text: title }),
      art.publisher || art.published ? el('span', { class: 'muted', text: ` · ${[art.publisher, formatDate(art.published)].filter(Boolean).join(', ')}` }) : null,
    ]);
    quotes.push(el('figure', { class: 'quote' }, [el('blockquote', { text: ev.sentence }), el('figcaption', {}, [cite])]));
  });
  return quotes;
}

/** Renders the side panel for one node, reading everything from the full graph. */
export function renderNodePanel(container: HTMLElement, graph: Graph, key: string, actions: PanelActions): void {
  const a = graph.getNodeAttributes(key);
  const label = a.label as NodeLabel;
  const kind = label === 'Actor' ? (a as Actor).kind : label === 'Meeting' ? 'meeting' : label.toLowerCase();
  const close = el('button', { class: 'close', text: '×', title: 'Close (Esc)', attrs: { 'aria-label': 'Close' } });
  close.addEventListener('click', actions.close);
  const expand = el('button', { class: 'action', text: 'Expand neighbours', title: 'Same as double-clicking the node' });
  expand.addEventListener('click', () => actions.expand(key));

  const parts: (HTMLElement | null)[] = [
    el('header', {}, [swatch(a), el('div', {}, [el('h2', { text: nodeText(a) }), el('div', { class: 'muted', text: kind })]), close]),
    label === 'Position' ? el('blockquote', { class: 'statement', text: String(a.statement) }) : null,
    properties(a),
  ];
  if (label === 'Actor') {
    const meetings = meetingsOf(graph, key);
    parts.push(section('Meetings', [el('ol', { class: 'meetings' }, meetings.map((m) => meetingCard(graph, m, key, actions)))], meetings.length));
    const positions = positionsOf(graph, key, actions);
    parts.push(section('Positions', [el('ul', { class: 'positions' }, positions)], positions.length));
    const affiliations: HTMLElement[] = [];
    graph.forEachOutEdge(key, (_, e, __, t) => {
      if (e.type === 'AFFILIATED_WITH') affiliations.push(nodeLink(graph, t, actions));
    });
    parts.push(section('Affiliated with', affiliations));
    parts.push(el('p', { class: 'hint', text: 'Shift-click another actor to see the chain of meetings between them.' }));
  } else if (label === 'Meeting') {
    parts.push(section('Attended by', attendees(graph, key).map((k) => nodeLink(graph, k, actions))));
  } else {
    const linked = graph.neighbors(key).filter((n) => graph.getNodeAttribute(n, 'label') !== 'Article');
    parts.push(section('Linked to', linked.slice(0, 50).map((k) => nodeLink(graph, k, actions)), linked.length));
  }
  const quotes = sources(graph, key);
  parts.push(section('Sources', quotes, quotes.length));
  parts.push(el('div', { class: 'actions' }, [expand]));
  parts.push(actions.curate?.(key) ?? null);
  container.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  container.hidden = false;
  container.scrollTop = 0;
}

/** Renders a chain of meetings: actor, meeting, actor, … */
export function renderChainPanel(container: HTMLElement, graph: Graph, path: string[], ends: [string, string], actions: PanelActions): void {
  const close = el('button', { class: 'close', text: '×', title: 'Close (Esc)', attrs: { 'aria-label': 'Close' } });
  close.addEventListener('click', actions.close);
  const name = (k: string) => (graph.hasNode(k) ? nodeText(graph.getNodeAttributes(k)) : k);
  const meetings = path.filter((k) => graph.hasNode(k) && graph.getNodeAttribute(k, 'label') === 'Meeting').length;
  const body: HTMLElement[] = path.length
    ? [
        el('p', { class: 'muted', text: `${meetings} meeting${meetings === 1 ? '' : 's'} apart` }),
        el(
          'ol',
          { class: 'chain' },
          path.filter((k) => graph.hasNode(k)).map((k) =>
            graph.getNodeAttribute(k, 'label') === 'Meeting' ? meetingCard(graph, k, undefined, actions) : el('li', { class: 'chain-actor' }, [nodeLink(graph, k, actions)]),
          ),
        ),
      ]
    : [el('p', { text: 'No chain of meetings links these two actors.' })];
  container.replaceChildren(el('header', {}, [el('div', {}, [el('h2', { text: 'Chain of meetings' }), el('div', { class: 'muted', text: `${name(ends[0])} → ${name(ends[1])}` })]), close]), ...body);
  container.hidden = false;
  container.scrollTop = 0;
}
