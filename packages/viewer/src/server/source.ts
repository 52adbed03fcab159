import type { ActorHit, ChainResponse, GraphResponse } from '../shared/api-types';

/**
 * Where the viewer reads the graph from. The HTTP layer (api.ts) knows only
 * this interface, so Neo4j and a graph file answer the same API.
 */
export interface GraphSource {
  readonly kind: 'neo4j' | 'file';
  readonly name: string;
  /** The whole graph, or the `limit` best-connected nodes and the edges between them. */
  graph(limit: number): Promise<GraphResponse>;
  /** One node, its direct neighbours and the edges to them (at most `limit` of them). */
  neighbours(key: string, limit: number): Promise<GraphResponse>;
  /** Shortest chain of meetings (Actor–Meeting–Actor…) between two actors. */
  chain(fromKey: string, toKey: string, maxMeetings: number): Promise<ChainResponse>;
  /** Actors whose name or an alias matches `query`, best first. */
  search(query: string, limit: number): Promise<ActorHit[]>;
  close(): Promise<void>;
}

/** Asked for a node key or actor that is not there: the API answers 404. */
export class NotFoundError extends Error {}
/** Malformed request values: the API answers 400. */
export class BadRequestError extends Error {}
