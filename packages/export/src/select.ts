import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { CORRECTION_LABEL, FULLTEXT_ACTOR_INDEX } from '@kg/graph-schema';
import { explainQueryError, queryDefaults, runReadQuery, toJson, type Connection, type QueryNode, type QueryRelationship } from '@kg/neo4j';
import { SubgraphBuilder, type Subgraph } from './subgraph';

/** What to export. */
export type Selection =
  | { kind: 'all' }
  /** An actor (by name or alias) and everything within `hops` relationships of it, not counting provenance. */
  | { kind: 'actor'; name: string; hops: number }
  /** Meetings dated in [from, to], their participants and places, and those actors' positions in the window with their issues. */
  | { kind: 'window'; from: string; to: string }
  /** The nodes and relationships a read-only query returns (relationships' end nodes are added). */
  | { kind: 'query'; cypher: string; params?: Record<string, unknown> };

export interface SelectOptions {
  /** Add the articles the selected nodes are MENTIONED_IN, with those relationships (default true; not for 'all' and 'query'). */
  provenance?: boolean;
  /** Transaction time-out (default KG_QUERY_TIMEOUT_MS or 30 s; the whole graph gets 10 times that). */
  timeoutMs?: number;
  /** Row limit for 'query' selections (default KG_QUERY_ROW_LIMIT or 10,000). */
  limit?: number;
  /** Keep the facts analysts rejected (kg curate reject), flagged `rejected`; left out by default. */
  includeRejected?: boolean;
}

export interface Selected {
  graph: Subgraph;
  warnings: string[];
  /** For 'actor': the actors the name matched, and how. */
  matched?: { name: string; id: string; how: 'name or alias' | 'full-text' }[];
  /** For 'query': the query's rows were cut at the limit. */
  truncated?: boolean;
}

/**
 * What an export shows: never the correction records, and rejected facts
 * only when asked for. A rejected node takes its relationships with it.
 */
const shown = (x: string) => `($includeRejected OR ${x}.rejected IS NULL)`;
const SHOWN_NODE = (n: string) => `NOT ${n}:${CORRECTION_LABEL} AND ${shown(n)}`;

/** Relationships the actor neighbourhood walks along: everything but provenance, so articles do not join unrelated facts. */
const WALK = 'WHERE type(r) <> "MENTIONED_IN"';

/**
 * Reads a subgraph from Neo4j, all in one read transaction (a query
 * selection runs through runReadQuery, read-only too).
 */
export async function selectSubgraph(conn: Connection, selection: Selection, opts: SelectOptions = {}): Promise<Selected> {
  if (selection.kind === 'query') return selectByQuery(conn, selection.cypher, selection.params ?? {}, opts);
  const timeoutMs = opts.timeoutMs ?? queryDefaults().timeoutMs * (selection.kind === 'all' ? 10 : 1);
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        const b = new SubgraphBuilder();
        const includeRejected = opts.includeRejected === true;
        if (selection.kind === 'all') {
          for await (const rec of tx.run(`MATCH (n) WHERE ${SHOWN_NODE('n')} RETURN n`, { includeRejected })) b.addNode(toJson(rec.get('n')) as QueryNode);
          for await (const rec of tx.run(`MATCH (a)-[r]->(b) WHERE ${SHOWN_NODE('a')} AND ${SHOWN_NODE('b')} AND ${shown('r')} RETURN r`, { includeRejected }))
            b.addEdge(toJson(rec.get('r')) as QueryRelationship);
          return { graph: b.graph, warnings: b.warnings };
        }
        let ids: string[];
        let matched: Selected['matched'];
        let seeds: string[] | undefined;
        if (selection.kind === 'actor') {
          const found = await findActors(tx, selection.name);
          if (!found.length) throw new Error(`no actor named "${selection.name}" (by name, alias or the ${FULLTEXT_ACTOR_INDEX} full-text index)`);
          matched = found.map(({ name, id, how }) => ({ name, id, how }));
          seeds = found.map((f) => f.elementId);
          ids = await neighbourhood(tx, seeds, selection.hops);
        } else ids = await window(tx, selection.from, selection.to);
        if (opts.provenance !== false && ids.length) {
          // The articles that state the selected facts (meetings, positions), and for an actor the articles that name it.
          const sources = await column(
            tx,
            'UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id AND (n:Meeting OR n:Position OR id IN $seeds) MATCH (n)-[:MENTIONED_IN]->(a:Article) RETURN DISTINCT elementId(a) AS id',
            { ids, seeds: seeds ?? [] },
          );
          ids = [...ids, ...sources];
        }
        await loadInduced(tx, b, ids, includeRejected);
        return { graph: b.graph, warnings: b.warnings, matched };
      },
      { timeout: timeoutMs || undefined },
    );
  } catch (e) {
    throw explainQueryError(e, timeoutMs);
  } finally {
    await session.close();
  }
}

async function column(tx: ManagedTransaction, cypher: string, params: Record<string, unknown>): Promise<string[]> {
  return (await tx.run(cypher, params)).records.map((r) => r.get('id') as string);
}

/**
 * Actors whose name or an alias is the given name (ignoring case); failing
 * that, the best hit of the full-text index on names and aliases, searched
 * as a phrase so that punctuation in the name is not Lucene syntax.
 */
async function findActors(tx: ManagedTransaction, name: string) {
  const exact = await tx.run(
    `MATCH (a:Actor) WHERE toLower(a.name) = toLower($name) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($name))
     RETURN elementId(a) AS elementId, a.name AS name, a.id AS id ORDER BY CASE WHEN toLower(a.name) = toLower($name) THEN 0 ELSE 1 END, a.id`,
    { name },
  );
  if (exact.records.length) return exact.records.map((r) => ({ elementId: r.get('elementId') as string, name: r.get('name') as string, id: r.get('id') as string, how: 'name or alias' as const }));
  // The index analyses names into lower-case words: the name as a phrase first, then each word spelled roughly.
  const words = name.split(/\s+/).filter(Boolean).map(luceneEscape);
  for (const q of [`"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`, words.map((w) => `${w}~`).join(' AND ')]) {
    if (!q || q === '""') continue;
    const hits = await tx.run(`CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score RETURN elementId(node) AS elementId, node.name AS name, node.id AS id, score LIMIT 1`, {
      index: FULLTEXT_ACTOR_INDEX,
      q,
    });
    if (hits.records.length)
      return hits.records.map((r) => ({ elementId: r.get('elementId') as string, name: r.get('name') as string, id: r.get('id') as string, how: 'full-text' as const }));
  }
  return [];
}

const luceneEscape = (s: string) => s.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);

/** Breadth-first, one round trip per hop: the ids of every node within `hops` of the seeds. */
async function neighbourhood(tx: ManagedTransaction, seeds: string[], hops: number): Promise<string[]> {
  const seen = new Set(seeds);
  let frontier = seeds;
  for (let i = 0; i < hops && frontier.length; i++) {
    const next = await column(tx, `UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id MATCH (n)-[r]-(m) ${WALK} RETURN DISTINCT elementId(m) AS id`, { ids: frontier });
    frontier = next.filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  return [...seen];
}

/**
 * Meetings dated within [from, to], who attended them and where they were
 * held, and the positions those actors took in the window (by the
 * position's date, or when it has none, by the publication date of an
 * article stating it), with the issues they are about.
 */
async function window(tx: ManagedTransaction, from: string, to: string): Promise<string[]> {
  const inWindow = (e: string) => `(${e} IS NOT NULL AND toString(${e}) >= $from AND toString(${e}) <= $to)`;
  const meetings = await column(tx, `MATCH (m:Meeting) WHERE ${inWindow('m.date')} RETURN elementId(m) AS id`, { from, to });
  const actors = await column(tx, 'UNWIND $ids AS id MATCH (m) WHERE elementId(m) = id MATCH (a:Actor)-[:ATTENDED]->(m) RETURN DISTINCT elementId(a) AS id', { ids: meetings });
  const places = await column(tx, 'UNWIND $ids AS id MATCH (m) WHERE elementId(m) = id MATCH (m)-[:HELD_IN]->(p:Place) RETURN DISTINCT elementId(p) AS id', { ids: meetings });
  const positions = await column(
    tx,
    `UNWIND $ids AS id MATCH (a) WHERE elementId(a) = id MATCH (a)-[:HOLDS]->(p:Position)
     WHERE ${inWindow('p.date')} OR (p.date IS NULL AND EXISTS { MATCH (p)-[:MENTIONED_IN]->(art:Article) WHERE ${inWindow('art.published')} })
     RETURN DISTINCT elementId(p) AS id`,
    { ids: actors, from, to },
  );
  const issues = await column(tx, 'UNWIND $ids AS id MATCH (p) WHERE elementId(p) = id MATCH (p)-[:ABOUT]->(i:Issue) RETURN DISTINCT elementId(i) AS id', { ids: positions });
  return [...new Set([...meetings, ...actors, ...places, ...positions, ...issues])];
}

/** The nodes, and every relationship between two of them. */
async function loadInduced(tx: ManagedTransaction, b: SubgraphBuilder, ids: string[], includeRejected: boolean): Promise<void> {
  const all = [...new Set(ids)];
  const unique = await column(tx, `UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id AND ${SHOWN_NODE('n')} RETURN elementId(n) AS id`, { ids: all, includeRejected });
  for await (const rec of tx.run('UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN n', { ids: unique })) b.addNode(toJson(rec.get('n')) as QueryNode);
  for await (const rec of tx.run(`UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id MATCH (n)-[r]->(m) WHERE elementId(m) IN $ids AND ${shown('r')} RETURN r`, { ids: unique, includeRejected }))
    b.addEdge(toJson(rec.get('r')) as QueryRelationship);
}

async function selectByQuery(conn: Connection, cypher: string, params: Record<string, unknown>, opts: SelectOptions): Promise<Selected> {
  const res = await runReadQuery(conn, cypher, params, { limit: opts.limit, timeoutMs: opts.timeoutMs });
  if (!res.graph.nodes.length && !res.graph.edges.length) throw new Error(`the query returned no nodes or relationships to export (columns: ${res.columns.join(', ') || 'none'})`);
  const b = new SubgraphBuilder();
  for (const n of res.graph.nodes) b.addNode(n);
  // Relationships returned without their end nodes: fetch those ends, read-only as well.
  const missing = [...new Set(res.graph.edges.flatMap((e) => [e.start, e.end]))].filter((id) => !b.hasNode(id));
  if (missing.length) {
    const ends = await runReadQuery(conn, 'UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN n', { ids: missing }, { limit: 0, timeoutMs: opts.timeoutMs });
    for (const n of ends.graph.nodes) b.addNode(n);
  }
  for (const e of res.graph.edges) b.addEdge(e);
  const warnings = [...b.warnings];
  if (res.truncated) warnings.unshift(`the query returned more rows than the limit (${opts.limit ?? queryDefaults().limit}): the export holds only the first ones`);
  return { graph: b.graph, warnings, truncated: res.truncated };
}
