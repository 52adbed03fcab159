/**
 * The graph a perfect extraction of a gold folder would produce: every gold
 * actor, each real meeting once (gold files that share a meeting key describe
 * one meeting) with its named participants, each stance once. Tests perturb
 * it in known ways and check that the score moves as the definitions say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GoldFile, type GraphBatch, type NodeRecord, type RelRecord } from '@kg/graph-schema';

export function readGoldDir(dir: string): { name: string; gold: GoldFile }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((name) => ({ name, gold: GoldFile.parse(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))) }));
}

export function perfectGraph(dir: string): GraphBatch {
  const nodes: NodeRecord[] = [];
  const rels: RelRecord[] = [];
  const actors = new Map<string, Extract<NodeRecord, { label: 'Actor' }>>();
  const meetings = new Map<string, { node: Extract<NodeRecord, { label: 'Meeting' }>; participants: Set<string> }>();
  const stances = new Set<string>();
  for (const { name, gold } of readGoldDir(dir)) {
    for (const a of gold.actors) {
      const known = actors.get(a.id);
      if (known) known.props.aliases = [...new Set([...known.props.aliases, ...(a.aliases ?? [])])];
      else {
        const node = { label: 'Actor' as const, props: { id: a.id, name: a.name, kind: a.kind, aliases: [...(a.aliases ?? [])], roles: [] } };
        actors.set(a.id, node);
        nodes.push(node);
      }
    }
    gold.meetings.forEach((m, i) => {
      const key = m.key ?? `${name}#${i}`;
      let entry = meetings.get(key);
      if (!entry) {
        const node = {
          label: 'Meeting' as const,
          props: { id: `m-${meetings.size}`, date: m.date ?? null, dateText: m.date ?? '', status: m.status, mode: 'unknown' as const, place: m.place?.[0] },
        };
        entry = { node, participants: new Set() };
        meetings.set(key, entry);
        nodes.push(node);
      }
      entry.node.props.date ??= m.date ?? null;
      entry.node.props.place ??= m.place?.[0];
      if (m.status === 'held') entry.node.props.status = 'held';
      for (const p of m.participants) entry.participants.add(p);
    });
    for (const p of gold.positions) {
      const key = [p.holder, p.stance, [...p.keywords].sort().join('/')].join('|');
      if (stances.has(key)) continue;
      const id = `p-${stances.size}`;
      stances.add(key);
      nodes.push({ label: 'Position', props: { id, stance: p.stance, statement: p.keywords.join(', ') } });
      rels.push({ type: 'HOLDS', from: { label: 'Actor', id: p.holder }, to: { label: 'Position', id }, props: {} });
    }
  }
  for (const { node, participants } of meetings.values())
    for (const p of participants) rels.push({ type: 'ATTENDED', from: { label: 'Actor', id: p }, to: { label: 'Meeting', id: node.props.id }, props: {} });
  return { nodes, rels };
}

/** A deep copy, for perturbing one test's graph without touching another's. */
export const copyGraph = (g: GraphBatch): GraphBatch => structuredClone(g);

export const meetingIdByPlace = (g: GraphBatch, place: string): string => {
  const n = g.nodes.find((x) => x.label === 'Meeting' && x.props.place === place);
  if (!n) throw new Error(`no meeting in ${place}`);
  return n.props.id;
};

