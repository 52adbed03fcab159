import { EDGE_COLOR, nodeColor } from '@kg/graph-schema/palette';
import { positionLabel, type RelType } from '@kg/graph-schema';

/** Colours for files that carry them (GEXF): the viewer's palette, from graph-schema. */
export { nodeColor };

export const edgeColor = (type: string): string => EDGE_COLOR[type as RelType] ?? '#cbd5e1';

/** What a person reads on the node: the name, the meeting's date and place, the position's words. */
export function displayLabel(a: Record<string, unknown>): string {
  const s = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  let text: string | undefined;
  if (a.label === 'Meeting') text = [s(a.date) ?? s(a.dateText), s(a.place)].filter(Boolean).join(', ') || undefined;
  else if (a.label === 'Position') text = positionLabel(a as Parameters<typeof positionLabel>[0], 60);
  else if (a.label === 'Article') text = s(a.title);
  text ??= s(a.name) ?? s(a.title) ?? s(a.id) ?? String(a.label);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
