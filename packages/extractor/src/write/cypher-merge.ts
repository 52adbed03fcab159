import { z } from 'zod';
import { NODE_SCHEMAS, REL_DISCRIMINATOR, RELATIONSHIPS, type NodeLabel, type RelType } from '@kg/graph-schema';

/**
 * Cypher that MERGEs rows of one label (or one relationship type between two
 * labels), generated from the zod schemas so the database follows the same
 * merge rules as graph-schema's mergeProps: lists are unions, missing values
 * are filled, values already set are kept (an actor's fuller name and a
 * meeting's "held" win).
 */
export function mergeNodesCypher(label: NodeLabel): string {
  const shape = NODE_SCHEMAS[label].shape as Record<string, z.ZodType>;
  const sets = Object.keys(shape)
    .filter((k) => k !== 'id')
    .map((k) => {
      if (label === 'Actor' && k === 'name')
        return `n.name = CASE WHEN size(split(trim(row.name), ' ')) > size(split(trim(n.name), ' ')) THEN row.name ELSE n.name END`;
      if (label === 'Meeting' && k === 'status') return `n.status = CASE WHEN row.status = 'held' THEN 'held' ELSE n.status END`;
      if (isArray(shape[k]!)) return `n.${k} = coalesce(n.${k}, []) + [x IN coalesce(row.${k}, []) WHERE NOT x IN coalesce(n.${k}, [])]`;
      return `n.${k} = coalesce(n.${k}, row.${k})`;
    });
  return `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n += row
ON MATCH SET ${sets.join(',\n  ')}`;
}

export function mergeRelsCypher(type: RelType, from: NodeLabel, to: NodeLabel): string {
  const disc = REL_DISCRIMINATOR[type];
  const shape = RELATIONSHIPS[type].props.shape as Record<string, z.ZodType>;
  const keep = Object.keys(shape).filter((k) => k !== disc);
  return `UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:${to} {id: row.to})
MERGE (a)-[r:${type}${disc ? ` {${disc}: row.props.${disc}}` : ''}]->(b)
ON CREATE SET r += row.props${keep.length ? `\nON MATCH SET ${keep.map((k) => `r.${k} = coalesce(r.${k}, row.props.${k})`).join(', ')}` : ''}`;
}

function isArray(t: z.ZodType): boolean {
  let cur: z.ZodType = t;
  // unwrap .default() / .optional() wrappers
  while (cur instanceof z.ZodDefault || cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = (cur as z.ZodDefault).unwrap() as z.ZodType;
  return cur instanceof z.ZodArray;
}
