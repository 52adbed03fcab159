import type { Connection } from '@kg/neo4j';
import type { Session } from 'neo4j-driver';
import { mergeProps, nodeKey, relKey, type GraphBatch, type NodeLabel, type NodeProps, type NodeRecord, type RelRecord, type RelType } from '@kg/graph-schema';
import { createMentionsCypher, mergeArticlesCypher, mergeNodesCypher, mergeRelsCypher } from './cypher-merge';

export interface WriteCounts {
  nodesCreated: number;
  nodesMatched: number;
  relationshipsCreated: number;
  relationshipsMatched: number;
  /** Articles written by this call; the others were in the database already (written before, or by a concurrent run). */
  articlesWritten?: number;
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

// Articles first (which of them are new decides what else is written), then
// the other nodes, so every relationship finds both ends.
const NODE_ORDER: NodeLabel[] = ['Actor', 'Place', 'Issue', 'Meeting', 'Position'];
const SORTED = new Set<NodeLabel>(['Actor', 'Place', 'Issue']);

/**
 * Writes the batches of whole articles in ONE transaction, with one
 * `UNWIND $rows … MERGE` statement per label and per relationship type: an
 * interruption leaves either all of these articles or none of them, and
 * writing them again creates nothing new. An article already in the
 * database (written before, or by a concurrent run) is passed over whole;
 * its rows count as matched. The transaction is explicit, not the driver's
 * managed retry: the caller retries (src/write/retry.ts) on its own schedule.
 */
export async function writeArticles(conn: Connection, batches: readonly GraphBatch[], cache?: WriteCache): Promise<WriteCounts> {
  if (!batches.length) return zeroCounts();
  const session = conn.driver.session({ database: conn.database });
  try {
    // The articles were checked before extraction, so they are almost always all new and the whole
    // transaction goes out in one pipelined round. When a concurrent run wrote some of them in the
    // meantime, that transaction is rolled back and the others are written again without them.
    let fresh: readonly GraphBatch[] = batches;
    for (;;) {
      const outcome = await writeTransaction(session, fresh, cache);
      if ('counts' in outcome) {
        const counts = outcome.counts;
        if (fresh.length < batches.length) {
          // rows of articles already present are matched, not written
          const all = combine(batches), written = combine(fresh);
          counts.nodesMatched += all.nodes.length - written.nodes.length;
          counts.relationshipsMatched += all.rels.length - written.rels.length;
        }
        return { ...counts, articlesWritten: fresh.length };
      }
      fresh = fresh.filter((b) => !outcome.present.has(articleOf(b).id));
      if (!fresh.length) {
        const all = combine(batches);
        return { ...zeroCounts(), nodesMatched: all.nodes.length, relationshipsMatched: all.rels.length, articlesWritten: 0 };
      }
    }
  } finally {
    await session.close().catch(() => {});
  }
}

/** One transaction writing these batches whole, committed only if every one of their articles was new. */
async function writeTransaction(session: Session, batches: readonly GraphBatch[], cache?: WriteCache): Promise<{ counts: WriteCounts } | { present: Set<string> }> {
  const tx = await session.beginTransaction();
  try {
    const counts = zeroCounts();
    const articleRows = byId([...new Map(batches.map((b) => articleOf(b)).map((a) => [a.id, a] as const)).values()]);
    const { nodes, rels } = combine(batches);
    const statements = statementsFor(nodes, rels, counts, cache);
    // Every statement goes out at once, pipelined on the connection: Neo4j runs them back to back
    // instead of waiting a round trip (and this thread's other work) between them.
    const articles = tx.run(mergeArticlesCypher(), { rows: articleRows });
    const results = statements.map((st) => tx.run(st.cypher, { rows: st.rows }).summary());
    const [res, summaries] = await Promise.all([articles, Promise.all(results)]);
    const created = new Set(res.records.filter((r) => r.get('created') === true).map((r) => r.get('id') as string));
    if (created.size < articleRows.length) {
      await tx.rollback();
      return { present: new Set(articleRows.map((a) => a.id).filter((id) => !created.has(id))) };
    }
    counts.nodesCreated += created.size;
    summaries.forEach((sum, i) => {
      const { rows, nodes } = statements[i]!;
      const u = sum.counters.updates();
      if (nodes) {
        counts.nodesCreated += u.nodesCreated;
        counts.nodesMatched += rows.length - u.nodesCreated;
      } else {
        counts.relationshipsCreated += u.relationshipsCreated;
        counts.relationshipsMatched += rows.length - u.relationshipsCreated;
      }
    });
    await tx.commit();
    cache?.remember(nodes, rels);
    return { counts };
  } catch (e) {
    await tx.rollback().catch(() => {});
    throw e;
  }
}

/** The statements that write these nodes and relationships, less what the cache says is there already (counted as matched). */
function statementsFor(nodes: NodeRecord[], rels: RelRecord[], counts: WriteCounts, cache?: WriteCache): { cypher: string; rows: unknown[]; nodes: boolean }[] {
  const byLabel = new Map<NodeLabel, (Record<string, unknown> & { id: string })[]>();
  for (const n of nodes) {
    if (n.label === 'Article') continue;
    if (cache?.coversNode(n.label, n.props as Record<string, unknown>)) {
      counts.nodesMatched++;
      continue;
    }
    let list = byLabel.get(n.label);
    if (!list) byLabel.set(n.label, (list = []));
    list.push(n.props as Record<string, unknown> & { id: string });
  }
  const statements: { cypher: string; rows: unknown[]; nodes: boolean }[] = [];
  for (const label of NODE_ORDER) {
    const rows = byLabel.get(label);
    if (!rows?.length) continue;
    // Actors, places and issues recur across articles: sorted, concurrent writers lock them in the same
    // order. Meetings and positions keep the resolver's order, so their creation order (node ids) is the
    // order a resolver seeded from the database sees them in (loadKnownEntities).
    statements.push({ cypher: mergeNodesCypher(label), rows: SORTED.has(label) ? byId(rows) : rows, nodes: true });
  }
  for (const [group, list] of groupRels(rels)) {
    const [type, from, to] = group.split('|') as [RelType, NodeLabel, NodeLabel];
    // MENTIONED_IN points at the articles of this transaction, all new (or it is rolled back): CREATE
    const mention = type === 'MENTIONED_IN' && to === 'Article';
    const todo = mention || !cache ? list : list.filter((r) => !cache.coversRel(r));
    counts.relationshipsMatched += list.length - todo.length;
    if (!todo.length) continue;
    // In article order: relationship ids then tell which actor was mentioned last (loadKnownEntities).
    const rows = todo.map((r) => ({ from: r.from.id, to: r.to.id, props: r.props }));
    statements.push({ cypher: mention ? createMentionsCypher(from) : mergeRelsCypher(type, from, to), rows, nodes: false });
  }
  return statements;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => cmp(a.id, b.id));

function articleOf(b: GraphBatch): NodeProps['Article'] {
  const a = b.nodes.find((n) => n.label === 'Article');
  if (!a) throw new Error('a batch without its Article node');
  return a.props as NodeProps['Article'];
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
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r);
  }
  return out;
}

/**
 * What this process has committed, as a lower bound of the database: the
 * writer's merge rules only ever add (lists grow, missing values are
 * filled, a fuller name or "held" wins), so a row that adds nothing to what
 * was committed adds nothing to the database either and need not be sent.
 * Most actors, places and issues recur in article after article; this keeps
 * their MERGEs out of the transactions. Bounded: the oldest entries go first.
 */
export class WriteCache {
  private nodes = new Map<string, Record<string, unknown>>();
  private rels = new Map<string, Record<string, unknown>>();
  constructor(
    private readonly maxNodes = 20_000,
    private readonly maxRels = 50_000,
  ) {}

  coversNode(label: NodeLabel, row: Record<string, unknown>): boolean {
    const known = this.nodes.get(nodeKey(label, row.id as string));
    if (!known) return false;
    for (const [k, v] of Object.entries(row)) {
      if (v === undefined || v === null) continue;
      const cur = known[k];
      if (Array.isArray(v)) {
        if (!Array.isArray(cur) || v.some((x) => !cur.includes(x))) return false;
      } else if (label === 'Actor' && k === 'name') {
        if (words(v as string) > words(cur as string)) return false;
      } else if (label === 'Meeting' && k === 'status') {
        if (v === 'held' && cur !== 'held') return false;
      } else if (cur === undefined || cur === null) return false;
    }
    return true;
  }

  coversRel(r: RelRecord): boolean {
    const known = this.rels.get(relKey(r));
    if (!known) return false;
    return Object.entries(r.props).every(([k, v]) => v === undefined || v === null || (known[k] !== undefined && known[k] !== null));
  }

  /** After a commit: what the database now holds at least (the same rules as the Cypher in cypher-merge.ts). */
  remember(nodes: readonly NodeRecord[], rels: readonly RelRecord[]): void {
    for (const n of nodes) {
      if (n.label === 'Article') continue;
      const key = nodeKey(n.label, n.props.id);
      const known = this.nodes.get(key);
      const row = n.props as Record<string, unknown>;
      this.nodes.delete(key);
      this.nodes.set(key, known ? apply(n.label, known, row) : { ...row });
    }
    for (const r of rels) {
      if (r.type === 'MENTIONED_IN') continue;
      const key = relKey(r);
      const known = this.rels.get(key);
      const props = r.props as Record<string, unknown>;
      this.rels.delete(key);
      this.rels.set(key, known ? { ...props, ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined && v !== null)) } : { ...props });
    }
    trim(this.nodes, this.maxNodes);
    trim(this.rels, this.maxRels);
  }
}

const words = (s: string | undefined) => (s ?? '').trim().split(' ').length;

function apply(label: NodeLabel, known: Record<string, unknown>, row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...known };
  for (const [k, v] of Object.entries(row)) {
    const cur = out[k];
    if (Array.isArray(v)) out[k] = [...((cur as unknown[]) ?? []), ...v.filter((x) => !((cur as unknown[]) ?? []).includes(x))];
    else if (label === 'Actor' && k === 'name') out[k] = words(v as string) > words(cur as string) ? v : cur;
    else if (label === 'Meeting' && k === 'status') out[k] = v === 'held' ? 'held' : cur;
    else out[k] = cur ?? v;
  }
  return out;
}

function trim<K, V>(m: Map<K, V>, max: number): void {
  if (m.size <= max) return;
  for (const k of m.keys()) {
    m.delete(k);
    if (m.size <= max * 0.9) break;
  }
}

/**
 * Which of these article ids the database already holds (they were written
 * whole, in one transaction). An auto-commit read, without the driver's own
 * retries: the caller's back-off decides (src/write/retry.ts).
 */
export async function existingArticleIds(conn: Connection, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    const res = await session.run('UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id', { ids });
    return new Set(res.records.map((r) => r.get('id') as string));
  } finally {
    await session.close().catch(() => {});
  }
}

export { loadKnownEntities, seedResolver, type KnownEntities } from './known-entities';
