import type { SerializedGraph } from '@kg/graph-schema';

/**
 * The query console's and the export's JSON (src/server/query-api.ts,
 * export-api.ts). Value types come from @kg/neo4j as types only, so the
 * browser bundle takes no code from the Node side.
 */
export type {
  QueryValue,
  QueryNode as QueryNodeValue,
  QueryRelationship as QueryRelationshipValue,
  QueryPath as QueryPathValue,
  QueryPoint as QueryPointValue,
} from '@kg/neo4j/query-values';
import type { QueryValue } from '@kg/neo4j/query-values';

/** GET /api/query: whether this server can run queries, and its limits. */
export type QueryCapabilities = { available: true; limit: number; timeoutMs: number } | { available: false; message: string };

/** POST /api/query {cypher, params} answers with this, or {error, reason} (reason: write, timeout, syntax, loads-url, failed, no-database). */
export interface QueryResponse {
  columns: string[];
  rows: Record<string, QueryValue>[];
  /** The query had more rows than `limit`: the rest were not read. */
  truncated: boolean;
  limit: number;
  elapsedMs: number;
  /** Every node and relationship in the rows, keyed like the graph file; null when there are none. */
  graph: SerializedGraph | null;
  warnings: string[];
}

export interface QueryErrorResponse {
  error: string;
  /** QueryError's reasons (@kg/neo4j), and no-database. */
  reason?: 'write' | 'timeout' | 'syntax' | 'loads-url' | 'failed' | 'no-database';
}

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'cypher'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** POST /api/export: the nodes to export (graph-file keys); the relationships among them come along. */
export interface ExportRequest {
  format: ExportFormatName;
  keys: string[];
  /** File name without extension (letters, digits, - and _). */
  name?: string;
}
