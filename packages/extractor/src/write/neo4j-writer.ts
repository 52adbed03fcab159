import type { Connection } from '@kg/neo4j';
import { mergeProps, nodeKey, relKey, type GraphBatch, type NodeLabel, type NodeRecord, type RelRecord, type RelType } from '@kg/graph-schema';
import type { ManagedTransaction } from 'neo4j-driver';
import { mergeNodesCypher, mergeRelsCypher } from './cypher-merge';

export interface WriteCounts {
  nodesCreated: number;
  nodesMatched: number;
  relationshipsCreated: number;
  relationshipsMatched: number;
}

export const zeroCounts = (): WriteCounts => ({ nodesCreated: 0, nodesMatched: 0, relationshipsCreated: 0, relationshipsMatched: 0 });

export function addCounts(a: WriteCounts, b: WriteCounts): WriteCounts {
  return {
    nodesCreated: a.nodesCreated + b.nodesCreated,
    nodesMatched: a.nodesMatched + b.nodesMatched,
    relationshipsCreated: a.relationshipsCreated + b.relationshipsCreated,
    relationshipsMatched: a.relationshipsMatched + b.relationshipsMatched,
  };
}

// Nodes go first so every relationship finds both ends; Article last among
// them for readability of the query log only (the transaction is atomic).
const NODE_ORDER: NodeLabel[] = ['Actor', 'Place', 'Issue', 'Meeting', 'Position', 'Article'];

/**
 * Writes the batches of whole articles in ONE transaction, with one
 * `UNWIND $rows … MERGE` statement per label and per relationship type: an
 * interruption leaves either all of these articles or none of them, and
 * writing them again creates nothing new.
 */
export async function writeArticles(conn: Connection, batches: readonly GraphBatch[]): Promise<WriteCounts> {
  const { nodes, rels } = combine(batches);
  const session = conn.driver.session({ database: conn.database });
  try {
    return await session.executeWrite(async (tx) => {
      const counts = zeroCounts();
      for (const label of NODE_ORDER) {
        const rows = nodes.filter((n) => n.label === label).map((n) => n.props);
        if (!rows.length) continue;
        const created = await run(tx, mergeNodesCypher(label), rows);
        counts.nodesCreated += created.nodes;
        counts.nodesMatched += rows.length - created.nodes;
      }
      for (const [group, list] of groupRels(rels)) {
        const [type, from, to] = group.split('|') as [RelType, NodeLabel, NodeLabel];
        const rows = list.map((r) => ({ from: r.from.id, to: r.to.id, props: r.props }));
        const created = await run(tx, mergeRelsCypher(type, from, to), rows);
        counts.relationshipsCreated += created.rels;
        counts.relationshipsMatched += rows.length - created.rels;
      }
      return counts;
    });
  } finally {
    await session.close();
  }
}

async function run(tx: ManagedTransaction, cypher: string, rows: unknown[]): Promise<{ nodes: number; rels: number }> {
  const res = await tx.run(cypher, { rows });
  const u = res.summary.counters.updates();
  return { nodes: u.nodesCreated, rels: u.relationshipsCreated };
}

/** The same node or relationship from several articles of a batch becomes one row, merged by graph-schema's rules. */
export function combine(batches: readonly GraphBatch[]): GraphBatch {
  const nodes = new Map<string, NodeRecord>();
  const rels = new Map<string, RelRecord>();
  for (const b of batches) {
    for (const n of b.nodes) {
      const key = nodeKey(n.label, n.props.id);
      const old = nodes.get(key);
      nodes.set(key, old ? ({ label: n.label, props: mergeProps(n.label, old.props as never, n.props as never) } as NodeRecord) : n);
    }
    for (const r of b.rels) {
      const key = relKey(r);
      if (!rels.has(key)) rels.set(key, r);
    }
  }
  return { nodes: [...nodes.values()], rels: [...rels.values()] };
}

function groupRels(rels: RelRecord[]): Map<string, RelRecord[]> {
  const out = new Map<string, RelRecord[]>();
  for (const r of rels) {
    const k = `${r.type}|${r.from.label}|${r.to.label}`;
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

/** Which of these article ids the database already holds (they were written whole, in one transaction). */
export async function existingArticleIds(conn: Connection, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    const res = await session.executeRead((tx) => tx.run('MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id', { ids }));
    return new Set(res.records.map((r) => r.get('id') as string));
  } finally {
    await session.close();
  }
}

/** Actors and meetings already in the database, for the resolver to link new articles to. */
export async function loadKnownEntities(conn: Connection) {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    const actors = await session.executeRead((tx) => tx.run('MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases'));
    const meetings = await session.executeRead((tx) =>
      tx.run('MATCH (m:Meeting) OPTIONAL MATCH (a:Actor)-[:ATTENDED]->(m) RETURN m.id AS id, m.date AS date, collect(a.id) AS participants'),
    );
    return {
      actors: actors.records.map((r) => ({ id: r.get('id'), name: r.get('name'), kind: r.get('kind'), aliases: r.get('aliases') })),
      meetings: meetings.records.map((r) => ({ id: r.get('id') as string, date: (r.get('date') as string | null) ?? null, participants: r.get('participants') as string[] })),
    };
  } finally {
    await session.close();
  }
}
