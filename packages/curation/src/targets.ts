import type { ManagedTransaction } from 'neo4j-driver';
import type { NodeTarget, RelTarget } from '@kg/graph-schema';
import { label, relType } from './cypher-bits';

/** Properties of a node, or undefined when there is none by that label and id. */
export async function nodeProps(tx: ManagedTransaction, t: NodeTarget): Promise<Record<string, unknown> | undefined> {
  const res = await tx.run(`MATCH (n:${label(t.label)} {id: $id}) RETURN properties(n) AS p`, { id: t.id });
  return res.records[0]?.get('p') as Record<string, unknown> | undefined;
}

/**
 * Takes the write lock of these nodes before anything is read from them: a
 * concurrent ingest adding a relationship to one of them waits, so what
 * this correction reads is what it changes.
 */
export async function lockNodes(tx: ManagedTransaction, targets: NodeTarget[]): Promise<void> {
  for (const t of targets) await tx.run(`MATCH (n:${label(t.label)} {id: $id}) SET n.kg_lock = true REMOVE n.kg_lock`, { id: t.id });
}

export async function relExists(tx: ManagedTransaction, t: RelTarget): Promise<boolean> {
  const res = await tx.run(`MATCH (:${label(t.from.label)} {id: $from})-[r:${relType(t.type)}]->(:${label(t.to.label)} {id: $to}) RETURN count(r) AS n`, {
    from: t.from.id,
    to: t.to.id,
  });
  return Number(res.records[0]?.get('n') ?? 0) > 0;
}

export const describeNode = (t: NodeTarget) => `${t.label} "${t.id}"`;
export const describeRel = (t: RelTarget) => `${t.type} from ${describeNode(t.from)} to ${describeNode(t.to)}`;
