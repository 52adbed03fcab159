import { nodeKey, type GraphBatch, type NodeLabel, type NodeRecord, type RelType, type Stance } from '@kg/graph-schema';
import { IGNORED, matchActor, type ActorMatch } from './actor-match';
import type { GoldSet } from './gold-set';
import { normName } from './names';

type NodeOf<L extends NodeLabel> = Extract<NodeRecord, { label: L }>;

export interface PredictedActor {
  key: string;
  name: string;
  isPerson: boolean;
  match: ActorMatch;
}

export interface PredictedMeeting {
  key: string;
  /** Gold ids of the participants, `pred:KEY` for those matching no gold actor; ignored names left out. */
  ids: Set<string>;
  date: string | null;
  /** Normalised: the meeting's place and the names of the places it was held in. */
  places: string[];
  held: boolean;
}

export interface PredictedPosition {
  key: string;
  /** Gold ids of the holders that match one. */
  holders: string[];
  /** Normalised statement and issue names, where gold keywords are looked for. */
  text: string;
  stance: Stance;
}

/** A predicted graph as the measures see it: its actors matched to gold ids, meetings and positions with what is compared. */
export interface PredictedGraph {
  actors: PredictedActor[];
  meetings: PredictedMeeting[];
  positions: PredictedPosition[];
}

export function viewPredicted(batch: GraphBatch, gold: GoldSet): PredictedGraph {
  // One node per key, at the place it first appears (a graph file that repeats a key describes one node).
  const nodes = new Map<string, NodeRecord>();
  for (const n of batch.nodes) nodes.set(nodeKey(n.label, n.props.id), n);
  const adjacent = new Map<string, { type: RelType; other: string }[]>();
  const link = (at: string, type: RelType, other: string) => {
    const list = adjacent.get(at) ?? [];
    list.push({ type, other });
    adjacent.set(at, list);
  };
  for (const r of batch.rels) {
    const from = nodeKey(r.from.label, r.from.id);
    const to = nodeKey(r.to.label, r.to.id);
    link(from, r.type, to);
    if (to !== from) link(to, r.type, from);
  }
  const neighbours = <L extends NodeLabel>(key: string, type: RelType, label: L): [string, NodeOf<L>][] =>
    (adjacent.get(key) ?? []).flatMap((e) => {
      const n = e.type === type ? nodes.get(e.other) : undefined;
      return n?.label === label ? [[e.other, n as NodeOf<L>] as [string, NodeOf<L>]] : [];
    });
  const ofLabel = <L extends NodeLabel>(label: L): [string, NodeOf<L>][] =>
    [...nodes].filter((e): e is [string, NodeOf<L>] => e[1].label === label);

  const matchOf = new Map<string, ActorMatch>();
  const actors = ofLabel('Actor').map(([key, n]): PredictedActor => {
    const match = matchActor(gold, { name: n.props.name, aliases: n.props.aliases, kind: n.props.kind });
    matchOf.set(key, match);
    return { key, name: n.props.name, isPerson: n.props.kind === 'person', match };
  });

  const meetings = ofLabel('Meeting').map(([key, m]): PredictedMeeting => {
    const ids = new Set<string>();
    for (const [aKey] of neighbours(key, 'ATTENDED', 'Actor')) {
      const match = matchOf.get(aKey) ?? null;
      if (match !== IGNORED) ids.add(match ?? `pred:${aKey}`);
    }
    const places = [m.props.place, ...neighbours(key, 'HELD_IN', 'Place').map(([, p]) => p.props.name)].filter((p): p is string => !!p);
    return { key, ids, date: m.props.date ? m.props.date.slice(0, 10) : null, places: places.map(normName), held: m.props.status === 'held' };
  });

  const positions = ofLabel('Position').map(([key, p]): PredictedPosition => {
    const holders = neighbours(key, 'HOLDS', 'Actor').flatMap(([aKey]) => {
      const match = matchOf.get(aKey);
      return typeof match === 'string' ? [match] : [];
    });
    const about = neighbours(key, 'ABOUT', 'Issue').map(([, i]) => i.props.name);
    const text = normName([p.props.statement, ...about].filter(Boolean).join(' | '));
    return { key, holders, text, stance: p.props.stance };
  });

  return { actors, meetings, positions };
}
