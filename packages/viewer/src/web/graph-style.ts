import { positionLabel, type ActorKind, type MeetingStatus, type NodeLabel, type RelType } from '@kg/graph-schema';

/**
 * How each kind of node looks. Colour says what a node is at a glance
 * (actors by kind, meetings by status); shape separates the labels for
 * readers who do not tell the colours apart.
 */
export type Shape = 'circle' | 'diamond' | 'triangle' | 'square' | 'ring';
export const SHAPE_CODE: Record<Shape, number> = { circle: 0, diamond: 1, triangle: 2, square: 3, ring: 4 };

export const LABEL_SHAPE: Record<NodeLabel, Shape> = {
  Actor: 'circle',
  Meeting: 'diamond',
  Position: 'triangle',
  Issue: 'square',
  Place: 'ring',
  Article: 'square',
};

// Colours are shared with the exports (GEXF): one palette, in graph-schema.
export { KIND_COLOR, STATUS_COLOR, LABEL_COLOR, EDGE_COLOR } from '@kg/graph-schema/palette';
import { KIND_COLOR, STATUS_COLOR, LABEL_COLOR, EDGE_COLOR } from '@kg/graph-schema/palette';

export const BACKGROUND = '#fbfbf9';
export const PROJECTION_EDGE_COLOR = '#94a3b8';

/** Human names for the legend and the panel. */
export const LABEL_NAME: Record<NodeLabel, string> = {
  Actor: 'Actors',
  Meeting: 'Meetings',
  Position: 'Positions',
  Issue: 'Issues',
  Place: 'Places',
  Article: 'Articles (sources)',
};

type Attrs = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function nodeColor(a: Attrs): string {
  const label = a.label as NodeLabel;
  if (label === 'Actor') return KIND_COLOR[a.kind as ActorKind] ?? LABEL_COLOR.Actor;
  if (label === 'Meeting') return STATUS_COLOR[a.status as MeetingStatus] ?? LABEL_COLOR.Meeting;
  return LABEL_COLOR[label] ?? '#888888';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2025-12-02` → `2 Dec 2025`: unambiguous for readers on both sides of the Atlantic. */
export function formatDate(iso: string | null | undefined): string | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return undefined;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The text drawn next to a node. */
export function nodeText(a: Attrs): string {
  switch (a.label as NodeLabel) {
    case 'Actor':
    case 'Issue':
    case 'Place':
      return str(a.name) ?? String(a.id);
    case 'Meeting': {
      const when = formatDate(a.date as string | null) ?? str(a.dateText) ?? 'undated';
      const where = str(a.place);
      return `Meeting · ${when}${where ? ` · ${where}` : ''}`;
    }
    case 'Position':
      return positionLabel(a as Parameters<typeof positionLabel>[0]);
    case 'Article':
      return clip(str(a.title) ?? 'article', 50);
    default:
      return String(a.id ?? '');
  }
}

/** Bigger for better-connected nodes, with a square root so hubs do not swallow the picture. */
export const sizeForDegree = (degree: number): number => Math.min(26, 4.5 + 2.2 * Math.sqrt(degree));

/** `color` blended towards the background: how nodes outside the focus look. */
export function dim(color: string, amount = 0.82): string {
  const parse = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [r = 0, g = 0, b = 0] = parse(color.length === 7 ? color : '#888888');
  const [R = 0, G = 0, B = 0] = parse(BACKGROUND);
  const mix = (x: number, y: number) => Math.round(x + (y - x) * amount).toString(16).padStart(2, '0');
  return `#${mix(r, R)}${mix(g, G)}${mix(b, B)}`;
}
