import { IsoDate, NODE_LABELS, type NodeLabel } from '@kg/graph-schema';
import { ALL_KINDS, ALL_STATUSES, DEFAULT_LABELS, defaultFilters, type Filters } from './filters';

export type View = 'full' | 'projection';

/** Everything a shared link restores. */
export interface ViewState {
  view: View;
  /** Key of the selected node (`Actor:vladimir-putin`). */
  selected?: string;
  /** Two actor keys whose chain of meetings is shown. */
  chain?: [string, string];
  filters: Filters;
}

export const defaultState = (): ViewState => ({ view: 'full', filters: defaultFilters() });

const sameSet = <T>(a: Set<T>, b: readonly T[]) => a.size === b.length && b.every((x) => a.has(x));
const isDate = (s: string | null): s is string => s !== null && IsoDate.safeParse(s).success;

/**
 * State → URL hash (without '#'). Only what differs from the defaults is
 * written, so links stay short and a plain URL means the default view.
 */
export function encodeState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.view !== 'full') p.set('view', s.view);
  if (s.selected) p.set('node', s.selected);
  if (s.chain) p.set('chain', s.chain.join('|'));
  const f = s.filters;
  if (!sameSet(f.labels, DEFAULT_LABELS)) p.set('labels', [...f.labels].sort().join(','));
  if (!sameSet(f.kinds, ALL_KINDS)) p.set('kinds', [...f.kinds].sort().join(','));
  if (!sameSet(f.statuses, ALL_STATUSES)) p.set('status', [...f.statuses].sort().join(','));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (!f.undated) p.set('undated', '0');
  return p.toString();
}

/** Hash → state. Unknown or malformed values fall back to the defaults: a mangled link still opens. */
export function decodeState(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const s = defaultState();
  if (p.get('view') === 'projection') s.view = 'projection';
  const node = p.get('node');
  if (node) s.selected = node;
  const chain = p.get('chain')?.split('|');
  if (chain?.length === 2 && chain[0] && chain[1]) s.chain = [chain[0], chain[1]];
  const list = <T extends string>(name: string, allowed: readonly T[]): Set<T> | undefined => {
    const raw = p.get(name);
    if (raw === null) return undefined;
    return new Set(raw.split(',').filter((x): x is T => (allowed as readonly string[]).includes(x)));
  };
  s.filters.labels = list<NodeLabel>('labels', NODE_LABELS) ?? s.filters.labels;
  s.filters.kinds = list('kinds', ALL_KINDS) ?? s.filters.kinds;
  s.filters.statuses = list('status', ALL_STATUSES) ?? s.filters.statuses;
  const from = p.get('from');
  const to = p.get('to');
  if (isDate(from)) s.filters.from = from;
  if (isDate(to)) s.filters.to = to;
  if (p.get('undated') === '0') s.filters.undated = false;
  return s;
}
