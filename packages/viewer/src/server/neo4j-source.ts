import neo4j from 'neo4j-driver';
import { FULLTEXT_ACTOR_INDEX, NODE_LABELS, parseNodeKey, type NodeLabel, type SerializedGraph } from '@kg/graph-schema';
import { displayUri, type Connection } from '@kg/neo4j';
import type { ActorHit, ChainResponse, GraphResponse } from '../shared/api-types';
import { BadRequestError, NotFoundError, type GraphSource } from './source';

type SNode = SerializedGraph['nodes'][number];
type SEdge = SerializedGraph['edges'][number];

// Cypher fragments that turn a node into its graph-file key (`Label:id`);
// $labels is always NODE_LABELS, passed as a parameter like everything else.
const KEY = (v: string) => `head([l IN labels(${v}) WHERE l IN $labels]) + ':' + ${v}.id`;
const NODE_RETURN = (v: string) => `{key: ${KEY(v)}, props: properties(${v})}`;
const EDGE_RETURN = (r: string, a: string, b: string) => `{type: type(${r}), props: properties(${r}), source: ${KEY(a)}, target: ${KEY(b)}}`;
// Facts analysts rejected (kg curate reject) stay in the database, flagged, so no ingest brings them back; the viewer leaves them out.
const LABELLED = (v: string) => `any(l IN labels(${v}) WHERE l IN $labels) AND ${v}.rejected IS NULL`;

const Q = {
  count: `MATCH (n) WHERE ${LABELLED('n')} RETURN count(n) AS total`,
  allNodes: `MATCH (n) WHERE ${LABELLED('n')} RETURN ${NODE_RETURN('n')} AS n`,
  allEdges: `MATCH (a)-[r]->(b) WHERE ${LABELLED('a')} AND ${LABELLED('b')} AND r.rejected IS NULL RETURN ${EDGE_RETURN('r', 'a', 'b')} AS e`,
  // For databases larger than the limit: the best-connected nodes, then the edges among them.
  topNodes: `MATCH (n) WHERE ${LABELLED('n')}
    WITH n ORDER BY COUNT { (n)--() } DESC LIMIT $limit
    RETURN ${NODE_RETURN('n')} AS n, elementId(n) AS eid`,
  edgesAmong: `UNWIND $eids AS eid MATCH (a) WHERE elementId(a) = eid
    MATCH (a)-[r]->(b) WHERE elementId(b) IN $eids AND r.rejected IS NULL
    RETURN ${EDGE_RETURN('r', 'a', 'b')} AS e`,
  // Labels cannot be parameters, so there is one statement per label, chosen from NODE_LABELS:
  // the label in the pattern lets Neo4j use the id constraint's index.
  neighbours: Object.fromEntries(
    NODE_LABELS.map((l) => [
      l,
      `MATCH (n:${l} {id: $id}) WHERE n.rejected IS NULL
       OPTIONAL MATCH (n)-[r]-(m) WHERE ${LABELLED('m')} AND r.rejected IS NULL
       WITH n, r, m LIMIT $limit
       RETURN ${NODE_RETURN('n')} AS n,
              CASE WHEN m IS NULL THEN null ELSE ${NODE_RETURN('m')} END AS m,
              CASE WHEN r IS NULL THEN null ELSE ${EDGE_RETURN('r', 'startNode(r)', 'endNode(r)')} END AS e`,
    ]),
  ) as Record<NodeLabel, string>,
  chain: `MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
    MATCH p = shortestPath((a)-[:ATTENDED*..${'$'}{MAX}]-(b))
    RETURN [x IN nodes(p) | ${NODE_RETURN('x')}] AS nodes,
           [r IN relationships(p) | ${EDGE_RETURN('r', 'startNode(r)', 'endNode(r)')}] AS edges`,
  actorExists: `MATCH (a:Actor) WHERE a.id IN $ids RETURN count(a) AS n`,
  search: `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
    WHERE node:Actor
    RETURN ${KEY('node')} AS key, node.name AS name, node.kind AS kind, node.aliases AS aliases, score
    ORDER BY score DESC LIMIT $limit`,
  // When the full-text index is missing (a database kg did not set up): a plain scan.
  searchScan: `MATCH (a:Actor)
    WHERE toLower(a.name) CONTAINS $needle OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS $needle)
    RETURN ${KEY('a')} AS key, a.name AS name, a.kind AS kind, a.aliases AS aliases, 1.0 AS score
    ORDER BY size(a.name) LIMIT $limit`,
};

/** Neo4j temporal values and the like become the strings the graph file has. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never)) return String(value);
  if (neo4j.isInt(value as never)) return (value as { toNumber(): number }).toNumber();
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
}

interface RawNode { key: string; props: Record<string, unknown> }
interface RawEdge { type: string; props: Record<string, unknown>; source: string; target: string }

const toNode = (n: RawNode): SNode => ({ key: n.key, attributes: { label: n.key.slice(0, n.key.indexOf(':')), ...(plain(n.props) as object) } as SNode['attributes'] });
/** Edge keys follow graph-schema's relKey, so an edge met twice (graph, then expansion) is one edge. */
const toEdge = (e: RawEdge): SEdge => {
  const props = plain(e.props) as Record<string, unknown>;
  const suffix = e.type === 'MENTIONED_IN' && props.start !== undefined ? `#${String(props.start)}` : '';
  return { key: `${e.type}:${e.source}->${e.target}${suffix}`, source: e.source, target: e.target, attributes: { type: e.type, ...props } as SEdge['attributes'] };
};

/** Lucene syntax characters are escaped so a name like "Al-Sisi (Egypt)" is searched as text. */
export function luceneQuery(input: string): string {
  const terms = input
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'));
  // Each word as typed or as a prefix, all words required: "vlad put" finds "Vladimir Putin".
  return terms.map((t) => `(${t} OR ${t}*)`).join(' AND ');
}

/** Serves the graph from Neo4j, read transactions only. */
export function neo4jSource(conn: Connection): GraphSource {
  const read = async <T>(query: string, params: Record<string, unknown>, map: (r: { get(k: string): unknown }) => T): Promise<T[]> => {
    const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => (await tx.run(query, { labels: NODE_LABELS, ...params })).records.map(map));
    } finally {
      await session.close();
    }
  };

  return {
    kind: 'neo4j',
    name: displayUri(conn.uri),
    async graph(limit) {
      const [total = 0] = await read(Q.count, {}, (r) => Number(r.get('total')));
      if (total <= limit) {
        const nodes = await read(Q.allNodes, {}, (r) => toNode(r.get('n') as RawNode));
        const edges = await read(Q.allEdges, {}, (r) => toEdge(r.get('e') as RawEdge));
        return { graph: { nodes, edges }, truncated: false, total };
      }
      const top = await read(Q.topNodes, { limit: neo4j.int(limit) }, (r) => ({ node: toNode(r.get('n') as RawNode), eid: r.get('eid') as string }));
      const edges = await read(Q.edgesAmong, { eids: top.map((t) => t.eid) }, (r) => toEdge(r.get('e') as RawEdge));
      return { graph: { nodes: top.map((t) => t.node), edges }, truncated: true, total };
    },
    async neighbours(key, limit) {
      const { label, id } = parseKeyOrThrow(key);
      const rows = await read(Q.neighbours[label], { id, limit: neo4j.int(limit + 1) }, (r) => ({
        n: r.get('n') as RawNode,
        m: r.get('m') as RawNode | null,
        e: r.get('e') as RawEdge | null,
      }));
      if (!rows.length) throw new NotFoundError(`no node ${key}`);
      const nodes = new Map<string, SNode>();
      const edges: SEdge[] = [];
      for (const row of rows.slice(0, limit)) {
        nodes.set(row.n.key, toNode(row.n));
        if (row.m && row.e) {
          nodes.set(row.m.key, toNode(row.m));
          edges.push(toEdge(row.e));
        }
      }
      if (!nodes.size && rows[0]) nodes.set(rows[0].n.key, toNode(rows[0].n));
      return { graph: { nodes: [...nodes.values()], edges }, truncated: rows.length > limit, total: nodes.size };
    },
    async chain(fromKey, toKey, maxMeetings) {
      const from = actorId(fromKey);
      const to = actorId(toKey);
      const ids = [...new Set([from, to])];
      const [found = 0] = await read(Q.actorExists, { ids }, (r) => Number(r.get('n')));
      if (found < ids.length) throw new NotFoundError(`no actor ${found ? 'for one of' : ''} ${fromKey}, ${toKey}`);
      if (from === to) return { path: [fromKey], graph: (await this.neighbours(fromKey, 0)).graph };
      // The hop bound is a number we computed (not user text); shortestPath needs it as a literal.
      const hops = Math.max(2, Math.min(40, Math.floor(maxMeetings) * 2));
      const rows = await read(Q.chain.replace('${MAX}', String(hops)), { from, to }, (r) => ({
        nodes: r.get('nodes') as RawNode[],
        edges: r.get('edges') as RawEdge[],
      }));
      const row = rows[0];
      if (!row) return { path: [], graph: { nodes: [], edges: [] } };
      return { path: row.nodes.map((n) => n.key), graph: { nodes: row.nodes.map(toNode), edges: row.edges.map(toEdge) } };
    },
    async search(query, limit) {
      const trimmed = query.trim();
      if (!trimmed) return [];
      const map = (r: { get(k: string): unknown }): ActorHit => ({
        key: r.get('key') as string,
        name: r.get('name') as string,
        kind: r.get('kind') as string,
        aliases: (r.get('aliases') as string[] | null) ?? [],
        score: Number(r.get('score')),
      });
      try {
        return await read(Q.search, { index: FULLTEXT_ACTOR_INDEX, query: luceneQuery(trimmed), limit: neo4j.int(limit) }, map);
      } catch (e) {
        if (!/no such .*index|There is no such fulltext schema index/i.test((e as Error).message)) throw e;
        return read(Q.searchScan, { needle: trimmed.toLowerCase(), limit: neo4j.int(limit) }, map);
      }
    },
    close: () => conn.close(),
  };
}

function parseKeyOrThrow(key: string): { label: NodeLabel; id: string } {
  try {
    return parseNodeKey(key);
  } catch {
    throw new BadRequestError(`not a node key: ${key}`);
  }
}

function actorId(key: string): string {
  const { label, id } = parseKeyOrThrow(key);
  if (label !== 'Actor') throw new BadRequestError(`not an actor: ${key}`);
  return id;
}
