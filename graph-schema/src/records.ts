import { z } from 'zod';
import { NODE_SCHEMAS, type NodeLabel, type NodeProps } from './nodes';
import { RELATIONSHIPS, REL_DISCRIMINATOR, type RelProps, type RelType } from './relationships';

/** A node as the pipeline hands it to a writer: its label and its properties. */
export type NodeRecord = { [L in NodeLabel]: { label: L; props: NodeProps[L] } }[NodeLabel];
export type NodeRef = { label: NodeLabel; id: string };
/** A relationship between two nodes named by label and id. */
export type RelRecord = { [T in RelType]: { type: T; from: NodeRef; to: NodeRef; props: RelProps[T] } }[RelType];

/** What extraction yields for one article: everything a writer needs, and nothing from other articles. */
export interface GraphBatch {
  nodes: NodeRecord[];
  rels: RelRecord[];
}

/** Key of a node in the graph file: ids are unique per label, keys across the whole graph. */
export const nodeKey = (label: NodeLabel, id: string): string => `${label}:${id}`;

export const parseNodeKey = (key: string): NodeRef => {
  const i = key.indexOf(':');
  const label = key.slice(0, i);
  if (i < 1 || !(label in NODE_SCHEMAS)) throw new Error(`not a node key: ${key}`);
  return { label: label as NodeLabel, id: key.slice(i + 1) };
};

/** Key of a relationship: stable, so that writing the same fact twice yields one edge. */
export const relKey = (rel: RelRecord): string => {
  const disc = REL_DISCRIMINATOR[rel.type];
  const suffix = disc ? `#${String((rel.props as Record<string, unknown>)[disc])}` : '';
  return `${rel.type}:${nodeKey(rel.from.label, rel.from.id)}->${nodeKey(rel.to.label, rel.to.id)}${suffix}`;
};

/** Validates a node record against its label's schema; throws a ZodError naming the field. */
export function parseNode<L extends NodeLabel>(label: L, props: unknown): { label: L; props: NodeProps[L] } {
  return { label, props: NODE_SCHEMAS[label].parse(props) as NodeProps[L] };
}

/** Validates a relationship record: its type, the labels at both ends and its properties. */
export function parseRel(rel: { type: string; from: NodeRef; to: NodeRef; props?: unknown }): RelRecord {
  const def = RELATIONSHIPS[rel.type as RelType];
  if (!def) throw new Error(`unknown relationship type ${rel.type}`);
  if (!(def.from as readonly string[]).includes(rel.from.label) || !(def.to as readonly string[]).includes(rel.to.label))
    throw new Error(`${rel.type} cannot go from ${rel.from.label} to ${rel.to.label}`);
  const props = (def.props as z.ZodObject).parse(rel.props ?? {});
  return { type: rel.type, from: rel.from, to: rel.to, props } as RelRecord;
}
