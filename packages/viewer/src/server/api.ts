import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphResponse, InfoResponse } from '../shared/api-types';
import { handleCorrectionsApi } from './corrections-api';
import { handleExportApi } from './export-api';
import { graphJson } from './graph-json';
import { handleQueryApi, HttpError, type PostContext } from './query-api';
import { BadRequestError, NotFoundError, type GraphSource } from './source';

/** Nodes sent on first load; larger databases are explored by search and expansion. */
export const DEFAULT_GRAPH_LIMIT = 25_000;
const MAX_GRAPH_LIMIT = 200_000;

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new BadRequestError(`${name} must be a whole number`);
  return Math.min(n, max);
}

function required(url: URL, name: string): string {
  const v = url.searchParams.get(name);
  if (!v) throw new BadRequestError(`missing ${name}`);
  if (v.length > 1000) throw new BadRequestError(`${name} is too long`);
  return v;
}

/**
 * The JSON API under /api/. Returns false when the path is not an API path,
 * so the caller can serve the web app instead.
 */
export async function handleApi(source: GraphSource, req: IncomingMessage, res: ServerResponse, url: URL, ctx: PostContext & { writeToken?: string } = {}): Promise<boolean> {
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    // The query console and the export (query-api.ts, export-api.ts): JSON POSTs.
    if (url.pathname === '/api/query') return await handleQueryApi(req, res, ctx);
    if (url.pathname === '/api/export') return await handleExportApi(source, req, res, ctx);
    if (url.pathname === '/api/corrections' && ctx.writeToken) return await handleCorrectionsApi(req, res, { ...ctx, writeToken: ctx.writeToken });
    if (req.method !== 'GET') throw new BadRequestError('only GET');
    switch (url.pathname) {
      case '/api/info':
        return send(res, 200, { source: source.kind, name: source.name } satisfies InfoResponse);
      case '/api/graph':
        return sendGraph(res, await source.graph(intParam(url, 'limit', DEFAULT_GRAPH_LIMIT, MAX_GRAPH_LIMIT)), true);
      case '/api/neighbours':
        return sendGraph(res, await source.neighbours(required(url, 'key'), intParam(url, 'limit', 500, 5000)));
      case '/api/chain':
        return send(res, 200, await source.chain(required(url, 'from'), required(url, 'to'), intParam(url, 'max', 6, 20)));
      case '/api/search':
        return send(res, 200, { hits: await source.search(required(url, 'q'), intParam(url, 'limit', 10, 50)) });
      default:
        return send(res, 404, { error: `no API ${url.pathname}` });
    }
  } catch (e) {
    if (e instanceof HttpError) return send(res, e.status, { error: e.message });
    if (e instanceof BadRequestError) return send(res, 400, { error: e.message });
    if (e instanceof NotFoundError) return send(res, 404, { error: e.message });
    // Database messages can carry internals: log them here, tell the browser less.
    console.error(`[kg view] ${url.pathname}: ${(e as Error).stack ?? e}`);
    return send(res, 500, { error: `server error: ${(e as Error).message.split('\n')[0]}` });
  }
}

function sendGraph(res: ServerResponse, body: GraphResponse, placed = false): true {
  return sendJson(res, 200, `{"graph":${graphJson(body.graph, placed)},"truncated":${body.truncated},"total":${body.total}${placed ? ',"placed":true' : ''}}`);
}

function send(res: ServerResponse, status: number, body: unknown): true {
  return sendJson(res, status, JSON.stringify(body));
}

function sendJson(res: ServerResponse, status: number, json: string): true {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
  return true;
}
