/**
 * Colours for files that carry them (GEXF), the same as the viewer's
 * (packages/viewer/src/web/graph-style.ts): actors by kind, meetings by
 * status, other nodes by label, relationships by type.
 */
const ACTOR_KIND: Record<string, string> = { person: '#2563eb', organization: '#7c3aed', country: '#ea580c', group: '#0d9488' };
const MEETING_STATUS: Record<string, string> = { held: '#dc2626', planned: '#f59e0b', proposed: '#d4a017', cancelled: '#9ca3af' };
const LABEL: Record<string, string> = { Actor: '#2563eb', Meeting: '#dc2626', Position: '#16a34a', Issue: '#be185d', Place: '#92400e', Article: '#64748b' };
const REL: Record<string, string> = {
  ATTENDED: '#b8c0cc',
  HELD_IN: '#d6c3b0',
  HOLDS: '#b7dcc3',
  ABOUT: '#e6bdd0',
  AFFILIATED_WITH: '#cdbdf0',
  MENTIONED_IN: '#dde1e6',
};

export function nodeColor(a: Record<string, unknown>): string {
  if (a.label === 'Actor' && typeof a.kind === 'string' && ACTOR_KIND[a.kind]) return ACTOR_KIND[a.kind]!;
  if (a.label === 'Meeting' && typeof a.status === 'string' && MEETING_STATUS[a.status]) return MEETING_STATUS[a.status]!;
  return LABEL[a.label as string] ?? '#6b7280';
}

export const edgeColor = (type: string): string => REL[type] ?? '#cbd5e1';

/** What a person reads on the node: the name, the meeting's date and place, the position's words. */
export function displayLabel(a: Record<string, unknown>): string {
  const s = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  let text: string | undefined;
  if (a.label === 'Meeting') text = [s(a.date) ?? s(a.dateText), s(a.place)].filter(Boolean).join(', ') || undefined;
  else if (a.label === 'Position') text = s(a.statement);
  else if (a.label === 'Article') text = s(a.title);
  text ??= s(a.name) ?? s(a.title) ?? s(a.id) ?? String(a.label);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
