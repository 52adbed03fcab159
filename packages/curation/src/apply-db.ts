import type { ManagedTransaction } from 'neo4j-driver';
import { isNodeTarget, isRelTarget, type Correction, type NodeTarget, type RelTarget } from '@kg/graph-schema';
import { addCorrectedBy, dropCorrectedBy, label, markCurated, relType } from './cypher-bits';
import { mergeInDb, unmergeInDb, type MergeSnapshot } from './merge-db';
import { readSnapshot, writeSnapshot } from './store';
import { lockNodes, nodeProps } from './targets';

export interface AddPayload {
  /** For a node: its properties (schema of its label). For a relationship: its properties. */
  props?: Record<string, unknown>;
  /** For an added meeting: the actors who attended. */
  participants?: string[];
  /** For an added position: the actor who holds it. */
  holder?: string;
  note?: string;
  sentence?: string;
}

export interface SplitMeetingPayload {
  /** Actors whose attendance moves to the new meeting. */
  participants: string[];
  /** Id of the new meeting. */
  into: string;
}

const nodeMatch = (t: NodeTarget, v = 'n', p = 'id') => `(${v}:${label(t.label)} {id: $${p}})`;
const relMatch = (t: RelTarget) => `(:${label(t.from.label)} {id: $from})-[r:${relType(t.type)}]->(:${label(t.to.label)} {id: $to})`;
const relParams = (t: RelTarget) => ({ from: t.from.id, to: t.to.id });

/**
 * Makes one correction in the database. Idempotent: corrections are applied
 * again after every ingest, and one whose target is not there yet (a file
 * imported before the articles) simply takes effect later.
 */
export async function applyInDb(tx: ManagedTransaction, c: Correction): Promise<void> {
  const t = c.target;
  const cid = c.id;
  switch (c.op) {
    case 'merge': {
      const snap = await mergeInDb(tx, c);
      if (snap) await writeSnapshot(tx, c.id, snap as unknown as Record<string, unknown>);
      return;
    }
    case 'edit': {
      const target = t as NodeTarget;
      const before = await nodeProps(tx, target);
      const set = (c.payload.set ?? {}) as Record<string, unknown>;
      if (before) await writeSnapshot(tx, c.id, { before: Object.fromEntries(Object.keys(set).map((k) => [k, before[k] ?? null])), origin: before.origin ?? null });
      await tx.run(`MATCH ${nodeMatch(target)} SET n += $set, ${markCurated('n')}, ${addCorrectedBy('n')}`, { id: target.id, set, cid });
      return;
    }
    case 'reject':
    case 'confirm': {
      const flag = c.op === 'reject' ? 'rejected' : 'reviewed';
      if (isRelTarget(t)) await tx.run(`MATCH ${relMatch(t)} SET r.${flag} = true, ${addCorrectedBy('r')}`, { ...relParams(t), cid });
      else if (isNodeTarget(t) && c.scope && c.op === 'reject')
        // only as that article reports it: the article's evidence for it is hidden, the fact stays for the others
        await tx.run(`MATCH ${nodeMatch(t)}-[r:MENTIONED_IN]->(:Article {id: $scope}) SET r.rejected = true, ${addCorrectedBy('r')}`, { id: t.id, scope: c.scope, cid });
      else if (isNodeTarget(t)) await tx.run(`MATCH ${nodeMatch(t)} SET n.${flag} = true, ${addCorrectedBy('n')}`, { id: t.id, cid });
      return;
    }
    case 'add':
      return addInDb(tx, c);
    case 'split':
      if (isNodeTarget(t)) return splitMeetingInDb(tx, c);
      return; // the split of a merge is the merge undone (see undoInDb)
    case 'dismiss':
    case 'undo':
      return;
  }
}

async function addInDb(tx: ManagedTransaction, c: Correction): Promise<void> {
  const p = c.payload as AddPayload;
  const t = c.target;
  const cid = c.id;
  const provenance = { origin: 'added', correctedBy: [cid] };
  if (isRelTarget(t)) {
    await tx.run(
      `MATCH (a:${label(t.from.label)} {id: $from}) MATCH (b:${label(t.to.label)} {id: $to})
MERGE (a)-[r:${relType(t.type)}]->(b) ON CREATE SET r = $props, r += $provenance`,
      { ...relParams(t), props: p.props ?? {}, provenance },
    );
    return;
  }
  if (!isNodeTarget(t)) return;
  await tx.run(`MERGE ${nodeMatch(t)} ON CREATE SET n = $props, n.id = $id, n += $provenance`, { id: t.id, props: p.props ?? {}, provenance });
  for (const actor of p.participants ?? [])
    await tx.run(`MATCH (a:Actor {id: $actor}) MATCH ${nodeMatch(t)} MERGE (a)-[r:ATTENDED]->(n) ON CREATE SET r += $provenance`, { actor, id: t.id, provenance });
  if (p.holder) await tx.run(`MATCH (a:Actor {id: $actor}) MATCH ${nodeMatch(t)} MERGE (a)-[r:HOLDS]->(n) ON CREATE SET r += $provenance`, { actor: p.holder, id: t.id, provenance });
}

/** One meeting node that is two events: the given participants' attendance moves to a new meeting, which shares the evidence. */
async function splitMeetingInDb(tx: ManagedTransaction, c: Correction): Promise<void> {
  const t = c.target as NodeTarget;
  const p = c.payload as unknown as SplitMeetingPayload;
  await lockNodes(tx, [t]);
  const params = { id: t.id, into: p.into, participants: p.participants, cid: c.id };
  const original = await nodeProps(tx, t);
  if (!original) return;
  const { id: _, ...copy } = original;
  await tx.run(`MERGE (s:Meeting {id: $into}) ON CREATE SET s += $copy SET ${markCurated('s')}, ${addCorrectedBy('s')}`, { ...params, copy });
  await tx.run(
    `MATCH ${nodeMatch(t)} MATCH (s:Meeting {id: $into})
MATCH (a:Actor)-[r:ATTENDED]->(n) WHERE a.id IN $participants
MERGE (a)-[x:ATTENDED]->(s) ON CREATE SET x = properties(r)
DELETE r`,
    params,
  );
  await tx.run(
    `MATCH ${nodeMatch(t)}-[r:MENTIONED_IN]->(art:Article) MATCH (s:Meeting {id: $into})
MERGE (s)-[x:MENTIONED_IN {start: r.start}]->(art) ON CREATE SET x = properties(r)`,
    params,
  );
  await tx.run(`MATCH ${nodeMatch(t)}-[r:HELD_IN]->(pl:Place) MATCH (s:Meeting {id: $into}) MERGE (s)-[x:HELD_IN]->(pl) ON CREATE SET x = properties(r)`, params);
}

/** Reverses one correction in the database (the caller records the undo and checks it may be undone). */
export async function undoInDb(tx: ManagedTransaction, c: Correction): Promise<void> {
  const t = c.target;
  const cid = c.id;
  switch (c.op) {
    case 'merge':
      return unmergeInDb(tx, c, (await readSnapshot(tx, c.id)) as MergeSnapshot | undefined);
    case 'edit': {
      const target = t as NodeTarget;
      const snap = (await readSnapshot(tx, c.id)) as { before: Record<string, unknown>; origin: unknown } | undefined;
      await tx.run(`MATCH ${nodeMatch(target)} SET n += $before, n.origin = $origin, ${dropCorrectedBy('n')}`, {
        id: target.id,
        before: snap?.before ?? {},
        origin: snap?.origin ?? 'extracted',
        cid,
      });
      return;
    }
    case 'reject':
    case 'confirm': {
      const flag = c.op === 'reject' ? 'rejected' : 'reviewed';
      if (isRelTarget(t)) await tx.run(`MATCH ${relMatch(t)} REMOVE r.${flag} SET ${dropCorrectedBy('r')}`, { ...relParams(t), cid });
      else if (isNodeTarget(t) && c.scope && c.op === 'reject')
        await tx.run(`MATCH ${nodeMatch(t)}-[r:MENTIONED_IN]->(:Article {id: $scope}) REMOVE r.rejected SET ${dropCorrectedBy('r')}`, { id: t.id, scope: c.scope, cid });
      else if (isNodeTarget(t)) await tx.run(`MATCH ${nodeMatch(t)} REMOVE n.${flag} SET ${dropCorrectedBy('n')}`, { id: t.id, cid });
      return;
    }
    case 'add':
      if (isRelTarget(t)) await tx.run(`MATCH ${relMatch(t)} WHERE r.origin = 'added' DELETE r`, relParams(t));
      else if (isNodeTarget(t)) await tx.run(`MATCH ${nodeMatch(t)} WHERE n.origin = 'added' DETACH DELETE n`, { id: t.id });
      return;
    case 'split': {
      if (!isNodeTarget(t)) return;
      const p = c.payload as unknown as SplitMeetingPayload;
      await tx.run(
        `MATCH ${nodeMatch(t)} MATCH (a:Actor)-[r:ATTENDED]->(s:Meeting {id: $into})
MERGE (a)-[x:ATTENDED]->(n) ON CREATE SET x = properties(r)`,
        { id: t.id, into: p.into },
      );
      await tx.run(`MATCH (s:Meeting {id: $into}) DETACH DELETE s`, { into: p.into });
      return;
    }
    case 'dismiss':
    case 'undo':
      return;
  }
}
