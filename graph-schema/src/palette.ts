import type { ActorKind, MeetingStatus, NodeLabel } from './nodes';
import type { RelType } from './relationships';

/**
 * The colours of the graph wherever it is drawn: the viewer, and the files
 * that carry colours (GEXF for Gephi), so a graph looks the same in both.
 * Actors by kind, meetings by status, other nodes by label. No zod here:
 * the browser bundle imports this alone.
 */
export const KIND_COLOR: Record<ActorKind, string> = {
  person: '#2563eb',
  organization: '#7c3aed',
  country: '#ea580c',
  group: '#0d9488',
};

export const STATUS_COLOR: Record<MeetingStatus, string> = {
  held: '#dc2626',
  planned: '#f59e0b',
  proposed: '#d4a017',
  cancelled: '#9ca3af',
};

export const LABEL_COLOR: Record<NodeLabel, string> = {
  Actor: KIND_COLOR.person,
  Meeting: STATUS_COLOR.held,
  Position: '#16a34a',
  Issue: '#be185d',
  Place: '#92400e',
  Article: '#64748b',
};

export const EDGE_COLOR: Record<RelType, string> = {
  ATTENDED: '#b8c0cc',
  HELD_IN: '#d6c3b0',
  HOLDS: '#b7dcc3',
  ABOUT: '#e6bdd0',
  AFFILIATED_WITH: '#cdbdf0',
  MENTIONED_IN: '#dde1e6',
};

/** The colour of a node from its attributes (label, kind, status). */
export function nodeColor(a: Record<string, unknown>): string {
  if (a.label === 'Actor' && typeof a.kind === 'string' && a.kind in KIND_COLOR) return KIND_COLOR[a.kind as ActorKind];
  if (a.label === 'Meeting' && typeof a.status === 'string' && a.status in STATUS_COLOR) return STATUS_COLOR[a.status as MeetingStatus];
  return LABEL_COLOR[a.label as NodeLabel] ?? '#6b7280';
}
