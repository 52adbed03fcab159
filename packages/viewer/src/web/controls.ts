import type Graph from 'graphology';
import { NODE_LABELS, type ActorKind, type MeetingStatus, type NodeLabel } from '@kg/graph-schema';
import { el } from './dom';
import { ALL_KINDS, ALL_STATUSES, type Filters } from './filters';
import { formatDate, KIND_COLOR, LABEL_COLOR, LABEL_NAME, LABEL_SHAPE, STATUS_COLOR } from './graph-style';

const DAY = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function counts(graph: Graph) {
  const labels = new Map<string, number>();
  const kinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  const inc = (m: Map<string, number>, k: unknown) => m.set(String(k), (m.get(String(k)) ?? 0) + 1);
  graph.forEachNode((_, a) => {
    inc(labels, a.label);
    if (a.label === 'Actor') inc(kinds, a.kind);
    if (a.label === 'Meeting') inc(statuses, a.status);
  });
  return { labels, kinds, statuses };
}

/**
 * The legend is also the filter: each colour and shape in it is a checkbox,
 * so the reader learns the encoding and the filter in one place.
 */
export function renderFilters(container: HTMLElement, graph: Graph, filters: Filters, onChange: () => void): void {
  const c = counts(graph);
  const row = <T extends string>(set: Set<T>, value: T, name: string, color: string, shape: string, count: number, sub = false) => {
    const box = el('input', { attrs: { type: 'checkbox', 'data-filter': value } });
    box.checked = set.has(value);
    box.addEventListener('change', () => {
      if (box.checked) set.add(value);
      else set.delete(value);
      onChange();
    });
    return el('label', { class: `legend-row${sub ? ' sub' : ''}${count ? '' : ' empty'}` }, [
      box,
      el('span', { class: `swatch shape-${shape}`, attrs: { style: `--c:${color}` } }),
      el('span', { class: 'legend-name', text: name }),
      el('span', { class: 'count', text: count.toLocaleString('en') }),
    ]);
  };
  const rows: HTMLElement[] = [];
  for (const label of NODE_LABELS) {
    rows.push(row<NodeLabel>(filters.labels, label, LABEL_NAME[label], LABEL_COLOR[label], LABEL_SHAPE[label], c.labels.get(label) ?? 0));
    if (label === 'Actor')
      for (const k of ALL_KINDS) rows.push(row<ActorKind>(filters.kinds, k, k, KIND_COLOR[k], 'circle', c.kinds.get(k) ?? 0, true));
    if (label === 'Meeting')
      for (const s of ALL_STATUSES) rows.push(row<MeetingStatus>(filters.statuses, s, s, STATUS_COLOR[s], 'diamond', c.statuses.get(s) ?? 0, true));
  }
  container.replaceChildren(...rows);
}

/**
 * Two range inputs over the days between the first and last meeting. The
 * graph follows while dragging; the full range means "no date filter".
 */
export function renderDateRange(container: HTMLElement, extent: { min: string; max: string } | undefined, filters: Filters, onChange: () => void): void {
  if (!extent) {
    container.replaceChildren(el('p', { class: 'muted', text: 'No meeting has a resolved date.' }));
    return;
  }
  const min = toDay(extent.min);
  const max = Math.max(toDay(extent.max), min + 1);
  const mk = (value: string | undefined, fallback: number, name: string) => {
    const input = el('input', { attrs: { type: 'range', min: String(min), max: String(max), step: '1', 'aria-label': name, 'data-range': name } });
    input.value = String(value ? Math.min(max, Math.max(min, toDay(value))) : fallback);
    return input;
  };
  const from = mk(filters.from, min, 'from');
  const to = mk(filters.to, max, 'to');
  const text = el('div', { class: 'range-text' });
  const undated = el('input', { attrs: { type: 'checkbox', 'data-filter': 'undated' } });
  undated.checked = filters.undated;
  const show = () => {
    text.textContent = `${formatDate(fromDay(Number(from.value)))} – ${formatDate(fromDay(Number(to.value)))}`;
  };
  const apply = (moved: HTMLInputElement) => {
    let a = Number(from.value);
    let b = Number(to.value);
    if (a > b) {
      if (moved === from) to.value = String((b = a));
      else from.value = String((a = b));
    }
    filters.from = a > min ? fromDay(a) : undefined;
    filters.to = b < max ? fromDay(b) : undefined;
    show();
    onChange();
  };
  from.addEventListener('input', () => apply(from));
  to.addEventListener('input', () => apply(to));
  undated.addEventListener('change', () => {
    filters.undated = undated.checked;
    onChange();
  });
  show();
  container.replaceChildren(
    text,
    el('div', { class: 'dual-range' }, [from, to]),
    el('label', { class: 'legend-row' }, [undated, el('span', { class: 'legend-name', text: 'keep undated meetings' })]),
  );
}
