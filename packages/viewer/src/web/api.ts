import type { ChainResponse, GraphResponse, InfoResponse, SearchResponse } from '../shared/api-types';

/** The viewer server's JSON API (src/server/api.ts). */
async function get<T>(path: string, params: Record<string, string | number> = {}, signal?: AbortSignal): Promise<T> {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`api/${path}${qs.size ? `?${qs}` : ''}`, { signal });
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${path}: HTTP ${res.status}`);
  return body;
}

export const api = {
  info: () => get<InfoResponse>('info'),
  graph: () => get<GraphResponse>('graph'),
  neighbours: (key: string) => get<GraphResponse>('neighbours', { key }),
  chain: (from: string, to: string) => get<ChainResponse>('chain', { from, to }),
  search: (q: string, signal?: AbortSignal) => get<SearchResponse>('search', { q, limit: 10 }, signal),
};
