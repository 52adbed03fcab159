import type { ExportRequest, QueryCapabilities, QueryErrorResponse, QueryResponse } from '../../shared/query-types';

/** The query and export endpoints (src/server/query-api.ts, export-api.ts). */

export class QueryFailed extends Error {
  constructor(
    message: string,
    readonly reason: QueryErrorResponse['reason'] | 'network',
  ) {
    super(message);
  }
}

export async function queryCapabilities(): Promise<QueryCapabilities> {
  const res = await fetch('api/query');
  if (!res.ok) return { available: false, message: `The server has no query endpoint (HTTP ${res.status}).` };
  return (await res.json()) as QueryCapabilities;
}

async function post(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new QueryFailed(`Could not reach the viewer server: ${(e as Error).message}`, 'network');
  }
}

export async function runQuery(cypher: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<QueryResponse> {
  const res = await post('api/query', { cypher, params }, signal);
  const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as QueryResponse & QueryErrorResponse;
  if (!res.ok) throw new QueryFailed(body.error ?? `HTTP ${res.status}`, body.reason ?? 'failed');
  return body;
}

/** The exported file as a Blob, and the counts the server reports. */
export async function exportFile(req: ExportRequest): Promise<{ blob: Blob; counts: string }> {
  const res = await post('api/export', req);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as QueryErrorResponse;
    throw new QueryFailed(body.error ?? `HTTP ${res.status}`, body.reason ?? 'failed');
  }
  return { blob: await res.blob(), counts: res.headers.get('x-kg-export') ?? '' };
}
