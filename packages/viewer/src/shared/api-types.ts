import type { SerializedGraph } from '@kg/graph-schema';

/**
 * The JSON the viewer server answers with. Graph fragments travel in the
 * graph-file format itself (graphology's export), so the web app has one
 * loader for the API, a dropped file and an expansion.
 */
export interface GraphResponse {
  graph: SerializedGraph;
  /** True when the database holds more than was sent (see `total`). */
  truncated: boolean;
  /** Nodes in the source, including those not sent. */
  total: number;
  /** Every node carries x and y: the initial placement, computed by the server (api/graph only). */
  placed?: boolean;
}

export interface ChainResponse {
  /** Node keys from one actor to the other, alternating Actor and Meeting; empty when none. */
  path: string[];
  graph: SerializedGraph;
}

export interface ActorHit {
  key: string;
  name: string;
  kind: string;
  aliases: string[];
  score: number;
}

export interface SearchResponse {
  hits: ActorHit[];
}

export interface InfoResponse {
  source: 'neo4j' | 'file';
  /** Where the data comes from, for the header: a file name or the database URI (password hidden). */
  name: string;
}
