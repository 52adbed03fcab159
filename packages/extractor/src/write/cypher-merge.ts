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
      // a row without the list (correctedBy, on facts no analyst touched) leaves the node's as it is, absent included
      if (isArray(shape[k]!)) return `n.${k} = CASE WHEN row.${k} IS NULL THEN n.${k} ELSE coalesce(n.${k}, []) + [x IN row.${k} WHERE NOT x IN coalesce(n.${k}, [])] END`;
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

/**
 * Articles first, saying which rows created their node in this transaction:
 * only those articles' facts are written (an article already present was
 * written whole before, by this or a concurrent run). The marker property
 * never outlives the statement.
 */
export function mergeArticlesCypher(): string {
  return `${mergeNodesCypher('Article').replace('ON CREATE SET n += row', 'ON CREATE SET n += row, n.kg_created_here = true')}
WITH row, n, n.kg_created_here IS NOT NULL AS created
REMOVE n.kg_created_here
RETURN row.id AS id, created`;
}

/**
 * MENTIONED_IN into an article created in the same transaction cannot exist
 * yet: a plain CREATE, without MERGE's search of existing relationships.
 */
export function createMentionsCypher(from: NodeLabel): string {
  return `UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:Article {id: row.to})
CREATE (a)-[r:MENTIONED_IN]->(b)
SET r = row.props`;
}
