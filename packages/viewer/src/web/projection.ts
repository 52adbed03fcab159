import Graph from 'graphology';
import type { MeetingStatus } from '@kg/graph-schema';

/** One meeting behind a projection edge, as the tooltip and the filters need it. */
export interface SharedMeeting {
  key: string;
  date: string | null;
  dateText: string;
  status: MeetingStatus;
  place?: string;
}

export interface ProjectionEdge {
  /** Meetings both actors attended: the edge's weight is their number. */
  meetings: SharedMeeting[];
  weight: number;
}

/** Where a meeting happened: its `place` property, else the Place it is HELD_IN. */
function meetingPlace(graph: Graph, meeting: string): string | undefined {
  const own = graph.getNodeAttribute(meeting, 'place') as string | undefined;
  if (own) return own;
  for (const e of graph.outEdges(meeting)) {
    if (graph.getEdgeAttribute(e, 'type') === 'HELD_IN') return graph.getNodeAttribute(graph.target(e), 'name') as string;
  }
  return undefined;
}

/**
 * Who met whom: an undirected graph of the actors that attended at least one
 * meeting, linked when they attended the same meeting. Computed once per
 * loaded graph (it is O(sum of attendees² per meeting)), then only filtered.
 * Actor nodes keep their attributes and their current position so switching
 * views does not reshuffle the picture.
 */
export function buildProjection(graph: Graph): Graph<Record<string, unknown>, ProjectionEdge> {
  const projection = new Graph<Record<string, unknown>, ProjectionEdge>({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.forEachNode((meeting, m) => {
    if (m.label !== 'Meeting') return;
    const attendees = new Set<string>();
    for (const e of graph.inEdges(meeting)) {
      if (graph.getEdgeAttribute(e, 'type') !== 'ATTENDED') continue;
      const actor = graph.source(e);
      if (graph.getNodeAttribute(actor, 'label') === 'Actor') attendees.add(actor);
    }
    if (!attendees.size) return;
    const shared: SharedMeeting = {
      key: meeting,
      date: (m.date as string | null | undefined) ?? null,
      dateText: (m.dateText as string | undefined) ?? '',
      status: m.status as MeetingStatus,
      place: meetingPlace(graph, meeting),
    };
    const list = [...attendees];
    for (const a of list) if (!projection.hasNode(a)) projection.addNode(a, { ...graph.getNodeAttributes(a) });
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as string;
        const b = list[j] as string;
        const existing = projection.edge(a, b);
        if (existing === undefined) projection.addEdge(a, b, { meetings: [shared], weight: 1 });
        else {
          const attrs = projection.getEdgeAttributes(existing);
          attrs.meetings.push(shared);
          attrs.weight = attrs.meetings.length;
        }
      }
    }
  });
  // Tooltips list meetings in date order, undated ones last.
  projection.forEachEdge((_, attrs) => attrs.meetings.sort(compareMeetings));
  return projection;
}

export function compareMeetings(a: { date: string | null }, b: { date: string | null }): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}
