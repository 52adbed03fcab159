import type { IncomingMessage, ServerResponse } from 'node:http';
import neo4j from 'neo4j-driver';
import type { SerializedGraph } from '@kg/graph-schema';
import { queryDefaults, QueryError, runReadQuery, type Connection } from '@kg/neo4j';
import { SubgraphBuilder } from '@kg/export';
import type { QueryCapabilities, QueryResponse } from '../shared/query-types';
import { BadRequestError } from './source';

/**
 * The query console's endpoint: POST /api/query {cypher, params}. Every
 * query runs through @kg/neo4j's runReadQuery, in a READ transaction with a
 * time-out and a row limit (KG_QUERY_TIMEOUT_MS, KG_QUERY_ROW_LIMIT, read at
 * each request), so Neo4j itself refuses anything that would write, and
 * runReadQuery refuses loading from URLs (LOAD CSV, APOC's loaders) before
 * the query is sent. GET /api/query says whether queries are
 * available (they need Neo4j: a graph file cannot run Cypher).
 */

const MAX_CYPHER = 100_000;
const MAX_QUERY_BODY = 1 << 20;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const NEEDS_NEO4J = 'Queries need Neo4j: this viewer shows a graph file. Start it without a file (kg view) to query the database.';

export interface PostContext {
  connection?: Connection;
}

export async function handleQueryApi(req: IncomingMessage, res: ServerResponse, ctx: PostContext): Promise<true> {
  if (req.method === 'GET') {
    const caps: QueryCapabilities = ctx.connection ? { available: true, ...queryDefaults() } : { available: false, message: NEEDS_NEO4J };
    return sendJson(res, 200, caps);
  }
  const body = await readJsonPost(req, MAX_QUERY_BODY);
  if (!ctx.connection) return sendJson(res, 409, { error: NEEDS_NEO4J, reason: 'no-database' });
  const { cypher, params } = parseQueryBody(body);
  const defaults = queryDefaults();
  try {
    const res0 = await runReadQuery(ctx.connection, cypher, toDriverParams(params) as Record<string, unknown>, defaults);
    const { graph, warnings } = await resultGraph(ctx.connection, res0.graph, defaults.timeoutMs);
    const out: QueryResponse = {
      columns: res0.columns,
      rows: res0.rows,
      truncated: res0.truncated,
      limit: defaults.limit,
      elapsedMs: res0.elapsedMs,
      graph,
      warnings,
    };
    return sendJson(res, 200, out);
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    const status = e.reason === 'write' || e.reason === 'loads-url' ? 403 : e.reason === 'timeout' ? 408 : e.reason === 'syntax' || e.code?.startsWith('Neo.ClientError.') ? 400 : 500;
    return sendJson(res, status, { error: e.message, reason: e.reason });
  }
}

export function parseQueryBody(body: unknown): { cypher: string; params: Record<string, unknown> } {
  if (!isPlainObject(body)) throw new BadRequestError('send {"cypher": "...", "params": {...}}');
  const { cypher, params = {} } = body as { cypher?: unknown; params?: unknown };
  if (typeof cypher !== 'string' || !cypher.trim()) throw new BadRequestError('cypher must be a non-empty string');
  if (cypher.length > MAX_CYPHER) throw new BadRequestError(`the query is longer than ${MAX_CYPHER} characters`);
  if (!isPlainObject(params)) throw new BadRequestError('params must be an object of name → value');
  for (const k of Object.keys(params)) if (!PARAM_NAME.test(k)) throw new BadRequestError(`not a parameter name: ${k.slice(0, 60)}`);
  return { cypher, params };
}

/**
 * JSON has one kind of number; the driver sends JS numbers as floats, which
 * Cypher refuses where it wants an integer (LIMIT $n, range()). Whole numbers
 * become Cypher integers, recursively.
 */
export function toDriverParams(v: unknown): unknown {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(toDriverParams);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toDriverParams(x)]));
  return v;
}

/**
 * The nodes and relationships anywhere in the result, in the graph file's
 * form (keys `Label:id`, the keys the viewer already uses). Relationships
 * whose end nodes the query did not return get those ends, read-only too.
 */
async function resultGraph(conn: Connection, found: Awaited<ReturnType<typeof runReadQuery>>['graph'], timeoutMs: number): Promise<{ graph: SerializedGraph | null; warnings: string[] }> {
  if (!found.nodes.length && !found.edges.length) return { graph: null, warnings: [] };
  const b = new SubgraphBuilder();
  for (const n of found.nodes) b.addNode(n);
  const missing = [...new Set(found.edges.flatMap((e) => [e.start, e.end]))].filter((id) => !b.hasNode(id));
  if (missing.length) {
    const ends = await runReadQuery(conn, 'UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN n', { ids: missing }, { limit: 0, timeoutMs });
    for (const n of ends.graph.nodes) b.addNode(n);
  }
  for (const e of found.edges) b.addEdge(e);
  const { nodes, edges } = b.graph.export();
  return { graph: { nodes, edges } as SerializedGraph, warnings: b.warnings.slice(0, 20) };
}

// ---- small HTTP helpers, shared with export-api.ts ---------------------------

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A refused request: the status code it gets. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON POST body. Only `application/json` is accepted: a page on
 * another site cannot send that without a CORS preflight, which this server
 * never answers. (Host and Origin were checked before any route, for every
 * request, by request-guard.ts: other sites cannot make the browser run
 * queries or exports here.)
 */
export async function readJsonPost(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (req.method !== 'POST') throw new HttpError(405, 'use POST');
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send JSON (content-type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `the request is larger than ${Math.round(maxBytes / 1024)} KB`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequestError('the request body is not valid JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
  return true;
}
