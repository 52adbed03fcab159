import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime, Neo4jError } from 'neo4j-driver';
import type { Connection } from './connect';
import { findUrlLoading } from './url-loading';

/**
 * Read-only Cypher for people (the `kg query` command, the viewer's query
 * console): the query runs in a READ transaction, so the server itself
 * refuses anything that would write — kg never guesses writes from the query
 * text. Loading from URLs is the exception: Neo4j allows LOAD CSV in a read
 * transaction, so kg refuses it from the text (url-loading.ts).
 * Results are streamed and cut at a row limit, and the transaction has a
 * time-out, so a careless query neither fills memory nor runs for ever.
 */

/** Every value a result can hold, as plain JSON. */
export type { QueryValue, QueryNode, QueryRelationship, QueryPath, QueryPoint } from './query-values';
import type { QueryValue, QueryNode, QueryRelationship, QueryPath, QueryPoint } from './query-values';

export interface QueryResult {
  columns: string[];
  /** One object per row, keyed by column. */
  rows: Record<string, QueryValue>[];
  /** True when the query had more rows than the limit: the rest were not read. */
  truncated: boolean;
  /** Every node and relationship met anywhere in the rows (paths, lists and maps included), once each. */
  graph: { nodes: QueryNode[]; edges: QueryRelationship[] };
  /** Wall-clock time of the query, in milliseconds. */
  elapsedMs: number;
}

export interface ReadQueryOptions {
  /** Rows to return at most (default KG_QUERY_ROW_LIMIT or 10,000; 0 or Infinity: no limit). */
  limit?: number;
  /** Transaction time-out in milliseconds (default KG_QUERY_TIMEOUT_MS or 30,000). */
  timeoutMs?: number;
}

export const DEFAULT_ROW_LIMIT = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The defaults, as the environment sets them. */
export function queryDefaults(env: NodeJS.ProcessEnv = process.env): { limit: number; timeoutMs: number } {
  return {
    limit: positiveNumber(env.KG_QUERY_ROW_LIMIT, 'KG_QUERY_ROW_LIMIT') ?? DEFAULT_ROW_LIMIT,
    timeoutMs: positiveNumber(env.KG_QUERY_TIMEOUT_MS, 'KG_QUERY_TIMEOUT_MS') ?? DEFAULT_TIMEOUT_MS,
  };
}

function positiveNumber(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of ${name.endsWith('MS') ? 'milliseconds' : 'rows'}, not "${v}"`);
  return n;
}

/** Why a query was refused or failed, with the server's code kept for callers (HTTP status, exit code). */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly reason: 'write' | 'timeout' | 'syntax' | 'loads-url' | 'failed',
    readonly code?: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/**
 * Runs one Cypher statement in a read transaction and returns its rows as
 * plain JSON values. Writes are refused by the server (QueryError with
 * reason 'write'); a query running past the time-out is stopped by the
 * server (reason 'timeout'). A query that would make the server load from
 * a URL or a file (LOAD CSV, APOC's loaders: url-loading.ts) is refused
 * before it is sent (reason 'loads-url').
 */
export async function runReadQuery(conn: Connection, cypher: string, params: Record<string, unknown> = {}, opts: ReadQueryOptions = {}): Promise<QueryResult> {
  const loads = findUrlLoading(cypher, params);
  if (loads)
    throw new QueryError(
      `kg's read-only queries do not load from URLs or files, and this one would (${loads}); nothing was run. ` +
        'Articles come in with kg ingest. (Strings and comments count too: some procedures run text as a query.)',
      'loads-url',
    );
  const defaults = queryDefaults();
  const rawLimit = opts.limit ?? defaults.limit;
  const limit = rawLimit > 0 ? rawLimit : Infinity;
  const timeoutMs = opts.timeoutMs ?? defaults.timeoutMs;
  const t0 = Date.now();
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ, fetchSize: Number.isFinite(limit) ? Math.min(1000, limit + 1) : 1000 });
  const seen = new Seen();
  try {
    const { columns, rows, truncated } = await session.executeRead(
      async (tx) => {
        const rows: Record<string, QueryValue>[] = [];
        const result = tx.run(cypher, params);
        let truncated = false;
        // Async iteration pulls records in batches of fetchSize; leaving the
        // loop early discards the rest on the server instead of reading it.
        for await (const record of result) {
          if (rows.length >= limit) {
            truncated = true;
            break;
          }
          const row: Record<string, QueryValue> = {};
          for (const key of record.keys) row[key as string] = toJson(record.get(key), seen);
          rows.push(row);
        }
        const columns = (await result.keys()) as string[];
        return { columns, rows, truncated };
      },
      { timeout: timeoutMs > 0 ? timeoutMs : undefined },
    );
    return { columns, rows, truncated, graph: seen.graph(), elapsedMs: Date.now() - t0 };
  } catch (e) {
    throw explainQueryError(e, timeoutMs);
  } finally {
    await session.close();
  }
}

/**
 * Turns the server's refusal into a message a person understands; the
 * Neo4j codes were checked on a real Neo4j 5.26 (see the tests).
 */
export function explainQueryError(e: unknown, timeoutMs?: number): Error {
  if (!(e instanceof Neo4jError)) return e as Error;
  const code = e.code ?? '';
  const first = e.message.split('\n')[0]!;
  if (isWriteRefusal(code, e.message))
    return new QueryError(`kg runs queries read-only: this query would write (${first.replace(/\.$/, '')})`, 'write', code);
  if (/TransactionTimedOut|Transaction\.TransactionTimedOut/.test(code) || (/Terminated/.test(code) && /timed? ?out|timeout/i.test(e.message)))
    return new QueryError(`the query ran longer than ${timeoutMs !== undefined ? `${timeoutMs} ms` : 'the time-out'} and was stopped (${first})`, 'timeout', code);
  // The local Neo4j's own IP blocklist, for a LOAD CSV that reached the server.
  if (code === 'Neo.ClientError.Statement.ExternalResourceFailed') return new QueryError(first, 'loads-url', code);
  if (code.startsWith('Neo.ClientError.Statement.')) return new QueryError(first, 'syntax', code);
  return new QueryError(`${first}${code ? ` [${code}]` : ''}`, 'failed', code);
}

function isWriteRefusal(code: string, message: string): boolean {
  if (code === 'Neo.ClientError.Statement.AccessMode') return true;
  // Write procedures and schema commands in a read transaction.
  if (code === 'Neo.ClientError.Security.Forbidden' && /read|access mode|write/i.test(message)) return true;
  return /Writing in read access mode not allowed|not allowed in read|in a read-only transaction|READ ACCESS mode|Schema operations are not allowed/i.test(message);
}

/** Collects the nodes and relationships of a result, once each. */
class Seen {
  private readonly nodes = new Map<string, QueryNode>();
  private readonly edges = new Map<string, QueryRelationship>();
  node(n: QueryNode): QueryNode {
    if (!this.nodes.has(n.elementId)) this.nodes.set(n.elementId, n);
    return n;
  }
  edge(r: QueryRelationship): QueryRelationship {
    if (!this.edges.has(r.elementId)) this.edges.set(r.elementId, r);
    return r;
  }
  graph() {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** A driver value as plain JSON: graph objects tagged by kind, temporal values as ISO strings, integers as numbers (or strings past 2^53). */
export function toJson(v: unknown, seen?: Seen): QueryValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (neo4j.isInt(v)) return v.inSafeRange() ? v.toNumber() : v.toString();
  if (isNode(v as never)) return convertNode(v as never, seen);
  if (isRelationship(v as never)) return convertRel(v as never, seen);
  if (isPath(v as never)) {
    const p = v as import('neo4j-driver').Path;
    const nodes = [convertNode(p.start, seen), ...p.segments.map((s) => convertNode(s.end, seen))];
    return { kind: 'path', nodes, relationships: p.segments.map((s) => convertRel(s.relationship, seen)) };
  }
  if (isPoint(v as never)) {
    const p = v as import('neo4j-driver').Point;
    const out: QueryPoint = { kind: 'point', srid: Number(p.srid), x: p.x, y: p.y };
    if (p.z !== undefined) out.z = p.z;
    return out;
  }
  if (isDate(v as never) || isDateTime(v as never) || isLocalDateTime(v as never) || isTime(v as never) || isLocalTime(v as never) || isDuration(v as never)) return String(v);
  if (Array.isArray(v)) return v.map((x) => toJson(x, seen));
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toJson(x, seen)]));
  return String(v);
}

function convertProps(props: Record<string, unknown>): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(props).map(([k, x]) => [k, toJson(x)]));
}

function convertNode(n: import('neo4j-driver').Node, seen?: Seen): QueryNode {
  const properties = convertProps(n.properties as Record<string, unknown>);
  const out: QueryNode = { kind: 'node', elementId: n.elementId, labels: [...n.labels], properties };
  if (typeof properties.id === 'string') out.id = properties.id;
  return seen ? seen.node(out) : out;
}

function convertRel(r: import('neo4j-driver').Relationship, seen?: Seen): QueryRelationship {
  const out: QueryRelationship = {
    kind: 'relationship',
    elementId: r.elementId,
    type: r.type,
    start: r.startNodeElementId,
    end: r.endNodeElementId,
    properties: convertProps(r.properties as Record<string, unknown>),
  };
  return seen ? seen.edge(out) : out;
}
