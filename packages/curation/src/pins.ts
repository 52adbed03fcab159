import type { ManagedTransaction } from 'neo4j-driver';
import { NODE_SCHEMAS, PROVENANCE_KEYS, type NodeTarget } from '@kg/graph-schema';
import { label } from './cypher-bits';
import type { MergePayload } from './merge-db';
import { nodeProps } from './targets';

const LISTS = new Set(['aliases', 'roles']);

/**
 * The payload of a merge, from the two nodes as they are now: the values
 * the kept node keeps (its own, and the dropped node's where it had none; a
 * meeting reported held anywhere stays held), and the names that lead to it.
 */
export async function mergePayload(tx: ManagedTransaction, keep: NodeTarget, drop: string): Promise<MergePayload> {
  const k = (await nodeProps(tx, keep))!;
  const d = (await nodeProps(tx, { label: keep.label, id: drop }))!;
  const skip = new Set<string>(['id', ...PROVENANCE_KEYS, ...LISTS]);
  const pin: Record<string, unknown> = {};
  for (const key of Object.keys(NODE_SCHEMAS[label(keep.label)].shape)) {
    if (skip.has(key)) continue;
    const v = k[key] ?? d[key];
    if (v !== undefined && v !== null) pin[key] = v;
  }
  if (keep.label === 'Meeting' && (k.status === 'held' || d.status === 'held')) pin.status = 'held';
  const forms = keep.label === 'Actor' ? [...new Set([d.name as string, ...((d.aliases as string[]) ?? [])])] : [];
  return { drop, pin, forms };
}
