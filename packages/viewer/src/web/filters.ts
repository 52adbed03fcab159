import { ActorKind, MeetingStatus, NODE_LABELS, type NodeLabel } from '@kg/graph-schema';

/**
 * What the reader chose to see. Pure data and predicates, so the same rules
 * drive the graph, the URL and the tests.
 */
export interface Filters {
  labels: Set<NodeLabel>;
  kinds: Set<ActorKind>;
  statuses: Set<MeetingStatus>;
  /** Inclusive ISO date bounds for meetings; undefined = open. */
  from?: string;
  to?: string;
  /** Whether meetings without a resolved date stay visible while a date range is set. */
  undated: boolean;
}

export const ALL_KINDS = ActorKind.options as readonly ActorKind[];
export const ALL_STATUSES = MeetingStatus.options as readonly MeetingStatus[];
/** Articles are provenance, shown in the panel: in the graph they would outnumber everything else. */
export const DEFAULT_LABELS: readonly NodeLabel[] = NODE_LABELS.filter((l) => l !== 'Article');

export function defaultFilters(): Filters {
  return { labels: new Set(DEFAULT_LABELS), kinds: new Set(ALL_KINDS), statuses: new Set(ALL_STATUSES), undated: true };
}

export const hasDateRange = (f: Filters): boolean => f.from !== undefined || f.to !== undefined;

/** A meeting's date against the range: undated meetings pass unless a range is set and `undated` is off. */
export function datePasses(date: string | null | undefined, f: Filters): boolean {
  if (!date) return f.undated || !hasDateRange(f);
  if (f.from !== undefined && date < f.from) return false;
  if (f.to !== undefined && date > f.to) return false;
  return true;
}

export function meetingPasses(m: { status?: unknown; date?: unknown }, f: Filters): boolean {
  return f.statuses.has(m.status as MeetingStatus) && datePasses(m.date as string | null | undefined, f);
}

/** Whether a node of the full graph is shown. */
export function nodePasses(a: Record<string, unknown>, f: Filters): boolean {
  const label = a.label as NodeLabel;
  if (!f.labels.has(label)) return false;
  if (label === 'Actor') return f.kinds.has(a.kind as ActorKind);
  if (label === 'Meeting') return meetingPasses(a, f);
  return true;
}

/** Whether a who-met-whom edge is shown: some meeting behind it passes the filters. */
export function projectionEdgePasses(meetings: readonly { status: unknown; date: string | null }[], f: Filters): boolean {
  return meetings.some((m) => meetingPasses(m, f));
}

/** Earliest and latest meeting dates, for the range slider; undefined when no meeting has a date. */
export function dateExtent(dates: Iterable<string | null | undefined>): { min: string; max: string } | undefined {
  let min: string | undefined;
  let max: string | undefined;
  for (const d of dates) {
    if (!d) continue;
    if (min === undefined || d < min) min = d;
    if (max === undefined || d > max) max = d;
  }
  return min !== undefined && max !== undefined ? { min, max } : undefined;
}
